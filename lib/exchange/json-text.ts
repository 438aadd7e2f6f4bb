/**
 * Vérification d'un texte JSON (RFC 8259) avant JSON.parse, sans récursion : une imbrication trop profonde
 * est refusée dès qu'elle dépasse la limite (JSON.parse mettrait des secondes sur des millions de « [ »), et
 * une erreur de syntaxe est située (ligne, colonne) et décrite en français, jamais avec le texte anglais
 * du moteur JavaScript. Sans zod : l'outil en ligne de commande refuse ainsi un JSON abîmé sans rien charger.
 */
import { UserError } from '../domain/errors';
import { FILE_LIMITS, formatMiB } from './limits';

interface JsonProblem {
  /** Position (unités UTF-16) du caractère fautif. */
  offset: number;
  line: number;
  column: number;
  reason: string;
}

function position(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = text.indexOf('\n'); i >= 0 && i < offset; i = text.indexOf('\n', i + 1)) {
    line++;
    lineStart = i + 1;
  }
  return { line, column: offset - lineStart + 1 };
}

function describeChar(text: string, i: number): string {
  if (i >= text.length) return 'fin du fichier inattendue';
  const c = text.codePointAt(i) ?? 0;
  const shown = c < 0x20 || (c >= 0x7f && c <= 0x9f) || (c >= 0x202a && c <= 0x202e) || (c >= 0x2066 && c <= 0x2069) || (c >= 0xd800 && c <= 0xdfff)
    ? `U+${c.toString(16).toUpperCase().padStart(4, '0')}`
    : `« ${String.fromCodePoint(c)} »`;
  return `caractère ${shown} inattendu`;
}


/**
 * Null quand le texte est un JSON valide d'au plus `maxDepth` niveaux et `maxValues` valeurs ; sinon le
 * premier problème. (Des millions de petites valeurs coûtent des secondes à JSON.parse et des centaines de Mo.)
 */
