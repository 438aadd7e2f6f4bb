import { useEffect, useRef, useState } from 'preact/hooks';
import type { CompanyProfile, Product } from '../../lib/domain/schemas';
import { tc } from './company-strings';
import { useAction, useLoad, useManager } from './context';
import { COMPANY_EXTRA_FIELDS, LEGAL_FORMS } from './convergence';
import { Fieldset, FormButtons, TextField, focusFirstInvalid } from './fields';
import { formatDate } from './files';
import { VIEW_HEADING_ID } from './types';
import { ViewSection } from './ViewSection';
import { t } from './strings';

type MainField = 'denomination' | 'formeJuridique' | 'adresseSiege' | 'rcs' | 'siret' | 'siteWeb' | 'telephone' | 'representantNom' | 'representantPrenom';
type Draft = Record<MainField, string> & { extra: Record<string, string> };

const EMPTY: Draft = {
  denomination: '',
  formeJuridique: '',
  adresseSiege: '',
  rcs: '',
  siret: '',
  siteWeb: '',
  telephone: '',
  representantNom: '',
  representantPrenom: '',
  extra: {},
};

function draftOf(c: CompanyProfile | null | undefined): Draft {
  if (!c) return EMPTY;
  return {
    denomination: c.denomination,
    formeJuridique: c.formeJuridique ?? '',
    adresseSiege: c.adresseSiege ?? '',
    rcs: c.rcs ?? '',
    siret: c.siret ?? '',
    siteWeb: c.siteWeb ?? '',
    telephone: c.telephone ?? '',
    representantNom: c.representantNom ?? '',
    representantPrenom: c.representantPrenom ?? '',
    extra: { ...c.extra },
  };
}

/**
 * Fiches administratives : un profil d'entreprise par défaut (le seul, le plus souvent : tout se passe alors
 * comme avec une fiche unique), et d'autres pour les produits évalués « pour le compte d'un tiers » ; chaque
 * produit désigne le sien dans son onglet « Produit » (Product.companyId).
 */
export function CompanyForm() {
  const { send, version } = useManager();
  const loaded = useLoad(async () => {
    const [list, byDefault, products] = await Promise.all([send('company.list', {}), send('company.get', {}), send('products.list', {})]);
    return { companies: list.companies, defaultId: byDefault?.id ?? null, products: products.products.map((e) => e.product) };
  }, [version]);
  // null : le profil par défaut ; 'nouveau' : un profil pas encore enregistré.
  const [selected, setSelected] = useState<string | null>(null);
  const companies = loaded.data?.companies ?? [];
  const currentId = selected === NEW ? null : selected && companies.some((c) => c.id === selected) ? selected : (loaded.data?.defaultId ?? null);
  const current = companies.find((c) => c.id === currentId) ?? null;
  // Après l'enregistrement, le formulaire est recréé avec la fiche relue : le focus revient sur le titre.
  const focusAfterSave = useRef<string | null>(null);
  const savedKey = `${current?.id ?? NEW}|${current?.updatedAt ?? ''}`;
  useEffect(() => {
    if (!focusAfterSave.current) return;
    const target = focusAfterSave.current;
    focusAfterSave.current = null;
    document.getElementById(target)?.focus();
  }, [savedKey]);
  const choose = (id: string | null) => {
    setSelected(id);
    focusAfterSave.current = FORM_HEADING_ID;
  };
  const several = companies.length > 0;
  return (
    <ViewSection title={t('companyTitle')} class="mgr-company">
      <p class="mgr-hint">{t('companyHint')}</p>
      {loaded.error && <p class="mgr-error-text">{loaded.error}</p>}
      {several && loaded.data && (
        <CompanyList
          companies={companies}
          defaultId={loaded.data.defaultId}
          products={loaded.data.products}
          currentId={currentId}
          onEdit={(id) => choose(id)}
          onNew={() => choose(NEW)}
        />
      )}
      {several && (
        <h3 id={FORM_HEADING_ID} tabIndex={-1}>
          {current ? tc('editTitle', { name: current.denomination || tc('unnamed') }) : tc('newTitle')}
        </h3>
      )}
      {current && <p class="mgr-hint">{t('companyUpdated', { date: formatDate(current.updatedAt, true) })}</p>}
      {/* Le formulaire n'apparaît qu'une fois la fiche lue : une saisie n'est jamais écrasée par la lecture. */}
      {loaded.data === undefined ? (
        <p>{t('loading')}</p>
      ) : (
        <CompanyFields
          key={savedKey}
          current={current}
          additional={several}
          onSaved={(c) => {
            setSelected(c.id);
            focusAfterSave.current = VIEW_HEADING_ID;
          }}
        />
      )}
      {several && selected === NEW && (
        <p>
          <button type="button" class="btn secondary" onClick={() => choose(null)}>
            {tc('cancelNew')}
          </button>
        </p>
      )}
    </ViewSection>
  );
}

const NEW = 'nouveau';
const FORM_HEADING_ID = 'mgr-profil-entreprise';

interface CompanyListProps {
  companies: readonly CompanyProfile[];
  defaultId: string | null;
  products: readonly Product[];
  currentId: string | null;
  onEdit(id: string): void;
  onNew(): void;
}

