/**
 * Paquets producteur dans le gestionnaire (issue 10) : la clé de signature, « Partager avec un distributeur »
 * (aperçu puis fichier signé), « Importer un paquet producteur » (vérifié par l'arrière-plan avant d'être
 * montré), le marqueur « Paquet de … » d'un produit en lecture seule et les réponses « à revoir ».
 * Les décisions sont dans lib/library/packages.ts ; ici, seulement l'affichage et les choix de la personne.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import type { ResponseOf } from '../../lib/messages/protocol';
import { QUESTIONNAIRES, QUESTIONNAIRE_LABELS, type QuestionnaireId } from '../../lib/domain/questionnaires';
import { useAction, useLoad, useManager } from './context';
import { FieldError } from './fields';
import { base64ToBlob, downloadBlob, fileToBase64, formatDate } from './files';
import type { ProductEntry, Scope } from './types';
import { scopeDisplayName } from '../../lib/domain/naming';
import { tp } from './package-strings';

type SharePreview = ResponseOf<'package.share.preview'>;
type Inspect = ResponseOf<'package.inspect'>;
type Field = 'value' | 'comment' | 'specificite';

const valueText = (v: SharePreview['rows'][number]['value']) =>
  !v ? '' : v.kind === 'niveau' ? (v.level === 'NA' ? 'NA' : `Niveau ${v.level}`) : v.kind === 'conformite' ? (v.conformity === 'conforme' ? 'Conforme' : 'Non conforme') : v.kind === 'preuves' ? 'documents' : '';

/** Empreinte de la clé de la bibliothèque et export de la clé publique. */
export function KeyPanel() {
  const { send, announce } = useManager();
  const [busy, run] = useAction();
  const key = useLoad(() => send('package.key', {}), []);
  const exportKey = () =>
    void run(async () => {
      const r = await send('package.key.export', {});
      downloadBlob(r.fileName, new Blob([r.pem], { type: 'application/x-pem-file' }));
      announce(tp('keyExported', { name: r.fileName }));
    });
  return (
    <section aria-labelledby="mgr-cle" class="mgr-subsection">
      <h3 id="mgr-cle">{tp('keyTitle')}</h3>
      <p class="mgr-hint">{tp('keyHint')}</p>
      {key.data && (
        <dl class="mgr-counts">
          <div>
            <dt>{tp('keyFingerprint')}</dt>
            <dd class="mgr-fingerprint">{key.data.fingerprint.display}</dd>
          </div>
        </dl>
      )}
      <button type="button" class="btn secondary" disabled={busy} onClick={exportKey}>
        {tp('keyExport')}
      </button>
    </section>
  );
}

