import type { JSX } from 'preact';
import { useState } from 'preact/hooks';
import { Link, navigate } from '../router.tsx';
import { Alert, Breadcrumb, Dialog, ProgressPanel, Stepper } from '../ui/common.tsx';
import { useProductHead } from '../ui/head.tsx';
import { DEMARCHE } from '../display.ts';
import { FICHE_FIELDS, FICHE_SECTIONS } from '../data/forms.ts';
import { saveFicheDraft, setFicheValue, transmitFiche } from '../actions.ts';
import { ficheErrors, ficheProgress, ficheValue } from '../rules.ts';
import type { Demarche, Product } from '../types.ts';

export { DEMARCHE } from '../display.ts';

const CONVENTION_LABEL = {
  'non-disponible': '-',
  'en-attente-envoi': "En attente d'envoi de la convention par les vérificateurs MES",
  'a-signer': 'Convention à signer',
  validee: 'Convention validée',
} as const;

/** Page de la démarche (étapes 4.1 / 4.4). */
export function DemarchePage({ p, d }: { p: Product; d: Demarche }): JSX.Element {
  const base = `/produits/${p.id}/demarches/mes`;
  const ficheStatus = d.ficheAdmin.status === 'transmise' ? 'Transmise' : d.ficheAdmin.status === 'brouillon' ? 'Brouillon' : 'A compléter';
  const qStatus = d.convention !== 'validee' ? '-' : d.orientation.validatedAnswers ? 'En cours' : 'A compléter';
  const head = useProductHead(p, 'demarche', DEMARCHE);
  return (
    <div class="page">
      <Breadcrumb items={head.crumbs()} />
      <h1>{head.title}</h1>
      <p class="product-badge">
        {head.inBody && (
          <>
            <strong>
              {p.form.nom} - {p.form.version}
            </strong>{' '}
          </>
        )}
        <span class="badge">{d.ficheAdmin.status === 'transmise' ? (d.convention === 'validee' ? 'En cours' : 'En attente') : 'A compléter'}</span>
        {d.whiteLabel.role && <span class="badge info">{d.whiteLabel.role === 'producteur' ? 'Solution d\'un éditeur producteur' : 'Solution d\'un éditeur distributeur'}</span>}
      </p>
      <table class="table steps-table">
        <caption>Étapes de la démarche</caption>
        <thead>
          <tr>
            <th scope="col">Étape</th>
            <th scope="col">Statut</th>
            <th scope="col">Action</th>
          </tr>
        </thead>
        <tbody>
          <tr>
            <th scope="row">Étape 1 Fiche administrative</th>
            <td>{ficheStatus}</td>
            <td>
              <Link href={`${base}/fiche-administrative`} class="btn small">
                {d.ficheAdmin.status === 'transmise' ? 'Consulter' : d.ficheAdmin.status === 'brouillon' ? 'Reprendre' : 'Démarrer'}
              </Link>
            </td>
          </tr>
          <tr>
            <th scope="row">Étape 2 Convention</th>
            <td>{CONVENTION_LABEL[d.convention]}</td>
            <td>
              {d.convention !== 'non-disponible' && (
                <Link href={`${base}/convention`} class="btn small secondary">
                  Voir la convention
                </Link>
              )}
            </td>
          </tr>
          <tr>
            <th scope="row">Étape 3 Questionnaires</th>
            <td>{qStatus}</td>
            <td>
              {d.convention === 'validee' && (
                <Link href={`${base}/questionnaires`} class="btn small">
                  Accéder aux questionnaires
                </Link>
              )}
            </td>
          </tr>
        </tbody>
      </table>
    </div>
  );
}

