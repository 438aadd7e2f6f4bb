import type { Product, Variant } from './schemas';

const OS_NAMES: Record<Variant['os'], string> = { web: 'Web', android: 'Android', ios: 'iOS', autre: 'Autre' };
const DEVICE_NAMES: Record<Variant['device'], string> = { mobile: 'Mobile', 'site-web': 'Site Web' };

/** ANS naming for a product per OS/device: `[NomDuProduit] [OS] [Appareil]`. */
export function variantDisplayName(product: Pick<Product, 'name'>, variant: Pick<Variant, 'os' | 'osLabel' | 'device'>): string {
  const os = variant.os === 'autre' && variant.osLabel ? variant.osLabel : OS_NAMES[variant.os];
  return `${product.name} ${os} ${DEVICE_NAMES[variant.device]}`;
}
