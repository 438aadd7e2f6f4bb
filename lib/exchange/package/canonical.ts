/**
 * La sérialisation canonique du contenu signé d'un paquet producteur : UNE suite d'octets par valeur JSON,
 * quelle que soit la mise en forme du fichier. Règles (docs/formats.md § 6) :
 * - objets : membres triés par nom (ordre des unités UTF-16, comme RFC 8785), sans espace ; un membre valant
 *   `undefined` est omis (comme dans le fichier écrit) ; deux noms égaux après normalisation sont refusés ;
 * - tableaux : dans leur ordre, sans espace ;
 * - chaînes (valeurs et noms) : normalisées en Unicode NFC, puis écrites par JSON.stringify (seuls `"`, `\`
 *   et les caractères de contrôle sont échappés) ; une demi-paire UTF-16 isolée est refusée ;
 * - nombres : écrits par JSON.stringify (forme la plus courte d'ECMAScript : 1, 2.5, 1e+21) ; un nombre non
 *   fini (1e400 lu dans un fichier devient Infinity) est refusé ; -0 s'écrit 0 ;
 * - true, false, null tels quels.
 * Le texte obtenu est encodé en UTF-8 : ce sont ces octets qui sont signés.
 */
import { LONE_SURROGATE } from '../../domain/text';

export class CanonicalError extends Error {
  constructor(
    message: string,
    readonly path: string,
  ) {
    super(message);
    this.name = 'CanonicalError';
  }
}

/** Au-delà, la valeur ne vient pas d'un fichier lu dans les limites (64 niveaux) : refusée plutôt que récursion sans fin. */
const MAX_DEPTH = 80;

/** NFC ; un texte ASCII (base64, identifiants…) l'est déjà : normalize() coûterait ~50 ms par Mo. */
// eslint-disable-next-line no-control-regex
const nfc = (s: string) => (/[^\u0000-\u007f]/.test(s) ? s.normalize('NFC') : s);

function canonicalString(s: string, path: string): string {
  if (LONE_SURROGATE.test(s)) throw new CanonicalError('demi-paire UTF-16 isolée (texte Unicode invalide)', path);
  return JSON.stringify(nfc(s));
}

function write(value: unknown, path: string, depth: number, out: string[]): void {
  if (depth > MAX_DEPTH) throw new CanonicalError('imbrication trop profonde', path);
  if (value === null) {
    out.push('null');
    return;
  }
  switch (typeof value) {
    case 'boolean':
      out.push(value ? 'true' : 'false');
      return;
    case 'number':
      if (!Number.isFinite(value)) throw new CanonicalError('nombre non fini', path);
      out.push(JSON.stringify(value));
      return;
    case 'string':
      out.push(canonicalString(value, path));
      return;
    case 'object':
      break;
    default:
      throw new CanonicalError(`valeur non JSON (${typeof value})`, path);
  }
  if (Array.isArray(value)) {
    out.push('[');
    value.forEach((v, i) => {
      if (v === undefined) throw new CanonicalError('élément undefined', `${path}[${i}]`);
      if (i) out.push(',');
      write(v, `${path}[${i}]`, depth + 1, out);
    });
    out.push(']');
    return;
  }
  const proto = Object.getPrototypeOf(value) as unknown;
  if (proto !== Object.prototype && proto !== null) throw new CanonicalError('objet non JSON', path);
  const members: [string, string, unknown][] = [];
  const names = new Set<string>();
  for (const k of Object.keys(value)) {
    const v = (value as Record<string, unknown>)[k];
    if (v === undefined) continue;
    const name = canonicalString(k, path).slice(1, -1);
    const normalized = k.normalize('NFC');
    if (names.has(normalized)) throw new CanonicalError(`nom de champ en double « ${normalized} »`, path);
    names.add(normalized);
    members.push([normalized, name, v]);
  }
  // Ordre des unités UTF-16 (pas localeCompare, qui dépend de la langue).
  members.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  out.push('{');
  members.forEach(([normalized, name, v], i) => {
    if (i) out.push(',');
    out.push(`"${name}":`);
    write(v, path ? `${path}.${normalized}` : normalized, depth + 1, out);
  });
  out.push('}');
}

/** Le texte canonique d'une valeur JSON. Lève CanonicalError (chemin du champ) si elle n'a pas de forme canonique. */
export function canonicalJson(value: unknown): string {
  const out: string[] = [];
  write(value, '', 0, out);
  return out.join('');
}

/** Les octets signés : le texte canonique en UTF-8. */
export function canonicalBytes(value: unknown): Uint8Array {
  return new TextEncoder().encode(canonicalJson(value));
}

/**
 * Une copie de la valeur dont toutes les chaînes sont en NFC et sans membre `undefined`, dans l'ordre de ses
 * membres : le fichier écrit porte alors exactement les valeurs signées.
 */
export function normalizeStrings<T>(value: T, depth = 0): T {
  if (depth > MAX_DEPTH) throw new CanonicalError('imbrication trop profonde', '');
  if (typeof value === 'string') return nfc(value) as T;
  if (Array.isArray(value)) return value.map((v: unknown) => normalizeStrings(v, depth + 1)) as T;
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    // defineProperty : un nom « __proto__ » reste un membre ordinaire, jamais le prototype.
    for (const [k, v] of Object.entries(value))
      if (v !== undefined) Object.defineProperty(out, k.normalize('NFC'), { value: normalizeStrings(v, depth + 1), enumerable: true, writable: true, configurable: true });
    return out as T;
  }
  return value;
}
