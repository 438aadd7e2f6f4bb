import { QUESTIONNAIRES, QUESTIONNAIRE_LABELS } from '../../lib/domain/questionnaires';
import type { Criterion, Product, Provenance } from '../../lib/domain/schemas';
import { formatAnswerValue } from '../../lib/domain/values';
import type { ResponseOf } from '../../lib/messages/protocol';
import { useLoad, useManager } from './context';
import { formatDate } from './files';
import type { Scope } from './Manager';
import { t } from './strings';

type Resolved = ResponseOf<'answers.resolved'>['answers'][number];

function todayIso(): string {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

export function provenanceText(p: Provenance): string {
  const key = p.kind === 'page' ? 'provPage' : p.kind === 'import' ? 'provImport' : 'provSaisie';
  return t(key, { ref: p.ref, date: formatDate(p.at, true) });
}

/** Réponses en vigueur d'une famille ou d'une variante, groupées par questionnaire, avec leur provenance. */
export function AnswersView({ scope, product }: { scope: Scope; product: Product }) {
  const { send, version } = useManager();
  const loaded = useLoad(async () => {
    const [answers, criteria] = await Promise.all([send('answers.resolved', scope), send('criteria.list', {})]);
    return { answers: answers.answers, criteria: new Map<string, Criterion>(criteria.criteria.map((c) => [c.key, c])) };
  }, [scope.productId, scope.variantId, version]);

  if (loaded.loading && !loaded.data) return <p>{t('loading')}</p>;
  if (loaded.error) return <p class="mgr-error-text">{loaded.error}</p>;
  const { answers, criteria } = loaded.data ?? { answers: [], criteria: new Map<string, Criterion>() };
  if (answers.length === 0)
    return (
      <div>
        <h3>{t('answersTitle')}</h3>
        <p>{t('noAnswers')}</p>
      </div>
    );

  const today = todayIso();
  const whiteLabel = product.role.kind !== 'nominal' || answers.some((a) => a.reviewFlag);
  const groups = QUESTIONNAIRES.map((q) => ({ q, rows: answers.filter((a) => a.answer.questionnaire === q) })).filter((g) => g.rows.length > 0);

  return (
    <div class="mgr-answers">
      <h3>{t('answersTitle')}</h3>
      <p class="mgr-hint">{t('answersCount', { count: answers.length, groups: groups.length })}</p>
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
                </tr>
              </thead>
              <tbody>
                {rows.map((r) => (
                  <AnswerRow key={r.criterionKey} r={r} criterion={criteria.get(r.criterionKey)} whiteLabel={whiteLabel} today={today} />
                ))}
              </tbody>
            </table>
          </div>
        </section>
      ))}
    </div>
  );
}

function AnswerRow({ r, criterion, whiteLabel, today }: { r: Resolved; criterion: Criterion | undefined; whiteLabel: boolean; today: string }) {
  const a = r.answer;
  const stale = !!a.validUntil && a.validUntil < today;
  const value = formatAnswerValue(a.value, criterion?.scale);
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
      <td>{value || <span class="mgr-muted">{t('notAnswered')}</span>}</td>
      <td class="mgr-comment">{a.comment}</td>
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
    </tr>
  );
}
