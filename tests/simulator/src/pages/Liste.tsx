import type { JSX } from 'preact';
import { useState } from 'preact/hooks';
import { Link, navigate } from '../router.tsx';
import { Alert, Breadcrumb, Dialog, Stepper, setFlash, useFlash } from '../ui/common.tsx';
import { QUESTIONNAIRE_KEYS, QUESTIONNAIRE_TITLES } from '../data/index.ts';
import type { QuestionnaireKey } from '../data/types.ts';
import { closeCompletionModal, generateDossier } from '../actions.ts';
import { applicableQuestionnaires, orientationProgress, productName, questionnaireAttained, questionnaireProgress } from '../rules.ts';
import { downloadQuestionnaire } from '../xlsx.ts';
import type { Demarche, Product, QuestionnaireState, SimState } from '../types.ts';
import { useProductHead } from '../ui/head.tsx';

const STATUS: Record<QuestionnaireState['status'], string> = {
  'a-completer': 'À compléter', brouillon: 'Brouillon', 'validation-demandee': 'Validation demandée', termine: 'Terminé',
};

export function qStatusLabel(q: QuestionnaireState): string {
  if (q.validated && q.modifiedSinceValidation) return 'Terminé (modifications non validées)';
  if (q.validated) return 'Terminé';
  return STATUS[q.status];
}

function hasAnswers(q: QuestionnaireState): boolean {
  return Object.keys(q.answers).length > 0 || Object.values(q.files).some((f) => f.length > 0);
}