/** Les profils enregistrés : lequel est par défaut, combien de produits s'en servent, lequel est ouvert. */
function CompanyList({ companies, defaultId, products, currentId, onEdit, onNew }: CompanyListProps) {
  const known = new Set(companies.map((c) => c.id));
  const usedBy = (id: string) => products.filter((p) => (p.companyId && known.has(p.companyId) ? p.companyId === id : id === defaultId)).length;
  return (
    <section aria-labelledby="mgr-profils-entreprise" class="mgr-subsection">
      <h3 id="mgr-profils-entreprise">{tc('listTitle')}</h3>
      <p class="mgr-hint">{tc('listHint')}</p>
      <div class="mgr-table-wrap">
        <table class="mgr-table" aria-labelledby="mgr-profils-entreprise">
          <thead>
            <tr>
              <th scope="col">{tc('colName')}</th>
              <th scope="col">{tc('colSiret')}</th>
              <th scope="col">{tc('colProducts')}</th>
              <th scope="col">{tc('colActions')}</th>
            </tr>
          </thead>
          <tbody>
            {companies.map((c) => {
              const name = c.denomination || tc('unnamed');
              return (
                <tr key={c.id} aria-current={c.id === currentId ? 'true' : undefined}>
                  <th scope="row">
                    {name}
                    {c.id === defaultId && ` ${tc('defaultMark')}`}
                  </th>
                  <td>{c.siret}</td>
                  <td>{tc('productsCount', { count: usedBy(c.id) })}</td>
                  <td>
                    {c.id === currentId ? (
                      <span class="mgr-muted">{tc('editing')}</span>
                    ) : (
                      <button type="button" class="linkish" onClick={() => onEdit(c.id)}>
                        {tc('edit', { name })}
                      </button>
                    )}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      <button type="button" class="btn secondary" onClick={onNew}>
        {tc('add')}
      </button>
    </section>
  );
}

function CompanyFields({ current, additional, onSaved }: { current: CompanyProfile | null; additional: boolean; onSaved(company: CompanyProfile): void }) {
  // Le profil par défaut est le premier de la base (par identifiant) : un profil ajouté ensuite reçoit un
  // identifiant rangé après tout identifiant aléatoire (« tiers-… »), pour ne jamais devenir le défaut à sa place.
  const newCompanyId = () => (additional ? `tiers-${crypto.randomUUID()}` : crypto.randomUUID());
  const { send, author, announce, changed } = useManager();
  const [busy, run] = useAction();
  const [d, setD] = useState<Draft>(() => draftOf(current));
  const [errors, setErrors] = useState<Partial<Record<MainField, string>>>({});
  const form = useRef<HTMLFormElement>(null);

  const set = (k: MainField, v: string) => setD((x) => ({ ...x, [k]: v }));
  const setExtra = (k: string, v: string) => setD((x) => ({ ...x, extra: { ...x.extra, [k]: v } }));

  const submit = (ev: Event) => {
    ev.preventDefault();
    const errs: typeof errors = {};
    if (!d.denomination.trim()) errs.denomination = t('errRequired', { field: t('cDenomination') });
    const siret = d.siret.replace(/\s/g, '');
    if (siret && !/^\d{14}$/.test(siret)) errs.siret = t('errSiret');
    setErrors(errs);
    if (Object.keys(errs).length) {
      setTimeout(() => focusFirstInvalid(form.current), 0);
      return;
    }
    const extra = Object.fromEntries(Object.entries(d.extra).map(([k, v]) => [k, v.trim()]).filter(([, v]) => v));
    const company = {
      id: current?.id ?? newCompanyId(),
      denomination: d.denomination.trim(),
      formeJuridique: d.formeJuridique.trim(),
      adresseSiege: d.adresseSiege.trim(),
      rcs: d.rcs.trim(),
      siret,
      siteWeb: d.siteWeb.trim(),
      telephone: d.telephone.trim(),
      representantNom: d.representantNom.trim(),
      representantPrenom: d.representantPrenom.trim(),
      extra,
    };
    void run(async () => {
      const saved = await send('company.put', { company, author });
      onSaved(saved);
      announce(t('companySaved'));
      changed();
    });
  };

  const field = (k: MainField, label: string, extraProps: Partial<Parameters<typeof TextField>[0]> = {}) => (
    <TextField id={`entreprise-${k}`} label={label} value={d[k]} onInput={(v) => set(k, v)} error={errors[k]} {...extraProps} />
  );

  return (
    <form ref={form} class="mgr-form" noValidate onSubmit={submit} aria-label={t('companyTitle')}>
      <Fieldset legend={t('companySection')}>
        {field('denomination', t('cDenomination'), { required: true })}
        <div class="mgr-grid2">
          {field('formeJuridique', t('cForme'), { list: 'mgr-formes' })}
          {field('rcs', t('cRcs'))}
        </div>
        <datalist id="mgr-formes">
          {LEGAL_FORMS.map((f) => (
            <option key={f} value={f} />
          ))}
        </datalist>
        {field('adresseSiege', t('cAdresse'), { autoComplete: 'street-address' })}
        <div class="mgr-grid2">
          {field('siret', t('cSiret'), { hint: t('cSiretHint'), inputMode: 'numeric' })}
          {field('siteWeb', t('cSite'), { type: 'url' })}
        </div>
        {field('telephone', t('cTelephone'), { type: 'tel' })}
      </Fieldset>
      <Fieldset legend={t('representativeSection')}>
        <div class="mgr-grid2">
          {field('representantNom', t('cNom'))}
          {field('representantPrenom', t('cPrenom'))}
        </div>
        {COMPANY_EXTRA_FIELDS.map((label, i) => (
          <TextField
            key={label}
            id={`entreprise-extra-${i}`}
            label={label === 'Fonction' ? t('cFonction') : label === 'Adresse e-mail' ? t('cEmail') : t('cTelRepresentant')}
            type={label === 'Adresse e-mail' ? 'email' : label === 'Fonction' ? 'text' : 'tel'}
            value={d.extra[label] ?? ''}
            onInput={(v) => setExtra(label, v)}
          />
        ))}
      </Fieldset>
      <FormButtons submit={t('saveCompany')} busy={busy} />
    </form>
  );
}
