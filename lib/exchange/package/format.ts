/**
 * Paquet producteur (`.convergence-paquet`, docs/formats.md § 6) : ce qu'un éditeur producteur partage avec
 * ses distributeurs, signé (ECDSA P-256, SHA-256). Ce module ne contient que le format : constantes, schéma
 * zod (d'où vient le schéma JSON publié, docs/schema/paquet.schema.json) et types.
 *
 * Le fichier est un objet JSON dont TOUS les champs sauf `signature` sont signés (sérialisation canonique,
 * canonical.ts). L'enveloppe — `format`, `version`, `publicKey`, `signature` et la règle de signature — est
 * la même pour toute version future : un lecteur v1 sait dire qu'un paquet v2 est intact avant de dire qu'il
 * ne sait pas le lire.
 */
import { z } from 'zod';
import {
  AnswerSchema,
  CompanyProfileSchema,
  ConformitySchema,
  CriterionIdSchema,
  CriterionSchema,
  EvidenceRefSchema,
  IsoDateTimeSchema,
  LevelSchema,
  OuiNonSchema,
  ProductSchema,
  VariantSchema,
  text,
} from '../../domain/schemas';

export const PACKAGE_FORMAT = 'assistant-convergence-paquet';
export const PACKAGE_VERSION = 1;
export const PACKAGE_EXTENSION = '.convergence-paquet';
/** Seul algorithme de signature de la version 1 : ECDSA sur la courbe P-256, condensé SHA-256 (WebCrypto). */
export const PACKAGE_SIGNATURE_ALGORITHM = 'ECDSA-P256-SHA256';
export const PACKAGE_GENERATOR = 'Assistant Convergence';

/**
 * Questionnaires qu'un paquet peut contenir : ceux de l'évaluation (EVALUATION_QUESTIONNAIRES, vérifié par un test). Les réponses d'orientation (chaque solution
 * répond aux siennes, guide ANS § 4), la fiche administrative et la fiche produit n'en font jamais partie : le
 * schéma les refuse, et buildPackage ne les écrit pas.
 */
export const PackageQuestionnaireSchema = z.enum(['interoperabilite', 'urbanisation', 'securite', 'ethique', 'rgpd', 'securite-echanges']);
export type PackageQuestionnaire = z.infer<typeof PackageQuestionnaireSchema>;
export const PACKAGE_QUESTIONNAIRES: readonly PackageQuestionnaire[] = PackageQuestionnaireSchema.options;

const Sha256Schema = z.string().regex(/^[0-9a-f]{64}$/, { message: 'empreinte SHA-256 attendue (64 chiffres hexadécimaux minuscules)' });
/**
 * Base64 standard (RFC 4648 § 4), avec remplissage ; la forme canonique (lib/text/base64.ts) est vérifiée à la lecture.
 * Une classe de caractères répétée, jamais un groupe : un groupe répété épuise la pile sur des Mo de texte.
 */
const Base64Schema = (max: number) =>
  z
    .string()
    .max(max)
    .regex(/^[A-Za-z0-9+/]*={0,2}$/, { message: 'base64 attendu' })
    .refine((s) => s.length % 4 === 0, { message: 'base64 attendu (longueur multiple de 4)' });
const ConvergenceNumberSchema = z.string().regex(/^\d{1,12}$/, { message: 'numéro Convergence : chiffres attendus' });

/** Valeur partagée : un niveau, une conformité, ou « documents déposés » (questionnaires de preuves seules). */
export const PackageValueSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('niveau'), level: LevelSchema }),
  z.strictObject({ kind: z.literal('conformite'), conformity: ConformitySchema }),
  z.strictObject({ kind: z.literal('preuves') }),
]);

/** Une preuve : sa description toujours (nom, type de preuve, SHA-256), son contenu seulement si le producteur l'a coché. */
export const PackageEvidenceSchema = z.strictObject({
  evidenceType: EvidenceRefSchema.shape.evidenceType,
  name: EvidenceRefSchema.shape.name,
  /** Absente quand la bibliothèque ne connaît que le nom (preuve lue sur une page) ; exigée avec `content`. */
  sha256: Sha256Schema.optional(),
  size: z.number().int().nonnegative().max(Number.MAX_SAFE_INTEGER).optional(),
  /** Type MIME du fichier (`application/pdf`…). */
  mediaType: text(200).optional(),
  /** Contenu en base64 : présent seulement quand le producteur l'a choisi. */
  content: Base64Schema(16 * 1024 * 1024).optional(),
});

/**
 * Une réponse partagée. Un champ absent n'est pas partagé (choix du producteur, ou commentaire confidentiel) ;
 * `value: null` dit « sans réponse ».
 */
