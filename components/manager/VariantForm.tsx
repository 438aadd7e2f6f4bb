import { useRef, useState } from 'preact/hooks';
import { variantDisplayName } from '../../lib/domain/naming';
import { DEVICE_VALUES, OS_VALUES } from '../../lib/domain/schemas';
import type { Product, Variant } from '../../lib/domain/schemas';
import { useAction, useManager } from './context';
import { FormButtons, RequiredMark, TextField, focusFirstInvalid } from './fields';
import { deviceLabel, osLabel } from './labels';
import { t } from './strings';

interface VariantFormProps {
  product: Product;
  /** Variante modifiée ; absente = ajout. */
  initial?: Variant;
  onSaved(variant: Variant): void;
  onCancel?: () => void;
}

/** Variante OS d'un produit : un produit à part sur Convergence, nommé « [NomDuProduit] [OS] [Appareil] ». */
export function VariantForm({ product, initial, onSaved, onCancel }: VariantFormProps) {
  const { send, author } = useManager();
  const [busy, run] = useAction();
  const [os, setOs] = useState<Variant['os']>(initial?.os ?? 'android');
  const [osName, setOsName] = useState(initial?.osLabel ?? '');
  const [device, setDevice] = useState<Variant['device']>(initial?.device ?? 'mobile');
  const [commercialName, setCommercialName] = useState(initial?.commercialName ?? '');
  const [number, setNumber] = useState(initial?.convergenceNumber ?? '');
  const [errors, setErrors] = useState<{ osLabel?: string; number?: string }>({});
  const form = useRef<HTMLFormElement>(null);
  const prefix = initial ? `variante-${initial.id.slice(0, 8)}` : 'nouvelle-variante';
  const id = (k: string) => `${prefix}-${k}`;
  const displayName = variantDisplayName(product, { os, osLabel: osName.trim() || undefined, device });

  const submit = (ev: Event) => {
    ev.preventDefault();
    const errs: typeof errors = {};
    if (os === 'autre' && !osName.trim()) errs.osLabel = t('errOsLabel');
    if (number.trim() && !/^\d{1,12}$/.test(number.trim())) errs.number = t('errConvergenceNumber');
    setErrors(errs);
    if (Object.keys(errs).length) {
      setTimeout(() => focusFirstInvalid(form.current), 0);
      return;
    }
    const fields = { os, device, commercialName: commercialName.trim(), ...(os === 'autre' ? { osLabel: osName.trim() } : {}) };
    void run(async () => {
      const saved = initial
        ? await send('variant.update', { id: initial.id, patch: { ...fields, ...(os !== 'autre' ? { osLabel: '' } : {}), convergenceNumber: number.trim() }, author })
        : await send('variant.create', { variant: { productId: product.id, ...fields, ...(number.trim() ? { convergenceNumber: number.trim() } : {}) }, author });
      onSaved(saved);
    });
  };

  return (
    <form ref={form} class="mgr-form" noValidate onSubmit={submit} aria-label={initial ? t('editVariantForm', { name: displayName }) : t('newVariantForm')}>
      <div class="mgr-grid2">
        <div class="mgr-field">
          <label for={id('os')}>
            {t('fOs')}
            <RequiredMark />
          </label>
          <select id={id('os')} value={os} onChange={(e) => setOs(e.currentTarget.value as Variant['os'])}>
            {OS_VALUES.map((o) => (
              <option key={o} value={o}>
                {osLabel(o)}
              </option>
            ))}
          </select>
        </div>
        {os === 'autre' && (
          <TextField id={id('os-nom')} label={t('fOsLabel')} hint={t('fOsLabelHint')} value={osName} onInput={setOsName} required error={errors.osLabel} />
        )}
        <div class="mgr-field">
          <label for={id('appareil')}>
            {t('fDevice')}
            <RequiredMark />
          </label>
          <select id={id('appareil')} value={device} onChange={(e) => setDevice(e.currentTarget.value as Variant['device'])}>
            {DEVICE_VALUES.map((dv) => (
              <option key={dv} value={dv}>
                {deviceLabel(dv)}
              </option>
            ))}
          </select>
        </div>
      </div>
      <div class="mgr-grid2">
        <TextField id={id('nom-commercial')} label={t('fCommercialName')} hint={t('fCommercialNameHint')} value={commercialName} onInput={setCommercialName} />
        <TextField
          id={id('numero')}
          label={t('fConvergenceNumber')}
          hint={t('fVariantNumberHint')}
          value={number}
          onInput={setNumber}
          inputMode="numeric"
          error={errors.number}
        />
      </div>
      <p class="mgr-ans-name">
        {t('ansName')} <strong>{displayName}</strong>
      </p>
      <FormButtons submit={initial ? t('saveVariant') : t('addVariant')} busy={busy} onCancel={onCancel} />
    </form>
  );
}

