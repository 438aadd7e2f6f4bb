import type { JSX } from 'preact';
import { useState } from 'preact/hooks';
import { Link, navigate } from '../router.tsx';
import { Alert, Breadcrumb, Dialog, setFlash, useFlash } from '../ui/common.tsx';
import { AUCUN_DISPOSITIF, INTERETS } from '../data/forms.ts';
import { attachDemarche, createProduct, setProductDraft } from '../actions.ts';
import { productFormErrors, productName, toggleInteret, type WhiteLabelDraft } from '../rules.ts';
import { update } from '../store.ts';
import type { Product, SimState } from '../types.ts';

const CRUMBS = [{ label: 'Vos produits', href: '/produits' }, { label: 'Votre catalogue produits', href: '/produits' }, { label: 'Ajouter un nouveau produit' }];

function FieldError({ id, msg }: { id: string; msg?: string }): JSX.Element | null {
  return msg ? (
    <p class="field-error" id={id}>
      {msg}
    </p>
  ) : null;
}

/** Ajouter un nouveau produit (étape 3.2). */
export function ProductForm({ s }: { s: SimState }): JSX.Element {
  const f = s.productDraft;
  const [shown, setShown] = useState<Record<string, string> | null>(null);
  const errs = shown ?? {};
  const text = (id: keyof typeof f, label: string, required: boolean, multiline = false) => {
    const v = f[id] as string;
    const props = {
      id: `produit-${id}`,
      value: v,
      'aria-invalid': errs[id] ? true : undefined,
      'aria-describedby': errs[id] ? `err-${id}` : undefined,
      required,
      onInput: (e: Event) => setProductDraft({ [id]: (e.currentTarget as HTMLInputElement).value }),
    };
    return (
      <div class="field">
        <label for={`produit-${id}`}>
          {label}
          {required && ' *'}
        </label>
        {multiline ? <textarea rows={3} {...props} /> : <input type="text" {...props} />}
        <FieldError id={`err-${id}`} msg={errs[id]} />
      </div>
    );
  };
  return (
    <div class="page">
      <Breadcrumb items={CRUMBS} />
      <h1>Ajouter un nouveau produit</h1>
      <p>Les champs obligatoires sont signalés par un astérisque *</p>
      {shown && Object.keys(shown).length > 0 && <Alert kind="error" title="Le formulaire comporte des erreurs :" items={Object.values(shown)} />}
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          const er = productFormErrors(f);
          setShown(er);
          if (Object.keys(er).length === 0) navigate('/produits/nouveau/recapitulatif');
          else update((st) => { st.lastRefusal = { at: new Date().toISOString(), page: 'produit-formulaire', productId: null, questionnaire: null, reasons: Object.values(er) }; });
        }}
      >
        <fieldset>
          <legend>Identification du produit</legend>
          <div class="grid2">
            {text('nom', 'Nom du produit', true)}
            {text('version', 'Version', true)}
          </div>
          <fieldset class="inline" aria-describedby={errs.type ? 'err-type' : undefined}>
            <legend>Type de produit *</legend>
            {(['Socle', 'Option'] as const).map((t) => (
              <label key={t}>
                <input type="radio" name="type-produit" value={t} checked={f.type === t} onChange={() => setProductDraft({ type: t })} /> {t}
              </label>
            ))}
            <FieldError id="err-type" msg={errs.type} />
          </fieldset>
          <div class="grid2">
            {text('nil', "N° d'identification (NIL délivré par le CNDA)", false)}
            {text('responsable', 'Responsable', true)}
          </div>
          {text('description', 'Description de produit', true, true)}
          {text('certifications', 'Certifications', false)}
        </fieldset>
        <fieldset>
          <legend>Votre intérêt pour les dispositifs de référencement et/ou de certification</legend>
          <fieldset class="checks" aria-describedby={errs.interets ? 'err-interets' : undefined}>
            <legend>Par quels dispositifs de référencement et/ou de certification êtes-vous intéressé pour le produit ? *</legend>
            {/* Piège voulu : la nouvelle liste part de `f.interets` du DERNIER RENDU ; deux clics dans la même tâche perdent le premier. */}
            {[...INTERETS, AUCUN_DISPOSITIF].map((o) => (
              <label key={o}>
                <input type="checkbox" checked={f.interets.includes(o)} onChange={(e) => setProductDraft({ interets: toggleInteret(f.interets, o, e.currentTarget.checked) })} /> {o}
              </label>
            ))}
            <FieldError id="err-interets" msg={errs.interets} />
          </fieldset>
        </fieldset>
        <div class="footer-buttons">
          <Link href="/produits" class="btn secondary">
            Annuler
          </Link>
          <button type="submit" class="btn">
            Suivant
          </button>
        </div>
      </form>
    </div>
  );
}

