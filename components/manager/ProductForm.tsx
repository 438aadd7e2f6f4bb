import { useRef, useState } from 'preact/hooks';
import type { Product, ProductRole } from '../../lib/domain/schemas';
import { useAction, useManager } from './context';
import { INTERESTS, NO_INTEREST } from './convergence';
import { FieldError, Fieldset, FormButtons, RequiredMark, TextField, focusFirstInvalid } from './fields';
import { roleLabel } from './labels';
import type { ProductEntry } from './types';
import { scopeDisplayName } from '../../lib/domain/naming';
import { t } from './strings';

interface ProductFormProps {
  entries: readonly ProductEntry[];
  /** Produit modifié ; absent = création. */
  initial?: Product;
  onSaved(product: Product): void;
  onCancel?: () => void;
}

interface Draft {
  name: string;
  version: string;
  type: Product['type'] | '';
  nil: string;
  responsable: string;
  description: string;
  certifications: string;
  interests: string[];
  convergenceNumber: string;
  role: ProductRole['kind'];
  producerProductId: string;
  forThirdParty: boolean;
}

function draftOf(p?: Product): Draft {
  return {
    name: p?.name ?? '',
    version: p?.version ?? '',
    type: p?.type ?? '',
    nil: p?.nil ?? '',
    responsable: p?.responsable ?? '',
    description: p?.description ?? '',
    certifications: p?.certifications ?? '',
    interests: p?.interests ?? [],
    convergenceNumber: p?.convergenceNumber ?? '',
    role: p?.role.kind ?? 'nominal',
    producerProductId: p?.role.kind === 'distributeur' ? p.role.producerProductId : '',
    forThirdParty: p?.role.kind === 'distributeur' ? !!p.role.forThirdParty : false,
  };
}

type Errors = Partial<Record<keyof Draft, string>>;

function check(d: Draft): Errors {
  const e: Errors = {};
  if (!d.name.trim()) e.name = t('errRequired', { field: t('fName') });
  if (!d.version.trim()) e.version = t('errRequired', { field: t('fVersion') });
  if (!d.type) e.type = t('errTypeRequired');
  if (!d.responsable.trim()) e.responsable = t('errRequired', { field: t('fResponsable') });
  if (!d.description.trim()) e.description = t('errRequired', { field: t('fDescription') });
  if (d.convergenceNumber.trim() && !/^\d{1,12}$/.test(d.convergenceNumber.trim())) e.convergenceNumber = t('errConvergenceNumber');
  if (d.role === 'distributeur' && !d.producerProductId) e.producerProductId = t('errProducerRequired');
  return e;
}

