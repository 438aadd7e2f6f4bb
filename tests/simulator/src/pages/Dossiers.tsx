import type { JSX } from 'preact';
import { useState } from 'preact/hooks';
import { Link } from '../router.tsx';
import { Alert, Breadcrumb, Stepper, useFlash } from '../ui/common.tsx';
import { QUESTIONNAIRE_TITLES } from '../data/index.ts';
import { annulerCandidature, candidater, generateDossier } from '../actions.ts';
import { formatDate, formatTime, productName, questionnaireAttained, questionnaireProgress } from '../rules.ts';
import { downloadDossier } from '../xlsx.ts';
import type { Demarche, Product } from '../types.ts';
import { PageTitle, useProductHead } from '../ui/head.tsx';

const INTRO = (
  <>
    <p>Vous pouvez consulter les dossiers que vous avez déjà générés. Si vous apportez des modifications aux questionnaires vous devez générer un nouveau dossier d'évaluation.</p>
    <p>
      Une fois un dossier généré, pour candidater au catalogue de services de Mon Espace Santé, vous devez transmettre sa référence par e-mail aux équipes de référencement du GIE SESAM-Vitale à l'adresse e-mail referencement@mes.sesam-vitale.fr.
    </p>
  </>
);

/** Dossier d'évaluation (étapes 10.3 / 10.4). */
export function Dossiers({ p, d }: { p: Product; d: Demarche }): JSX.Element {
  const flash = useFlash();
  const base = `/produits/${p.id}/demarches/mes`;
  const [choice, setChoice] = useState(d.candidature?.ref ?? '');
  const [errors, setErrors] = useState<string[]>([]);
  const [msg, setMsg] = useState<string | null>(flash);
  const head = useProductHead(p, 'etape', "Gérez vos dossiers d'évaluation");
  return (
    <div class="page">
      <Breadcrumb items={head.crumbs({ label: 'Questionnaires', href: `${base}/questionnaires` }, { label: "Dossier d'évaluation" })} />
      <Stepper d={d} current={3} />
      <PageTitle head={head}>Gérez vos dossiers d'évaluation</PageTitle>
      {INTRO}
      {msg && <Alert kind="success">{msg}</Alert>}
      {errors.length > 0 && <Alert kind="error" title="Action impossible :" items={errors} />}
      <button
        type="button"
        class="btn"
        onClick={() => {
          const r = generateDossier(p.id);
          setErrors(r.errors);
          setMsg(r.ref ? `La référence de dossier d'évaluation ${r.ref} a été générée.` : null);
        }}
      >
        Générer une référence de dossier d'évaluation
      </button>
      {d.referencedAt && (
        <div class="status-box ok" role="status">
          <p class="status-title">✓ Dossier référencé</p>
          <p>Félicitations ! Votre produit a été référencé le {formatDate(d.referencedAt)}. Vous pouvez désormais retrouver votre produit dans le catalogue de services de l'application Mon espace santé.</p>
        </div>
      )}
      <h2>Dossier d'évaluation</h2>
      {d.dossiers.length === 0 ? (
        <p>Aucun dossier d'évaluation n'a encore été généré.</p>
      ) : (
        <table class="table">
          <caption>Informations des dossiers d'évaluation</caption>
          <thead>
            <tr>
              <th scope="col">Numéro du dossier</th>
              <th scope="col">Créateur du dossier</th>
              <th scope="col">Date de création</th>
              <th scope="col">Heure de création</th>
              <th scope="col">Action</th>
            </tr>
          </thead>
          <tbody>
            {d.dossiers.map((x) => (
              <tr key={x.ref}>
                <th scope="row">{x.ref}</th>
                <td>{x.creator}</td>
                <td>{formatDate(x.createdAt)}</td>
                <td>{formatTime(x.createdAt)}</td>
                <td class="actions">
                  <Link href={`${base}/dossiers/${x.ref}`} class="btn small secondary" aria-label={`Voir le dossier ${x.ref}`}>
                    Voir
                  </Link>
                  <button type="button" class="btn small secondary" aria-label={`Télécharger le dossier ${x.ref}`} onClick={() => downloadDossier(p, x, d.grand)}>
                    ↓ Télécharger
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <section class="card">
        <h2 id="candidat-titre">Mon dossier candidat</h2>
        {d.candidature ? (
          <>
            <p>
              Vous candidatez avec le dossier <strong>{d.candidature.ref}</strong> depuis le {formatDate(d.candidature.at)}.
            </p>
            <button
              type="button"
              class="btn secondary"
              onClick={() => {
                annulerCandidature(p.id);
                setMsg('Le dossier candidat a été annulé.');
                setErrors([]);
              }}
            >
              Annuler
            </button>
          </>
        ) : null}
        <div class="field">
          <label for="dossier-candidat">Mon dossier candidat</label>
          <select id="dossier-candidat" value={choice} onChange={(e) => setChoice(e.currentTarget.value)}>
            <option value="">-----</option>
            {d.dossiers.map((x) => (
              <option key={x.ref} value={x.ref}>
                {x.ref}
              </option>
            ))}
          </select>
        </div>
        <button
          type="button"
          class="btn"
          onClick={() => {
            const e = candidater(p.id, choice);
            setErrors(e);
            setMsg(e.length ? null : `Votre candidature avec le dossier ${choice} a été enregistrée.`);
          }}
        >
          Candidater
        </button>
      </section>
      <Link href={`${base}/questionnaires`} class="btn secondary">
        Retour
      </Link>
    </div>
  );
}

/** Contenu d'un dossier d'évaluation (« Voir votre dossier »). */
export function DossierDetail({ p, d, dossierRef: ref }: { p: Product; d: Demarche; dossierRef: string }): JSX.Element {
  const base = `/produits/${p.id}/demarches/mes`;
  const x = d.dossiers.find((y) => y.ref === ref);
  const head = useProductHead(p, 'etape', x ? `Dossier d'évaluation ${x.ref}` : 'Dossier introuvable');
  if (!x) {
    return (
      <div class="page">
        <h1>Dossier introuvable</h1>
        <p>Le dossier {ref} est introuvable.</p>
        <Link href={`${base}/dossiers`}>Retour aux dossiers d'évaluation</Link>
      </div>
    );
  }
  return (
    <div class="page">
      <Breadcrumb items={head.crumbs({ label: 'Questionnaires', href: `${base}/questionnaires` }, { label: "Dossier d'évaluation", href: `${base}/dossiers` }, { label: x.ref })} />
      <h1>{head.title}</h1>
      <div class="title-row">
        <h2>Dossier d'évaluation</h2>
        <button type="button" class="btn secondary" onClick={() => downloadDossier(p, x, d.grand)}>
          ↓ Télécharger
        </button>
      </div>
      <h3>Informations du dossier</h3>
      <table class="table">
        <thead>
          <tr>
            <th scope="col">Numéro du dossier</th>
            <th scope="col">Créateur du dossier</th>
            <th scope="col">Date de création</th>
            <th scope="col">Heure de création</th>
          </tr>
        </thead>
        <tbody>
          <tr>
            <td>{x.ref}</td>
            <td>{x.creator}</td>
            <td>{formatDate(x.createdAt)}</td>
            <td>{formatTime(x.createdAt)}</td>
          </tr>
        </tbody>
      </table>
      <h3>Informations d'identification du produit</h3>
      <dl class="recap compact">
        <div><dt>Produit</dt><dd>{head.inBody ? productName(p) : p.form.nom}</dd></div>
        <div><dt>Type du produit</dt><dd>{p.form.type}</dd></div>
        <div><dt>Responsable du produit</dt><dd>{p.form.responsable}</dd></div>
      </dl>
      <h3>Questionnaires du dossier</h3>
      <table class="table">
        <thead>
          <tr>
            <th scope="col">Questionnaire</th>
            <th scope="col">Réponse validée</th>
            <th scope="col">Avancement</th>
            <th scope="col">Niveau d'auto-évaluation</th>
          </tr>
        </thead>
        <tbody>
          {x.applicable.map((k) => {
            const snap = x.questionnaires[k];
            const prog = snap ? questionnaireProgress(k, x.orientation, snap, d.grand) : null;
            return (
              <tr key={k}>
                <th scope="row">{QUESTIONNAIRE_TITLES[k]}</th>
                <td>{snap ? `Validée le ${formatDate(snap.at)}` : 'Non validé'}</td>
                <td>{prog ? `${prog.done}/${prog.total}` : '—'}</td>
                <td>{snap ? (questionnaireAttained(k, x.orientation, snap, d.grand) ? 'Atteint' : 'Non atteint') : '—'}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <Link href={`${base}/dossiers`} class="btn secondary">
        Retour
      </Link>
    </div>
  );
}