/** Récapitulatif de la création du produit (étape 3.3). */
export function ProductRecap({ s }: { s: SimState }): JSX.Element {
  const f = s.productDraft;
  const [errors, setErrors] = useState<string[]>([]);
  const rows: [string, string][] = [
    ['Nom du produit', f.nom], ['Version', f.version], ['Type du produit', f.type], ['Description', f.description],
    ["N° d'identification (NIL délivré par le CNDA)", f.nil || '—'], ['Responsable du produit', f.responsable], ['Certifications', f.certifications || '—'],
  ];
  return (
    <div class="page">
      <Breadcrumb items={CRUMBS} />
      <h1>Ajouter un nouveau produit</h1>
      <h2>Récapitulatif</h2>
      {errors.length > 0 && <Alert kind="error" title="Le produit ne peut pas être créé :" items={errors} />}
      <h3>Identification du produit</h3>
      <dl class="recap">
        {rows.map(([k, v]) => (
          <div key={k}>
            <dt>{k}</dt>
            <dd>{v}</dd>
          </div>
        ))}
      </dl>
      <h3>Votre intérêt pour les dispositifs de référencement et/ou de certification</h3>
      <ul>
        {f.interets.map((i) => (
          <li key={i}>✓ {i}</li>
        ))}
      </ul>
      <div class="footer-buttons">
        <button type="button" class="btn secondary" onClick={() => navigate('/produits/nouveau')}>
          Précédent
        </button>
        <button
          type="button"
          class="btn"
          onClick={() => {
            const r = createProduct();
            if (typeof r === 'number') {
              setFlash('Le produit a bien été ajouté.');
              navigate(`/produits/${r}`);
            } else setErrors(r);
          }}
        >
          Valider
        </button>
      </div>
    </div>
  );
}

/** Fiche du produit (étape 3.4 / marque blanche 1.1). */
export function ProductSheet({ p }: { p: Product }): JSX.Element {
  const flash = useFlash();
  return (
    <div class="page">
      <Breadcrumb items={[{ label: 'Vos produits', href: '/produits' }, { label: 'Votre catalogue produits', href: '/produits' }, { label: productName(p) }]} />
      {flash && <Alert kind="success">{flash}</Alert>}
      <div class="title-row">
        <h1>{productName(p)}</h1>
        <button type="button" class="btn secondary" onClick={() => window.print()}>
          Exporter la fiche produit
        </button>
      </div>
      <dl class="recap compact">
        <div><dt>Type du produit</dt><dd>{p.form.type}</dd></div>
        <div><dt>Responsable du produit</dt><dd>{p.form.responsable}</dd></div>
        <div><dt>Description</dt><dd>{p.form.description}</dd></div>
      </dl>
      <h2>Parcours</h2>
      <div class="cards">
        <div class="card">
          <h3>Doctrine du Numérique en Santé</h3>
          <p>Évaluez la maturité de vos produits à la Doctrine du Numérique en Santé définie par l'Etat et définissez ensuite votre feuille de route pour atteindre les niveaux recommandés en réalisant une projection de l'évolution de vos produits.</p>
          <button type="button" class="btn secondary" onClick={() => navigate('/parcours/doctrine')}>
            Commencer
          </button>
        </div>
        <div class="card">
          <h3>Mon espace santé</h3>
          <p>Évaluez la maturité de vos produits pour les faire référencer au catalogue de services de Mon espace santé. Deux démarches vous sont proposées une avec échange de données, une autre sans échange de données, avec Mon espace santé.</p>
          {p.demarche ? (
            <Link href={`/produits/${p.id}/demarches/mes`} class="btn">
              Voir la démarche
            </Link>
          ) : (
            <button type="button" class="btn" onClick={() => navigate(`/produits/${p.id}/nouvelle-demarche/mon-espace-sante`)}>
              Commencer
            </button>
          )}
        </div>
      </div>
    </div>
  );
}

/** Nouvelle démarche « Mon espace santé » + fenêtre modale marque blanche (étapes 3.5 / MB 1.2). */
export function NewDemarche({ s, p, modal }: { s: SimState; p: Product; modal: boolean }): JSX.Element {
  return (
    <div class="page">
      <Breadcrumb
        items={[
          { label: 'Vos produits', href: '/produits' },
          { label: 'Votre catalogue produits', href: '/produits' },
          { label: productName(p), href: `/produits/${p.id}` },
          { label: 'Nouvelle démarche' },
          { label: 'Mon espace santé' },
        ]}
      />
      <h1>Nouvelle démarche « Mon espace santé »</h1>
      <h2>Choisissez votre démarche</h2>
      <div class="card">
        <h3>Référencement Mon espace santé guidé</h3>
        <p>Évaluez la conformité de votre produit aux critères de référencement au catalogue de services de Mon espace santé.</p>
        {p.demarche ? (
          <Link href={`/produits/${p.id}/demarches/mes`} class="btn">
            Voir la démarche
          </Link>
        ) : (
          <button type="button" class="btn" onClick={() => navigate(`/produits/${p.id}/nouvelle-demarche/mon-espace-sante/marque-blanche`)}>
            Commencer
          </button>
        )}
      </div>
      {modal && !p.demarche && <WhiteLabelModal s={s} p={p} />}
    </div>
  );
}

