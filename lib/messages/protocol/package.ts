/**
 * Les paquets producteur (issue 10) : pages de l'extension seulement.
 */
import { z } from 'zod';
import { AnswerValueSchema, OuiNonSchema, QuestionnaireIdSchema, text } from '../../domain/schemas';
import { id, author, variantId, UndoToken, type MessageSchemas } from './common';

const FingerprintSchema = z.strictObject({ hex: z.string(), display: z.string() });
const PackageContentB64 = z.string().max(14_500_000);
const PackageContentSummarySchema = z.strictObject({
  questionnaires: z.array(z.strictObject({ questionnaire: QuestionnaireIdSchema, label: z.string(), criteria: z.number() })),
  criteria: z.number(),
  values: z.number(),
  comments: z.number(),
  specificites: z.number(),
  specificiteOui: z.array(z.strictObject({ key: z.string(), questionnaire: QuestionnaireIdSchema, id: z.string(), title: z.string().optional() })),
  evidence: z.strictObject({ described: z.number(), withContent: z.number(), contentBytes: z.number() }),
  omitted: z.strictObject({ confidentialComments: z.number(), evidenceContents: z.number() }),
  whiteLabelReview: z.array(z.strictObject({ key: z.string(), questionnaire: QuestionnaireIdSchema, id: z.string(), title: z.string(), inPackage: z.boolean() })),
});
const ShareFieldSchema = z.enum(['value', 'comment', 'specificite', 'evidence']);
const ShareRequestSchema = z.strictObject({
  productId: id,
  variantId,
  questionnaires: z.array(QuestionnaireIdSchema).max(20),
  confidentialComments: z.array(text(100)).max(20000).optional(),
  excludedCriteria: z.array(text(100)).max(20000).optional(),
  withheld: z.record(text(100), z.array(ShareFieldSchema).max(4)).optional(),
  evidenceContents: z.array(z.string().regex(/^[0-9a-f]{64}$/)).max(1000).optional(),
});
const DiffEntrySchema = z.strictObject({
  key: z.string(),
  questionnaire: QuestionnaireIdSchema,
  id: z.string(),
  title: z.string().optional(),
  whiteLabelReview: z.boolean(),
  fields: z.array(z.string()),
  /** Avant / après, en une ligne (« Niveau 2 — commentaire… »). */
  before: z.string(),
  after: z.string(),
});
export const PACKAGE_MESSAGES = {
  'package.key': {
    description: "Empreinte de la clé de signature de la bibliothèque (créée au premier besoin, clé privée non exportable).",
    request: z.strictObject({}),
    response: z.strictObject({ fingerprint: FingerprintSchema, createdAt: z.string() }),
  },
  'package.key.export': {
    description: 'La clé publique seule (PEM et JWK), pour la donner aux distributeurs.',
    request: z.strictObject({}),
    response: z.strictObject({ fingerprint: FingerprintSchema, pem: z.string(), jwk: z.record(z.string(), z.unknown()), fileName: z.string() }),
  },
  'package.share.preview': {
    description: "Aperçu d'un paquet producteur (contenu choisi, critères marque blanche, spécificité « Oui ») : rien n'est écrit.",
    request: ShareRequestSchema,
    response: z.strictObject({
      productName: z.string(),
      sequence: z.number().int(),
      fingerprint: FingerprintSchema,
      companyName: z.string(),
      confidentialComments: z.array(z.string()),
      rows: z.array(
        z.strictObject({
          key: z.string(),
          questionnaire: QuestionnaireIdSchema,
          id: z.string(),
          title: z.string(),
          value: AnswerValueSchema.nullable(),
          comment: z.string(),
          specificite: OuiNonSchema.optional(),
          evidence: z.array(z.strictObject({ name: z.string(), evidenceType: z.string(), sha256: z.string().optional(), contentAvailable: z.boolean() })),
          whiteLabel: z.boolean(),
        }),
      ),
      summary: PackageContentSummarySchema,
      leftOut: z.strictObject({ neverShared: z.number(), notSelected: z.number(), confidentialComments: z.number(), evidenceWithoutContent: z.number(), unsupportedValues: z.array(z.string()) }),
      fileName: z.string(),
    }),
  },
  'package.share.build': {
    description: 'Construire et signer le paquet (numéro d\'ordre pris, marques « confidentiel » gardées) ; le fichier revient en base64.',
    request: ShareRequestSchema,
    response: z.strictObject({ fileName: z.string(), contentBase64: z.string(), sequence: z.number().int(), fingerprint: FingerprintSchema, summary: PackageContentSummarySchema }),
  },
  'package.inspect': {
    description: "Vérifier un paquet reçu (signature d'abord, puis rejeu) et le décrire : rien n'est écrit.",
    request: z.strictObject({ fileName: text(300).min(1), contentBase64: PackageContentB64 }),
    response: z.strictObject({
      fileName: z.string(),
      producer: z.strictObject({ name: z.string(), siret: z.string().optional() }),
      fingerprint: FingerprintSchema,
      product: z.looseObject({ name: z.string(), version: z.string(), convergenceNumber: z.string() }),
      createdAt: z.string(),
      sequence: z.number().int(),
      summary: PackageContentSummarySchema,
      verdict: z.looseObject({ kind: z.enum(['nouveau', 'mise-a-jour', 'rejeu', 'autre-cle']), message: z.string(), keyKnown: z.boolean().optional() }),
      producerProductId: z.string().optional(),
      diff: z
        .strictObject({
          added: z.array(DiffEntrySchema),
          removed: z.array(DiffEntrySchema),
          changed: z.array(DiffEntrySchema),
          unchanged: z.number(),
          metadata: z.array(z.strictObject({ field: z.string(), before: z.string(), after: z.string() })),
        })
        .optional(),
      inherited: z.array(z.strictObject({ key: z.string(), questionnaire: QuestionnaireIdSchema, id: z.string(), title: z.string().optional(), change: z.enum(['changed', 'removed']), fields: z.array(z.string()), mustAnswerNow: z.boolean(), distributorProductId: z.string() })).optional(),
      linkedDistributors: z.array(z.string()),
    }),
  },
  'package.commit': {
    description: "Importer un paquet vérifié (revérifié ici), en une opération annulable : producteur en lecture seule, distributeur relié.",
    request: z.strictObject({
      fileName: text(300).min(1),
      contentBase64: PackageContentB64,
      confirmedFingerprint: z.string().regex(/^[0-9a-f]{64}$/).optional(),
      acceptOtherKey: z.boolean().optional(),
      distributorProductId: id.optional(),
      author,
    }),
    response: z.strictObject({ producerProductId: z.string(), marker: z.string(), review: z.array(z.string()), undoToken: UndoToken }),
  },
  'package.list': {
    description: 'Les paquets producteur en vigueur (produits en lecture seule et leur marqueur).',
    request: z.strictObject({}),
    response: z.strictObject({
      packages: z.array(
        z.strictObject({
          producerProductId: z.string(),
          marker: z.string(),
          producerName: z.string(),
          createdAt: z.string(),
          importedAt: z.string(),
          sequence: z.number().int(),
          fingerprint: FingerprintSchema,
          fileName: z.string(),
        }),
      ),
    }),
  },
  'package.review.confirm': {
    description: 'Le distributeur confirme des réponses « à revoir » (reprises du producteur).',
    request: z.strictObject({ productId: id, keys: z.array(text(100)).min(1).max(20000) }),
    response: z.strictObject({ confirmed: z.number().int() }),
  },
} as const satisfies Record<string, MessageSchemas>;