/** Fiche administrative (étapes 4.2 / 4.3). */
export function FicheAdmin({ p, d, recap }: { p: Product; d: Demarche; recap: boolean }): JSX.Element {
  const base = `/produits/${p.id}/demarches/mes`;
  const ro = d.ficheAdmin.status === 'transmise';
  const prog = ficheProgress(d.ficheAdmin.values, p);
  const [msg, setMsg] = useState<string | null>(null);
  const [errors, setErrors] = useState<string[]>([]);
  const [confirm, setConfirm] = useState(false);
  const sections = [1, 2, 3] as const;
  const head = useProductHead(p, 'etape', recap ? 'Récapitulatif de la fiche administrative' : 'Fiche administrative');
  return (
    <div class="page">
      <Breadcrumb items={head.crumbs({ label: 'Fiche administrative' })} />
      <h1>{head.title}</h1>
      <Stepper d={d} current={1} />
      <div class="with-panel">
        <div class="main-col">
          <h2>{recap ? 'Récapitulatif de la fiche administrative' : 'Fiche administrative'}</h2>
          {ro && <Alert kind="info">La fiche administrative a été transmise aux vérificateurs : vous pouvez uniquement consulter les réponses fournies.</Alert>}
          {msg && <Alert kind="success">{msg}</Alert>}
          {errors.length > 0 && <Alert kind="error" title="La fiche administrative ne peut pas être transmise :" items={errors} />}
          {!recap && !ro && <p>Les champs obligatoires sont signalés par un astérisque *</p>}
          {sections.map((sec) => (
            <section key={sec} aria-labelledby={`fiche-sec-${sec}`} class="form-section">
              <h3 id={`fiche-sec-${sec}`}>{FICHE_SECTIONS[sec]}</h3>
              {sec === 1 && <p class="hint">Ces informations sont complétées à partir de la fiche produit. Pour les modifier, vous devez modifier les informations directement sur la fiche produit.</p>}
              {sec === 3 && <p class="hint">Personne habilitée à engager juridiquement l'entreprise.</p>}
              {recap || ro ? (
                <dl class="recap">
                  {FICHE_FIELDS.filter((f) => f.section === sec).map((f) => (
                    <div key={f.id}>
                      <dt>{f.label} *</dt>
                      <dd>{ficheValue(d.ficheAdmin.values, p, f.id) || '—'}</dd>
                    </div>
                  ))}
                </dl>
              ) : (
                <div class="grid2">
                  {FICHE_FIELDS.filter((f) => f.section === sec).map((f) => {
                    const id = `fiche-${f.id}`;
                    const v = ficheValue(d.ficheAdmin.values, p, f.id);
                    return (
                      <div class="field" key={f.id}>
                        <label for={id}>{f.label} *</label>
                        {f.type === 'select' ? (
                          <select id={id} value={v} required onChange={(e) => setFicheValue(p.id, f.id, e.currentTarget.value)}>
                            <option value="">Sélectionner</option>
                            {f.options?.map((o) => (
                              <option key={o} value={o}>
                                {o}
                              </option>
                            ))}
                          </select>
                        ) : (
                          <input
                            id={id}
                            type={f.type}
                            value={v}
                            required
                            readOnly={Boolean(f.fromProduct)}
                            onInput={(e) => setFicheValue(p.id, f.id, e.currentTarget.value)}
                          />
                        )}
                      </div>
                    );
                  })}
                </div>
              )}
            </section>
          ))}
          {!ro && (
            <div class="footer-buttons">
              {recap ? (
                <>
                  <button type="button" class="btn secondary" onClick={() => navigate(`${base}/fiche-administrative`)}>
                    Précédent
                  </button>
                  <button
                    type="button"
                    class="btn"
                    onClick={() => {
                      const e = ficheErrors(d.ficheAdmin.values, p);
                      setErrors(e);
                      if (!e.length) setConfirm(true);
                      else transmitFiche(p.id);
                    }}
                  >
                    Transmettre
                  </button>
                </>
              ) : (
                <>
                  <button type="button" class="btn secondary" onClick={() => navigate(base)}>
                    Retour
                  </button>
                  <button
                    type="button"
                    class="btn secondary"
                    onClick={() => {
                      saveFicheDraft(p.id);
                      setMsg('Votre brouillon a été enregistré.');
                    }}
                  >
                    Enregistrer comme brouillon
                  </button>
                  <button type="button" class="btn" onClick={() => navigate(`${base}/fiche-administrative/recapitulatif`)}>
                    Suivant
                  </button>
                </>
              )}
            </div>
          )}
          {ro && (
            <div class="footer-buttons">
              <Link href={base} class="btn secondary">
                Retour
              </Link>
            </div>
          )}
        </div>
        <ProgressPanel
          sentence="L'étape « Fiche administrative » est complétée à"
          percent={prog.percent}
          count={`${prog.answered}/${prog.total} questions obligatoires répondues`}
          remaining={ro ? [] : prog.remaining}
        />
      </div>
      {confirm && (
        <Dialog title="Transmettre la fiche administrative" onClose={() => setConfirm(false)}>
          <p>Une fois la fiche administrative transmise aux vérificateurs, vous ne pourrez plus modifier les réponses fournies. Voulez-vous continuer ?</p>
          <div class="dialog-actions">
            <button type="button" class="btn secondary" onClick={() => setConfirm(false)}>
              Annuler
            </button>
            <button
              type="button"
              class="btn"
              onClick={() => {
                const e = transmitFiche(p.id);
                setConfirm(false);
                setErrors(e);
                if (!e.length) navigate(`${base}/convention`);
              }}
            >
              Transmettre la fiche administrative
            </button>
          </div>
        </Dialog>
      )}
    </div>
  );
}

/** Convention (étape 4.4). */
export function Convention({ p, d }: { p: Product; d: Demarche }): JSX.Element {
  const base = `/produits/${p.id}/demarches/mes`;
  const head = useProductHead(p, 'etape', 'Convention');
  return (
    <div class="page">
      <Breadcrumb items={head.crumbs({ label: 'Convention' })} />
      <h1>{head.title}</h1>
      <Stepper d={d} current={2} />
      <h2>Convention</h2>
      {d.convention === 'non-disponible' && (
        <Alert kind="info" title="Convention non disponible">
          <p>Vous devez d'abord compléter et transmettre la fiche administrative.</p>
        </Alert>
      )}
      {d.convention === 'en-attente-envoi' && (
        <div class="status-box">
          <p class="status-title">En attente d'envoi de la convention par les vérificateurs MES</p>
          <p>Les équipes de vérificateurs MES transmettra au représentant légal de votre entreprise un lien YouSign afin de signer la convention.</p>
        </div>
      )}
      {d.convention === 'a-signer' && (
        <div class="status-box">
          <p class="status-title">Convention à signer</p>
          <p>Le représentant légal de votre entreprise a reçu un lien YouSign pour signer électroniquement la convention de référencement. Les vérificateurs Mon espace santé accuseront réception de la convention signée et débloqueront votre accès aux questionnaires.</p>
        </div>
      )}
      {d.convention === 'validee' && (
        <div class="status-box ok">
          <p class="status-title">Votre convention a été validée</p>
          <p>Nous avons bien reçu votre convention signée et l'avons validée.</p>
          <Link href={`${base}/questionnaires`} class="btn">
            Accéder aux questionnaires
          </Link>
        </div>
      )}
      <div class="footer-buttons">
        <Link href={base} class="btn secondary">
          Retour
        </Link>
      </div>
    </div>
  );
}
