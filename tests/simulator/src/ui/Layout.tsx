import type { ComponentChildren, JSX } from 'preact';
import { Link, navigate } from '../router.tsx';
import { resetTo, update } from '../store.ts';
import { SCENARIOS } from '../scenarios.ts';
import { envoyerConvention, preReferencer, referencer, validerConvention } from '../actions.ts';
import { productName } from '../rules.ts';
import type { SimState } from '../types.ts';
import { displayOf, FIL_MODES, isDefaultDisplay, MAX_RETARD, PRODUIT_MODES, type Display } from '../display.ts';

const FIL_LABELS: Record<Display['fil'], string> = { liste: 'liste (défaut)', texte: 'texte', 'sans-suffixe': 'sans suffixe' };
const PRODUIT_LABELS: Record<Display['produit'], string> = {
  fil: 'fil et titres (défaut)', titre: 'titre seulement', document: 'document.title seulement', absent: 'absent des questionnaires',
};

function setDisplay(patch: Partial<Display>): void {
  update((st) => {
    st.display = { ...displayOf(st.display), ...patch };
  });
}

const NAV: [string, string][] = [
  ['Tableau de bord', '/tableau-de-bord'],
  ['Vos produits', '/produits'],
  ['Doctrine du Numérique en Santé', '/parcours/doctrine'],
  ['Mon espace santé', '/parcours/mon-espace-sante'],
  ['Ségur du Numérique en Santé', '/parcours/segur'],
  ['Certification de conformité des dispositifs médicaux numériques', '/parcours/certification-dmn'],
];

function SimTools({ s, productId }: { s: SimState; productId: number | null }): JSX.Element {
  const p = productId !== null ? s.products.find((x) => x.id === productId) : undefined;
  const d = p?.demarche;
  const disp = displayOf(s.display);
  return (
    <details class="sim-tools">
      <summary>Outils du simulateur (hors plateforme)</summary>
      <div class="sim-tools-body">
        <label>
          Scénario{' '}
          <select
            value={s.scenario}
            onChange={(e) => {
              resetTo(e.currentTarget.value, undefined, disp);
              navigate('/tableau-de-bord');
            }}
          >
            {SCENARIOS.map((n) => (
              <option key={n} value={n}>
                {n}
              </option>
            ))}
          </select>
        </label>
        <button type="button" class="btn small secondary" onClick={() => { resetTo(s.scenario, undefined, disp); navigate('/tableau-de-bord'); }}>
          Réinitialiser le scénario
        </button>
        <label>
          Balisage{' '}
          <select value={s.style} onChange={(e) => update((st) => { st.style = e.currentTarget.value === 'b' ? 'b' : 'a'; })}>
            <option value="a">style a</option>
            <option value="b">style b</option>
          </select>
        </label>
        <label>
          Fil d'Ariane{' '}
          <select value={disp.fil} onChange={(e) => setDisplay({ fil: e.currentTarget.value as Display['fil'] })}>
            {FIL_MODES.map((m) => (
              <option key={m} value={m}>
                {FIL_LABELS[m]}
              </option>
            ))}
          </select>
        </label>
        <label>
          Produit affiché{' '}
          <select value={disp.produit} onChange={(e) => setDisplay({ produit: e.currentTarget.value as Display['produit'] })}>
            {PRODUIT_MODES.map((m) => (
              <option key={m} value={m}>
                {PRODUIT_LABELS[m]}
              </option>
            ))}
          </select>
        </label>
        <label>
          Retard du produit (ms){' '}
          <input
            type="number"
            min={0}
            max={MAX_RETARD}
            step={100}
            value={disp.retard}
            onChange={(e) => setDisplay({ retard: displayOf({ retard: Number(e.currentTarget.value) }).retard })}
          />
        </label>
        {p && d && (
          <fieldset class="verif">
            {/* le produit n'est nommé ici que sans variante d'affichage (sinon il fausserait les variantes) */}
            <legend>Simuler l'action des vérificateurs{isDefaultDisplay(disp) ? ` — ${productName(p)}` : ''}</legend>
            {d.convention === 'en-attente-envoi' && (
              <button type="button" class="btn small secondary" onClick={() => envoyerConvention(p.id)}>
                Envoyer la convention (simulateur)
              </button>
            )}
            {(d.convention === 'a-signer' || d.convention === 'en-attente-envoi') && (
              <button type="button" class="btn small secondary" onClick={() => validerConvention(p.id)}>
                Signer et valider la convention (simulateur)
              </button>
            )}
            {d.whiteLabel.role === 'producteur' && !d.preReferenced && (
              <button type="button" class="btn small secondary" onClick={() => preReferencer(p.id)}>
                Pré-référencer le dossier de l'éditeur producteur (simulateur)
              </button>
            )}
            {d.candidature && !d.referencedAt && (
              <button type="button" class="btn small secondary" onClick={() => referencer(p.id)}>
                Référencer le dossier candidat (simulateur)
              </button>
            )}
            {!(d.convention === 'en-attente-envoi' || d.convention === 'a-signer' || (d.whiteLabel.role === 'producteur' && !d.preReferenced) || (d.candidature && !d.referencedAt)) && (
              <span class="hint">Aucune action de vérificateur disponible à ce stade.</span>
            )}
          </fieldset>
        )}
      </div>
    </details>
  );
}

export function Layout(props: { s: SimState; path: string; productId: number | null; children: ComponentChildren }): JSX.Element {
  const { s } = props;
  const pending = s.notifications.filter((n) => n.status === 'nouvelle').length;
  return (
    <>
      <div class="sim-banner" role="region" aria-label="Simulateur">
        <p>
          <strong>Simulateur Convergence — ce n'est pas la plateforme officielle de l'ANS.</strong> Les textes des critères sont illustratifs, inspirés du guide ANS du 17/12/2024.
        </p>
        <SimTools s={s} productId={props.productId} />
      </div>
      <header class="site-header">
        <div class="brand-row">
          <Link href="/tableau-de-bord" class="brand">
            Convergence
          </Link>
          <span class="tagline">Agence du Numérique en Santé</span>
          <span class="spacer" />
          <Link href="/notifications" class="notif-link">
            Vos notifications{pending > 0 ? ` (${pending})` : ''}
          </Link>
          <span class="user">{s.user}</span>
        </div>
        <nav aria-label="Navigation principale" class="main-nav">
          <ul>
            {NAV.map(([label, href]) => (
              <li key={href}>
                <Link href={href} aria-current={(props.path.includes('/demarches/mes') ? href === '/parcours/mon-espace-sante' : props.path.startsWith(href)) ? 'page' : undefined}>
                  {label}
                </Link>
              </li>
            ))}
          </ul>
        </nav>
      </header>
      <main id="contenu">{props.children}</main>
      <footer class="site-footer">
        <p>Simulateur de test — aucune donnée n'est transmise. Plateforme réelle : convergence.esante.gouv.fr</p>
      </footer>
    </>
  );
}
