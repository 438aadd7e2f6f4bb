import type { JSX } from 'preact';
import { useState } from 'preact/hooks';
import { Link, navigate } from '../router.tsx';
import { Breadcrumb, Dialog } from '../ui/common.tsx';
import { productName } from '../rules.ts';
import type { SimState } from '../types.ts';

const TABS = ['Doctrine du Numérique en Santé', 'Mon espace santé', 'Ségur du Numérique en Santé', 'Certification de conformité des dispositifs médicaux numériques'];

/** Tableau de bord (étapes 1.1 / 1.2). */
export function Dashboard(): JSX.Element {
  const [tab, setTab] = useState(1);
  return (
    <div class="page">
      <h1>Tableau de bord</h1>
      <section aria-labelledby="parcours-titre">
        <h2 id="parcours-titre">Les parcours</h2>
        <p>Sélectionnez le parcours qui répond à votre besoin</p>
        <div role="tablist" aria-label="Les parcours" class="tabs">
          {TABS.map((t, i) => (
            <button key={t} type="button" role="tab" id={`tab-${i}`} aria-selected={tab === i} aria-controls={`panel-${i}`} onClick={() => setTab(i)}>
              {t}
            </button>
          ))}
        </div>
        {tab === 1 ? (
          <div role="tabpanel" id="panel-1" aria-labelledby="tab-1" class="card big">
            <h3>Faites référencer votre solution au catalogue de services de Mon espace santé</h3>
            <p>
              Vous pouvez la faire référencer au catalogue de services de Mon espace santé pour renforcer la visibilité de votre solution et participer au développement du numérique en santé. L'évaluation de la conformité aux critères de référencement faite sur la plateforme Convergence est un prérequis nécessaire à toute demande de référencement à Mon espace santé
            </p>
            <p>
              <strong>Les 3 étapes à suivre :</strong>
            </p>
            <ol>
              <li>Ajoutez un produit ou sélectionnez un produit déjà existant et rattachez-le à la démarche Référencement guidé ;</li>
              <li>Évaluez la conformité de votre produit en répondant aux questionnaires thématiques applicables et en déposant les preuves attendues ;</li>
              <li>Générez une référence de votre dossier d'évaluation une fois la complétion des questionnaires finalisée et communiquez cette référence au GIE SESAM-Vitale pour candidater officiellement au dispositif.</li>
            </ol>
            <p>
              <strong>NB :</strong> Si vous avez déjà rattaché votre produit à la démarche Référencement sans échange de données et/ou à la démarche avec échange de données, vous pouvez finaliser la complétion des questionnaires et transmettre ensuite les résultats au GIE SESAM-Vitale pour candidater officiellement au dispositif.
            </p>
            <Link href="/parcours/mon-espace-sante" class="btn">
              En savoir plus →
            </Link>
          </div>
        ) : tab === 0 ? (
          <div role="tabpanel" id="panel-0" aria-labelledby="tab-0" class="card big">
            <h3>Évaluez la maturité de vos produits à la Doctrine du Numérique en Santé</h3>
            <p>
              Vous pouvez évaluer la maturité de vos produits à la Doctrine du Numérique en Santé définie par l'Etat et définir à la suite votre feuille de route pour atteindre les niveaux recommandés en réalisant une projection de l'évolution de vos produits.
            </p>
            <Link href="/parcours/doctrine" class="btn">
              En savoir plus →
            </Link>
          </div>
        ) : (
          <div role="tabpanel" id={`panel-${tab}`} aria-labelledby={`tab-${tab}`} class="card big">
            <h3>{TABS[tab]}</h3>
            <p>Ce parcours n'est pas reproduit par le simulateur.</p>
          </div>
        )}
      </section>
    </div>
  );
}

export function NotSimulated({ title }: { title: string }): JSX.Element {
  return (
    <div class="page">
      <h1>{title}</h1>
      <p>Ce parcours n'est pas reproduit par le simulateur. Seul le parcours Mon espace santé l'est.</p>
      <Link href="/tableau-de-bord">Retour au tableau de bord</Link>
    </div>
  );
}

