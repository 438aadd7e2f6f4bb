/**
 * Vérification d'un paquet producteur reçu (fichier non fiable). La signature est vérifiée AVANT que quoi
 * que ce soit du contenu soit rendu : l'appelant ne reçoit le paquet que vérifié, et ce qu'il reçoit est
 * exactement ce qui a été signé (relu depuis la sérialisation canonique).
 *
 * Étapes, et ce qu'un échec veut dire :
 * 1. taille (limite des fichiers reçus, lib/exchange/limits.ts), fichier vide → `unreadable` ;
 * 2. le fichier est-il un paquet ? Il l'est s'il porte au moins deux des repères du format (identifiant
 *    du format, champs `publicKey`, `spki`, `signature`, `sequence`, algorithme) : un octet changé ne peut en
 *    effacer qu'un. Sinon → `unreadable` (ce n'est pas un paquet : code 2 de convergence-helper) ;
 * 3. texte UTF-8, JSON (sans récursion, profondeur et nombre de valeurs bornés), objet, format, clé publique,
 *    signature, forme canonique → tout échec est `altered` : c'est un paquet, abîmé ou modifié ;
 * 4. signature ECDSA P-256 / SHA-256 sur la sérialisation canonique de tout le fichier sauf `signature`
 *    → `altered` si elle ne correspond pas ;
 * 5. version, schéma, cohérence (clés, preuves et leur SHA-256, noms sans caractère trompeur) → `invalid`
 *    (paquet intact, mais d'une version inconnue ou mal formé par celui qui l'a signé).
 */
import { sha256Hex } from '../../domain/evidence';
import { criterionKey } from '../../domain/schemas';
import { displaySafe, findHostileChar, HOSTILE_KIND_LABELS } from '../../domain/text';
import { formatZodIssues } from '../../domain/zod-fr';
import { checkJsonText } from '../json-text';
import { FILE_LIMITS, formatMiB } from '../limits';
import { CanonicalError, canonicalJson } from './canonical';
import { PACKAGE_EXTENSION, PACKAGE_FORMAT, PACKAGE_SIGNATURE_ALGORITHM, PACKAGE_VERSION, PackageFileSchema } from './format';
import type { ProducerPackage } from './format';
import { decodeCanonicalBase64 } from '../../text/base64';
import { importPublicSpki, keyFingerprint, verifyBytes } from './keys';
import type { KeyFingerprint } from './keys';

export type PackageFailureKind = 'altered' | 'invalid' | 'unreadable';

export type PackageVerification =
  | { ok: true; package: ProducerPackage; fingerprint: KeyFingerprint }
  | { ok: false; kind: PackageFailureKind; message: string };

/** Repères du format : un fichier qui en porte au moins deux est un paquet (abîmé peut-être). */
const MARKERS = [PACKAGE_FORMAT, PACKAGE_SIGNATURE_ALGORITHM, '"publicKey"', '"spki"', '"signature"', '"sequence"'];

function looksLikePackage(bytes: Uint8Array): boolean {
  // Les repères sont en ASCII : un décodage octet par octet suffit pour les chercher, quel que soit le reste.
  const latin = new TextDecoder('latin1').decode(bytes);
  return MARKERS.filter((m) => latin.includes(m)).length >= 2;
}

const plainObject = (v: unknown): v is Record<string, unknown> => !!v && typeof v === 'object' && !Array.isArray(v);

/** Noms affichés sur une ligne : ni saut de ligne ni contrôle bidirectionnel (buildPackage les neutralise). */
function hostileName(pkg: ProducerPackage): string | null {
  const names: [string, string | undefined][] = [
    ['producer.name', pkg.producer.name],
    ['product.name', pkg.product.name],
    ['product.version', pkg.product.version],
    ['product.variant.name', pkg.product.variant?.name],
    ['product.variant.osLabel', pkg.product.variant?.osLabel],
  ];
  pkg.answers.forEach((a, i) =>
    a.evidence?.forEach((e, j) => {
      names.push([`answers[${i}].evidence[${j}].name`, e.name], [`answers[${i}].evidence[${j}].evidenceType`, e.evidenceType]);
    }),
  );
  for (const [path, value] of names) {
    const bad = value === undefined ? null : findHostileChar(value);
    if (bad) return `champ ${path} : ${HOSTILE_KIND_LABELS[bad.kind]} (${bad.label}) interdit`;
  }
  return null;
}

/** Cohérence d'un paquet intact et conforme au schéma : rend le premier problème, ou null. */
async function packageProblem(pkg: ProducerPackage): Promise<string | null> {
  const chosen = new Set(pkg.questionnaires);
  if (chosen.size !== pkg.questionnaires.length) return 'champ questionnaires : questionnaire en double';
  const keys = new Set<string>();
  for (const [i, a] of pkg.answers.entries()) {
    if (a.key !== criterionKey(a.questionnaire, a.id)) return `champ answers[${i}].key : « ${criterionKey(a.questionnaire, a.id)} » attendu`;
    if (keys.has(a.key)) return `champ answers[${i}].key : critère en double « ${a.key} »`;
    keys.add(a.key);
    if (!chosen.has(a.questionnaire)) return `champ answers[${i}].questionnaire : « ${a.questionnaire} » absent de « questionnaires »`;
    for (const [j, e] of (a.evidence ?? []).entries()) {
      if (e.content === undefined) continue;
      const where = `answers[${i}].evidence[${j}]`;
      if (!e.sha256) return `champ ${where}.sha256 : empreinte exigée avec le contenu`;
      const bytes = decodeCanonicalBase64(e.content);
      if (!bytes) return `champ ${where}.content : base64 invalide`;
      if (e.size !== undefined && e.size !== bytes.byteLength) return `champ ${where}.size : ${bytes.byteLength} octets dans le contenu`;
      if ((await sha256Hex(bytes)) !== e.sha256) return `champ ${where}.content : ne correspond pas à son empreinte SHA-256`;
    }
  }
  const criteria = new Set<string>();
  for (const [i, c] of pkg.criteria.entries()) {
    if (c.key !== criterionKey(c.questionnaire, c.id)) return `champ criteria[${i}].key : « ${criterionKey(c.questionnaire, c.id)} » attendu`;
    if (criteria.has(c.key)) return `champ criteria[${i}].key : critère en double « ${c.key} »`;
    criteria.add(c.key);
  }
  return hostileName(pkg);
}

