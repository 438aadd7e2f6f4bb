import type { ProductEntry, Scope } from './types';
import { roleLabel } from './labels';
import { t } from './strings';

interface ProductListProps {
  entries: readonly ProductEntry[];
  loading: boolean;
  error: string | null;
  selected: Scope | null;
  onSelect(scope: Scope): void;
}

/** Liste des produits (familles), chacun avec ses variantes OS et son rôle en marque blanche. */
export function ProductList({ entries, loading, error, selected, onSelect }: ProductListProps) {
  const names = new Map(entries.map((e) => [e.product.id, e.product.name]));
  return (
    <section class="mgr-products" aria-labelledby="mgr-products-title">
      <h2 id="mgr-products-title">{t('productsTitle')}</h2>
      {loading && <p>{t('loading')}</p>}
      {error && <p class="mgr-error-text">{error}</p>}
      {!loading && !error && entries.length === 0 && <p>{t('noProducts')}</p>}
      <ul class="mgr-product-list">
        {entries.map(({ product, variants, displayNames }) => {
          const isFamily = selected?.productId === product.id && selected.variantId === '';
          const producer = product.role.kind === 'distributeur' ? names.get(product.role.producerProductId) : undefined;
          return (
            <li key={product.id}>
              <button
                type="button"
                class="mgr-product"
                aria-current={isFamily ? 'page' : undefined}
                onClick={() => onSelect({ productId: product.id, variantId: '' })}
              >
                <span class="mgr-product-name">{product.name}</span> <span class="mgr-product-meta">{product.version}</span>
                <span class="mgr-product-role">{roleLabel(product.role, producer)}</span>
              </button>
              {variants.length > 0 && (
                <ul class="mgr-variant-list" aria-label={t('variantsOf', { name: product.name })}>
                  {variants.map((v) => (
                    <li key={v.id}>
                      <button
                        type="button"
                        class="mgr-variant"
                        aria-current={selected?.productId === product.id && selected.variantId === v.id ? 'page' : undefined}
                        onClick={() => onSelect({ productId: product.id, variantId: v.id })}
                      >
                        {displayNames[v.id] ?? v.id}
                      </button>
                    </li>
                  ))}
                </ul>
              )}
            </li>
          );
        })}
      </ul>
    </section>
  );
}
