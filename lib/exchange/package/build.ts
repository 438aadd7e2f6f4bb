/**
 * Construction d'un paquet producteur à partir de ce que le producteur a choisi, puis signature.
 *
 * Ce qui ne sort JAMAIS de la bibliothèque, par construction :
 * - les réponses d'orientation (et celles de la fiche administrative ou de la fiche produit) : seuls les
 *   questionnaires d'évaluation (PACKAGE_QUESTIONNAIRES) sont lus, quoi que dise la sélection ;
 * - les commentaires marqués « confidentiel » : le modèle de données n'a pas (encore) de marque sur un
 *   commentaire ; la marque est donc la liste explicite des critères (clés `questionnaire/ID`) dont le
 *   producteur a déclaré le commentaire confidentiel, `selection.confidentialComments`, lue par le prédicat
 *   pur isConfidentialComment. Le gestionnaire la tient (et pourra la ranger avec le produit) ;
 * - le contenu d'une preuve, sauf celles que le producteur a cochées (`selection.evidenceContents`, par SHA-256) :
 *   sinon la preuve n'est que décrite (nom, type de preuve, SHA-256, taille).
 */
import { UserError } from '../../domain/errors';
import { variantDisplayName } from '../../domain/naming';
import type { QuestionnaireId } from '../../domain/questionnaires';
import type { Answer, Criterion, Variant } from '../../domain/schemas';
import { neutralizeName } from '../../domain/text';
import { FILE_LIMITS, formatMiB } from '../limits';
import { canonicalBytes, normalizeStrings } from './canonical';
import {
  PACKAGE_EXTENSION,
  PACKAGE_FORMAT,
  PACKAGE_GENERATOR,
  PACKAGE_QUESTIONNAIRES,
  PACKAGE_SIGNATURE_ALGORITHM,
  PACKAGE_VERSION,
} from './format';
import type { PackageAnswer, PackageCriterion, PackageEvidence, PackageQuestionnaire, PackageValue, ProducerPackage, UnsignedPackage } from './format';
import { encodeBase64 } from '../../text/base64';
import { exportSpki, keyFingerprint, signBytes } from './keys';
import type { KeyFingerprint } from './keys';
import { verifyPackage } from './verify';

/** Champs d'un critère que le producteur partage ; absent ou `true` : partagé. */
export interface PackageFieldChoice {
  /** Niveau ou conformité. */
  value?: boolean;
  comment?: boolean;
  specificite?: boolean;
  /** Descriptions des preuves (le contenu dépend en plus de `evidenceContents`). */
  evidence?: boolean;
}

export interface PackageSelection {
  /** Questionnaires choisis ; l'orientation n'y a jamais d'effet. */
  questionnaires: readonly QuestionnaireId[];
  /** Par clé de critère (`questionnaire/ID`) : champs partagés ; un critère absent partage tout. */
  fields?: ReadonlyMap<string, PackageFieldChoice>;
  /** Critères laissés entièrement hors du paquet. */
  excludedCriteria?: ReadonlySet<string>;
  /** Critères dont le commentaire est marqué « confidentiel » : ce commentaire n'est jamais écrit. */
  confidentialComments?: ReadonlySet<string>;
  /** Contenus de preuves cochés par le producteur, par SHA-256 (64 chiffres hexadécimaux minuscules). */
  evidenceContents?: ReadonlyMap<string, { bytes: Uint8Array; mediaType?: string }>;
}

export interface PackageInput {
  /** Dénomination de la fiche administrative du producteur. */
  companyName: string;
  siret?: string;
  product: { name: string; version: string };
  /** La variante d'OS partagée, quand ce n'est pas la famille (chaque variante est un produit Convergence à part). */
  variant?: Pick<Variant, 'os' | 'osLabel' | 'device'>;
  /** N° Convergence du produit partagé (celui de la variante s'il y en a une). */
  convergenceNumber: string | undefined;
  /** Numéro d'ordre : plus grand que celui du dernier paquet de ce produit signé par la même clé. */
  sequence: number;
  createdAt: Date;
  /** Réponses en vigueur du produit ou de la variante (enregistrements de la bibliothèque, une par critère). */
  answers: readonly Answer[];
  /** Catalogue : intitulé, nature et niveaux acceptables des critères partagés (facultatif). */
  criteria?: readonly Criterion[];
  selection: PackageSelection;
}

/** Ce que la sélection a laissé hors du paquet, pour le dire au producteur. */
export interface PackageLeftOut {
  /** Réponses d'orientation, de la fiche administrative ou de la fiche produit (jamais partagées). */
  neverShared: number;
  /** Réponses d'un questionnaire non choisi, ou de critères exclus. */
  notSelected: number;
  confidentialComments: number;
  /** Preuves décrites sans leur contenu. */
  evidenceWithoutContent: number;
  /** Réponses dont la forme (choix, texte) n'a pas sa place dans un questionnaire d'évaluation : non partagées. */
  unsupportedValues: string[];
}

