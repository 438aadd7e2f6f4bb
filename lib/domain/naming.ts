import type { Product, Variant } from './schemas';
import { normalizeText } from './text';

const OS_NAMES: Record<Variant['os'], string> = { web: 'Web', android: 'Android', ios: 'iOS', autre: 'Autre' };
const DEVICE_NAMES: Record<Variant['device'], string> = { mobile: 'Mobile', 'site-web': 'Site Web' };

/** Règle de nommage de l'ANS d'un produit par OS et appareil : `[NomDuProduit] [OS] [Appareil]`. */
export function variantDisplayName(product: Pick<Product, 'name'>, variant: Pick<Variant, 'os' | 'osLabel' | 'device'>): string {
  const os = variant.os === 'autre' && variant.osLabel ? variant.osLabel : OS_NAMES[variant.os];
  return `${product.name} ${os} ${DEVICE_NAMES[variant.device]}`;
}

/** Le nom d'une portée, partout où on l'affiche : la variante par son nom ANS (« Dossia iOS Mobile »), la famille avec sa version (« Dossia v3.1 »). */
export function scopeDisplayName(product: Pick<Product, 'name' | 'version'>, variant?: Pick<Variant, 'os' | 'osLabel' | 'device'>): string {
  return variant ? variantDisplayName(product, variant) : `${product.name} ${product.version}`;
}

/** Un nom de produit ANS décomposé : « Dossia iOS Mobile » → base « Dossia », OS iOS, appareil Mobile. */
interface VariantName {
  base: string;
  os: Variant['os'];
  /** Absent quand l'appareil n'est pas écrit, ou n'a pas de valeur dans le schéma (Tablette, Ordinateur) : voir deviceLabel. */
  device?: Variant['device'];
  /** L'OS tel que l'ANS l'écrit (« iOS », « Windows ») : garde le nom quand os = autre. */
  osLabel: string;
  deviceLabel?: string;
}

/** OS reconnus en fin de nom (mots repliés → valeur du schéma et orthographe d'usage) ; les autres OS sont « autre ». */
const OS_WORDS: { words: string; os: Variant['os']; label: string }[] = [
  { words: 'web', os: 'web', label: 'Web' },
  { words: 'android', os: 'android', label: 'Android' },
  { words: 'ios', os: 'ios', label: 'iOS' },
  { words: 'ipados', os: 'autre', label: 'iPadOS' },
  { words: 'windows', os: 'autre', label: 'Windows' },
  { words: 'linux', os: 'autre', label: 'Linux' },
  { words: 'macos', os: 'autre', label: 'macOS' },
  { words: 'mac os', os: 'autre', label: 'macOS' },
  { words: 'chromeos', os: 'autre', label: 'ChromeOS' },
  { words: 'chrome os', os: 'autre', label: 'ChromeOS' },
  { words: 'harmonyos', os: 'autre', label: 'HarmonyOS' },
];

/** Appareils reconnus (les deux du schéma, puis ceux que le schéma ne connaît pas encore : libellé seul). */
const DEVICE_WORDS: { words: string; device?: Variant['device']; label: string }[] = [
  { words: 'site web', device: 'site-web', label: 'Site Web' },
  { words: 'mobile', device: 'mobile', label: 'Mobile' },
  { words: 'tablette', label: 'Tablette' },
  { words: 'ordinateur', label: 'Ordinateur' },
];

/** Les mots de fin du nom qui forment `words` (1 ou 2 mots), ou 0 s'ils ne le forment pas. */
function tailMatch(folded: string[], end: number, words: string): number {
  const n = words.split(' ').length;
  if (end - n < 0) return 0;
  return folded.slice(end - n, end).join(' ') === words ? n : 0;
}

/** Un mot qui n'est qu'un tiret sépare les parties (« Dossia – iOS – Mobile ») : il ne compte pas. */
const isDash = (w: string) => /^[-\u2010-\u2015\u2212]+$/.test(w);

/**
 * Décompose un nom selon la règle ANS « [NomDuProduit] [OS] [Appareil] », en partant de la fin :
 * appareil facultatif, OS obligatoire, nom de base non vide. Casse et accents ignorés, tirets isolés
 * tolérés entre les parties. null si le nom ne suit pas la règle (« Webinaire », « iOS » seul, « Dossia Mobile »).
 */
export function parseVariantName(name: string): VariantName | null {
  const words = name.replace(/[\s\u00a0\u202f]+/g, ' ').trim().split(' ').filter(Boolean);
  const folded = words.map((w) => normalizeText(w));
  let end = words.length;
  const skipDashes = () => {
    while (end > 0 && isDash(words[end - 1]!)) end--;
  };
  // L'entrée de la liste qui finit le nom (après les tirets isolés), retirée du nom.
  const takeLast = <T extends { words: string }>(list: readonly T[]): T | undefined => {
    skipDashes();
    for (const entry of list) {
      const n = tailMatch(folded, end, entry.words);
      if (n) {
        end -= n;
        return entry;
      }
    }
    return undefined;
  };
  const device = takeLast(DEVICE_WORDS);
  const os = takeLast(OS_WORDS);
  // Sans OS, « Dossia Site Web » ne se relit pas en « Dossia Site » + Web : l'appareil a été reconnu, l'OS manque.
  if (!os) return null;
  skipDashes();
  const base = words.slice(0, end).join(' ');
  if (!/[\p{L}\p{N}]/u.test(base)) return null;
  return {
    base,
    os: os.os,
    osLabel: os.label,
    ...(device?.device ? { device: device.device } : {}),
    ...(device ? { deviceLabel: device.label } : {}),
  };
}

/** Même nom de produit, à la casse, aux accents, à la ponctuation et aux espaces près ; un nom vide n'égale rien. */
export function sameProductName(a: string, b: string): boolean {
  const na = normalizeText(a);
  return na !== '' && na === normalizeText(b);
}