/** « Partager avec un distributeur » : aperçu, choix du contenu, puis le fichier signé. */
export function SharePanel({ scope }: { scope: Scope }) {
  const { send, announce, version } = useManager();
  const [busy, run] = useAction();
  // Un produit reçu d'un producteur n'est pas à partager en son propre nom (l'arrière-plan le refuse aussi).
  const received = useLoad(() => send('package.list', {}), [version]).data?.packages.find((x) => x.producerProductId === scope.productId);
  // L'aperçu appartient à la portée qui l'a demandé : le gestionnaire garde ce composant d'un produit à l'autre
  // (même onglet), et l'aperçu d'un produit montré sous un autre ferait écrire le paquet de ce dernier.
  const scopeKey = `${scope.productId}|${scope.variantId}`;
  const [shown, setShown] = useState<{ scope: string; preview: SharePreview } | null>(null);
  const preview = shown?.scope === scopeKey ? shown.preview : null;
  const setPreview = (forScope: string, next: SharePreview) => setShown({ scope: forScope, preview: next });
  const [questionnaires, setQuestionnaires] = useState<QuestionnaireId[]>([]);
  const [confidential, setConfidential] = useState<Set<string>>(new Set());
  const [withheld, setWithheld] = useState<Record<string, Field[]>>({});
  const [contents, setContents] = useState<Set<string>>(new Set());
  const heading = useRef<HTMLHeadingElement>(null);
  const openButton = useRef<HTMLButtonElement>(null);
  // Le focus va, une fois rendu, au titre de l'aperçu ouvert, ou au bouton qui le rouvre quand il est fermé
  // (pas à chaque aperçu relu après un choix) ; un minuteur lancé avant le rendu pouvait passer avant lui.
  const focusAfter = useRef<'apercu' | 'bouton' | null>(null);
  useEffect(() => {
    if (focusAfter.current === 'apercu' && preview) heading.current?.focus();
    else if (focusAfter.current === 'bouton' && !preview) openButton.current?.focus();
    else return;
    focusAfter.current = null;
  }, [shown]);

  const request = (over: Partial<{ questionnaires: QuestionnaireId[]; confidential: Set<string>; withheld: Record<string, Field[]>; contents: Set<string> }> = {}) => ({
    ...scope,
    questionnaires: over.questionnaires ?? questionnaires,
    confidentialComments: [...(over.confidential ?? confidential)],
    withheld: over.withheld ?? withheld,
    evidenceContents: [...(over.contents ?? contents)],
  });
  const refresh = (over: Parameters<typeof request>[0]) => {
    const key = scopeKey;
    void run(async () => setPreview(key, await send('package.share.preview', request(over))));
  };

  const open = () =>
    void run(async () => {
      const key = scopeKey;
      // Premier aperçu : tous les questionnaires d'évaluation répondus, marques « confidentiel » gardées pour ce produit.
      const first = await send('package.share.preview', { ...scope, questionnaires: ['interoperabilite', 'urbanisation', 'securite', 'ethique', 'rgpd', 'securite-echanges'] });
      const qs = [...new Set(first.rows.map((r) => r.questionnaire))];
      setQuestionnaires(qs);
      setConfidential(new Set(first.confidentialComments));
      // Choix repris de zéro : ceux d'un aperçu précédent (autre produit peut-être) ne valent pas ici.
      setWithheld({});
      setContents(new Set());
      focusAfter.current = 'apercu';
      setPreview(key, first);
    });
  const build = () =>
    void run(async () => {
      const key = scopeKey;
      const r = await send('package.share.build', request());
      downloadBlob(r.fileName, base64ToBlob(r.contentBase64, 'application/octet-stream'));
      announce(tp('shareBuilt', { sequence: r.sequence, name: r.fileName, fingerprint: r.fingerprint.display }));
      setPreview(key, await send('package.share.preview', request()));
    });

  const toggleSet = (set: Set<string>, v: string, on: boolean) => {
    const next = new Set(set);
    if (on) next.add(v);
    else next.delete(v);
    return next;
  };
  const toggleField = (key: string, f: Field, shared: boolean) => {
    const cur = new Set(withheld[key] ?? []);
    if (shared) cur.delete(f);
    else cur.add(f);
    const next = { ...withheld, [key]: [...cur] };
    setWithheld(next);
    refresh({ withheld: next });
  };

  const p = preview;
  // Ordre fixe (celui des questionnaires) : une case décochée ne change pas de place sous le focus.
  const allQs = p ? QUESTIONNAIRES.filter((q) => questionnaires.includes(q) || p.rows.some((r) => r.questionnaire === q)) : [];
  return (
    <section aria-labelledby="mgr-partage" class="mgr-subsection">
      <h3 id="mgr-partage">{tp('shareTitle')}</h3>
      <p class="mgr-hint">{tp('shareHint')}</p>
      {received && <p>{tp('shareReceived', { producer: received.producerName })}</p>}
      {!p && !received && (
        <button ref={openButton} type="button" class="btn secondary" disabled={busy} onClick={open}>
          {tp('shareOpen')}
        </button>
      )}
      {p && (
        <div class="mgr-preview">
          <h4 ref={heading} tabIndex={-1}>
            {p.productName}
          </h4>
          <p>{tp('shareSequence', { sequence: p.sequence, fingerprint: p.fingerprint.display, company: p.companyName })}</p>
          <fieldset>
            <legend>{tp('shareQuestionnaires')}</legend>
            {allQs.map((q) => (
              <label key={q} class="mgr-check">
                <input
                  type="checkbox"
                  checked={questionnaires.includes(q)}
                  onChange={(e) => {
                    const next = (e.currentTarget as HTMLInputElement).checked ? [...questionnaires, q] : questionnaires.filter((x) => x !== q);
                    setQuestionnaires(next);
                    refresh({ questionnaires: next });
                  }}
                />{' '}
                {/* Décoché, un questionnaire n'est plus dans le résumé : son nom vient alors du référentiel. */}
                {p.summary.questionnaires.find((s) => s.questionnaire === q)?.label ?? QUESTIONNAIRE_LABELS[q]}
              </label>
            ))}
          </fieldset>
          <p role="status">
            {tp('shareCounts', {
              criteria: p.summary.criteria,
              comments: p.summary.comments,
              confidential: p.summary.omitted.confidentialComments,
              described: p.summary.evidence.described,
              content: p.summary.evidence.withContent,
            })}
          </p>
          <div class="mgr-table-wrap">
            <table class="mgr-table">
              <caption>{tp('shareTitle')}</caption>
              <thead>
                <tr>
                  <th scope="col">{tp('shareColId')}</th>
                  <th scope="col">{tp('shareColCriterion')}</th>
                  <th scope="col">{tp('shareColValue')}</th>
                  <th scope="col">{tp('shareColComment')}</th>
                  <th scope="col">{tp('shareColSpecificite')}</th>
                  <th scope="col">{tp('shareColEvidence')}</th>
                </tr>
              </thead>
              <tbody>
                {p.rows
                  .filter((r) => questionnaires.includes(r.questionnaire))
                  .map((r) => {
                    const off = new Set(withheld[r.key] ?? []);
                    const fieldBox = (f: Field, what: string, text: string) => (
                      <label class="mgr-check">
                        <input type="checkbox" checked={!off.has(f)} aria-label={tp('shareInclude', { what, id: r.id })} onChange={(e) => toggleField(r.key, f, (e.currentTarget as HTMLInputElement).checked)} /> {text}
                      </label>
                    );
                    return (
                      <tr key={r.key}>
                        <th scope="row">{r.id}</th>
                        <td>{r.title}</td>
                        <td>{r.value && fieldBox('value', tp('shareColValue'), valueText(r.value))}</td>
                        <td>
                          {r.comment && (
                            <>
                              {fieldBox('comment', tp('shareColComment'), r.comment)}
                              <label class="mgr-check">
                                <input
                                  type="checkbox"
                                  checked={confidential.has(r.key)}
                                  aria-label={tp('shareConfidentialLabel', { id: r.id })}
                                  onChange={(e) => {
                                    const next = toggleSet(confidential, r.key, (e.currentTarget as HTMLInputElement).checked);
                                    setConfidential(next);
                                    refresh({ confidential: next });
                                  }}
                                />{' '}
                                {tp('shareConfidential')}
                              </label>
                            </>
                          )}
                        </td>
                        <td>{r.specificite && fieldBox('specificite', tp('shareColSpecificite'), r.specificite === 'oui' ? 'Oui' : 'Non')}</td>
                        <td>
                          {r.evidence.map((e) => (
                            <div key={`${e.name}-${e.sha256 ?? ''}`}>
                              {e.name} ({e.evidenceType}){' '}
                              {e.contentAvailable && e.sha256 ? (
                                <label class="mgr-check">
                                  <input
                                    type="checkbox"
                                    checked={contents.has(e.sha256)}
                                    aria-label={tp('shareContent', { name: e.name })}
                                    onChange={(ev) => {
                                      const next = toggleSet(contents, e.sha256!, (ev.currentTarget as HTMLInputElement).checked);
                                      setContents(next);
                                      refresh({ contents: next });
                                    }}
                                  />{' '}
                                  {tp('shareContent', { name: e.name })}
                                </label>
                              ) : (
                                tp('shareDescribed')
                              )}
                            </div>
                          ))}
                        </td>
                      </tr>
                    );
                  })}
              </tbody>
            </table>
          </div>
          <h4 id="mgr-partage-mb">{tp('shareWhiteLabel')}</h4>
          <ul aria-labelledby="mgr-partage-mb">
            {p.summary.whiteLabelReview.map((c) => (
              <li key={c.key}>
                {c.id} — {c.title} ({c.inPackage ? tp('shareInPackage') : tp('shareNotInPackage')})
              </li>
            ))}
          </ul>
          <h4 id="mgr-partage-oui">{tp('shareOui')}</h4>
          {p.summary.specificiteOui.length === 0 ? (
            <p>{tp('shareNone')}</p>
          ) : (
            <ul aria-labelledby="mgr-partage-oui">
              {p.summary.specificiteOui.map((c) => (
                <li key={c.key}>
                  {c.id}
                  {c.title ? ` — ${c.title}` : ''}
                </li>
              ))}
            </ul>
          )}
          <div class="mgr-buttons">
            <button type="button" class="btn" disabled={busy || questionnaires.length === 0} onClick={build}>
              {tp('shareBuild')}
            </button>
            <button
              type="button"
              class="btn secondary"
              disabled={busy}
              onClick={() => {
                focusAfter.current = 'bouton';
                setShown(null);
              }}
            >
              {tp('shareClose')}
            </button>
          </div>
        </div>
      )}
    </section>
  );
}