/** Présentation du parcours Mon espace santé (étapes 2 et 3.1). */
export function Parcours({ s }: { s: SimState }): JSX.Element {
  const [open, setOpen] = useState(false);
  const [choice, setChoice] = useState('');
  const [err, setErr] = useState('');
  const free = s.products.filter((p) => !p.demarche && p.editeur === 'Mon entreprise');
  return (
    <div class="page">
      <Breadcrumb items={[{ label: 'Tableau de bord', href: '/tableau-de-bord' }, { label: 'Mon espace santé' }]} />
      <div class="hero">
        <p class="hero-big">Réussir ensemble</p>
        <p class="hero-small">mon ESPACE SANTÉ</p>
      </div>
      <h1>Présentation du parcours Mon espace santé</h1>
      <section aria-labelledby="mes-quoi">
        <h2 id="mes-quoi">Qu'est-ce que Mon espace santé ?</h2>
        <p>
          Mon espace santé est le service public numérique qui permet à chaque usager de stocker et partager ses documents et données de santé en toute sécurité. Son catalogue de services référence des applications et services numériques de santé évalués sur la plateforme Convergence.
        </p>
      </section>
      <section aria-labelledby="mes-demarche" id="demarche">
        <h2 id="mes-demarche">La démarche</h2>
        <div class="card">
          <h3>Référencement guidé</h3>
          <p>
            Cette démarche vous permet de faire évaluer votre produit à l'aide d'un questionnaire d'orientation. Selon vos réponses, seuls les critères applicables à votre produit s'affichent. Nous vous invitons à rattacher votre produit à la démarche Référencement guidé.
          </p>
          <button type="button" class="btn" onClick={() => setOpen(true)}>
            Ajouter un produit à la démarche
          </button>
        </div>
      </section>
      {open && (
        <Dialog title="Ajouter un produit à la démarche" onClose={() => setOpen(false)}>
          <p>Sélectionnez un produit existant ou ajoutez un nouveau produit.</p>
          {err && (
            <p class="field-error" role="alert">
              {err}
            </p>
          )}
          <label for="produit-existant">Produit existant</label>
          <select id="produit-existant" value={choice} onChange={(e) => setChoice(e.currentTarget.value)}>
            <option value="">Sélectionner un produit</option>
            {free.map((p) => (
              <option key={p.id} value={String(p.id)}>
                {productName(p)}
              </option>
            ))}
          </select>
          <div class="dialog-actions">
            <button
              type="button"
              class="btn"
              onClick={() => {
                if (!choice) setErr('Veuillez sélectionner un produit existant ou ajouter un nouveau produit.');
                else navigate(`/produits/${choice}/nouvelle-demarche/mon-espace-sante/marque-blanche`);
              }}
            >
              Rattacher le produit sélectionné
            </button>
            <button type="button" class="btn secondary" onClick={() => navigate('/produits/nouveau')}>
              Ajouter un nouveau produit
            </button>
          </div>
        </Dialog>
      )}
    </div>
  );
}

/** Vos produits > Votre catalogue produits. */
export function ProductList({ s }: { s: SimState }): JSX.Element {
  return (
    <div class="page">
      <Breadcrumb items={[{ label: 'Vos produits', href: '/produits' }, { label: 'Votre catalogue produits' }]} />
      <h1>Votre catalogue produits</h1>
      <p>
        <Link href="/produits/nouveau" class="btn">
          Ajouter un nouveau produit
        </Link>
      </p>
      {s.products.length === 0 ? (
        <p>Vous n'avez encore ajouté aucun produit.</p>
      ) : (
        <table class="table">
          <caption>Vos produits</caption>
          <thead>
            <tr>
              <th scope="col">Produit</th>
              <th scope="col">Éditeur</th>
              <th scope="col">Démarche Mon espace santé</th>
            </tr>
          </thead>
          <tbody>
            {s.products.map((p) => (
              <tr key={p.id}>
                <td>
                  <Link href={`/produits/${p.id}`}>{productName(p)}</Link>
                </td>
                <td>{p.editeur}</td>
                <td>{p.demarche ? <Link href={`/produits/${p.id}/demarches/mes`}>Référencement Mon espace santé guidé (nouveau)</Link> : '—'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}