export interface PreparedPackage {
  /** Le paquet sans clé ni signature. */
  document: Omit<UnsignedPackage, 'publicKey'>;
  leftOut: PackageLeftOut;
}

/** Le commentaire de ce critère est-il marqué « confidentiel » ? (La marque : la liste explicite de la sélection.) */
export function isConfidentialComment(criterionKey: string, selection: Pick<PackageSelection, 'confidentialComments'>): boolean {
  return selection.confidentialComments?.has(criterionKey) ?? false;
}

const isPackageQuestionnaire = (q: string): q is PackageQuestionnaire => (PACKAGE_QUESTIONNAIRES as readonly string[]).includes(q);

function packageValue(a: Answer): PackageValue | null | 'unsupported' {
  const v = a.value;
  if (v === null) return null;
  if (v.kind === 'niveau') return { kind: 'niveau', level: v.level };
  if (v.kind === 'conformite') return { kind: 'conformite', conformity: v.conformity };
  if (v.kind === 'preuves') return { kind: 'preuves' };
  return 'unsupported';
}

function packageCriterion(c: Criterion): PackageCriterion {
  return {
    key: c.key,
    questionnaire: c.questionnaire as PackageQuestionnaire,
    id: c.id,
    title: c.title,
    section: c.section,
    kind: c.kind,
    scale: c.scale,
    obligation: c.obligation,
    acceptableLevels: [...c.acceptableLevels],
    expectedEvidence: [...c.expectedEvidence],
  };
}

/**
 * Ce que le paquet contiendra, sans clé ni signature (aperçu du producteur, puis buildPackage). Pur et
 * synchrone ; lève UserError si l'entrée ne permet pas un paquet (n° Convergence manquant, critère en double…).
 */
export function preparePackage(input: PackageInput): PreparedPackage {
  const { selection } = input;
  const convergenceNumber = input.convergenceNumber?.trim() ?? '';
  if (!/^\d{1,12}$/.test(convergenceNumber))
    throw new UserError(`Paquet impossible : le n° Convergence du produit partagé est ${convergenceNumber ? `invalide (« ${convergenceNumber} »)` : 'inconnu'}. Ouvrez une page Convergence du produit ou saisissez son numéro.`);
  if (!Number.isSafeInteger(input.sequence) || input.sequence < 1) throw new UserError(`Paquet impossible : numéro d'ordre ${String(input.sequence)} invalide (entier positif attendu).`);
  const companyName = neutralizeName(input.companyName);
  if (!companyName) throw new UserError("Paquet impossible : la dénomination de l'entreprise (fiche administrative) est vide.");
  if (Number.isNaN(input.createdAt.getTime())) throw new UserError('Paquet impossible : date invalide.');

  const chosen = new Set(selection.questionnaires.filter(isPackageQuestionnaire));
  const leftOut: PackageLeftOut = { neverShared: 0, notSelected: 0, confidentialComments: 0, evidenceWithoutContent: 0, unsupportedValues: [] };
  const seen = new Set<string>();
  const answers: PackageAnswer[] = [];
  for (const a of input.answers) {
    if (!isPackageQuestionnaire(a.questionnaire)) {
      leftOut.neverShared++;
      continue;
    }
    if (!chosen.has(a.questionnaire) || selection.excludedCriteria?.has(a.criterionKey)) {
      leftOut.notSelected++;
      continue;
    }
    if (seen.has(a.criterionKey)) throw new UserError(`Paquet impossible : deux réponses pour le critère « ${a.criterionKey} » (une réponse en vigueur par critère attendue).`);
    seen.add(a.criterionKey);
    const f = selection.fields?.get(a.criterionKey) ?? {};
    const entry: PackageAnswer = { key: a.criterionKey, questionnaire: a.questionnaire, id: a.criterionId };
    if (f.value !== false) {
      const v = packageValue(a);
      if (v === 'unsupported') leftOut.unsupportedValues.push(a.criterionKey);
      else entry.value = v;
    }
    if (f.comment !== false && a.comment !== '') {
      if (isConfidentialComment(a.criterionKey, selection)) leftOut.confidentialComments++;
      else entry.comment = a.comment;
    }
    if (f.specificite !== false && a.specificite) entry.specificite = a.specificite;
    if (f.evidence !== false && a.evidence.length) {
      entry.evidence = a.evidence.map((e): PackageEvidence => {
        const content = e.hash ? selection.evidenceContents?.get(e.hash) : undefined;
        if (!content) leftOut.evidenceWithoutContent++;
        return {
          evidenceType: neutralizeName(e.evidenceType),
          name: neutralizeName(e.name) || 'preuve',
          ...(e.hash ? { sha256: e.hash } : {}),
          ...(content ? { size: content.bytes.byteLength } : e.size !== undefined ? { size: e.size } : {}),
          ...(content?.mediaType ? { mediaType: content.mediaType } : {}),
          ...(content ? { content: encodeBase64(content.bytes) } : {}),
        } as PackageEvidence;
      });
    }
    // Rien à partager pour ce critère : il n'apparaît pas.
    if (entry.value === undefined && entry.comment === undefined && entry.specificite === undefined && entry.evidence === undefined) continue;
    answers.push(entry);
  }
  const order = (q: string) => PACKAGE_QUESTIONNAIRES.indexOf(q as PackageQuestionnaire);
  answers.sort((x, y) => order(x.questionnaire) - order(y.questionnaire) || x.id.localeCompare(y.id, 'fr', { numeric: true }));
  const keys = new Set(answers.map((a) => a.key));
  const criteria = (input.criteria ?? []).filter((c) => keys.has(c.key) && isPackageQuestionnaire(c.questionnaire)).map(packageCriterion);
  criteria.sort((x, y) => order(x.questionnaire) - order(y.questionnaire) || x.id.localeCompare(y.id, 'fr', { numeric: true }));

  const v = input.variant;
  const productName = neutralizeName(input.product.name);
  const document: PreparedPackage['document'] = {
    format: PACKAGE_FORMAT,
    version: PACKAGE_VERSION,
    createdAt: input.createdAt.toISOString(),
    sequence: input.sequence,
    generator: PACKAGE_GENERATOR,
    producer: { name: companyName, ...(input.siret ? { siret: input.siret } : {}) },
    product: {
      name: productName,
      version: neutralizeName(input.product.version),
      convergenceNumber,
      ...(v ? { variant: { os: v.os, ...(v.osLabel ? { osLabel: neutralizeName(v.osLabel) } : {}), device: v.device, name: variantDisplayName({ name: productName }, v) } } : {}),
    },
    questionnaires: PACKAGE_QUESTIONNAIRES.filter((q) => chosen.has(q)),
    criteria,
    answers,
    omitted: { confidentialComments: leftOut.confidentialComments },
  };
  return { document: normalizeStrings(document), leftOut };
}

