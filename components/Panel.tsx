import { useEffect, useRef, useState } from 'preact/hooks';
import type { ResponseOf } from '../lib/messages/protocol';
import type { FillReportEntry, FillStatus } from '../lib/page/fill/engine';
import type { FillExplanation } from '../lib/page/fill/explain';
import { QUESTIONNAIRE_LABELS } from '../lib/domain/questionnaires';
import { scopeDisplayName } from '../lib/domain/naming';
import type { Scope } from '../lib/domain/schemas';
import { t } from './strings';
import { uiLanguage } from './i18n';
import { pageKindLabel, pageTextOf } from './page-strings';
import { SummaryLine, productText } from './Summary';
import { ReferentialNotice } from './panel/ReferentialNotice';
import type { ReferentialChangeItem } from '../lib/library/referential-changes';
import { tr } from './referential-strings';

type PageContext = ResponseOf<'page.context'>;

export interface EvidenceOffer {
  fileId: string;
  fileName: string;
  zone: string;
}

/** Le choix « Ce produit est : » : un produit ou une variante de la bibliothèque, ou un nouveau produit. */
export type ProductChoice = { scope: Scope } | { create: { name: string; version: string } };

/** Ce que le panneau peut demander (implémenté par le script de contenu). */
export interface PanelApi {
  context(): Promise<PageContext>;
  /** Enregistre les réponses de la page : les messages à afficher, et le contexte de la page à jour. */
  capture(): Promise<{ messages: string[]; context: PageContext }>;
  fill(
    source: Scope,
    opts?: { overwrite?: ReadonlySet<string>; only?: ReadonlySet<string> },
  ): Promise<{ report: PanelReportEntry[]; explanation: FillExplanation | null; sourceName: string }>;
  /** Critères que la page montre changés depuis les réponses de la portée (issue 11 § 3). */
  referentialChanges?(scope: Scope | null): Promise<ReferentialChangeItem[]>;
  /** Retenir pour cet onglet le produit choisi quand la page ne l'affiche pas. */
  choose(choice: ProductChoice): Promise<void>;
  /** Relier le produit affiché comme variante de la famille reconnue à son nom. */
  linkVariant(): Promise<void>;
  /** Relier le produit affiché à une bibliothèque propre (produit distinct, pas une variante). */
  keepSeparate(): Promise<void>;
  undo(): Promise<string[]>;
  canUndo(): boolean;
  /** Preuves de la bibliothèque reliée au produit affiché (jamais de la source choisie). */
  evidenceOffers(): Promise<EvidenceOffer[]>;
  attach(offer: EvidenceOffer): Promise<string>;
}

/** Une ligne du rapport ; `modified` : critère changé par Convergence, non rempli, et pourquoi (issue 11 § 3). */
export type PanelReportEntry = FillReportEntry & { modified?: string };

/** Ce que le script de contenu a lu de la page (message « panel.view »). */
export type PanelView = ResponseOf<'panel.view'>;

const scopeKey = (s: Scope) => `${s.productId}|${s.variantId}`;
const parseScope = (k: string): Scope | null => {
  const i = k.indexOf('|');
  return i > 0 ? { productId: k.slice(0, i), variantId: k.slice(i + 1) } : null;
};

function countsOf(report: FillReportEntry[]) {
  return {
    filled: report.filter((e) => e.status === 'filled').length,
    unchanged: report.filter((e) => e.status === 'unchanged').length,
    conflict: report.filter((e) => e.status === 'conflict').length,
    missing: report.filter((e) => e.status === 'refused' || e.status === 'not-found').length,
  };
}

/** Ce qui demande un regard d'abord : conflits, refus, introuvables, puis remplis et identiques. */
const STATUS_ORDER: Record<FillStatus, number> = { conflict: 0, refused: 1, 'not-found': 2, filled: 3, unchanged: 4 };

