/** Outils de texte partagés par tous les lecteurs (page, import Excel, CLI), pour qu'ils comparent de la même façon. */

/** Minuscules, sans accents, chaque suite non alphanumérique réduite à une espace : la casse et la ponctuation ne comptent pas. */
export function normalizeText(input: string): string {
  return input
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[’']/g, ' ')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

/** Retire les caractères de contrôle C0/C1 sauf tabulation et saut de ligne ; CRLF devient LF. */
export function stripControlChars(input: string): string {
  // eslint-disable-next-line no-control-regex
  return input.replace(/\r\n?/g, '\n').replace(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g, '');
}

/** Clés jamais acceptées d'un JSON non fiable (pollution du prototype). */
export const FORBIDDEN_KEYS: ReadonlySet<string> = new Set(['__proto__', 'constructor', 'prototype']);

// --- Caractères trompeurs (fichiers non fiables, affichage en terminal) ---

/** Contrôles bidirectionnels qui réordonnent l'affichage (U+202A–U+202E, U+2066–U+2069). */
const BIDI_CONTROLS = /[\u202a-\u202e\u2066-\u2069]/;
/** Demi-paire de substitution isolée : pas du texte Unicode valide. */
export const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;
const C1_OR_DEL = /[\u007f-\u009f]/;
const LINE_BREAKS = /[\r\n\t\u2028\u2029]/;
// eslint-disable-next-line no-control-regex
const C0_OTHER = /[\u0000-\u0008\u000b\u000c\u000e-\u001f]/;

/** « U+202E » : le caractère désigné sans l'afficher. */
function codePointLabel(ch: string): string {
  return `U+${(ch.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}`;
}

type HostileKind = 'controle' | 'c1' | 'bidi' | 'surrogat' | 'saut';

/**
 * Premier caractère interdit d'un texte, selon ce que le champ tolère : toujours refusés, les contrôles
 * C0/C1 et les demi-paires isolées ; selon le champ, les contrôles bidirectionnels et les sauts de ligne.
 */
export function findHostileChar(s: string, allow: { bidi?: boolean; lineBreaks?: boolean } = {}): { kind: HostileKind; label: string; index: number } | null {
  const checks: [RegExp, HostileKind][] = [
    [C0_OTHER, 'controle'],
    [C1_OR_DEL, 'c1'],
    [LONE_SURROGATE, 'surrogat'],
  ];
  if (!allow.bidi) checks.push([BIDI_CONTROLS, 'bidi']);
  if (!allow.lineBreaks) checks.push([LINE_BREAKS, 'saut']);
  let best: { kind: HostileKind; label: string; index: number } | null = null;
  for (const [re, kind] of checks) {
    const m = re.exec(s);
    if (m && (!best || m.index < best.index)) best = { kind, label: codePointLabel(m[0]), index: m.index };
  }
  return best;
}

export const HOSTILE_KIND_LABELS: Record<HostileKind, string> = {
  controle: 'caractère de contrôle',
  c1: 'caractère de contrôle C1',
  bidi: "contrôle bidirectionnel (inverse l'ordre d'affichage)",
  surrogat: 'demi-paire UTF-16 isolée (texte Unicode invalide)',
  saut: 'saut de ligne ou tabulation',
};

/**
 * Nom affichable sur une ligne : sauts de ligne et tabulations → espace, contrôles C0/C1, contrôles
 * bidirectionnels et demi-paires isolées retirés, espaces de bord retirés. Un nom ne doit ni simuler une
 * autre ligne d'un rapport ni s'afficher dans un autre ordre que celui de ses caractères.
 */
export function neutralizeName(s: string): string {
  return (
    s
      .replace(/[\r\n\t\u2028\u2029]+/g, ' ')
      // eslint-disable-next-line no-control-regex
      .replace(/[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g, '')
      .replace(new RegExp(LONE_SURROGATE.source, 'g'), '')
      .replace(/ {2,}/g, ' ')
      .trim()
  );
}

// eslint-disable-next-line no-control-regex
const DISPLAY_UNSAFE = /[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069\u2028\u2029]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;
const ESCAPES: Record<string, string> = { '\n': '\\n', '\r': '\\r', '\t': '\\t' };

/**
 * Texte venu d'un fichier, sûr à imprimer dans un terminal ou un message : chaque caractère de contrôle,
 * saut de ligne, contrôle bidirectionnel ou demi-paire isolée devient une séquence visible (« \n »,
 * « \u{202E} ») ; au-delà de `max` caractères, le texte est coupé (« … »).
 */
export function displaySafe(s: string, max = 200): string {
  let t = s;
  if (t.length > max) {
    t = t.slice(0, max);
    if (/[\ud800-\udbff]$/.test(t)) t = t.slice(0, -1);
    t += '…';
  }
  return t.replace(DISPLAY_UNSAFE, (ch) => ESCAPES[ch] ?? `\\u{${(ch.codePointAt(0) ?? 0).toString(16).toUpperCase()}}`);
}