/**
 * Signe un document de paquet (tous ses champs sauf `signature`) et rend les octets du fichier. Bas niveau :
 * ne vérifie pas le contenu (buildPackage le fait) ; `publicKey` est toujours celle de la paire donnée.
 * Le fichier est écrit sans espace : chaque octet compte, et l'ordre des champs est celui du document.
 */
export async function signPackageDocument(document: Record<string, unknown>, keys: CryptoKeyPair): Promise<Uint8Array> {
  const unsigned: Record<string, unknown> = { ...document, publicKey: { algorithm: PACKAGE_SIGNATURE_ALGORITHM, spki: encodeBase64(await exportSpki(keys.publicKey)) } };
  delete unsigned.signature;
  const signature = await signBytes(keys.privateKey, canonicalBytes(unsigned));
  return new TextEncoder().encode(JSON.stringify({ ...unsigned, signature: encodeBase64(signature) }));
}

export interface BuiltPackage {
  /** Le fichier `.convergence-paquet`. */
  bytes: Uint8Array;
  /** Nom proposé : « dossia-v3-1-4101-n2.convergence-paquet ». */
  fileName: string;
  package: ProducerPackage;
  fingerprint: KeyFingerprint;
  leftOut: PackageLeftOut;
}

const slug = (s: string) =>
  s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60) || 'produit';

export function packageFileName(p: Pick<ProducerPackage, 'product' | 'sequence'>): string {
  return `${slug(`${p.product.variant?.name ?? p.product.name} ${p.product.version}`)}-${p.product.convergenceNumber}-n${p.sequence}${PACKAGE_EXTENSION}`;
}

/**
 * Construit et signe le paquet choisi par le producteur. Le fichier est relu par verifyPackage avant d'être
 * rendu : jamais un paquet que le distributeur refuserait (trop gros, champ trop long…).
 */
export async function buildPackage(input: PackageInput, keys: CryptoKeyPair): Promise<BuiltPackage> {
  const { document, leftOut } = preparePackage(input);
  const bytes = await signPackageDocument(document, keys);
  if (bytes.byteLength > FILE_LIMITS.fileBytes)
    throw new UserError(
      `Paquet trop volumineux (${formatMiB(bytes.byteLength)}, maximum ${formatMiB(FILE_LIMITS.fileBytes)}) : décochez le contenu de certaines preuves (leur description reste dans le paquet).`,
    );
  const fileName = packageFileName(document);
  const checked = await verifyPackage(bytes, fileName);
  if (!checked.ok) throw new UserError(`Paquet impossible : ${checked.message}`);
  const fingerprint = await keyFingerprint(keys.publicKey);
  return { bytes, fileName, package: checked.package, fingerprint, leftOut };
}