const STATUS_TEXT: Record<FillStatus, () => string> = {
  filled: () => t('statusFilled'),
  unchanged: () => t('statusUnchanged'),
  conflict: () => t('statusConflict'),
  refused: () => t('statusRefused'),
  'not-found': () => t('statusNotFound'),
};


/** Texte d'une explication de remplissage sans effet (jamais un rapport de zéros sans raison). */
function explanationText(x: FillExplanation, source: string): string {
  switch (x.code) {
    case 'page-vide':
      return t('fillWhyPageEmpty');
    case 'source-vide':
      return t('fillWhySourceEmpty', { source });
    case 'questionnaire-absent':
      return x.others.length
        ? t('fillWhyQuestionnaire', { source, questionnaire: QUESTIONNAIRE_LABELS[x.questionnaire], others: x.others.map((q) => QUESTIONNAIRE_LABELS[q]).join(', ') })
        : t('fillWhyQuestionnaireOnly', { source, questionnaire: QUESTIONNAIRE_LABELS[x.questionnaire] });
    case 'formulaire-absent':
      return x.form === 'produit' ? t('fillWhyNoProductForm', { source }) : t('fillWhyNoCompany');
    case 'tout-inchange':
      return t('fillWhyUnchanged', { count: x.unchanged, source });
    case 'rien-ecrit':
      return t('fillWhyNothingWritten', { conflict: x.conflict, unchanged: x.unchanged, missing: x.missing });
  }
}

const SUGGESTION_TEXT: Record<PageContext['suggestedReason'], (name: string) => string> = {
  reliee: (name) => t('sourceWhyLinked', { name }),
  'reliee-variante': (name) => t('sourceWhyVariant', { name }),
  'reliee-distributeur': (name) => t('sourceWhyDistributor', { name }),
  'famille-du-nom': (name) => t('sourceWhyFamilyByName', { name }),
  'meme-nom': (name) => t('sourceWhySameName', { name }),
  derniere: (name) => t('sourceWhyLast', { name }),
  seule: (name) => t('sourceWhyOnly', { name }),
  recente: (name) => t('sourceWhyRecent', { name }),
  aucune: () => t('sourceWhyNone'),
};

const NEW_PRODUCT = 'nouveau';

/** Le choix « Ce produit est : » quand la page n'affiche pas (ou plus) son produit. */
function ProductChooser({ products, busy, onChoose, onCancel }: {
  products: PageContext['products'];
  busy: boolean;
  onChoose: (c: ProductChoice) => void;
  onCancel?: () => void;
}) {
  const [value, setValue] = useState('');
  const [name, setName] = useState('');
  const [version, setVersion] = useState('');
  const scope = parseScope(value);
  const creating = value === NEW_PRODUCT;
  const ready = creating ? name.trim() !== '' && version.trim() !== '' : !!scope;
  return (
    <form
      class="ac-chooser"
      onSubmit={(e) => {
        e.preventDefault();
        if (!ready) return;
        onChoose(creating ? { create: { name: name.trim(), version: version.trim() } } : { scope: scope! });
      }}
    >
      <label>
        {t('chooseLabel')}{' '}
        <select value={value} onChange={(e) => setValue(e.currentTarget.value)} disabled={busy}>
          <option value="">{t('chooseNone')}</option>
          {products.map((e) => (
            <optgroup key={e.product.id} label={scopeDisplayName(e.product)}>
              <option value={scopeKey({ productId: e.product.id, variantId: '' })}>{scopeDisplayName(e.product)}</option>
              {e.variants.map((v) => (
                <option key={v.id} value={scopeKey({ productId: e.product.id, variantId: v.id })}>
                  {e.displayNames[v.id] ?? v.id}
                </option>
              ))}
            </optgroup>
          ))}
          <option value={NEW_PRODUCT}>{t('chooseNew')}</option>
        </select>
      </label>
      {creating && (
        <>
          <label>
            {t('chooseNewName')} <input type="text" value={name} onInput={(e) => setName(e.currentTarget.value)} required maxLength={300} />
          </label>
          <label>
            {t('chooseNewVersion')} <input type="text" value={version} onInput={(e) => setVersion(e.currentTarget.value)} required maxLength={100} />
          </label>
        </>
      )}
      <button type="submit" class="ac-btn" disabled={busy || !ready}>
        {t('chooseSubmit')}
      </button>
      {onCancel && (
        <button type="button" class="ac-btn" onClick={onCancel} disabled={busy}>
          {t('chooseCancel')}
        </button>
      )}
    </form>
  );
}