export function checkJsonText(text: string, maxDepth: number, maxValues = Infinity): JsonProblem | null {
  const n = text.length;
  let i = 0;
  let values = 0;
  // Pile des conteneurs ouverts : 1 = objet, 2 = tableau.
  const stack: number[] = [];
  const fail = (at: number, reason: string): JsonProblem => ({ offset: at, ...position(text, at), reason });
  const skipWs = () => {
    for (let c = text.charCodeAt(i); c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09; c = text.charCodeAt(i)) i++;
  };
  /** Une chaîne qui commence en i (un guillemet) ; renvoie un problème ou null. */
  const scanString = (): JsonProblem | null => {
    const start = i;
    i++;
    for (;;) {
      if (i >= n) return fail(start, 'chaîne de caractères jamais fermée (guillemet manquant)');
      const c = text.charCodeAt(i);
      if (c === 0x22) {
        i++;
        return null;
      }
      if (c < 0x20) return fail(i, `caractère de contrôle U+${c.toString(16).toUpperCase().padStart(4, '0')} dans une chaîne (il doit être échappé)`);
      if (c === 0x5c) {
        const e = text.charCodeAt(i + 1);
        if (e === 0x75) {
          if (!/^[0-9a-fA-F]{4}$/.test(text.slice(i + 2, i + 6))) return fail(i, 'séquence « \\u » invalide (4 chiffres hexadécimaux attendus)');
          i += 6;
        } else if ('"\\/bfnrt'.includes(String.fromCharCode(e)) && !Number.isNaN(e)) i += 2;
        else return fail(i, "séquence d'échappement invalide");
      } else i++;
    }
  };
  const digits = (): number => {
    const start = i;
    while (i < n) {
      const d = text.charCodeAt(i);
      if (d < 0x30 || d > 0x39) break;
      i++;
    }
    return i - start;
  };
  /** Nombre JSON : -?(0|[1-9][0-9]*)(.[0-9]+)?([eE][+-]?[0-9]+)? */
  const scanNumber = (): JsonProblem | null => {
    const start = i;
    if (text.charCodeAt(i) === 0x2d) i++;
    if (text.charCodeAt(i) === 0x30) i++;
    else if (digits() === 0) return fail(start, 'nombre invalide');
    if (text.charCodeAt(i) === 0x2e) {
      i++;
      if (digits() === 0) return fail(start, 'nombre invalide');
    }
    const e = text.charCodeAt(i);
    if (e === 0x65 || e === 0x45) {
      i++;
      const sign = text.charCodeAt(i);
      if (sign === 0x2b || sign === 0x2d) i++;
      if (digits() === 0) return fail(start, 'nombre invalide');
    }
    return null;
  };
  const scanValue = (): JsonProblem | null => {
    skipWs();
    if (i >= n) return fail(i, 'fin du fichier inattendue (valeur attendue)');
    const c = text.charCodeAt(i);
    if (c === 0x22) return scanString();
    if (c === 0x2d || (c >= 0x30 && c <= 0x39)) return scanNumber();
    for (const word of ['true', 'false', 'null']) {
      if (text.startsWith(word, i)) {
        i += word.length;
        return null;
      }
    }
    return fail(i, `${describeChar(text, i)} (valeur attendue)`);
  };
  /** Nom de champ puis « : » (après « { » ou « , » dans un objet). */
  const scanKey = (): JsonProblem | null => {
    if (text.charCodeAt(i) !== 0x22) return fail(i, `${describeChar(text, i)} (nom de champ entre guillemets attendu)`);
    const p = scanString();
    if (p) return p;
    skipWs();
    if (text.charCodeAt(i) !== 0x3a) return fail(i, `${describeChar(text, i)} (« : » attendu après le nom du champ)`);
    i++;
    return null;
  };

  // Automate : après « { » ou « , » dans un objet, une clé ; après une valeur, « , » ou la fermeture.
  for (;;) {
    skipWs();
    if (++values > maxValues) return fail(i, `trop de valeurs (plus de ${maxValues.toLocaleString('fr-FR').replace(/[\u202f\u00a0]/g, ' ')})`);
    const c = text.charCodeAt(i);
    if (c === 0x7b || c === 0x5b) {
      if (stack.length >= maxDepth) return fail(i, `imbrication trop profonde (plus de ${maxDepth} niveaux)`);
      stack.push(c === 0x7b ? 1 : 2);
      i++;
      skipWs();
      const close = c === 0x7b ? 0x7d : 0x5d;
      if (text.charCodeAt(i) === close) {
        stack.pop();
        i++;
      } else if (c === 0x7b) {
        const p = scanKey();
        if (p) return p;
        continue;
      } else continue;
    } else {
      const p = scanValue();
      if (p) return p;
    }
    // Une valeur vient de finir : fermer les conteneurs ou passer au suivant.
    for (;;) {
      skipWs();
      if (stack.length === 0) {
        if (i < n) return fail(i, `${describeChar(text, i)} (contenu après la fin du JSON)`);
        return null;
      }
      const top = stack[stack.length - 1];
      const ch = text.charCodeAt(i);
      if (ch === 0x2c) {
        i++;
        if (top === 1) {
          skipWs();
          const p = scanKey();
          if (p) return p;
        }
        break;
      }
      if ((top === 1 && ch === 0x7d) || (top === 2 && ch === 0x5d)) {
        stack.pop();
        i++;
        continue;
      }
      return fail(i, `${describeChar(text, i)} (« , » ou « ${top === 1 ? '}' : ']'} » attendu)`);
    }
  }
}

/** Texte d'un JSON : UTF-8 (avec ou sans BOM) ou UTF-16 avec BOM ; tout autre octet est refusé. */
function decodeJson(bytes: Uint8Array, fileName: string): string {
  try {
    if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le', { fatal: true }).decode(bytes);
    if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be', { fatal: true }).decode(bytes);
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new UserError(`Fichier « ${fileName} » : ce n'est pas du texte UTF-8 valide (un JSON doit être enregistré en UTF-8).`);
  }
}

/**
 * Taille, encodage et syntaxe d'un JSON reçu, vérifiés avant JSON.parse ; renvoie le texte (sans BOM).
 * Message en français qui nomme le fichier et situe l'erreur (ligne, colonne).
 */
export function readJsonText(textOrBytes: string | Uint8Array, fileName: string): string {
  const size = typeof textOrBytes === 'string' ? textOrBytes.length : textOrBytes.byteLength;
  if (size > FILE_LIMITS.fileBytes) throw new UserError(`Fichier « ${fileName} » trop volumineux (${formatMiB(size)}, maximum ${formatMiB(FILE_LIMITS.fileBytes)}).`);
  if (size === 0) throw new UserError(`Fichier « ${fileName} » vide.`);
  const text = (typeof textOrBytes === 'string' ? textOrBytes : decodeJson(textOrBytes, fileName)).replace(/^\uFEFF/, '');
  const problem = checkJsonText(text, FILE_LIMITS.jsonDepth, FILE_LIMITS.jsonValues);
  if (problem) throw new UserError(`Fichier « ${fileName} » : JSON invalide à la ligne ${problem.line}, colonne ${problem.column} : ${problem.reason}.`);
  return text;
}
