import { useEffect, useRef, useState } from 'preact/hooks';
import type { ResponseOf } from '../lib/messages/protocol';
import type { PageRecognition } from '../lib/page/detect';
import type { FillReportEntry, FillStatus } from '../lib/page/fill/engine';
import type { PageProduct } from '../lib/page/read/product';
import type { PageSummary } from '../lib/page/summary';
import { t } from './strings';
import { SummaryLine, productText } from './Summary';

type Scope = { productId: string; variantId: string };
type PageContext = ResponseOf<'page.context'>;

export interface EvidenceOffer {
  fileId: string;
  fileName: string;
  zone: string;
}

/** Ce que le panneau peut demander (implémenté par le script de contenu). */
export interface PanelApi {
  context(): Promise<PageContext>;
  capture(): Promise<string[]>;
  fill(source: Scope, opts?: { overwrite?: ReadonlySet<string>; only?: ReadonlySet<string> }): Promise<FillReportEntry[]>;
  undo(): Promise<string[]>;
  canUndo(): boolean;
  /** Preuves de la bibliothèque reliée au produit affiché (jamais de la source choisie). */
  evidenceOffers(): Promise<EvidenceOffer[]>;
  attach(offer: EvidenceOffer): Promise<string>;
}

export interface PanelView {
  recognition: PageRecognition;
  summary: PageSummary;
  product: PageProduct | null;
  problems: string[];
}

const scopeKey = (s: Scope) => `${s.productId}|${s.variantId}`;
const parseScope = (k: string): Scope | null => {
  const i = k.indexOf('|');
  return i > 0 ? { productId: k.slice(0, i), variantId: k.slice(i + 1) } : null;
};

function countsOf(report: FillReportEntry[]) {
  return {
    filled: report.filter((e) => e.status === 'filled').length,
    identical: report.filter((e) => e.status === 'identical').length,
    conflict: report.filter((e) => e.status === 'conflict').length,
    missing: report.filter((e) => e.status === 'refused' || e.status === 'not-found').length,
  };
}

/** Ce qui demande un regard d'abord : conflits, refus, introuvables, puis remplis et identiques. */
const STATUS_ORDER: Record<FillStatus, number> = { conflict: 0, refused: 1, 'not-found': 2, filled: 3, identical: 4 };

const STATUS_TEXT: Record<FillStatus, () => string> = {
  filled: () => t('statusFilled'),
  identical: () => t('statusIdentical'),
  conflict: () => t('statusConflict'),
  refused: () => t('statusRefused'),
  'not-found': () => t('statusNotFound'),
};


