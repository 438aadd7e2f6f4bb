import type { PageSignals } from '../model/signals';

/** Le produit tel que Convergence l'affiche : « Produit - v0.1 - 3100 » (nom - version - n°). */
export interface PageProduct {
  name: string;
  version: string;
  number: string;
}

/** Où le produit a été lu, du plus fiable au moins fiable (affiché par le panneau). */
type PageProductSource = 'fil-ariane' | 'titre' | 'en-tete' | 'titre-document';

interface PageProductFound {
  product: PageProduct;
  from: PageProductSource;
}

/*
 * Règle : est un produit un texte « NOM - VERSION - N° » où
 *  - les trois parties sont séparées par un tiret (-, ‐, –, —, −…) entouré d'espaces (insécables comprises) :
 *    sans espaces, « 2024-07-08 » ou « Mon-Appli » ne sont pas des séparateurs ;
 *  - VERSION est un seul mot de 1 à 24 caractères (lettres, chiffres, « . _ + - »), contient un chiffre mais
 *    n'est pas fait que de chiffres (« v0.1 », « v3.1 », « 1.0 » oui ; « 2024 », « 14:05 », « beta » non) ;
 *  - N° est fait de 1 à 12 chiffres, suivi de rien, d'un espace puis d'une parenthèse, d'un autre tiret
 *    séparateur ou d'une ponctuation (« (brouillon) », « - Convergence ») : pas « 3100/30 » ni « 3100 critères » ;
 *  - NOM contient au moins une lettre (pas seulement des chiffres), au plus 150 caractères ; un tiret entouré
 *    d'espaces d'une AUTRE sorte que celui qui sépare nom et version y sépare un autre texte : dans
 *    « Urbanisation — Produit Android - v0.1 - 3101 » (titre du document), le nom est « Produit Android », mais
 *    « Dossia - Pro - v1 - 12 » garde le nom « Dossia - Pro ».
 * Le texte est d'abord coupé aux délimiteurs visibles (« : », « | », « > », « › », « » », « → », « / » entouré
 * d'espaces, guillemets) : « Référencement … : Produit - v0.1 - 3100 » donne « Produit ».
 * Ainsi « Critères renseignés 12/30 », « N83970202407081627 », « Étape 3 », « Dossier - 2024 - 07 »,
 * « 08/07/2024 - 14:05 », « Niveau 2 - 3 » ou un numéro de téléphone ne sont jamais pris pour un produit.
 */
const DASH_CHARS = '\\-\\u2010-\\u2015\\u2212\\ufe58\\ufe63\\uff0d';
const DASH = `[${DASH_CHARS}]`;
/** Un seul mot, ≤ 24 caractères, avec un chiffre, pas seulement des chiffres. */
const VERSION = '(?=[\\p{L}\\d._+\\-]{0,23}\\d)(?!\\d+\\s)[\\p{L}\\d][\\p{L}\\d._+\\-]{0,23}';
/** Ce qui peut suivre le n° : fin, parenthèse, ponctuation (pas suivie d'un chiffre), autre tiret séparateur. */
const AFTER_NUMBER = `(?=$|\\s*[(\\[]|\\s*[.,;·•](?!\\d)|\\s+${DASH}(?:\\s|$))`;
const PRODUCT = new RegExp(`^(.+?)\\s+(${DASH})\\s+(${VERSION})\\s+${DASH}\\s+(\\d{1,12})${AFTER_NUMBER}`, 'u');
/** Les tirets entourés d'espaces dans le nom. */
const SPACED_DASH = new RegExp(`\\s+(${DASH})\\s+`, 'gu');

