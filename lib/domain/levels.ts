import { normalizeText } from './text';

/**
 * Une seule représentation ordonnée des niveaux pour les deux échelles de Convergence :
 * « Niveau non applicable / Niveau 0 / 1 / 2 / 3 » et « Maturité très faible / faible / moyenne / forte »
 * (très faible = 0 … forte = 3). NA vient en premier, comme sur la plateforme, sans être « sous » 0.
 */
export const LEVELS = ['NA', '0', '1', '2', '3'] as const;
export type Level = (typeof LEVELS)[number];

export const LEVEL_SCALES = ['niveau', 'maturite'] as const;
export type LevelScale = (typeof LEVEL_SCALES)[number];

const NIVEAU_LABELS: Record<Level, string> = {
  NA: 'Niveau non applicable',
  '0': 'Niveau 0',
  '1': 'Niveau 1',
  '2': 'Niveau 2',
  '3': 'Niveau 3',
};
const MATURITE_LABELS: Record<Level, string> = {
  NA: 'Non applicable',
  '0': 'Maturité très faible',
  '1': 'Maturité faible',
  '2': 'Maturité moyenne',
  '3': 'Maturité forte',
};

/** Libellé français d'un niveau, sur l'échelle de son critère. */
export function formatLevel(level: Level, scale: LevelScale = 'niveau'): string {
  return (scale === 'maturite' ? MATURITE_LABELS : NIVEAU_LABELS)[level];
}

/** Forme courte des listes : « NA », « 2 »… */
export function formatLevelList(levels: readonly Level[]): string {
  return sortLevels(levels).join(', ');
}

function levelIndex(level: Level): number {
  return LEVELS.indexOf(level);
}

export function sortLevels(levels: readonly Level[]): Level[] {
  return [...new Set(levels)].sort((a, b) => levelIndex(a) - levelIndex(b));
}

const MATURITE_WORDS: [string, Level][] = [
  ['tres faible', '0'],
  ['faible', '1'],
  ['moyenne', '2'],
  ['forte', '3'],
];

const NA_FORMS = ['na', 'n a', 'non applicable', 'niveau non applicable', 'niveau na', 'niveau n a', 'sans objet', 'maturite non applicable'];

function startsWithWord(text: string, prefix: string): boolean {
  return text === prefix || text.startsWith(prefix + ' ');
}

/**
 * Lecture tolérante d'un niveau en français, partagée par la lecture des pages et l'import de tableurs.
 * Accepte « NA », « N/A », « Non applicable », « Niveau 2 », « 2 », « niv. 3 », « Maturité moyenne »,
 * « Niveau 2 : Le produit … » (description après le libellé)… null quand le texte n'est pas un niveau.
 */
export function parseLevel(input: string | number | null | undefined): Level | null {
  if (input === null || input === undefined) return null;
  if (typeof input === 'number') return Number.isInteger(input) && input >= 0 && input <= 3 ? (String(input) as Level) : null;
  // Une puce (« - », « • », « ✓ ») se retire ; un signe moins collé à un chiffre (« -1 ») est un autre nombre.
  const raw = input.replace(/^(?:[\s✓✔☑*•]|-(?=\s))+/, '');
  const cut = raw.split(/\s[:–—]\s|\s*:\s/)[0] ?? raw; // la description après « : » n'est pas le niveau
  // « Niveau -1 », « Niveau 2.5 », « 2,5 » : pas un niveau (normalizeText en ferait « 1 » ou « 2 5 »).
  const head = /^(?:(?:niveau|niv\.?|level)\s*)?([-−–]\s*)?\d(\s*[.,]\s*\d+)?/i.exec(cut.trim());
  if (head && (head[1] || (head[2] && !/^[.,]\s*0+$/.test(head[2].trim())))) return null;
  const n = normalizeText(cut);
  if (!n) return null;
  if (NA_FORMS.includes(n)) return 'NA';
  const digit = /^(?:(?:niveau|niv|n|level)\s?)?([0-3])(?: 0)?$/.exec(n);
  if (digit?.[1]) return digit[1] as Level;
  const m = /^maturite (.+)$/.exec(n);
  const words = m?.[1] ?? n;
  for (const [word, level] of MATURITE_WORDS) if (words === word) return level;
  // Libellés longs : « Niveau 2 le produit dispose … » quand aucun deux-points ne sépare la description.
  if (startsWithWord(n, 'niveau non applicable')) return 'NA';
  const lead = /^niveau ([0-3])(?:$| [a-z])/.exec(n); // « Niveau 2 le produit… », pas « Niveau 2 5 »
  if (lead?.[1]) return lead[1] as Level;
  if (m) for (const [word, level] of MATURITE_WORDS) if (startsWithWord(words, word)) return level;
  return null;
}

