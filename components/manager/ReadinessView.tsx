import { QUESTIONNAIRE_LABELS } from '../../lib/domain/questionnaires';
import type { ResponseOf } from '../../lib/messages/protocol';
import { useLoad, useManager } from './context';
import { formatDate } from './files';
import type { Scope } from './types';
import { findingAction, findingMessage, verdictReasons } from './finding-strings';
import { t } from './strings';

type Report = ResponseOf<'readiness.get'>;
type Finding = Report['findings'][number];

/** Rapport de préparation : verdicts, état des questionnaires, points bloquants puis avertissements. */
export function ReadinessView({ scope }: { scope: Scope }) {
  const { send, version } = useManager();
  const loaded = useLoad(() => send('readiness.get', scope), [scope.productId, scope.variantId, version]);
  if (loaded.loading && !loaded.data) return <p>{t('loading')}</p>;
  if (loaded.error) return <p class="mgr-error-text">{loaded.error}</p>;
  const report = loaded.data;
  if (!report) return null;
  const blockers = report.findings.filter((f) => f.severity === 'bloquant');
  const warnings = report.findings.filter((f) => f.severity === 'avertissement');

  return (
    <div class="mgr-readiness">
      <h3>{t('readinessTitle')}</h3>
      <ul class="mgr-verdicts">
        <Verdict ok={report.dossierGenerable.ok} yes={t('dossierOk')} no={t('dossierKo')} reasons={verdictReasons(report.dossierGenerable)} />
        <Verdict ok={report.pretACandidater.ok} yes={t('candidatOk')} no={t('candidatKo')} reasons={verdictReasons(report.pretACandidater)} />
      </ul>
      <p>{t('findingsSummary', { blockers: report.blockers, warnings: report.warnings, date: formatDate(report.today) })}</p>

      <h4 id="mgr-questionnaires-etat">{t('questionnairesState')}</h4>
      <div class="mgr-table-wrap">
        <table class="mgr-table" aria-labelledby="mgr-questionnaires-etat">
          <thead>
            <tr>
              <th scope="col">{t('colQuestionnaire')}</th>
              <th scope="col">{t('colAnswered')}</th>
              <th scope="col">{t('colComplete')}</th>
              <th scope="col">{t('colAtteint')}</th>
              <th scope="col">{t('colFindings')}</th>
            </tr>
          </thead>
          <tbody>
            {report.questionnaires.map((q) => (
              <tr key={q.questionnaire}>
                <th scope="row">{q.label}</th>
                <td>{t('answeredOf', { answered: q.answered, total: q.total })}</td>
                <td>{q.complete ? t('yes') : t('no')}</td>
                <td>{q.atteint ? t('atteint') : t('nonAtteint')}</td>
                <td>{q.findings.length}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>

      <FindingList id="mgr-bloquants" title={t('blockersTitle', { count: blockers.length })} empty={t('noBlockers')} findings={blockers} />
      <FindingList id="mgr-avertissements" title={t('warningsTitle', { count: warnings.length })} empty={t('noWarnings')} findings={warnings} />
    </div>
  );
}

function Verdict({ ok, yes, no, reasons }: { ok: boolean; yes: string; no: string; reasons: string[] }) {
  return (
    <li class={ok ? 'mgr-verdict ok' : 'mgr-verdict ko'}>
      <strong>
        <span aria-hidden="true">{ok ? '✓ ' : '✗ '}</span>
        {ok ? yes : no}
      </strong>
      {!ok && reasons.length > 0 && (
        <ul>
          {reasons.map((r, i) => (
            <li key={i}>{r}</li>
          ))}
        </ul>
      )}
    </li>
  );
}

function FindingList({ id, title, empty, findings }: { id: string; title: string; empty: string; findings: Finding[] }) {
  return (
    <section aria-labelledby={id}>
      <h4 id={id}>{title}</h4>
      {findings.length === 0 ? (
        <p>{empty}</p>
      ) : (
        <ol class="mgr-findings">
          {findings.map((f, i) => (
            <li key={`${f.code}-${f.questionnaire}-${f.criterionId ?? ''}-${i}`} class={`mgr-finding ${f.severity}`}>
              <p>
                <strong>{f.criterionId ? <code>{f.criterionId}</code> : QUESTIONNAIRE_LABELS[f.questionnaire]}</strong>
                {f.criterionId && <span class="mgr-muted"> ({QUESTIONNAIRE_LABELS[f.questionnaire]})</span>} — {findingMessage(f)}
              </p>
              <p class="mgr-action">
                {t('whatToDo')} {findingAction(f)}
              </p>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