/** Le panneau affiché sur les pages Convergence, dans une racine fantôme ouverte. */
export function Panel({ view, api }: { view: PanelView; api: PanelApi }) {
  const [open, setOpen] = useState(true);
  const [ctx, setCtx] = useState<PageContext | null>(null);
  const [source, setSource] = useState('');
  // Un choix de la personne n'est jamais remplacé par une relecture de la page.
  const sourceChosen = useRef(false);
  const [busy, setBusy] = useState<'' | 'fill' | 'capture' | 'undo' | 'link'>('');
  const [messages, setMessages] = useState<string[]>([]);
  const [report, setReport] = useState<PanelReportEntry[] | null>(null);
  const [changed, setChanged] = useState<ReferentialChangeItem[]>([]);
  const [offers, setOffers] = useState<EvidenceOffer[]>([]);
  const [choosing, setChoosing] = useState(false);
  const productNumber = view.product?.number ?? '';
  const shownNumber = useRef(productNumber);
  const fillable = view.summary.type !== 'nothing';
  const [reportOpen, setReportOpen] = useState(false);
  const reportSummaryRef = useRef<HTMLElement>(null);

  const applyContext = (c: PageContext) => {
    setCtx(c);
    const suggested = c.suggestedSource ? scopeKey(c.suggestedSource) : '';
    setSource((prev) => (sourceChosen.current && prev ? prev : suggested));
  };
  const refresh = async () => {
    try {
      applyContext(await api.context());
    } catch (e) {
      setMessages([t('error', { message: e instanceof Error ? e.message : String(e) })]);
    }
  };

  // Le contexte (bibliothèque reliée, source proposée) dépend du produit affiché.
  useEffect(() => {
    const before = shownNumber.current;
    shownNumber.current = productNumber;
    // Un produit qui apparaît tard (rendu lent) ne défait rien. Un AUTRE produit affiché : la source et le
    // rapport de l'ancien ne valent plus, et le panneau le dit.
    if (before && productNumber && before !== productNumber) {
      sourceChosen.current = false;
      setReport(null);
      setMessages([t('productChanged', { page: view.product ? productText(view.product) : productNumber })]);
    }
    void refresh();
  }, [productNumber]);

  // Critères modifiés par Convergence : relus à l'arrivée du contexte et à chaque autre produit ou page, jamais
  // après un remplissage ou un enregistrement (un geste = un message à l'arrière-plan).
  const ctxLoaded = ctx !== null;
  useEffect(() => {
    if (!ctxLoaded || !api.referentialChanges || view.summary.type !== 'criteria') return setChanged([]);
    api.referentialChanges(ctx?.current ?? ctx?.suggestedSource ?? null).then(setChanged, () => setChanged([]));
  }, [ctxLoaded, productNumber, view.recognition.recognised ? view.recognition.kind : '', view.summary.type]);

  const scope = parseScope(source);
  // Zones de dépôt vides : les offres ne sont recalculées que quand elles changent (pas à chaque saisie).
  const emptyZones = view.summary.type === 'zones' ? view.summary.empty.join('|') : view.summary.type === 'criteria' ? view.summary.atRisk.join('|') : '';
  useEffect(() => {
    if (!fillable || !ctx?.current) return setOffers([]);
    api.evidenceOffers().then(setOffers, () => setOffers([]));
  }, [productNumber, emptyZones, ctx?.current?.productId, ctx?.current?.variantId]);

  const run = async (kind: 'fill' | 'capture' | 'undo' | 'link', action: () => Promise<void>) => {
    setBusy(kind);
    // Le message de l'action précédente ne doit pas passer pour celui de la nouvelle.
    setMessages([]);
    try {
      await action();
    } catch (e) {
      setMessages([t('error', { message: e instanceof Error ? e.message : String(e) })]);
    } finally {
      setBusy('');
    }
  };

  const products = ctx?.products ?? [];
  const nameOf = (s: Scope | null | undefined): string | null => {
    if (!s) return null;
    const e = products.find((x) => x.product.id === s.productId);
    if (!e) return null;
    return scopeDisplayName(e.product, s.variantId ? e.variants.find((v) => v.id === s.variantId) : undefined);
  };

  const onFill = () =>
    run('fill', async () => {
      if (!scope) return setMessages([products.length ? t('fillNoSource') : t('fillNoLibrary')]);
      setReport(null);
      const { report: r, explanation, sourceName } = await api.fill(scope);
      setReport(r);
      // Annoncé par la région « status » : le détail, lui, est dans le tableau du rapport.
      const lines = [`${t('reportTitle')} : ${t('reportSummary', countsOf(r))}`];
      if (explanation) lines.push(explanationText(explanation, sourceName));
      setMessages(lines);
      // Le détail s'ouvre de lui-même quand il y a quelque chose à regarder (conflit, refus, introuvable).
      setReportOpen(r.some((e) => e.status !== 'filled' && e.status !== 'unchanged'));
    });

  const onCapture = () =>
    run('capture', async () => {
      // Le contexte à jour (bibliothèque reliée ou créée) vient avec le compte rendu : rien à redemander.
      const { messages: lines, context } = await api.capture();
      setMessages(lines);
      applyContext(context);
    });

  const onUndo = () =>
    run('undo', async () => {
      setMessages(await api.undo());
      setReport(null);
    });

  const onOverwrite = (key: string) =>
    run('fill', async () => {
      if (!scope) return;
      const { report: [entry] } = await api.fill(scope, { overwrite: new Set([key]), only: new Set([key]) });
      if (entry) {
        setReport((prev) => (prev ?? []).map((e) => (e.key === key ? entry : e)));
        setMessages([`${entry.label} : ${STATUS_TEXT[entry.status]()}`]);
      }
      // Le bouton « Remplacer » disparaît : le focus revient au résumé du rapport plutôt qu'au corps de la page.
      requestAnimationFrame(() => reportSummaryRef.current?.focus());
    });

  const onAttach = (offer: EvidenceOffer) =>
    run('fill', async () => {
      setMessages([await api.attach(offer)]);
      setOffers((prev) => prev.filter((o) => o !== offer));
    });

  const onChoose = (choice: ProductChoice) =>
    run('link', async () => {
      await api.choose(choice);
      setChoosing(false);
      // Le produit choisi devient la source proposée (elle hérite de sa famille ou de son producteur).
      sourceChosen.current = false;
      await refresh();
      setMessages([t('chooseDone')]);
    });

  const onLinkVariant = () =>
    run('link', async () => {
      const c = ctx?.variantCandidate;
      await api.linkVariant();
      sourceChosen.current = false;
      await refresh();
      if (c) setMessages([t('variantLinked', { page: c.pageName, variant: c.variantLabel, family: c.familyName })]);
    });

  const onKeepSeparate = () =>
    run('link', async () => {
      await api.keepSeparate();
      sourceChosen.current = false;
      await refresh();
    });

  const counts = report ? countsOf(report) : null;
  const identity = ctx?.identity;
  const shown = view.product ?? identity?.product ?? null;
  const linkedName = nameOf(ctx?.current);
  const candidate = ctx?.variantCandidate ?? null;
  // Le produit compte pour les questionnaires et les dépôts ; pas pour le formulaire d'un nouveau produit
  // ni pour la fiche administrative (celle de l'entreprise).
  const productScoped =
    fillable && view.recognition.recognised && view.recognition.kind !== 'produit-formulaire' && view.recognition.kind !== 'fiche-administrative';
  const unread = productScoped && !view.product && (!ctx || identity?.from === 'aucune');

  return (
    <section class="ac-panel" aria-label={t('panelRegion')} lang={uiLanguage()}>
      <header class="ac-head">
        <h2 class="ac-title">{t('panelTitle')}</h2>
        <button type="button" class="ac-toggle" aria-expanded={open} aria-controls="ac-body" onClick={() => setOpen(!open)}>
          {open ? t('panelCollapse') : t('panelExpand')}
        </button>
      </header>
      <div id="ac-body" hidden={!open}>
        <p class="ac-status" role="status" aria-live="polite">
          {view.recognition.recognised ? t('pageRecognised', { kind: pageKindLabel(view.recognition.kind) }) : t('pageNotRecognised')}
        </p>
        <p class="ac-why">{view.recognition.recognised ? t('pageWhy', { why: pageTextOf(view.recognition.because) }) : pageTextOf(view.recognition.reason)}</p>
        {view.recognition.recognised && (
          <div class="ac-product">
            {shown && (
              <p>
                {identity?.from === 'precedente' && !view.product
                  ? linkedName
                    ? t('productPreviousLinked', { page: productText(shown), library: linkedName })
                    : t('productPrevious', { page: productText(shown) })
                  : linkedName
                    ? t('productLinked', { page: productText(shown), library: linkedName })
                    : candidate
                      ? t('productVariantCandidate', { page: productText(shown) })
                      : t('productUnlinked', { page: productText(shown) })}
              </p>
            )}
            {!shown && identity?.from === 'choix' && linkedName && <p>{t('productChosen', { library: linkedName })}</p>}
            {unread && <p>{t('productUnread')}</p>}
            {candidate && (
              <p class="ac-actions">
                <button type="button" class="ac-btn primary" onClick={onLinkVariant} disabled={busy !== ''}>
                  {t('linkVariant', { page: candidate.pageName, variant: candidate.variantLabel, family: candidate.familyName })}
                </button>
                <button type="button" class="ac-btn" onClick={onKeepSeparate} disabled={busy !== ''}>
                  {t('keepSeparate', { page: candidate.pageName })}
                </button>
              </p>
            )}
            {(unread || choosing) && ctx ? (
              <ProductChooser products={products} busy={busy !== ''} onChoose={onChoose} onCancel={choosing ? () => setChoosing(false) : undefined} />
            ) : (
              !view.product && ctx && (identity?.from === 'precedente' || identity?.from === 'choix') && (
                <button type="button" class="ac-btn small" onClick={() => setChoosing(true)} disabled={busy !== ''}>
                  {t('chooseOther')}
                </button>
              )
            )}
          </div>
        )}
        {view.recognition.recognised && <SummaryLine summary={view.summary} />}
        {view.recognition.recognised && <ReferentialNotice items={changed} />}

        {fillable && (
          <div class="ac-actions">
            <label class="ac-source">
              {t('sourceLabel')}{' '}
              <select
                value={source}
                onChange={(e) => {
                  sourceChosen.current = true;
                  setSource(e.currentTarget.value);
                }}
                disabled={busy !== ''}
              >
                <option value="">{t('sourceNone')}</option>
                {products.map((e) => (
                  <optgroup key={e.product.id} label={scopeDisplayName(e.product)}>
                    <option value={scopeKey({ productId: e.product.id, variantId: '' })}>
                      {scopeDisplayName(e.product)}
                      {e.product.convergenceNumber ? ` (n° ${e.product.convergenceNumber})` : ''}
                    </option>
                    {e.variants.map((v) => (
                      <option key={v.id} value={scopeKey({ productId: e.product.id, variantId: v.id })}>
                        {e.displayNames[v.id] ?? v.id}
                        {v.convergenceNumber ? ` (n° ${v.convergenceNumber})` : ''}
                      </option>
                    ))}
                  </optgroup>
                ))}
              </select>
            </label>
            <button type="button" class="ac-btn primary" onClick={onFill} disabled={busy !== ''} aria-busy={busy === 'fill'}>
              {busy === 'fill' ? t('busyFill') : t('fill')}
            </button>
            <button type="button" class="ac-btn" onClick={onCapture} disabled={busy !== ''} aria-busy={busy === 'capture'}>
              {busy === 'capture' ? t('busyCapture') : t('capture')}
            </button>
            {api.canUndo() && (
              <button type="button" class="ac-btn" onClick={onUndo} disabled={busy !== ''}>
                {t('undoFill')}
              </button>
            )}
          </div>
        )}
        {fillable && ctx && source === (ctx.suggestedSource ? scopeKey(ctx.suggestedSource) : '') && (
          <p class="ac-why">{SUGGESTION_TEXT[ctx.suggestedReason](nameOf(ctx.suggestedSource) ?? '')}</p>
        )}

        <div class="ac-messages" role="status" aria-live="polite">
          {messages.map((m, i) => (
            <p key={i} class="ac-message">{m}</p>
          ))}
        </div>

        {offers.length > 0 && (
          <div class="ac-evidence">
            <h3 class="ac-subtitle">{t('evidenceTitle')}</h3>
            <ul>
              {offers.map((o) => (
                <li key={`${o.fileId}|${o.zone}`}>
                  <button type="button" class="ac-btn" onClick={() => onAttach(o)} disabled={busy !== ''}>
                    {t('evidenceAttach', { file: o.fileName, zone: o.zone })}
                  </button>
                </li>
              ))}
            </ul>
          </div>
        )}

        {report && counts && (
          <details class="ac-report" open={reportOpen} onToggle={(e) => setReportOpen((e.currentTarget as HTMLDetailsElement).open)}>
            <summary ref={reportSummaryRef}>
              <strong>{t('reportTitle')} : </strong>
              <span class="ac-report-counts">{t('reportSummary', counts)}</span>
            </summary>
            <table>
              <caption class="ac-sr">{t('reportTitle')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('reportField')}</th>
                  <th scope="col">{t('reportStatus')}</th>
                  <th scope="col">{t('reportPage')}</th>
                  <th scope="col">{t('reportLibrary')}</th>
                </tr>
              </thead>
              <tbody>
                {[...report].sort((a, b) => STATUS_ORDER[a.status] - STATUS_ORDER[b.status]).map((e) => (
                  <tr key={e.key} data-status={e.status}>
                    <th scope="row">{e.label}</th>
                    <td>
                      {e.modified ? `${tr('statusModified')} : ${e.modified}` : STATUS_TEXT[e.status]()}
                      {e.status === 'conflict' && (
                        <>
                          {' '}
                          <button type="button" class="ac-btn small" onClick={() => onOverwrite(e.key)} disabled={busy !== ''} aria-label={t('overwriteLabel', { field: e.label })}>
                            {t('overwrite')}
                          </button>
                        </>
                      )}
                    </td>
                    <td>{e.pageValue}</td>
                    <td>{e.libraryValue}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </details>
        )}

        {view.problems.length > 0 && (
          <details class="ac-problems">
            <summary>
              {t('problemsTitle')} ({view.problems.length})
            </summary>
            <ul>
              {view.problems.map((p, i) => (
                <li key={i}>{pageTextOf(p)}</li>
              ))}
            </ul>
          </details>
        )}
      </div>
    </section>
  );
}