/** Lit « NA, 2, 3 », « NA ; 2 et 3 », « Niveau 2 / Niveau 3 » ; null dès qu'un élément est inconnu (jamais une liste devinée). */
export function parseLevelList(input: string): Level[] | null {
  const parts = input
    .split(/[,;/\n|]|\bet\b/)
    .map((p) => p.trim())
    .filter((p) => p.length > 0);
  const out: Level[] = [];
  for (const p of parts) {
    const level = parseLevel(p);
    if (!level) return null;
    out.push(level);
  }
  return sortLevels(out);
}

/** Niveaux acceptables qu'implique « Niveau minimum requis : X » (X et au-dessus ; NA seulement s'il est écrit). */
export function acceptableFromMinimum(min: Level, includeNA = false): Level[] {
  if (min === 'NA') return ['NA'];
  const out: Level[] = LEVELS.filter((l) => l !== 'NA' && levelIndex(l) >= levelIndex(min));
  return includeNA ? ['NA', ...out] : out;
}

type MinimumParse = { ok: true; acceptable: Level[] } | { ok: false };

/**
 * Lit une cellule ou un texte de page « niveau minimum » :
 * « Aucun niveau minimum requis pour cette démarche » / vide → [] (aucun minimum) ;
 * « Niveau minimum requis : 2 », « ≥ 2 », « 2 » → 2 et au-dessus ; « NA, 2, 3 » → exactement ceux-là.
 * Le mode 'list' (colonne « Niveaux acceptables ») lit toujours le texte comme la liste exacte.
 */
export function parseMinimumText(input: string, mode: 'auto' | 'list' = 'auto'): MinimumParse {
  // Phrase du guide : « Les niveaux Non applicable (NA), 2 et 3 sont acceptables pour ce critère ».
  const sentence = /niveaux?\s+(.+?)\s+(?:sont|est)\s+acceptables?/i.exec(input);
  if (sentence?.[1]) {
    const list = parseLevelList(sentence[1].replace(/non\s+applicable\s*\(\s*NA\s*\)/gi, 'NA'));
    return list && list.length > 0 ? { ok: true, acceptable: list } : { ok: false };
  }
  const n = normalizeText(input);
  if (!n || n.startsWith('aucun') || n === 'non' || n === 'sans') return { ok: true, acceptable: [] };
  const afterColon = input.includes(':') ? input.slice(input.lastIndexOf(':') + 1) : input;
  const stripped = afterColon.replace(/niveau\s+minimum\s*(requis)?/i, '').replace(/[≥>=]/g, '').trim();
  const list = parseLevelList(stripped);
  if (!list || list.length === 0) return { ok: false };
  const onlyOne = list.length === 1 && list[0];
  const explicitList = mode === 'list' || /[,;/]|\bet\b/.test(stripped) || /acceptable/i.test(input);
  if (onlyOne && !explicitList) return { ok: true, acceptable: acceptableFromMinimum(onlyOne) };
  return { ok: true, acceptable: list };
}

/** « Sous le minimum » : hors des niveaux acceptables (aucun niveau acceptable : aucun minimum). */
export function isLevelAcceptable(level: Level, acceptable: readonly Level[]): boolean {
  return acceptable.length === 0 || acceptable.includes(level);
}

/** Le plus bas niveau numérique acceptable, pour nommer « le minimum » dans les messages. */
export function minimumOf(acceptable: readonly Level[]): Level | null {
  const numeric = sortLevels(acceptable).filter((l) => l !== 'NA');
  return numeric[0] ?? (acceptable.includes('NA') ? 'NA' : null);
}

export const CONFORMITIES = ['conforme', 'non-conforme'] as const;
export type Conformity = (typeof CONFORMITIES)[number];

/** « Conforme », « Non conforme », « NC », « Non-conforme »… */
export function parseConformity(input: string | null | undefined): Conformity | null {
  if (!input) return null;
  const n = normalizeText(input);
  if (n === 'conforme' || n === 'c') return 'conforme';
  if (n === 'non conforme' || n === 'nc' || n === 'pas conforme') return 'non-conforme';
  return null;
}

export function formatConformity(c: Conformity): string {
  return c === 'conforme' ? 'Conforme' : 'Non conforme';
}

export type OuiNon = 'oui' | 'non';

export function parseOuiNon(input: string | null | undefined): OuiNon | null {
  if (!input) return null;
  const n = normalizeText(input);
  if (['oui', 'o', 'yes', 'vrai', 'true'].includes(n)) return 'oui';
  if (['non', 'n', 'no', 'faux', 'false'].includes(n)) return 'non';
  return null;
}
