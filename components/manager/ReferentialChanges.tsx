/**
 * En tête de l'onglet « Réponses » : les critères modifiés par Convergence depuis les réponses de ce produit
 * (issue 11 § 3), l'ancien et le nouveau côte à côte (intitulé, niveaux acceptables, nature, preuves attendues,
 * libellés des niveaux), et « J'ai revu » qui retire le drapeau « à revoir » (opération annulable).
 * Rien n'est affiché quand aucun critère n'a changé.
 */
import { formatLevelList } from '../../lib/domain/levels';
import { QUESTIONNAIRE_LABELS } from '../../lib/domain/questionnaires';
import type { ReferentialAspect } from '../../lib/domain/referential';
import type { CriterionSnapshot } from '../../lib/domain/schemas';
import { formatAnswerValue } from '../../lib/domain/values';
import type { ReferentialChangeItem } from '../../lib/library/referential-changes';
import { aspectsText, holdText, tr } from '../referential-strings';
import { useAction, useLoad, useManager } from './context';
import { formatDate } from './files';
import type { Scope } from './types';

type Row = { aspect: ReferentialAspect; label: string; text: (s: CriterionSnapshot) => string };

const ROWS: Row[] = [
  { aspect: 'intitule', label: 'rowTitle', text: (s) => s.title },
  { aspect: 'minimum', label: 'rowMinimum', text: (s) => (s.acceptableLevels.length ? formatLevelList(s.acceptableLevels) : tr('noMinimum')) },
  { aspect: 'obligation', label: 'rowObligation', text: (s) => (s.obligation ? tr(s.obligation) : tr('unknown')) },
  { aspect: 'preuves', label: 'rowEvidence', text: (s) => (s.expectedEvidence.length ? s.expectedEvidence.join(' ; ') : tr('none')) },
  { aspect: 'niveaux', label: 'rowLevels', text: (s) => (s.levelLabels?.length ? s.levelLabels.join(' / ') : tr('unknown')) },
];

export function ReferentialChanges({ scope }: { scope: Scope }) {
  const { send, version, author, announce, changed } = useManager();
  const [busy, run] = useAction();
  const loaded = useLoad(async () => (await send('referential.changes', scope)).items, [scope.productId, scope.variantId, version]);
  const items = loaded.data ?? [];
  if (items.length === 0) return null;

  const confirm = (item: ReferentialChangeItem) =>
    run(async () => {
      await send('referential.confirm', { ...scope, keys: [item.criterionKey], author });
      announce(tr('reviewedDone', { id: item.criterionId }));
      changed();
    });

  return (
    <section class="mgr-referential" aria-labelledby="mgr-referential-title">
      <h3 id="mgr-referential-title">{tr('title')} ({items.length})</h3>
      <p class="mgr-hint">{tr('intro')}</p>
      {items.map((item) => {
        const titleId = `mgr-ref-${item.criterionKey.replace(/[^A-Za-z0-9_-]/g, '_')}`;
        // L'intitulé et le minimum toujours, les autres lignes seulement quand elles ont changé.
        const rows = ROWS.filter((r) => r.aspect === 'intitule' || r.aspect === 'minimum' || item.aspects.includes(r.aspect));
        return (
          <article key={item.criterionKey} class="mgr-referential-item" aria-labelledby={titleId} data-critere={item.criterionId}>
            <h4 id={titleId}>
              {item.criterionId} <span class="mgr-count">({QUESTIONNAIRE_LABELS[item.questionnaire]})</span>
            </h4>
            <p>
              {tr('colWhat')} : {aspectsText(item.aspects)}
            </p>
            <table class="mgr-table">
              <caption class="sr-only">{tr('title')} — {item.criterionId}</caption>
              <thead>
                <tr>
                  <td />
                  <th scope="col">{tr('colBefore')}</th>
                  <th scope="col">{tr('colAfter')}</th>
                </tr>
              </thead>
              <tbody>
                {rows.map((r) => (
                  <tr key={r.aspect} data-aspect={r.aspect} data-changed={item.aspects.includes(r.aspect) ? 'oui' : 'non'}>
                    <th scope="row">{tr(r.label as Parameters<typeof tr>[0])}</th>
                    <td>{r.text(item.before)}</td>
                    <td>{item.aspects.includes(r.aspect) ? <strong>{r.text(item.after)}</strong> : r.text(item.after)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
            <p>
              {tr('yourAnswer', { value: item.answer?.value ? formatAnswerValue(item.answer.value) : tr('noAnswer') })}
              {item.hold ? ` — ${tr('fillHold', { reason: holdText(item.hold) })}` : ''}
            </p>
            {item.at && <p class="mgr-hint">{tr('seen', { date: formatDate(item.at), source: item.source?.ref ?? '' })}</p>}
            <button type="button" class="btn secondary" onClick={() => confirm(item)} disabled={busy} aria-label={tr('reviewedLabel', { id: item.criterionId })}>
              {tr('reviewed')}
            </button>
          </article>
        );
      })}
    </section>
  );
}