/**
 * Vérifie un fichier `.convergence-paquet`. Ne lève jamais d'exception pour un fichier, quel qu'il soit :
 * le résultat dit s'il est authentique et intact (avec le paquet et l'empreinte de sa clé), ou pourquoi non.
 */
export async function verifyPackage(bytes: Uint8Array, fileName = `paquet${PACKAGE_EXTENSION}`): Promise<PackageVerification> {
  const name = displaySafe(fileName, 200);
  const unreadable = (why: string): PackageVerification => ({ ok: false, kind: 'unreadable', message: `Fichier « ${name} » ${why}` });
  const altered = (why: string): PackageVerification => ({
    ok: false,
    kind: 'altered',
    message: `Paquet « ${name} » refusé : il a été modifié ou abîmé depuis sa signature (${why}).`,
  });
  const invalid = (why: string): PackageVerification => ({ ok: false, kind: 'invalid', message: `Paquet « ${name} » refusé : sa signature est intacte, mais ${why}.` });

  if (bytes.byteLength === 0) return unreadable('vide.');
  if (bytes.byteLength > FILE_LIMITS.fileBytes) return unreadable(`trop volumineux (${formatMiB(bytes.byteLength)}, maximum ${formatMiB(FILE_LIMITS.fileBytes)}).`);
  const notAPackage = (hint = '') =>
    unreadable(`: ce n'est pas un paquet producteur Assistant Convergence (fichier ${PACKAGE_EXTENSION} attendu)${hint}.`);
  const ours = looksLikePackage(bytes);

  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes).replace(/^\uFEFF/, '');
  } catch {
    return ours ? altered('texte UTF-8 invalide') : notAPackage();
  }
  const syntax = checkJsonText(text, FILE_LIMITS.jsonDepth, FILE_LIMITS.jsonValues);
  if (syntax) return ours ? altered(`JSON invalide à la ligne ${syntax.line}, colonne ${syntax.column} : ${syntax.reason}`) : notAPackage();
  const value: unknown = JSON.parse(text);
  if (!plainObject(value)) return ours ? altered('un objet JSON est attendu') : notAPackage();
  if (value.format !== PACKAGE_FORMAT) {
    if (value.format === 'assistant-convergence') return notAPackage(" : c'est un export JSON de bibliothèque, à importer avec « Importer »");
    if (value.format === 'assistant-convergence-sauvegarde') return notAPackage(" : c'est une sauvegarde complète, à restaurer avec « Restaurer une sauvegarde »");
    return ours ? altered('champ « format » changé') : notAPackage();
  }

  // Enveloppe : la même pour toute version du format.
  const key = value.publicKey;
  if (!plainObject(key) || key.algorithm !== PACKAGE_SIGNATURE_ALGORITHM || typeof key.spki !== 'string') return altered('champ « publicKey » absent ou changé');
  const spki = decodeCanonicalBase64(key.spki);
  const publicKey = spki ? await importPublicSpki(spki) : null;
  if (!spki || !publicKey) return altered('champ publicKey.spki : clé publique P-256 illisible');
  if (typeof value.signature !== 'string') return altered('champ « signature » absent');
  const signature = decodeCanonicalBase64(value.signature);
  if (!signature || signature.byteLength !== 64) return altered('champ « signature » illisible');
  const { signature: _signature, ...unsigned } = value;
  let canonical: string;
  try {
    canonical = canonicalJson(unsigned);
  } catch (e) {
    if (e instanceof CanonicalError) return altered(`champ ${e.path || '(racine)'} : ${e.message}`);
    throw e;
  }
  if (!(await verifyBytes(publicKey, signature, new TextEncoder().encode(canonical))))
    return altered('la signature ne correspond pas au contenu : réponses, clé, numéro d\'ordre, date, producteur ou produit changés');

  // Intact. Ce qui est rendu est relu depuis les octets signés (chaînes en NFC), jamais depuis le fichier.
  if (value.version !== PACKAGE_VERSION)
    return invalid(`sa version de format (${displaySafe(JSON.stringify(value.version) ?? 'absente', 20)}) n'est pas prise en charge (version attendue : ${PACKAGE_VERSION}) : mettez à jour Assistant Convergence`);
  const exposed = { ...(JSON.parse(canonical) as Record<string, unknown>), signature: value.signature };
  const parsed = PackageFileSchema.safeParse(exposed);
  if (!parsed.success) return invalid(`son contenu n'est pas conforme au format : ${formatZodIssues(parsed.error.issues)}`);
  const problem = await packageProblem(parsed.data);
  if (problem) return invalid(`son contenu n'est pas cohérent : ${problem}`);
  return { ok: true, package: parsed.data, fingerprint: await keyFingerprint(spki) };
}