function WhiteLabelModal({ s, p }: { s: SimState; p: Product }): JSX.Element {
  const [d, setD] = useState<WhiteLabelDraft>({ marqueBlanche: '', role: '', producerProductId: '', pourTiers: '' });
  const [errors, setErrors] = useState<string[]>([]);
  const producers = s.products.filter((x) => x.id !== p.id && x.demarche?.whiteLabel.role === 'producteur' && x.demarche.preReferenced);
  const radio = (name: string, value: string, checked: boolean, label: string, onPick: () => void) => (
    <label>
      <input type="radio" name={name} value={value} checked={checked} onChange={onPick} /> {label}
    </label>
  );
  return (
    <Dialog title="Inscription du produit en marque blanche" onClose={() => navigate(`/produits/${p.id}/nouvelle-demarche/mon-espace-sante`)} wide>
      {errors.length > 0 && <Alert kind="error" title="Veuillez compléter les informations demandées :" items={errors} />}
      <fieldset>
        <legend>Souhaitez-vous évaluer votre produit en tant qu'éditeur producteur ou éditeur distributeur d'une solution en marque blanche ? *</legend>
        <p class="hint">
          Certains éditeurs (les éditeurs producteurs) produisent une solution socle dite « solution en marque blanche » qui a vocation à être exploitée par d'autres éditeurs (les éditeurs distributeurs). Ces derniers personnalisent et intègrent la solution dans des outils ou service en santé pour leur compte et sous leur propre marque. Pour permettre le référencement au catalogue de services MES de ces applications en marque blanche, un processus spécifique est mis en place.
        </p>
        {radio('marque-blanche', 'Oui', d.marqueBlanche === 'Oui', 'Oui', () => setD({ ...d, marqueBlanche: 'Oui' }))}
        {radio('marque-blanche', 'Non', d.marqueBlanche === 'Non', 'Non', () => setD({ marqueBlanche: 'Non', role: '', producerProductId: '', pourTiers: '' }))}
      </fieldset>
      {d.marqueBlanche === 'Oui' && (
        <fieldset>
          <legend>Dans la mesure où votre produit s'inscrit dans un dispositif en marque blanche, nous vous invitons à indiquer si votre produit est une solution d'un éditeur distributeur ou d'un éditeur producteur *</legend>
          {radio('role', 'producteur', d.role === 'producteur', "Solution d'un éditeur producteur", () => setD({ ...d, role: 'producteur' }))}
          {radio('role', 'distributeur', d.role === 'distributeur', "Solution d'un éditeur distributeur", () => setD({ ...d, role: 'distributeur' }))}
        </fieldset>
      )}
      {d.marqueBlanche === 'Oui' && d.role === 'distributeur' && (
        <>
          <div class="field">
            <label for="solution-producteur">Indiquez la solution de l'éditeur producteur pré-référencée à laquelle votre produit est rattaché :</label>
            <select id="solution-producteur" value={d.producerProductId} onChange={(e) => setD({ ...d, producerProductId: e.currentTarget.value })}>
              <option value="">Sélectionner un produit</option>
              {producers.map((x) => (
                <option key={x.id} value={String(x.id)}>
                  {productName(x)}
                </option>
              ))}
            </select>
          </div>
          <fieldset>
            <legend>Évaluez-vous le produit pour le compte d'un tiers ? *</legend>
            {radio('tiers', 'Oui', d.pourTiers === 'Oui', 'Oui', () => setD({ ...d, pourTiers: 'Oui' }))}
            {radio('tiers', 'Non', d.pourTiers === 'Non', 'Non', () => setD({ ...d, pourTiers: 'Non' }))}
          </fieldset>
        </>
      )}
      <div class="dialog-actions">
        <button
          type="button"
          class="btn"
          onClick={() => {
            const e = attachDemarche(p.id, d);
            setErrors(e);
            if (!e.length) navigate(`/produits/${p.id}/demarches/mes`);
          }}
        >
          Valider
        </button>
      </div>
    </Dialog>
  );
}