/** « Importer un paquet producteur » : vérifié d'abord, puis aperçu, confirmation de l'empreinte, différences. */
export function PackageImportPanel({ entries }: { entries: readonly ProductEntry[] }) {
  const { send, announce, author, changed } = useManager();
  const [busy, run] = useAction();
  const [file, setFile] = useState<{ fileName: string; contentBase64: string } | null>(null);
  const [inspect, setInspect] = useState<Inspect | null>(null);
  const [confirmed, setConfirmed] = useState(false);
  const [otherKey, setOtherKey] = useState(false);
  const [distributor, setDistributor] = useState('');
  const [fileError, setFileError] = useState('');
  const input = useRef<HTMLInputElement>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  // Chaque paquet vérifié : focus sur le titre de son aperçu, une fois rendu ; après l'import, l'aperçu (et
  // le bouton qui avait le focus) disparaît : le focus revient au champ du fichier plutôt que de se perdre.
  const focusFile = useRef(false);
  useEffect(() => {
    if (inspect) heading.current?.focus();
    else if (focusFile.current) {
      focusFile.current = false;
      input.current?.focus();
    }
  }, [inspect]);

  const verify = (ev: Event) =>
    void run(async () => {
      ev.preventDefault();
      setInspect(null);
      setFileError('');
      const f = input.current?.files?.[0];
      // Rien de choisi : l'erreur est sur le champ, qui reprend le focus (pas un clic sans effet).
      if (!f) {
        setFileError(tp('importNoFile'));
        input.current?.focus();
        return;
      }
      const payload = { fileName: f.name, contentBase64: await fileToBase64(f) };
      const r = await send('package.inspect', payload);
      setFile(payload);
      setConfirmed(false);
      setOtherKey(false);
      const linked = r.linkedDistributors[0] ?? entries.find((e) => e.product.role.kind === 'distributeur' && e.product.role.producerProductId === r.producerProductId)?.product.id;
      setDistributor(linked ?? '');
      setInspect(r);
    });
  const mustConfirm = !!inspect && ((inspect.verdict.kind === 'nouveau' && !inspect.verdict.keyKnown) || inspect.verdict.kind === 'autre-cle');
  const commit = () =>
    void run(async () => {
      if (!file || !inspect) return;
      const r = await send('package.commit', {
        ...file,
        author,
        ...(mustConfirm && confirmed ? { confirmedFingerprint: inspect.fingerprint.hex } : {}),
        ...(inspect.verdict.kind === 'autre-cle' ? { acceptOtherKey: otherKey } : {}),
        ...(distributor ? { distributorProductId: distributor } : {}),
      });
      focusFile.current = true;
      setInspect(null);
      setFile(null);
      if (input.current) input.current.value = '';
      changed();
      announce(r.review.length ? tp('importDoneReview', { marker: r.marker, count: r.review.length }) : tp('importDone', { marker: r.marker }));
    });

  const candidates = entries.filter((e) => e.product.id !== inspect?.producerProductId && e.product.role.kind !== 'producteur');
  const i = inspect;
  return (
    <section aria-labelledby="mgr-paquet-import" class="mgr-subsection">
      <h3 id="mgr-paquet-import">{tp('importTitle')}</h3>
      <p class="mgr-hint">{tp('importHint')}</p>
      <form onSubmit={verify}>
        <label for="mgr-paquet-fichier">{tp('importFile')}</label>{' '}
        <input
          id="mgr-paquet-fichier"
          ref={input}
          type="file"
          accept=".convergence-paquet"
          aria-invalid={fileError ? true : undefined}
          aria-describedby={fileError ? 'mgr-paquet-fichier-error' : undefined}
          onChange={() => setFileError('')}
        />{' '}
        <button type="submit" class="btn secondary" disabled={busy}>
          {tp('importVerify')}
        </button>
        <FieldError id="mgr-paquet-fichier-error" error={fileError} />
      </form>
      {i && (
        <section class="mgr-preview" aria-labelledby="mgr-paquet-apercu">
          <h4 id="mgr-paquet-apercu" ref={heading} tabIndex={-1}>
            {tp('importPreviewTitle', { producer: i.producer.name })}
          </h4>
          <dl class="mgr-counts">
            <div>
              <dt>{tp('importProducer')}</dt>
              <dd>{i.producer.name}</dd>
            </div>
            <div>
              <dt>{tp('importFingerprint')}</dt>
              <dd class="mgr-fingerprint">{i.fingerprint.display}</dd>
            </div>
            <div>
              <dt>{tp('importProduct')}</dt>
              <dd>
                {i.product.name} {i.product.version} — n° {i.product.convergenceNumber}
              </dd>
            </div>
            <div>
              <dt>{tp('importDate')}</dt>
              <dd>{formatDate(i.createdAt)}</dd>
            </div>
            <div>
              <dt>{tp('importSequence')}</dt>
              <dd>{i.sequence}</dd>
            </div>
            <div>
              <dt>{tp('importHolds')}</dt>
              <dd>{i.summary.questionnaires.map((q) => `${q.label} : ${q.criteria}`).join(' ; ')}</dd>
            </div>
            <div>
              <dt>{tp('importOmits')}</dt>
              <dd>{tp('importOmitsText', { confidential: i.summary.omitted.confidentialComments, contents: i.summary.omitted.evidenceContents })}</dd>
            </div>
          </dl>
          <p role={i.verdict.kind === 'autre-cle' ? 'alert' : undefined} class={i.verdict.kind === 'autre-cle' ? 'mgr-error-text' : undefined}>
            {i.verdict.message}
          </p>
          {i.diff && (
            <section aria-labelledby="mgr-paquet-diff">
              <h5 id="mgr-paquet-diff">{tp('diffTitle')}</h5>
              {i.diff.added.length + i.diff.removed.length + i.diff.changed.length === 0 ? (
                <p>{tp('diffNone')}</p>
              ) : (
                <table class="mgr-table" aria-labelledby="mgr-paquet-diff">
                  <thead>
                    <tr>
                      <th scope="col">{tp('shareColId')}</th>
                      <th scope="col">{tp('diffColKind')}</th>
                      <th scope="col">{tp('diffColBefore')}</th>
                      <th scope="col">{tp('diffColAfter')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {[
                      ...i.diff.changed.map((e) => ({ e, kind: `${tp('diffChanged')} (${e.fields.join(', ')})` })),
                      ...i.diff.added.map((e) => ({ e, kind: tp('diffAdded') })),
                      ...i.diff.removed.map((e) => ({ e, kind: tp('diffRemoved') })),
                    ].map(({ e, kind }) => (
                      <tr key={e.key}>
                        <th scope="row">{e.id}</th>
                        <td>{kind}</td>
                        <td>{e.before}</td>
                        <td>{e.after}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              )}
              <h5 id="mgr-paquet-revoir">{tp('inheritedTitle')}</h5>
              {(i.inherited ?? []).length === 0 ? (
                <p>{tp('inheritedNone')}</p>
              ) : (
                <ul aria-labelledby="mgr-paquet-revoir">
                  {(i.inherited ?? []).map((c) => (
                    <li key={`${c.distributorProductId}-${c.key}`}>
                      {tp('inheritedItem', { id: c.id, title: c.title ? ` — ${c.title}` : '' })}
                    </li>
                  ))}
                </ul>
              )}
            </section>
          )}
          {mustConfirm && (
            <label class="mgr-check">
              <input type="checkbox" checked={confirmed} onChange={(e) => setConfirmed((e.currentTarget as HTMLInputElement).checked)} /> {tp('importConfirm')}
            </label>
          )}
          {i.verdict.kind === 'autre-cle' && (
            <label class="mgr-check">
              <input type="checkbox" checked={otherKey} onChange={(e) => setOtherKey((e.currentTarget as HTMLInputElement).checked)} /> {tp('importOtherKey')}
            </label>
          )}
          <p>
            <label for="mgr-paquet-distributeur">{tp('importDistributor')}</label>{' '}
            <select id="mgr-paquet-distributeur" value={distributor} onChange={(e) => setDistributor((e.currentTarget as HTMLSelectElement).value)}>
              <option value="">{tp('importNoDistributor')}</option>
              {candidates.map((e) => (
                <option key={e.product.id} value={e.product.id}>
                  {scopeDisplayName(e.product)}
                </option>
              ))}
            </select>
          </p>
          <div class="mgr-buttons">
            <button type="button" class="btn" disabled={busy || (mustConfirm && !confirmed) || (i.verdict.kind === 'autre-cle' && !otherKey)} onClick={commit}>
              {tp('importCommit')}
            </button>
          </div>
        </section>
      )}
    </section>
  );
}

/** Marqueur d'un produit venu d'un paquet (lecture seule), et réponses « à revoir » d'un distributeur. */
export function PackageBanner({ scope, entry }: { scope: Scope; entry: ProductEntry }) {
  const { send, version, announce, changed } = useManager();
  const [busy, run] = useAction();
  const packages = useLoad(() => send('package.list', {}), [version]);
  const isDistributor = entry.product.role.kind === 'distributeur';
  const resolved = useLoad(() => (isDistributor ? send('answers.resolved', scope) : Promise.resolve(null)), [version, scope.productId, scope.variantId, isDistributor]);
  // Les cases cochées valent pour ce produit seulement : ce composant est gardé d'un produit à l'autre, et
  // une coche reportée ferait confirmer une réponse que la personne n'a pas revue ici.
  const [tickedFor, setTickedFor] = useState<{ productId: string; keys: Set<string> }>({ productId: scope.productId, keys: new Set() });
  const ticked = tickedFor.productId === scope.productId ? tickedFor.keys : new Set<string>();
  const setTicked = (keys: Set<string>) => setTickedFor({ productId: scope.productId, keys });
  const mine = packages.data?.packages.find((p) => p.producerProductId === entry.product.id);
  const producerPkg = entry.product.role.kind === 'distributeur' ? packages.data?.packages.find((p) => p.producerProductId === (entry.product.role as { producerProductId: string }).producerProductId) : undefined;
  // Seulement ce que le paquet rend « à revoir » : un critère modifié par Convergence se revoit dans « Critères modifiés ».
  const toReview = (resolved.data?.answers ?? []).filter((r) => r.reviewFlag && r.reviewReason !== 'referentiel');
  const confirm = (keys: string[]) =>
    void run(async () => {
      const r = await send('package.review.confirm', { productId: scope.productId, keys });
      setTicked(new Set());
      changed();
      announce(tp('reviewConfirmed', { count: r.confirmed }));
    });
  return (
    <>
      {mine && (
        <p class="mgr-package-marker">
          <strong>{mine.marker}</strong> — {tp('readOnly', { fingerprint: mine.fingerprint.display })}
        </p>
      )}
      {producerPkg && (
        <section aria-labelledby="mgr-a-revoir" class="mgr-subsection">
          <p class="mgr-package-marker">{producerPkg.marker}</p>
          <h3 id="mgr-a-revoir">{tp('reviewTitle')}</h3>
          {toReview.length === 0 ? (
            <p>{tp('reviewNone')}</p>
          ) : (
            <>
              <ul aria-labelledby="mgr-a-revoir">
                {toReview.map((r) => (
                  <li key={r.criterionKey}>
                    <label class="mgr-check">
                      <input
                        type="checkbox"
                        checked={ticked.has(r.criterionKey)}
                        onChange={(e) => {
                          const next = new Set(ticked);
                          if ((e.currentTarget as HTMLInputElement).checked) next.add(r.criterionKey);
                          else next.delete(r.criterionKey);
                          setTicked(next);
                        }}
                      />{' '}
                      {tp('reviewItem', { id: r.answer.criterionId, reason: r.reviewReason === 'mise-a-jour' ? tp('reviewUpdate') : tp('reviewWhiteLabel') })}
                    </label>
                  </li>
                ))}
              </ul>
              <button type="button" class="btn secondary" disabled={busy || ticked.size === 0} onClick={() => confirm([...ticked])}>
                {tp('reviewConfirm')}
              </button>
            </>
          )}
        </section>
      )}
    </>
  );
}