/** Le panneau affiché sur les pages Convergence, dans une racine fantôme ouverte. */
export function Panel({ view, api }: { view: PanelView; api: PanelApi }) {
  const [open, setOpen] = useState(true);
  const [ctx, setCtx] = useState<PageContext | null>(null);
  const [source, setSource] = useState('');
  const [busy, setBusy] = useState<'' | 'fill' | 'capture' | 'undo'>('');
  const [messages, setMessages] = useState<string[]>([]);
  const [report, setReport] = useState<FillReportEntry[] | null>(null);
  const [offers, setOffers] = useState<EvidenceOffer[]>([]);
  const productNumber = view.product?.number ?? '';
  const fillable = view.summary.type !== 'nothing';
  const [reportOpen, setReportOpen] = useState(false);
  const reportSummaryRef = useRef<HTMLElement>(null);

  const refresh = async () => {
    try {
      const c = await api.context();
      setCtx(c);
      setSource((prev) => prev || (c.suggestedSource ? scopeKey(c.suggestedSource) : ''));
    } catch (e) {
      setMessages([t('error', { message: e instanceof Error ? e.message : String(e) })]);
    }
  };

  // Le contexte (bibliothèque reliée, source proposée) dépend du produit affiché.
  useEffect(() => {
    // Autre produit affiché : la source et le rapport de l'ancien ne valent plus.
    setSource('');
    setReport(null);
    void refresh();
  }, [productNumber]);

  const scope = parseScope(source);
  // Zones de dépôt vides : les offres ne sont recalculées que quand elles changent (pas à chaque saisie).
  const emptyZones = view.summary.type === 'zones' ? view.summary.empty.join('|') : view.summary.type === 'criteria' ? view.summary.atRisk.join('|') : '';
  useEffect(() => {
    if (!fillable || !view.product) return setOffers([]);
    api.evidenceOffers().then(setOffers, () => setOffers([]));
  }, [productNumber, emptyZones, ctx?.current?.productId]);

  const run = async (kind: 'fill' | 'capture' | 'undo', action: () => Promise<void>) => {
    setBusy(kind);
    try {
      await action();
    } catch (e) {
      setMessages([t('error', { message: e instanceof Error ? e.message : String(e) })]);
    } finally {
      setBusy('');
    }
  };

  const onFill = () =>
    run('fill', async () => {
      if (!scope) return setMessages([t('fillNoSource')]);
      const r = await api.fill(scope);
      setReport(r);
      // Annoncé par la région « status » : le détail, lui, est dans le tableau du rapport.
      setMessages([`${t('reportTitle')} : ${t('reportSummary', countsOf(r))}`]);
      // Le détail s'ouvre de lui-même quand il y a quelque chose à regarder (conflit, refus, introuvable).
      setReportOpen(r.some((e) => e.status !== 'filled' && e.status !== 'identical'));
    });

  const onCapture = () =>
    run('capture', async () => {
      setMessages(await api.capture());
      await refresh();
    });

  const onUndo = () =>
    run('undo', async () => {
      setMessages(await api.undo());
      setReport(null);
    });

  const onOverwrite = (key: string) =>
    run('fill', async () => {
      if (!scope) return;
      const [entry] = await api.fill(scope, { overwrite: new Set([key]), only: new Set([key]) });
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

  const counts = report ? countsOf(report) : null;

  const products = ctx?.products ?? [];
  const linkedName = (() => {
    const cur = ctx?.current;
    if (!cur) return null;
    const e = products.find((x) => x.product.id === cur.productId);
    if (!e) return null;
    return cur.variantId ? (e.displayNames[cur.variantId] ?? e.product.name) : `${e.product.name} ${e.product.version}`;
  })();

  return (
    <section class="ac-panel" aria-label={t('panelRegion')} lang="fr">
      <header class="ac-head">
        <h2 class="ac-title">{t('panelTitle')}</h2>
        <button type="button" class="ac-toggle" aria-expanded={open} aria-controls="ac-body" onClick={() => setOpen(!open)}>
          {open ? t('panelCollapse') : t('panelExpand')}
        </button>
      </header>
      <div id="ac-body" hidden={!open}>
        <p class="ac-status" role="status" aria-live="polite">
          {view.recognition.recognised ? t('pageRecognised', { kind: view.recognition.label }) : t('pageNotRecognised')}
        </p>
        <p class="ac-why">{view.recognition.recognised ? t('pageWhy', { why: view.recognition.because }) : view.recognition.reason}</p>
        {view.product && (
          <p class="ac-product">
            {linkedName ? t('productLinked', { page: productText(view.product), library: linkedName }) : t('productUnlinked', { page: productText(view.product) })}
          </p>
        )}
        {view.recognition.recognised && <SummaryLine summary={view.summary} />}

        {fillable && (
          <div class="ac-actions">
            <label class="ac-source">
              {t('sourceLabel')}{' '}
              <select value={source} onChange={(e) => setSource(e.currentTarget.value)} disabled={busy !== ''}>
                <option value="">{t('sourceNone')}</option>
                {products.map((e) => (
                  <optgroup key={e.product.id} label={`${e.product.name} ${e.product.version}`}>
                    <option value={scopeKey({ productId: e.product.id, variantId: '' })}>
                      {`${e.product.name} ${e.product.version}`}
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
        {fillable && ctx?.suggestedBecause && source === (ctx.suggestedSource ? scopeKey(ctx.suggestedSource) : '') && (
          <p class="ac-why">{ctx.suggestedBecause}</p>
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
                      {STATUS_TEXT[e.status]()}
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
                <li key={i}>{p}</li>
              ))}
            </ul>
          </details>
        )}
      </div>
    </section>
  );
}