/** Formulaire « Ajouter un nouveau produit » de Convergence, plus le n° Convergence et le rôle en marque blanche. */
export function ProductForm({ entries, initial, onSaved, onCancel }: ProductFormProps) {
  const { send, author } = useManager();
  const [busy, run] = useAction();
  const [d, setD] = useState<Draft>(() => draftOf(initial));
  const [errors, setErrors] = useState<Errors>({});
  const form = useRef<HTMLFormElement>(null);
  const prefix = initial ? `produit-${initial.id.slice(0, 8)}` : 'nouveau-produit';
  const set = <K extends keyof Draft>(k: K, v: Draft[K]) => setD((x) => ({ ...x, [k]: v }));
  const producers = entries.filter((e) => e.product.id !== initial?.id && e.product.role.kind !== 'distributeur');

  const toggleInterest = (label: string, on: boolean) => {
    if (label === NO_INTEREST) set('interests', on ? [NO_INTEREST] : []);
    else set('interests', on ? [...d.interests.filter((i) => i !== NO_INTEREST), label] : d.interests.filter((i) => i !== label));
  };

  const submit = (ev: Event) => {
    ev.preventDefault();
    const errs = check(d);
    setErrors(errs);
    if (Object.keys(errs).length > 0) {
      setTimeout(() => focusFirstInvalid(form.current), 0);
      return;
    }
    const role: ProductRole =
      d.role === 'distributeur'
        ? { kind: 'distributeur', producerProductId: d.producerProductId, forThirdParty: d.forThirdParty }
        : { kind: d.role };
    const fields = {
      name: d.name.trim(),
      version: d.version.trim(),
      type: d.type as Product['type'],
      nil: d.nil.trim(),
      responsable: d.responsable.trim(),
      description: d.description.trim(),
      certifications: d.certifications.trim(),
      interests: d.interests,
      role,
    };
    const number = d.convergenceNumber.trim();
    void run(async () => {
      const saved = initial
        ? await send('product.update', { id: initial.id, patch: { ...fields, convergenceNumber: number }, author })
        : await send('product.create', { product: { ...fields, ...(number ? { convergenceNumber: number } : {}) }, author });
      onSaved(saved);
    });
  };

  const id = (k: string) => `${prefix}-${k}`;
  return (
    <form ref={form} class="mgr-form" noValidate onSubmit={submit} aria-label={initial ? t('editProductForm') : t('newProductForm')}>
      <p class="mgr-hint">{t('requiredNote')}</p>
      <Fieldset legend={t('identification')}>
        <div class="mgr-grid2">
          <TextField id={id('nom')} label={t('fName')} value={d.name} onInput={(v) => set('name', v)} required error={errors.name} />
          <TextField id={id('version')} label={t('fVersion')} value={d.version} onInput={(v) => set('version', v)} required error={errors.version} />
        </div>
        <fieldset class="mgr-fieldset inline" aria-describedby={errors.type ? id('type-error') : undefined}>
          <legend>
            {t('fType')}
            <RequiredMark />
          </legend>
          {(['socle', 'option'] as const).map((ty, i) => (
            <label key={ty}>
              <input
                type="radio"
                name={id('type')}
                value={ty}
                checked={d.type === ty}
                aria-invalid={errors.type && i === 0 ? true : undefined}
                onChange={() => set('type', ty)}
              />{' '}
              {ty === 'socle' ? t('typeSocle') : t('typeOption')}
            </label>
          ))}
          <FieldError id={id('type-error')} error={errors.type} />
        </fieldset>
        <div class="mgr-grid2">
          <TextField id={id('nil')} label={t('fNil')} value={d.nil} onInput={(v) => set('nil', v)} />
          <TextField id={id('responsable')} label={t('fResponsable')} value={d.responsable} onInput={(v) => set('responsable', v)} required error={errors.responsable} />
        </div>
        <TextField id={id('description')} label={t('fDescription')} value={d.description} onInput={(v) => set('description', v)} required multiline error={errors.description} />
        <TextField id={id('certifications')} label={t('fCertifications')} value={d.certifications} onInput={(v) => set('certifications', v)} />
        <TextField
          id={id('numero')}
          label={t('fConvergenceNumber')}
          hint={t('fConvergenceNumberHint')}
          value={d.convergenceNumber}
          onInput={(v) => set('convergenceNumber', v)}
          inputMode="numeric"
          error={errors.convergenceNumber}
        />
      </Fieldset>
      <Fieldset legend={t('interestsLegend')} class="checks">
        {[...INTERESTS, NO_INTEREST].map((label) => (
          <label key={label}>
            <input type="checkbox" checked={d.interests.includes(label)} onChange={(e) => toggleInterest(label, e.currentTarget.checked)} /> {label}
          </label>
        ))}
      </Fieldset>
      <Fieldset legend={t('roleLegend')}>
        {(['nominal', 'producteur', 'distributeur'] as const).map((kind) => (
          <label key={kind} class="mgr-block-label">
            <input type="radio" name={id('role')} value={kind} checked={d.role === kind} onChange={() => set('role', kind)} />{' '}
            {roleLabel(kind === 'distributeur' ? { kind, producerProductId: 'x' } : { kind })}
            <span class="mgr-hint"> — {t(`roleHint_${kind}`)}</span>
          </label>
        ))}
        {d.role === 'distributeur' && (
          <div class="mgr-subfields">
            {producers.length === 0 ? (
              <p id={id('producteur-error')} class="mgr-field-error">
                {t('noProducerAvailable')}
              </p>
            ) : (
              <div class="mgr-field">
                <label for={id('producteur')}>
                  {t('fProducer')}
                  <RequiredMark />
                </label>
                <select
                  id={id('producteur')}
                  value={d.producerProductId}
                  aria-required
                  aria-invalid={errors.producerProductId ? true : undefined}
                  aria-describedby={errors.producerProductId ? id('producteur-error') : undefined}
                  onChange={(e) => set('producerProductId', e.currentTarget.value)}
                >
                  <option value="">{t('chooseProducer')}</option>
                  {producers.map((e) => (
                    <option key={e.product.id} value={e.product.id}>
                      {scopeDisplayName(e.product)}
                      {e.product.role.kind === 'producteur' ? ` (${t('roleProducteur')})` : ''}
                    </option>
                  ))}
                </select>
                <FieldError id={id('producteur-error')} error={errors.producerProductId} />
              </div>
            )}
            <label class="mgr-block-label">
              <input type="checkbox" checked={d.forThirdParty} onChange={(e) => set('forThirdParty', e.currentTarget.checked)} /> {t('fForThirdParty')}
            </label>
          </div>
        )}
      </Fieldset>
      <FormButtons submit={initial ? t('saveProduct') : t('createProduct')} busy={busy} onCancel={onCancel} />
    </form>
  );
}
