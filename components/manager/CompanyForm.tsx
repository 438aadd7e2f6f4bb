import { useEffect, useRef, useState } from 'preact/hooks';
import type { CompanyProfile } from '../../lib/domain/schemas';
import { useAction, useLoad, useManager } from './context';
import { COMPANY_EXTRA_FIELDS, LEGAL_FORMS } from './convergence';
import { Fieldset, TextField, focusFirstInvalid } from './fields';
import { formatDate } from './files';
import { VIEW_HEADING_ID } from './Manager';
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

/** Fiche administrative (profil de l'entreprise), la même pour chaque produit. */
export function CompanyForm() {
  const { send, version } = useManager();
  const loaded = useLoad(() => send('company.get', {}), [version]);
  const current = loaded.data ?? null;
  // Après l'enregistrement, le formulaire est recréé avec la fiche relue : le focus revient sur le titre.
  const focusAfterSave = useRef(false);
  const savedKey = current?.updatedAt ?? '';
  useEffect(() => {
    if (!focusAfterSave.current) return;
    focusAfterSave.current = false;
    document.getElementById(VIEW_HEADING_ID)?.focus();
  }, [savedKey]);
  return (
    <section aria-labelledby={VIEW_HEADING_ID} class="mgr-company">
      <h2 id={VIEW_HEADING_ID} tabIndex={-1}>
        {t('companyTitle')}
      </h2>
      <p class="mgr-hint">{t('companyHint')}</p>
      {current && <p class="mgr-hint">{t('companyUpdated', { date: formatDate(current.updatedAt, true) })}</p>}
      {loaded.error && <p class="mgr-error-text">{loaded.error}</p>}
      {/* Le formulaire n'apparaît qu'une fois la fiche lue : une saisie n'est jamais écrasée par la lecture. */}
      {loaded.data === undefined ? <p>{t('loading')}</p> : <CompanyFields key={current?.updatedAt ?? 'nouvelle'} current={current} onSaved={() => (focusAfterSave.current = true)} />}
    </section>
  );
}

function CompanyFields({ current, onSaved }: { current: CompanyProfile | null; onSaved(): void }) {
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
      id: current?.id ?? crypto.randomUUID(),
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
      await send('company.put', { company, author });
      onSaved();
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
      <div class="mgr-buttons">
        <button type="submit" class="btn" disabled={busy}>
          {t('saveCompany')}
        </button>
      </div>
    </form>
  );
}
