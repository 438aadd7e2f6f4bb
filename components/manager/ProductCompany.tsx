import { useState } from 'preact/hooks';
import type { Product } from '../../lib/domain/schemas';
import { tc } from './company-strings';
import { useAction, useLoad, useManager } from './context';
import { t } from './strings';

/**
 * Le profil d'entreprise d'un produit (pour le compte d'un tiers) : la fiche administrative proposée sur
 * Convergence pour ce produit et le producteur nommé dans ses paquets. '' : le profil par défaut.
 */
export function ProductCompany({ product }: { product: Product }) {
  const { send, version, author, announce, changed } = useManager();
  const loaded = useLoad(async () => {
    const [list, byDefault] = await Promise.all([send('company.list', {}), send('company.get', {})]);
    return { companies: list.companies, defaultName: byDefault?.denomination ?? null };
  }, [version]);
  const companies = loaded.data?.companies ?? [];
  const stored = product.companyId && companies.some((c) => c.id === product.companyId) ? product.companyId : '';
  const [choice, setChoice] = useState<string | null>(null);
  const value = choice ?? stored;
  const [busy, run] = useAction();
  const selectId = `mgr-produit-entreprise-${product.id}`;
  const hintId = `${selectId}-aide`;
  if (loaded.error) return <p class="mgr-error-text">{loaded.error}</p>;
  if (!loaded.data) return <p>{t('loading')}</p>;
  const defaultLabel = loaded.data.defaultName !== null ? tc('productCompanyDefault', { name: loaded.data.defaultName || tc('unnamed') }) : tc('productCompanyDefaultNone');
  return (
    <form
      class="mgr-form"
      onSubmit={(e) => {
        e.preventDefault();
        void run(async () => {
          await send('product.update', { id: product.id, patch: { companyId: value }, author });
          const name = companies.find((c) => c.id === value)?.denomination ?? defaultLabel;
          announce(tc('productCompanySaved', { product: product.name, company: name }));
          setChoice(null);
          changed();
        });
      }}
    >
      <div class="mgr-field">
        <label for={selectId}>{tc('productCompany')}</label>
        <p id={hintId} class="mgr-hint">
          {tc('productCompanyHint')}
        </p>
        <select id={selectId} aria-describedby={hintId} value={value} onChange={(e) => setChoice(e.currentTarget.value)}>
          <option value="">{defaultLabel}</option>
          {companies.map((c) => (
            <option key={c.id} value={c.id}>
              {c.denomination || tc('unnamed')}
            </option>
          ))}
        </select>
      </div>
      <div class="mgr-buttons">
        <button type="submit" class="btn secondary" disabled={busy || value === stored}>
          {tc('productCompanySave')}
        </button>
      </div>
    </form>
  );
}
