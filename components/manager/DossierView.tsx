import { useLoad, useManager } from './context';
import { formatDate } from './files';
import type { Scope } from '../../lib/domain/schemas';
import { nextStepText, readinessText, seenText, stepLabel, td } from './dossier-strings';
import { t } from './strings';

/**
 * Onglet « Dossier » : le parcours du produit sur Convergence d'un coup d'œil (issue 11 § 4). Chaque étape avec
 * le statut vu et sa date (ou « pas encore vu » : rien n'est supposé), la préparation de la bibliothèque par
 * questionnaire, et la prochaine étape mise en avant (texte, et ligne marquée aria-current).
 */
export function DossierView({ scope }: { scope: Scope }) {
  const { send, version } = useManager();
  const loaded = useLoad(() => send('journey.get', scope), [scope.productId, scope.variantId, version]);
  if (loaded.loading && !loaded.data) return <p>{t('loading')}</p>;
  if (loaded.error) return <p class="mgr-error-text">{loaded.error}</p>;
  const journey = loaded.data;
  if (!journey) return null;
  return (
    <div class="mgr-dossier">
      <h3 id="mgr-dossier-titre">{td('title')}</h3>
      <p class="mgr-hint">{td('hint')}</p>
      <p class="mgr-next-step" id="mgr-prochaine-etape">
        <strong>{nextStepText(journey)}</strong>
      </p>
      <p class="mgr-hint">{journey.lastSeenAt ? td('lastSeen', { date: formatDate(journey.lastSeenAt, true) }) : td('neverSeen')}</p>
      <div class="mgr-table-wrap">
        <table class="mgr-table">
          <caption>{td('stepsCaption')}</caption>
          <thead>
            <tr>
              <th scope="col">{td('colStep')}</th>
              <th scope="col">{td('colSeen')}</th>
              <th scope="col">{td('colReadiness')}</th>
            </tr>
          </thead>
          <tbody>
            {journey.steps.map((step) => {
              const isNext = step.id === journey.nextStepId;
              return (
                <tr key={step.id} class={isNext ? 'mgr-next-row' : undefined} aria-current={isNext ? 'step' : undefined}>
                  <th scope="row">
                    {stepLabel(step)}
                    {isNext && (
                      <>
                        {' '}
                        <strong class="mgr-next-marker">({td('nextMarker')})</strong>
                      </>
                    )}
                  </th>
                  <td>{seenText(step.seen)}</td>
                  <td>{readinessText(step.readiness)}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </div>
  );
}