/** Le nom sans le texte qui le précède, séparé par un tiret d'une autre sorte que celui du produit. */
function ownName(raw: string, separator: string): string {
  let start = 0;
  for (const m of raw.matchAll(SPACED_DASH)) if (m[1] !== separator) start = (m.index ?? 0) + m[0].length;
  return raw.slice(start);
}
const LEADING_JUNK = new RegExp(`^[\\s•·*${DASH_CHARS}]+`, 'u');
/** Délimiteurs qui bornent un produit dans un texte plus long (titre, fil d'Ariane, titre du document). */
const DELIMITERS = /\s*:\s+|\s+:\s*|\s*[|›»«→>‹<"“”]\s*|\s+\/\s+/u;
const SPACES = /[\s\u00a0\u202f\u2007\u2009\u200a]+/gu;

/** Lit « Nom - version - n° » dans un texte, éventuellement entouré d'autres textes (« … : Référencement … »). */
export function parsePageProduct(text: string): PageProduct | null {
  const clean = text.replace(SPACES, ' ').trim();
  // Un produit est une ligne courte : un long bloc n'est pas lu (coût borné, pas de faux positifs en prose).
  if (clean.length === 0 || clean.length > 2000) return null;
  for (const part of clean.split(DELIMITERS)) {
    const m = PRODUCT.exec(part.trim());
    if (!m?.[1] || !m[2] || !m[3] || !m[4]) continue;
    const name = ownName(m[1], m[2]).replace(LEADING_JUNK, '').trim();
    // Un « nom » sans lettre est un nombre (téléphone, date) : ce n'est pas un produit.
    if (!/\p{L}/u.test(name) || name.length > 150) continue;
    return { name, version: m[3], number: m[4] };
  }
  return null;
}

const escapeRegExp = (x: string) => x.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const EDGE_SEPARATORS = new RegExp(`^[\\s:|›»>${DASH_CHARS}]+|[\\s:|‹«<${DASH_CHARS}]+$`, 'gu');

/**
 * Le texte sans la mention du produit qu'il contient (« Produit - v0.1 - 3100 Questionnaire d'évaluation :
 * Urbanisation » → « Questionnaire d'évaluation : Urbanisation ») : les titres se reconnaissent ainsi quelle
 * que soit la place où la page écrit le produit. Un texte sans produit est rendu tel quel ; un texte qui n'est que
 * le produit donne ''.
 */
export function withoutProductMention(raw: string): string {
  // Pas de chiffre, pas de produit : la plupart des titres s'arrêtent là.
  if (!/\d/.test(raw)) return raw;
  const p = parsePageProduct(raw);
  if (!p) return raw;
  const mention = new RegExp(`${escapeRegExp(p.name)}\\s+${DASH}\\s+${escapeRegExp(p.version)}\\s+${DASH}\\s+${p.number}`, 'u');
  const rest = raw.replace(SPACES, ' ').replace(mention, ' ').replace(EDGE_SEPARATORS, '').replace(SPACES, ' ').trim();
  return rest;
}

/** Le site lui-même dans le titre de l'onglet (« … | Convergence ») n'appartient pas au nom du produit. */
function withoutSiteName(title: string): string {
  const site = new RegExp(`^\\s*convergence\\s*(?:${DASH}|[|:])\\s+|\\s+(?:${DASH}|[|:])\\s*convergence\\s*$`, 'giu');
  return title.replace(SPACES, ' ').replace(site, ' ').trim();
}

/**
 * Le produit de la page et où il a été lu. Priorité quand les indices divergent : fil d'Ariane (l'élément le
 * plus précis d'abord), titre principal, autres titres, en-tête de page, titre du document.
 */
export function readPageProductFound(s: PageSignals): PageProductFound | null {
  // Chaque source n'est calculée que si les précédentes n'ont rien donné (les morceaux de 700 titres coûtent).
  const sources: [PageProductSource, () => string[]][] = [
    ['fil-ariane', () => [...s.breadcrumbRaw].reverse()],
    // Une mention de produit a un chiffre (son n°) : les autres titres ne sont pas découpés.
    ['titre', () => [s.mainHeadingRaw, ...s.headings.flatMap((h) => (!/\d/.test(h.raw) ? [] : h.parts.length > 1 ? [h.raw, ...h.parts] : [h.raw]))]],
    ['en-tete', () => s.headerLines],
    ['titre-document', () => (s.documentTitle ? [withoutSiteName(s.documentTitle)] : [])],
  ];
  for (const [from, texts] of sources) {
    for (const t of texts()) {
      const product = t ? parsePageProduct(t) : null;
      if (product) return { product, from };
    }
  }
  return null;
}

/** Le produit de la page (voir readPageProductFound pour l'ordre des indices). */
export function readPageProduct(s: PageSignals): PageProduct | null {
  return readPageProductFound(s)?.product ?? null;
}