export const PackageAnswerSchema = z.strictObject({
  /** `questionnaire/ID`, comme la clé du catalogue. */
  key: text(100).min(1),
  questionnaire: PackageQuestionnaireSchema,
  id: CriterionIdSchema,
  value: PackageValueSchema.nullable().optional(),
  comment: AnswerSchema.shape.comment.optional(),
  specificite: OuiNonSchema.optional(),
  evidence: z.array(PackageEvidenceSchema).max(100).optional(),
});

/** Ce que le producteur sait du critère (intitulé, nature, niveaux acceptables…) : aide le distributeur à lire le paquet. */
export const PackageCriterionSchema = z.strictObject({
  key: text(100).min(1),
  questionnaire: PackageQuestionnaireSchema,
  id: CriterionIdSchema,
  title: CriterionSchema.shape.title,
  section: CriterionSchema.shape.section,
  kind: CriterionSchema.shape.kind,
  scale: CriterionSchema.shape.scale,
  obligation: CriterionSchema.shape.obligation,
  acceptableLevels: CriterionSchema.shape.acceptableLevels,
  expectedEvidence: CriterionSchema.shape.expectedEvidence,
});

export const PackagePublicKeySchema = z.strictObject({
  algorithm: z.literal(PACKAGE_SIGNATURE_ALGORITHM),
  /** Clé publique au format SubjectPublicKeyInfo (DER), en base64 : la forme exacte qu'exporte WebCrypto. */
  spki: Base64Schema(400),
});

const PackageShape = {
  format: z.literal(PACKAGE_FORMAT),
  version: z.literal(PACKAGE_VERSION),
  /** Date du paquet (ISO 8601). */
  createdAt: IsoDateTimeSchema,
  /** Numéro d'ordre des paquets de ce produit signés par cette clé : strictement croissant (rejeu refusé). */
  sequence: z.number().int().min(1).max(Number.MAX_SAFE_INTEGER),
  generator: text(200).optional(),
  /** Le producteur : dénomination de sa fiche administrative (et SIRET s'il est connu). */
  producer: z.strictObject({
    name: CompanyProfileSchema.shape.denomination.min(1),
    siret: z.string().regex(/^\d{14}$/, { message: 'SIRET : 14 chiffres attendus' }).optional(),
  }),
  /** Le produit partagé ; `convergenceNumber` est celui du produit Convergence partagé (la variante, s'il y en a une). */
  product: z.strictObject({
    name: ProductSchema.shape.name,
    version: ProductSchema.shape.version,
    convergenceNumber: ConvergenceNumberSchema,
    variant: z
      .strictObject({
        os: VariantSchema.shape.os,
        osLabel: VariantSchema.shape.osLabel,
        device: VariantSchema.shape.device,
        /** Nom ANS `[NomDuProduit] [OS] [Appareil]`. */
        name: text(400).min(1),
      })
      .optional(),
  }),
  /** Questionnaires choisis par le producteur (ceux dont le paquet porte les réponses). */
  questionnaires: z.array(PackageQuestionnaireSchema).max(PACKAGE_QUESTIONNAIRES.length),
  criteria: z.array(PackageCriterionSchema).max(20000),
  answers: z.array(PackageAnswerSchema).max(20000),
  /** Ce que le paquet ne contient pas, dit au distributeur : nombre de commentaires marqués « confidentiel ». */
  omitted: z.strictObject({ confidentialComments: z.number().int().nonnegative().max(1_000_000) }),
  publicKey: PackagePublicKeySchema,
};

/** Le paquet sans sa signature : exactement ce qui est signé. */
export const UnsignedPackageSchema = z.strictObject(PackageShape);

/** Le fichier `.convergence-paquet` entier. */
export const PackageFileSchema = z.strictObject({
  ...PackageShape,
  /** Signature ECDSA P-256 / SHA-256 (r‖s, 64 octets, IEEE P1363, comme WebCrypto la rend), en base64. */
  signature: Base64Schema(200),
});

export type PackageValue = z.infer<typeof PackageValueSchema>;
export type PackageEvidence = z.infer<typeof PackageEvidenceSchema>;
export type PackageAnswer = z.infer<typeof PackageAnswerSchema>;
export type PackageCriterion = z.infer<typeof PackageCriterionSchema>;
export type UnsignedPackage = z.infer<typeof UnsignedPackageSchema>;
/** Un paquet lu et vérifié (signature comprise). */
export type ProducerPackage = z.infer<typeof PackageFileSchema>;

/** « Dossia v3.1 iOS Mobile — n° 4102 » */
export function packageProductLabel(p: Pick<ProducerPackage, 'product'>): string {
  const v = p.product.variant;
  return `${v ? v.name : p.product.name} ${p.product.version} — n° Convergence ${p.product.convergenceNumber}`;
}
