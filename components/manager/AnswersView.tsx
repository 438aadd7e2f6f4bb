import { useState } from 'preact/hooks';
import { QUESTIONNAIRES, QUESTIONNAIRE_LABELS } from '../../lib/domain/questionnaires';
import type { Criterion, Product } from '../../lib/domain/schemas';
import { formatAnswerValue } from '../../lib/domain/values';
import { answerBelowMinimum, isStale } from '../../lib/library/answer-edit';
import { AnswerEditor, domKey, type Resolved } from './AnswerEditor';
import { AnswerHistory, provenanceText } from './AnswerHistory';
import { BulkEdit } from './BulkEdit';
import { useLoad, useManager } from './context';
import { te } from './edit-strings';
import { formatDate } from './files';
import type { Scope } from './types';
import { t } from './strings';

export { provenanceText };

function todayIso(): string {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

type Opened = { key: string; mode: 'edit' | 'history' } | null;

/**
 * Réponses en vigueur d'une famille ou d'une variante, groupées par questionnaire, avec leur provenance ;
 * chacune se modifie sur place (« Modifier ») et montre son historique ; plusieurs se modifient d'un coup.
 * Un produit venu d'un paquet producteur est en lecture seule : rien n'y est proposé à modifier.
 */
export function AnswersView({ scope, product }: { scope: Scope; product: Product }) {
  const { send, version } = useManager();
  const [opened, setOpened] = useState<Opened>(null);
  const loaded = useLoad(async () => {
    const [answers, criteria, context] = await Promise.all([send('answers.resolved', scope), send('criteria.list', {}), send('answers.editContext', scope)]);
    return { answers: answers.answers, criteria: new Map<string, Criterion>(criteria.criteria.map((c) => [c.key, c])), context };
  }, [scope.productId, scope.variantId, version]);

  if (loaded.loading && !loaded.data) return <p>{t('loading')}</p>;
  if (loaded.error) return <p class="mgr-error-text">{loaded.error}</p>;
  const { answers, criteria, context } = loaded.data ?? { answers: [], criteria: new Map<string, Criterion>(), context: null };
  if (answers.length === 0)
    return (
      <div>
        <h3>{t('answersTitle')}</h3>
        <p>{t('noAnswers')}</p>
      </div>
    );

  const today = todayIso();
  const readOnly = !context || context.readOnly;
  const whiteLabel = product.role.kind !== 'nominal' || answers.some((a) => a.reviewFlag);
  const groups = QUESTIONNAIRES.map((q) => ({ q, rows: answers.filter((a) => a.answer.questionnaire === q) })).filter((g) => g.rows.length > 0);
  const columns = 8 + (whiteLabel ? 1 : 0);
  // Fermé : le focus revient au bouton qui a ouvert l'éditeur ou l'historique.
  const close = (key: string, mode: 'edit' | 'history') => {
    setOpened(null);
    setTimeout(() => document.getElementById(`mgr-${mode}-btn-${domKey(key)}`)?.focus(), 0);
  };

  return (
    <div class="mgr-answers">
      <h3>{t('answersTitle')}</h3>
      <p class="mgr-hint">{t('answersCount', { count: answers.length, groups: groups.length })}</p>
      {context?.readOnly && <p class="mgr-package-marker">{te('readOnly', { reason: context.reason })}</p>}
      {!readOnly && <BulkEdit key={`${scope.productId}|${scope.variantId}`} scope={scope} rows={answers} criteria={criteria} today={today} />}
      {groups.map(({ q, rows }) => (
        <section key={q} aria-labelledby={`mgr-q-${q}`}>
          <h4 id={`mgr-q-${q}`}>
            {QUESTIONNAIRE_LABELS[q]} <span class="mgr-count">({rows.length})</span>
          </h4>
          <div class="mgr-table-wrap">
            <table class="mgr-table">
              <caption class="sr-only">{t('answersCaption', { questionnaire: QUESTIONNAIRE_LABELS[q] })}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('colId')}</th>
                  <th scope="col">{t('colCriterion')}</th>
                  <th scope="col">{t('colAnswer')}</th>
                  <th scope="col">{t('colComment')}</th>
                  <th scope="col">{t('colEvidence')}</th>
                  <th scope="col">{t('colProvenance')}</th>
                  {whiteLabel && <th scope="col">{t('colWhiteLabel')}</th>}
                  <th scope="col">{t('colValidUntil')}</th>
                  <th scope="col">{te('colActions')}</th>
                </tr>
              </thead>
              <tbody>
                {rows.map((r) => {
                  const criterion = criteria.get(r.criterionKey);
                  const open = opened?.key === r.criterionKey ? opened.mode : null;
                  return [
                    <AnswerRow
                      key={r.criterionKey}
                      r={r}
                      criterion={criterion}
                      whiteLabel={whiteLabel}
                      today={today}
                      readOnly={readOnly}
                      confidential={!!context?.confidential.includes(r.criterionKey)}
                      open={open}
                      onOpen={(mode) => setOpened(open === mode ? null : { key: r.criterionKey, mode })}
                    />,
                    open && context && (
                      <tr key={`${r.criterionKey}-ouvert`} class="mgr-edit-row">
                        <td colSpan={columns}>
                          {open === 'edit' ? (
                            <AnswerEditor scope={scope} row={r} criterion={criterion} context={context} onClose={() => close(r.criterionKey, 'edit')} />
                          ) : (
                            <AnswerHistory scope={scope} row={r} criterion={criterion} readOnly={readOnly} onClose={() => close(r.criterionKey, 'history')} />
                          )}
                        </td>
                      </tr>
                    ),
                  ];
                })}
              </tbody>
            </table>
          </div>
        </section>
      ))}
    </div>
  );
}