export function AttachmentBox({ s, d }: { s: SimState; d: Demarche }): JSX.Element | null {
  const wl = d.whiteLabel;
  if (wl.role !== 'distributeur') return null;
  const producer = s.products.find((x) => x.id === wl.producerProductId);
  return (
    <section class="status-box" aria-labelledby="rattachement-titre">
      <h2 id="rattachement-titre">Rattachement à la solution de l'éditeur producteur {producer ? productName(producer) : ''}</h2>
      {wl.attachment === 'en-attente' && (
        <>
          <p>L'éditeur producteur a été informé de votre demande de rattachement.</p>
          <p>En attendant, nous vous invitons à prendre connaissance des critères des questionnaires de la démarche.</p>
          <p>Une fois que l'éditeur producteur aura accepté le rattachement, vous pourrez compléter les questionnaires sur la base des réponses qu'il a apportées pour sa solution.</p>
          <p>Dans le cas où vous auriez préalablement renseigné les questionnaires, les réponses que vous auriez apportées seraient remplacées par celles de la solution de l'éditeur producteur.</p>
        </>
      )}
      {wl.attachment === 'accepte' && (
        <p>L'éditeur producteur a accepté le rattachement. Pour les questionnaires Interopérabilité, Urbanisation, Maturité Sécurité et Éthique Mon espace santé, vous pouvez récupérer les réponses de l'éditeur producteur pour les critères non spécifiques.</p>
      )}
      {wl.attachment === 'refuse' && <p>L'éditeur producteur a refusé la demande de rattachement.</p>}
    </section>
  );
}

/** Liste des questionnaires (étapes 5.1, 6.1, 7.1, 9.1, 10.1, 10.2). */
export function QuestionnaireList({ s, p, d }: { s: SimState; p: Product; d: Demarche }): JSX.Element {
  const flash = useFlash();
  const base = `/produits/${p.id}/demarches/mes`;
  const oriented = d.orientation.validatedAnswers;
  const applicable = applicableQuestionnaires(oriented);
  const op = orientationProgress(d.orientation.answers);
  const [errors, setErrors] = useState<string[]>([]);
  const head = useProductHead(p, 'etape', 'Questionnaires');
  const gen = () => {
    const r = generateDossier(p.id);
    setErrors(r.errors);
    if (r.ref) {
      setFlash(`La référence de dossier d'évaluation ${r.ref} a été générée.`);
      navigate(`${base}/dossiers`);
    }
  };
  if (d.convention !== 'validee') {
    return (
      <div class="page">
        <Breadcrumb items={head.crumbs({ label: 'Questionnaires' })} />
        <h1>{head.title}</h1>
        <Stepper d={d} current={3} />
        <Alert kind="info">Les questionnaires seront accessibles une fois votre convention signée et validée par les vérificateurs.</Alert>
      </div>
    );
  }
  return (
    <div class="page">
      <Breadcrumb items={head.crumbs({ label: 'Questionnaires' })} />
      <h1>{head.title}</h1>
      <Stepper d={d} current={3} />
      {flash && <Alert kind="success">{flash}</Alert>}
      <AttachmentBox s={s} d={d} />
      <section class="info-box" aria-labelledby="infos-titre">
        <h2 id="infos-titre">Informations importantes</h2>
        {oriented ? (
          <>
            <p>Vous avez finalisé la complétion du questionnaire d'orientation. Vous pouvez maintenant compléter les questionnaires thématiques adaptés à votre produit.</p>
            <p>Après avoir finalisé la complétion des questionnaires, vous devez générer la référence de votre dossier d'évaluation et la communiquer au GIE SESAM-Vitale par e-mail à l'adresse referencement@mes.sesam-vitale.fr.</p>
            <p>
              <strong>NB :</strong> Un dossier d'évaluation peut être créé après la complétion, à minima, des questionnaires Interopérabilité, Urbanisation et Maturité Sécurité.
            </p>
          </>
        ) : (
          <>
            <p>Pour évaluer la conformité de votre produit aux critères de Référencement au catalogue de services de Mon espace santé, vous devez préalablement compléter un questionnaire d'orientation.</p>
            <p>Une fois que vous aurez complété ce questionnaire d'orientation, des questionnaires thématiques adaptés à votre produit vous seront proposés.</p>
            <p>Les questionnaires potentiellement applicables à votre produit sont les suivants : Interopérabilité, Urbanisation, Maturité Sécurité, Éthique Mon espace santé, RGPD Mon espace santé et Sécurité Mon espace santé pour les échanges de données.</p>
          </>
        )}
        <ul>
          <li>
            <a href="#faq">Consulter la FAQ Mon espace santé guidé</a>
          </li>
        </ul>
      </section>

      <section class="card orientation-card" aria-labelledby="orientation-titre">
        <p class="kicker">
          Orientation <span class="badge">{d.orientation.validatedAnswers ? 'Terminé' : STATUS[d.orientation.status]}</span>
        </p>
        <h2 id="orientation-titre">Questionnaire d'orientation</h2>
        <p>
          Questions obligatoires renseignées {op.answered}/{op.total}
        </p>
        <Link href={`${base}/questionnaires/orientation`} class="btn">
          {d.orientation.validatedAnswers || Object.keys(d.orientation.answers).length ? 'Editer' : 'Démarrer'}
        </Link>
      </section>

      <h2>Évaluation</h2>
      {!oriented && <p class="hint">Les questionnaires d'évaluation pourront être complétés après la première validation du questionnaire d'orientation.</p>}
      <table class="table q-table">
        <caption>Questionnaires d'évaluation</caption>
        <thead>
          <tr>
            <th scope="col">Évaluation</th>
            <th scope="col">Statut</th>
            <th scope="col">Critères renseignés</th>
            <th scope="col">Niveau d'auto-évaluation</th>
            <th scope="col">Atteint pour Mon espace santé</th>
            <th scope="col">Action</th>
          </tr>
        </thead>
        <tbody>
          {QUESTIONNAIRE_KEYS.map((k: QuestionnaireKey) => {
            const q = d.questionnaires[k];
            const title = QUESTIONNAIRE_TITLES[k];
            const isApp = applicable.includes(k);
            if (oriented && !isApp) {
              return (
                <tr key={k} class="na">
                  <th scope="row">{title}</th>
                  <td>Non applicable</td>
                  <td colSpan={4}>Ce questionnaire n'est pas applicable à votre produit d'après vos réponses au questionnaire d'orientation.</td>
                </tr>
              );
            }
            const prog = questionnaireProgress(k, oriented, q, d.grand);
            const attained = q.validated ? questionnaireAttained(k, oriented, q.validated, d.grand) : false;
            const href = `${base}/questionnaires/${k}`;
            return (
              <tr key={k}>
                <th scope="row">{title}</th>
                <td>{qStatusLabel(q)}</td>
                <td>{oriented ? (prog.unit === 'documents' ? `Types de documents déposés ${prog.done}/${prog.total}` : `Critères renseignés ${prog.done}/${prog.total}`) : '-'}</td>
                <td>{q.validated ? (attained ? 'Atteint' : 'Non atteint') : 'Non atteint'}</td>
                <td>{q.validated && attained ? 'Oui' : 'Non'}</td>
                <td class="actions">
                  {oriented ? (
                    <>
                      <Link href={href} class="btn small" aria-label={`${hasAnswers(q) || q.validated ? 'Editer' : 'Démarrer'} le questionnaire ${title}`}>
                        {hasAnswers(q) || q.validated ? 'Editer' : 'Démarrer'}
                      </Link>
                      {q.validated && (
                        <Link href={`${href}/resultats`} class="btn small secondary" aria-label={`Voir les résultats du questionnaire ${title}`}>
                          Voir les résultats
                        </Link>
                      )}
                      <button type="button" class="btn small secondary" aria-label={`Télécharger le questionnaire ${title}`} onClick={() => downloadQuestionnaire(p, d, k)}>
                        Télécharger
                      </button>
                    </>
                  ) : (
                    <button type="button" class="btn small" disabled aria-label={`Démarrer le questionnaire ${title}`}>
                      Démarrer
                    </button>
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <p class="hint">*Le niveau d'auto-évaluation indiqué ne présage pas de l'issue d'une demande de référencement. Les preuves doivent être auditées.</p>

      <section aria-labelledby="dossiers-titre" class="card">
        <h2 id="dossiers-titre">Gérez vos dossiers d'évaluation</h2>
        <p>Vous pouvez consulter les dossiers que vous avez déjà générés. Si vous apportez des modifications aux questionnaires vous devez générer un nouveau dossier d'évaluation.</p>
        {errors.length > 0 && <Alert kind="error" title="La référence de dossier d'évaluation ne peut pas être générée :" items={errors} />}
        <div class="row">
          <button type="button" class="btn" onClick={gen}>
            Générer une référence de dossier d'évaluation
          </button>
          {d.dossiers.length > 0 && (
            <Link href={`${base}/dossiers`} class="btn secondary">
              Voir votre dossier
            </Link>
          )}
        </div>
      </section>
      {d.completionModal && (
        <Dialog title="Complétion des questionnaires finalisée" onClose={() => closeCompletionModal(p.id)}>
          <p>Vous avez complété l'ensemble des questionnaires applicables à votre produit. Vous pouvez maintenant créer un dossier d'évaluation.</p>
          <div class="dialog-actions">
            <button type="button" class="btn secondary" onClick={() => closeCompletionModal(p.id)}>
              Fermer
            </button>
            <button type="button" class="btn" onClick={gen}>
              Générer une référence de dossier d'évaluation
            </button>
          </div>
        </Dialog>
      )}
    </div>
  );
}
