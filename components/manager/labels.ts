import type { ProductRole, Variant } from '../../lib/domain/schemas';
import { t } from './strings';

export function roleLabel(role: ProductRole, producerName?: string): string {
  switch (role.kind) {
    case 'nominal':
      return t('roleNominal');
    case 'producteur':
      return t('roleProducteur');
    case 'distributeur':
      return producerName ? t('roleDistributeurOf', { name: producerName }) : t('roleDistributeur');
  }
}

export function osLabel(os: Variant['os']): string {
  return { web: t('osWeb'), android: t('osAndroid'), ios: t('osIos'), autre: t('osAutre') }[os];
}

export function deviceLabel(device: Variant['device']): string {
  return device === 'mobile' ? t('deviceMobile') : t('deviceSiteWeb');
}