interface RowProps {
  r: Resolved;
  criterion: Criterion | undefined;
  whiteLabel: boolean;
  today: string;
  readOnly: boolean;
  confidential: boolean;
  open: 'edit' | 'history' | null;
  onOpen(mode: 'edit' | 'history'): void;
}

function AnswerRow({ r, criterion, whiteLabel, today, readOnly, confidential, open, onOpen }: RowProps) {
  const a = r.answer;
  const stale = isStale(a, today);
  const value = formatAnswerValue(a.value, criterion?.scale);
  const below = answerBelowMinimum(a, criterion);
  const dom = domKey(r.criterionKey);
  return (
    <tr>
      <th scope="row">
        <code>{a.criterionId}</code>
      </th>
      <td>
        {criterion?.title || <span class="mgr-muted">{t('unknownCriterion')}</span>}
        {criterion && (
          <span class="mgr-sub">
            {criterion.obligation === 'obligation' ? t('obligation') : criterion.obligationKnown === false ? t('natureUnknown') : t('option')}
            {criterion.acceptableLevels.length > 0 && ` · ${t('acceptable', { levels: criterion.acceptableLevels.join(', ') })}`}
          </span>
        )}
      </td>
      <td>
        {value || <span class="mgr-muted">{t('notAnswered')}</span>}
        {below && <strong class="mgr-flag mgr-sub">{te('bulkBelow')}</strong>}
      </td>
      <td class="mgr-comment">
        {a.comment}
        {confidential && <strong class="mgr-sub">{te('confidentialShort')}</strong>}
      </td>
      <td>
        {a.evidence.length > 0 && (
          <ul class="mgr-plain">
            {a.evidence.map((e, i) => (
              <li key={i}>
                {e.evidenceType ? `${e.evidenceType} : ` : ''}
                {e.name}
              </li>
            ))}
          </ul>
        )}
        {r.inheritedEvidenceTypes.length > 0 && <span class="mgr-sub">{t('inheritedEvidence', { types: r.inheritedEvidenceTypes.join(', ') })}</span>}
      </td>
      <td>
        <strong>{t(`source_${r.source}`)}</strong>
        <span class="mgr-sub">{provenanceText(a.provenance)}</span>
      </td>
      {whiteLabel && <td>{r.reviewFlag ? <strong class="mgr-flag">{t('toReview')}</strong> : ''}</td>}
      <td>
        {a.validUntil ? formatDate(a.validUntil) : ''}
        {stale && <strong class="mgr-flag"> {t('stale')}</strong>}
      </td>
      <td>
        {!readOnly && (
          <button
            type="button"
            id={`mgr-edit-btn-${dom}`}
            class="btn secondary small"
            aria-label={te('editLabel', { id: a.criterionId })}
            aria-expanded={open === 'edit'}
            onClick={() => onOpen('edit')}
          >
            {te('edit')}
          </button>
        )}{' '}
        <button
          type="button"
          id={`mgr-history-btn-${dom}`}
          class="btn secondary small"
          aria-label={te('historyLabel', { id: a.criterionId })}
          aria-expanded={open === 'history'}
          onClick={() => onOpen('history')}
        >
          {te('history')}
        </button>
      </td>
    </tr>
  );
}
