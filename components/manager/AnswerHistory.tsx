import { useEffect, useRef } from 'preact/hooks';
import type { Answer, Criterion, Provenance } from '../../lib/domain/schemas';
import { formatAnswerValue } from '../../lib/domain/values';
import { isOwn } from '../../lib/library/answer-edit';
import { sameAnswerContent } from '../../lib/domain/values';
import { domKey, type Resolved } from './AnswerEditor';
import { useAction, useLoad, useManager } from './context';
import { te } from './edit-strings';
import { formatDate } from './files';
import type { Scope } from './types';
import { t } from './strings';
import { LoadStatus } from './LoadStatus';

/** « Capturé depuis la page « … », date » / importé / saisi. */
export function provenanceText(p: Provenance): string {
  const key = p.kind === 'page' ? 'provPage' : p.kind === 'import' ? 'provImport' : 'provSaisie';
  return t(key, { ref: p.ref, date: formatDate(p.at, true) });
}

/** Une réponse de l'historique en une ligne : valeur — « commentaire » — valide jusqu'au. */
export function answerSummary(a: Answer | null, criterion: Criterion | undefined): string {
  if (!a) return te('historyNone');
  const parts = [formatAnswerValue(a.value, criterion?.scale) || te('historyEmptyValue')];
  if (a.comment) parts.push(`« ${a.comment} »`);
  if (a.validUntil) parts.push(te('historyUntil', { date: formatDate(a.validUntil) }));
  return parts.join(' — ');
}

interface HistoryProps {
  scope: Scope;
  row: Resolved;
  criterion: Criterion | undefined;
  readOnly: boolean;
  onClose(): void;
}

/**
 * Historique d'une réponse de la portée : qui, quand, par quelle opération, avant → après, d'où vient la valeur
 * (page, fichier, saisie) ; « Restaurer cette valeur » sur toute valeur antérieure (une nouvelle opération).
 */
export function AnswerHistory({ scope, row, criterion, readOnly, onClose }: HistoryProps) {
  const { send, author, announce, changed, version } = useManager();
  const [busy, run] = useAction();
  const heading = useRef<HTMLHeadingElement>(null);
  const id = row.answer.criterionId;
  const base = `mgr-hist-${domKey(row.criterionKey)}`;
  const request = { ...scope, questionnaire: row.answer.questionnaire, criterionId: id };
  const history = useLoad(() => send('answers.history', request), [scope.productId, scope.variantId, row.criterionKey, version]);
  useEffect(() => heading.current?.focus(), []);

  const entries = history.data?.entries ?? [];
  const current = entries.length ? entries[entries.length - 1]!.after : null;
  const restore = (index: number, at: string) =>
    void run(async () => {
      await send('answers.restore', { ...request, index, at, author });
      announce(te('restored', { date: formatDate(at, true), id }));
      changed();
      // Le bouton cliqué devient « valeur en vigueur » : le focus va au titre de l'historique.
      heading.current?.focus();
    });

  return (
    <section
      class="mgr-preview mgr-answer-history"
      aria-labelledby={`${base}-title`}
      onKeyDown={(e) => {
        if (e.key === 'Escape') {
          e.preventDefault();
          onClose();
        }
      }}
    >
      <h4 id={`${base}-title`} ref={heading} tabIndex={-1}>
        {te('historyTitle', { id })}
      </h4>
      {!isOwn(row, scope.variantId) && <p class="mgr-hint">{te('historyInherited', { source: t(`source_${row.source}`) })}</p>}
      <LoadStatus loaded={history} empty={entries.length === 0 && te('historyEmpty')} />
      {entries.length > 0 && (
        <div class="mgr-table-wrap">
          <table class="mgr-table">
            <caption>{te('historyCaption', { id })}</caption>
            <thead>
              <tr>
                <th scope="col">{te('historyWhen')}</th>
                <th scope="col">{te('historyWho')}</th>
                <th scope="col">{te('historyWhat')}</th>
                <th scope="col">{te('historyBefore')}</th>
                <th scope="col">{te('historyAfter')}</th>
                <th scope="col">{te('historyFrom')}</th>
                {!readOnly && <th scope="col">{te('colActions')}</th>}
              </tr>
            </thead>
            <tbody>
              {entries
                .map((e, index) => ({ e, index }))
                .reverse()
                .map(({ e, index }) => {
                  const isCurrent = !!e.after && !!current && sameAnswerContent(e.after, current);
                  const after = answerSummary(e.after, criterion);
                  return (
                    <tr key={`${index}-${e.at}`}>
                      <th scope="row">{formatDate(e.at, true)}</th>
                      <td>{e.author}</td>
                      <td>{e.operation}</td>
                      <td>{answerSummary(e.before, criterion)}</td>
                      <td>{after}</td>
                      <td>{e.after ? provenanceText(e.after.provenance) : ''}</td>
                      {!readOnly && (
                        <td>
                          {isCurrent ? (
                            <span class="mgr-muted">{te('historyCurrent')}</span>
                          ) : (
                            e.after && (
                              <button
                                type="button"
                                class="btn secondary small"
                                disabled={busy}
                                aria-label={te('restoreLabel', { date: formatDate(e.at, true), value: after })}
                                onClick={() => restore(index, e.at)}
                              >
                                {te('restore')}
                              </button>
                            )
                          )}
                        </td>
                      )}
                    </tr>
                  );
                })}
            </tbody>
          </table>
        </div>
      )}
      <button type="button" class="btn secondary" onClick={onClose}>
        {te('close')}
      </button>
    </section>
  );
}
