/**
 * lib/messages — LE protocole entre script de contenu, pages de l'extension et arrière-plan, et ses gestionnaires.
 * Chaque message dit qui peut l'envoyer, qui le traite, et ses schémas zod (vérifiés à la réception).
 * N'importe pas : platform, components, entrypoints ; le transport (runtime, onglets) est branché par l'extension.
 * Le script de contenu n'importe d'ici que des types : sa table d'aiguillage, sans zod, est content-routes.ts,
 * que TypeScript oblige à rester identique à ce protocole.
 */
import { z } from 'zod';
import { PAGE_KINDS } from '../page/kinds';
import { PAGE_TEXT_KEYS } from '../page/text';
import { FINDING_TEXT_KEYS } from '../rules/types';
import { JourneySchema } from '../rules/journey-schema';
import {
  AnswerSchema,
  AnswerValueSchema,
  CompanyProfileSchema,
  CriterionIdSchema,
  CriterionSchema,
  CriterionSnapshotSchema,
  ReferentialChangeSchema,
  ScopeSchema,
  EvidenceFileMetaSchema,
  IsoDateSchema,
  IsoDateTimeSchema,
  LevelSchema,
  OuiNonSchema,
  ProductSchema,
  QuestionnaireIdSchema,
  VariantSchema,
  text,
  CriterionInputSchema,
  AnswerInputSchema,
  ProductInputSchema,
  VariantInputSchema,
  ShownStatusSchema,
} from '../domain/schemas';

export type Party = 'content' | 'page' | 'background';

const id = z.string().min(1).max(100);
const author = text(200);
const variantId = text(100).default('');

const CountsSchema = z.strictObject({ created: z.number().int(), changed: z.number().int(), unchanged: z.number().int() });
const UndoToken = z.string().nullable();

/** '' efface le n° Convergence (un champ absent ne traverse pas la messagerie JSON). */
const ClearableNumberSchema = z.union([z.string().regex(/^\d{1,12}$/, { message: 'numéro Convergence : chiffres attendus' }), z.literal('')]).optional();
const ProductPatchSchema = ProductSchema.omit({ id: true, createdAt: true, updatedAt: true }).partial().extend({ convergenceNumber: ClearableNumberSchema });
const VariantPatchSchema = VariantSchema.omit({ id: true, productId: true, createdAt: true, updatedAt: true }).partial().extend({ convergenceNumber: ClearableNumberSchema });

export const ResolvedAnswerSchema = z.strictObject({
  criterionKey: z.string(),
  answer: AnswerSchema,
  source: z.enum(['variante', 'famille', 'producteur']),
  inheritedEvidenceTypes: z.array(z.string()),
  reviewFlag: z.boolean(),
  reviewReason: z.enum(['marque-blanche', 'mise-a-jour', 'referentiel']).optional(),
});

const FindingTextSchema = z.strictObject({ key: z.enum(FINDING_TEXT_KEYS), params: z.record(z.string(), z.string()) });
export const FindingSchema = z.strictObject({
  severity: z.enum(['bloquant', 'avertissement']),
  code: z.string(),
  text: FindingTextSchema.optional(),
  questionnaire: QuestionnaireIdSchema,
  criterionId: z.string().optional(),
  message: z.string(),
  action: z.string(),
});
const VerdictSchema = z.strictObject({ ok: z.boolean(), reasons: z.array(z.string()), reasonTexts: z.array(FindingTextSchema).optional() });
export const ReadinessReportSchema = z.strictObject({
  today: z.string(),
  questionnaires: z.array(
    z.strictObject({
      questionnaire: QuestionnaireIdSchema,
      label: z.string(),
      total: z.number().int(),
      answered: z.number().int(),
      complete: z.boolean(),
      atteint: z.boolean(),
      findings: z.array(FindingSchema),
    }),
  ),
  findings: z.array(FindingSchema),
  blockers: z.number().int(),
  warnings: z.number().int(),
  dossierGenerable: VerdictSchema,
  pretACandidater: VerdictSchema,
});

const ImportStatusSchema = z.enum(['created', 'changed', 'unchanged', 'conflict']);
export const ImportPreviewSummarySchema = z.strictObject({
  previewId: z.string(),
  fileName: z.string(),
  source: z.enum(['tableur', 'json']),
  target: z.strictObject({ productId: z.string(), variantId: z.string() }).optional(),
  counts: z.strictObject({ created: z.number(), changed: z.number(), unchanged: z.number(), conflict: z.number() }),
  criteria: z.strictObject({ created: z.number(), changed: z.number() }),
  products: z.strictObject({ created: z.number(), changed: z.number() }),
  items: z.array(
    z.strictObject({
      where: z.string(),
      productId: z.string(),
      variantId: z.string(),
      questionnaire: QuestionnaireIdSchema,
      criterionId: z.string(),
      status: ImportStatusSchema,
      before: z.string(),
      after: z.string(),
    }),
  ),
  skippedSheets: z.array(z.strictObject({ name: z.string(), reason: z.string() })),
});

const OperationSummarySchema = z.strictObject({ id: z.string(), kind: z.string(), label: z.string(), at: IsoDateTimeSchema, author: z.string() });
const DeleteCountsSchema = z.strictObject({ variants: z.number().int(), answers: z.number().int(), files: z.number().int() });

interface MessageDef {
  /** Qui peut l'envoyer (vérifié à la réception : le reste est refusé). */
  from: readonly Party[];
  /** Qui le traite. */
  to: Party;
  description: string;
  request: z.ZodType;
  response: z.ZodType;
}

// ---------- comparaison des variantes (issue 11 § 2) : pages de l'extension seulement ----------

const CompareCriterionKey = text(100).min(1);
const CompareEntrySchema = z.strictObject({
  cell: z
    .strictObject({
      value: AnswerValueSchema.nullable(),
      display: z.string(),
      comment: z.string(),
      evidenceCount: z.number().int().nonnegative(),
      inheritedEvidenceTypes: z.array(z.string()),
      origin: z.enum(['propre', 'famille', 'producteur']),
    })
    .nullable(),
  differs: z.boolean(),
  kept: z.boolean(),
  canAlign: z.boolean(),
  canKeep: z.boolean(),
});
const CompareMatrixSchema = z.strictObject({
  productId: z.string(),
  questionnaire: QuestionnaireIdSchema,
  columns: z.array(
    z.strictObject({
      id: z.string(),
      productId: z.string(),
      variantId: z.string(),
      name: z.string(),
      kind: z.enum(['famille', 'variante', 'producteur']),
      referenceId: z.string().optional(),
    }),
  ),
  rows: z.array(
    z.strictObject({
      criterionKey: z.string(),
      criterionId: z.string(),
      title: z.string(),
      entries: z.array(CompareEntrySchema),
      differs: z.boolean(),
      toReview: z.boolean(),
    }),
  ),
  counts: z.strictObject({ rows: z.number().int(), differs: z.number().int(), toReview: z.number().int(), kept: z.number().int() }),
});

const COMPARE_MESSAGES = {
  'compare.questionnaires': {
    from: ['page'],
    to: 'background',
    description: "Les questionnaires qui ont au moins une réponse dans la famille, ses variantes ou le producteur d'un distributeur.",
    request: z.strictObject({ productId: id }),
    response: z.strictObject({ questionnaires: z.array(QuestionnaireIdSchema) }),
  },
  'compare.get': {
    from: ['page'],
    to: 'background',
    description:
      "Comparer un questionnaire entre une famille et ses variantes (et le producteur d'un distributeur) : une ligne par critère, une colonne par produit, réponses en vigueur, héritées ou propres, écarts.",
    request: z.strictObject({ productId: id, questionnaire: QuestionnaireIdSchema }),
    response: CompareMatrixSchema,
  },
  'compare.align': {
    from: ['page'],
    to: 'background',
    description: "« Aligner sur la famille » : retirer la réponse propre d'une variante pour un critère (opération du journal, annulable).",
    request: z.strictObject({ productId: id, variantId: id, criterionKey: CompareCriterionKey, author }),
    response: z.strictObject({ undoToken: UndoToken }),
  },
  'compare.keep': {
    from: ['page'],
    to: 'background',
    description: "« Garder pour cette variante » : marquer un écart comme voulu (keep = false retire la marque).",
    request: z.strictObject({ productId: id, variantId: text(100), criterionKey: CompareCriterionKey, questionnaire: QuestionnaireIdSchema, keep: z.boolean() }),
    response: z.strictObject({ kept: z.boolean() }),
  },
  'compare.xlsx': {
    from: ['page'],
    to: 'background',
    description: 'La comparaison en Excel (une feuille par questionnaire, ou celle du questionnaire choisi) ; le fichier revient en base64.',
    request: z.strictObject({ productId: id, questionnaire: QuestionnaireIdSchema.optional() }),
    response: z.strictObject({ fileName: z.string(), contentBase64: z.string() }),
  },
} as const satisfies Record<string, MessageDef>;

// ---------- modifier les réponses dans le gestionnaire (issue 11 § 1) : pages de l'extension seulement ----------

const EditOutcomeSchema = z.enum(['created', 'changed', 'unchanged']);
const BulkChangeSchema = z.strictObject({
  criterionKey: z.string(),
  questionnaire: QuestionnaireIdSchema,
  criterionId: z.string(),
  field: z.enum(['validUntil', 'comment']),
  before: z.string(),
  after: z.string(),
  inherited: z.boolean(),
});
const ANSWER_EDIT_MESSAGES = {
  'answers.editContext': {
    from: ['page'],
    to: 'background',
    description: "Ce que l'éditeur des réponses doit savoir d'une portée : lecture seule (paquet producteur) et pourquoi, commentaires marqués « confidentiel », « Sans réponse » permis.",
    request: z.strictObject({ productId: id, variantId }),
    response: z.strictObject({ readOnly: z.boolean(), reason: z.string(), confidential: z.array(z.string()), allowEmpty: z.boolean() }),
  },
  'answers.edit': {
    from: ['page'],
    to: 'background',
    description:
      "Modifier une réponse dans le gestionnaire (niveau ou conformité, commentaire, « valide jusqu'au », marque « confidentiel ») d'une famille, d'une variante (sa surcharge est créée) ou d'un distributeur : une opération du journal, annulable.",
    request: z.strictObject({
      productId: id,
      variantId,
      questionnaire: QuestionnaireIdSchema,
      criterionId: CriterionIdSchema,
      value: AnswerValueSchema.nullable().optional(),
      comment: text(10000).optional(),
      /** '' retire la date. */
      validUntil: z.union([IsoDateSchema, z.literal('')]).optional(),
      confidential: z.boolean().optional(),
      expectedUpdatedAt: z.string().max(40).nullable().optional(),
      author,
    }),
    response: z.strictObject({ outcome: EditOutcomeSchema, answer: AnswerSchema.nullable(), confidential: z.boolean(), undoToken: UndoToken }),
  },
  'answers.bulkEdit': {
    from: ['page'],
    to: 'background',
    description:
      "Modifier plusieurs réponses : date de revue, ou phrase remplacée dans les commentaires. apply false : l'aperçu (chaque changement avant → après), rien n'est écrit ; apply true : UNE opération annulable, refusée si le plan n'est plus celui de l'aperçu.",
    request: z.strictObject({
      productId: id,
      variantId,
      keys: z.array(text(100)).min(1).max(20000),
      action: z.discriminatedUnion('kind', [
        z.strictObject({ kind: z.literal('validUntil'), date: IsoDateSchema }),
        z.strictObject({ kind: z.literal('replace'), find: text(10000).min(1), replace: text(10000) }),
      ]),
      apply: z.boolean().default(false),
      signature: z.string().max(100).optional(),
      author,
    }),
    response: z.strictObject({ changes: z.array(BulkChangeSchema), signature: z.string(), applied: z.number().int(), undoToken: UndoToken }),
  },
  'answers.restore': {
    from: ['page'],
    to: 'background',
    description: "« Restaurer cette valeur » : la valeur d'une entrée de l'historique (rang et date) redevient la réponse, en une nouvelle opération annulable.",
    request: z.strictObject({
      productId: id,
      variantId,
      questionnaire: QuestionnaireIdSchema,
      criterionId: CriterionIdSchema,
      index: z.number().int().min(0).max(100000),
      at: z.string().max(40),
      author,
    }),
    response: z.strictObject({ outcome: EditOutcomeSchema, answer: AnswerSchema.nullable(), undoToken: UndoToken }),
  },
} as const satisfies Record<string, MessageDef>;

// ---------- parcours et profils d'entreprise (issue 11 § 4) : pages de l'extension seulement ----------

/** Produit affiché (même forme que PageProductSchema, défini plus bas : ce bloc est évalué avant). */
const JourneyPageProductSchema = z.strictObject({ name: text(300).min(1), version: text(100).min(1), number: z.string().regex(/^\d{1,12}$/) });
const JourneyShownStepSchema = z.strictObject({ status: text(300).min(1), done: z.boolean() });

const JOURNEY_MESSAGES = {
  'journey.get': {
    from: ['page'],
    to: 'background',
    description:
      "Le parcours d'une famille ou d'une variante : chaque étape avec le statut vu sur Convergence et sa date (ou « pas encore vu »), la préparation de la bibliothèque par questionnaire, et la prochaine étape.",
    request: z.strictObject({ productId: z.string().min(1).max(100), variantId: text(100).default('') }),
    response: JourneySchema,
  },
  'journey.forPage': {
    from: ['page'],
    to: 'background',
    description:
      "Le parcours du produit affiché dans un onglet (fenêtre de l'icône) : celui du produit de la bibliothèque relié à son n° Convergence, sinon ce qui a été vu sous ce n°, sans préparation.",
    request: z.strictObject({ pageProduct: JourneyPageProductSchema }),
    response: z.strictObject({ scope: ScopeSchema.nullable(), journey: JourneySchema }),
  },
  'page.journey.seen': {
    from: ['content'],
    to: 'background',
    description:
      "Ce que la page de la démarche affiche de son avancement (fil des étapes : fiche administrative, convention ; page des dossiers : dossier d'évaluation, dossier candidat), tel qu'affiché, pour le produit affiché : daté et rangé pour le produit de la bibliothèque relié à son n° (sinon sous ce n°).",
    request: z.strictObject({
      productKey: text(400).min(1),
      steps: z.strictObject({
        fiche: JourneyShownStepSchema.optional(),
        convention: JourneyShownStepSchema.optional(),
        dossier: JourneyShownStepSchema.optional(),
        candidature: JourneyShownStepSchema.optional(),
      }),
    }),
    response: z.strictObject({}),
  },
  'company.list': {
    from: ['page'],
    to: 'background',
    description: "Les profils d'entreprise (fiches administratives) de la bibliothèque, par dénomination ; chaque produit peut désigner le sien (pour le compte d'un tiers).",
    request: z.strictObject({}),
    response: z.strictObject({ companies: z.array(CompanyProfileSchema) }),
  },
} as const satisfies Record<string, MessageDef>;

// ---------- critères modifiés par Convergence (issue 11 § 3) ----------
/** Pourquoi un niveau enregistré n'est pas rempli après un changement du référentiel (lib/domain/referential.ts). */
export const FillHoldSchema = z.discriminatedUnion('code', [
  z.strictObject({ code: z.literal('minimum'), level: LevelSchema, acceptable: z.array(LevelSchema) }),
  z.strictObject({ code: z.literal('niveaux'), level: LevelSchema }),
]);
/** Un critère modifié depuis une réponse : l'ancien et le nouveau côte à côte (lib/library/referential-changes.ts). */
export const ReferentialChangeItemSchema = z.strictObject({
  criterionKey: z.string(),
  questionnaire: QuestionnaireIdSchema,
  criterionId: z.string(),
  aspects: ReferentialChangeSchema.shape.aspects,
  before: CriterionSnapshotSchema,
  after: CriterionSnapshotSchema,
  at: IsoDateTimeSchema.nullable(),
  source: ReferentialChangeSchema.shape.source.nullable(),
  answer: z.strictObject({ id: z.string(), value: AnswerValueSchema.nullable(), updatedAt: IsoDateTimeSchema }).nullable(),
  hold: FillHoldSchema.nullable(),
});

const REFERENTIAL_MESSAGES = {
  'referential.changes': {
    from: ['page'],
    to: 'background',
    description: "Les critères modifiés par Convergence depuis les réponses d'un produit ou d'une variante : ancien et nouveau (intitulé, minimum, nature, niveaux, preuves), date et source.",
    request: z.strictObject({ productId: id, variantId }),
    response: z.strictObject({ items: z.array(ReferentialChangeItemSchema) }),
  },
  'referential.confirm': {
    from: ['page'],
    to: 'background',
    description: "« J'ai revu » : les réponses de ces critères ne sont plus à revoir jusqu'au prochain changement (une opération journalisée, annulable).",
    request: z.strictObject({ productId: id, variantId, keys: z.array(text(100).min(1)).min(1).max(5000), author }),
    response: z.strictObject({ confirmed: z.number().int() }),
  },
  'referential.page': {
    from: ['page'],
    to: 'background',
    description:
      "Les critères qu'une page montre différents de ce que le catalogue sait, ou changés depuis les réponses de la portée indiquée (le panneau : « N critère(s) modifié(s) depuis vos réponses »). Rien n'est écrit.",
    request: z.strictObject({ criteria: z.array(CriterionInputSchema).max(2000), scope: ScopeSchema.nullable() }),
    response: z.strictObject({ items: z.array(ReferentialChangeItemSchema) }),
  },
} as const satisfies Record<string, MessageDef>;

// ---------- paquets producteur (issue 10) : pages de l'extension seulement ----------

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
const PACKAGE_MESSAGES = {
  'package.key': {
    from: ['page'],
    to: 'background',
    description: "Empreinte de la clé de signature de la bibliothèque (créée au premier besoin, clé privée non exportable).",
    request: z.strictObject({}),
    response: z.strictObject({ fingerprint: FingerprintSchema, createdAt: z.string() }),
  },
  'package.key.export': {
    from: ['page'],
    to: 'background',
    description: 'La clé publique seule (PEM et JWK), pour la donner aux distributeurs.',
    request: z.strictObject({}),
    response: z.strictObject({ fingerprint: FingerprintSchema, pem: z.string(), jwk: z.record(z.string(), z.unknown()), fileName: z.string() }),
  },
  'package.share.preview': {
    from: ['page'],
    to: 'background',
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
    from: ['page'],
    to: 'background',
    description: 'Construire et signer le paquet (numéro d\'ordre pris, marques « confidentiel » gardées) ; le fichier revient en base64.',
    request: ShareRequestSchema,
    response: z.strictObject({ fileName: z.string(), contentBase64: z.string(), sequence: z.number().int(), fingerprint: FingerprintSchema, summary: PackageContentSummarySchema }),
  },
  'package.inspect': {
    from: ['page'],
    to: 'background',
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
      inherited: z.array(z.strictObject({ key: z.string(), questionnaire: QuestionnaireIdSchema, id: z.string(), title: z.string().optional(), change: z.enum(['modifie', 'retire']), fields: z.array(z.string()), mustAnswerNow: z.boolean(), distributorProductId: z.string() })).optional(),
      linkedDistributors: z.array(z.string()),
    }),
  },
  'package.commit': {
    from: ['page'],
    to: 'background',
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
    from: ['page'],
    to: 'background',
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
    from: ['page'],
    to: 'background',
    description: 'Le distributeur confirme des réponses « à revoir » (reprises du producteur).',
    request: z.strictObject({ productId: id, keys: z.array(text(100)).min(1).max(20000) }),
    response: z.strictObject({ confirmed: z.number().int() }),
  },
} as const satisfies Record<string, MessageDef>;

/** Le produit tel que la page Convergence l'affiche (« Produit - v0.1 - 3100 »). */
export const PageProductSchema = z.strictObject({
  name: text(300).min(1),
  version: text(100).min(1),
  number: z.string().regex(/^\d{1,12}$/),
});


/** Variante reconnue au nom du produit affiché (cf. lib/page/identity.ts). */
const VariantCandidateSchema = z.strictObject({
  productId: id,
  variantId: text(100),
  os: VariantSchema.shape.os,
  osLabel: text(100).optional(),
  device: VariantSchema.shape.device,
  pageName: text(300),
  variantLabel: text(300),
  familyName: text(500),
});

/** Pourquoi une source est proposée : bibliothèque reliée (famille, variante, distributeur), nom, dernière utilisée… */
export const SUGGESTION_REASONS = ['reliee', 'reliee-variante', 'reliee-distributeur', 'famille-du-nom', 'meme-nom', 'derniere', 'seule', 'recente', 'aucune'] as const;

const ProductEntrySchema = z.strictObject({ product: ProductSchema, variants: z.array(VariantSchema), displayNames: z.record(z.string(), z.string()) });

/** La vue du panneau : ce que le script de contenu a lu (les textes sont des codes, traduits par le panneau). */
const PageTextSchema = z.strictObject({ key: z.enum(PAGE_TEXT_KEYS), params: z.record(z.string(), z.union([z.string().max(2000), z.number()])).optional() });
const SummarySchema = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('criteria'), read: z.number(), mandatory: z.number(), atRisk: z.array(z.string()) }),
  z.strictObject({ type: z.literal('fields'), read: z.number(), required: z.number(), empty: z.array(z.string()) }),
  z.strictObject({ type: z.literal('zones'), read: z.number(), empty: z.array(z.string()) }),
  z.strictObject({ type: z.literal('nothing') }),
]);
export const PanelViewSchema = z.strictObject({
  recognition: z.union([
    z.strictObject({ recognised: z.literal(true), kind: z.enum(PAGE_KINDS), because: PageTextSchema }),
    z.strictObject({ recognised: z.literal(false), reason: PageTextSchema }),
  ]),
  product: z.lazy(() => PageProductSchema).nullable(),
  summary: SummarySchema,
  problems: z.array(PageTextSchema).max(5000),
  canUndo: z.boolean(),
  /** Change à chaque relecture qui modifie la vue (le panneau ne redessine que si elle a changé). */
  url: z.string().max(4000),
});
const FillReportEntrySchema = z.strictObject({
  key: z.string().max(300),
  label: z.string().max(2000),
  status: z.enum(['filled', 'identical', 'conflict', 'refused', 'not-found']),
  pageValue: z.string(),
  libraryValue: z.string(),
  detail: z.string().optional(),
});
const FillExplanationSchema = z.discriminatedUnion('code', [
  z.strictObject({ code: z.literal('page-vide') }),
  z.strictObject({ code: z.literal('source-vide') }),
  z.strictObject({ code: z.literal('questionnaire-absent'), questionnaire: QuestionnaireIdSchema, others: z.array(QuestionnaireIdSchema) }),
  z.strictObject({ code: z.literal('formulaire-absent'), form: z.enum(['produit', 'fiche-administrative']) }),
  z.strictObject({ code: z.literal('tout-identique'), identical: z.number().int() }),
  z.strictObject({ code: z.literal('rien-ecrit'), conflict: z.number().int(), identical: z.number().int(), missing: z.number().int() }),
]);
/** Ce qu'une page offre à enregistrer : le panneau le transmet à l'arrière-plan (« page.capture »), qui décide où l'écrire. */
const CapturedSchema = z.strictObject({
  model: z.enum(['criteria', 'deposits', 'form', 'none']),
  form: z.enum(['orientation', 'produit', 'fiche-administrative', 'marque-blanche']).optional(),
  /** Titre de la page et produit affiché : la provenance lisible des réponses. */
  title: z.string().max(2000),
  criteria: z.array(CriterionInputSchema).max(2000),
  answers: z.array(AnswerInputSchema).max(5000),
  product: ProductSchema.pick({ name: true, version: true, type: true, nil: true, responsable: true, description: true, certifications: true, interests: true }).partial().optional(),
  company: CompanyProfileSchema.omit({ id: true, updatedAt: true }).partial().optional(),
  empty: z.array(z.string().max(2000)).max(5000),
});

/** Le contexte d'une page Convergence pour le panneau (cf. lib/page-session/session.ts). */
const PageContextSchema = z.strictObject({
  products: z.array(ProductEntrySchema),
  identity: z.strictObject({ from: z.enum(['page', 'precedente', 'choix', 'aucune']), product: PageProductSchema.nullable() }),
  /** Portée reliée au produit retenu, s'il y en a une. */
  current: ScopeSchema.nullable(),
  /** Produit affiché nommé « [Nom] [OS] [Appareil] » dont la famille (même nom, même version) est dans la bibliothèque. */
  variantCandidate: VariantCandidateSchema.nullable(),
  /** Source proposée pour remplir, et pourquoi (code traduit par le panneau). */
  suggestedSource: ScopeSchema.nullable(),
  suggestedReason: z.enum(SUGGESTION_REASONS),
});

/** Ce qu'un enregistrement a fait (cf. lib/page-session/capture.ts) : des codes et des nombres, traduits par le panneau. */
const count = z.number().int().nonnegative();
const CaptureOutcomeSchema = z.discriminatedUnion('code', [
  z.strictObject({ code: z.literal('rien-lisible') }),
  z.strictObject({ code: z.literal('rien') }),
  z.strictObject({ code: z.literal('tout-vide'), empty: count }),
  z.strictObject({ code: z.literal('fiche-administrative'), fields: count }),
  z.strictObject({ code: z.literal('produit-incomplet') }),
  z.strictObject({ code: z.literal('produit-modifie'), library: z.string() }),
  z.strictObject({ code: z.literal('produit-cree'), library: z.string() }),
  z.strictObject({ code: z.literal('sans-produit'), answers: count }),
  z.strictObject({ code: z.literal('variante-d-abord'), answers: count }),
  z.strictObject({ code: z.literal('relie'), library: z.string(), empty: count }),
  z.strictObject({
    code: z.literal('enregistre'),
    library: z.string(),
    read: count,
    created: count,
    changed: count,
    unchanged: count,
    empty: count,
    inherited: count,
  }),
]);

export const PROTOCOL = {
  'products.list': {
    from: ['page'],
    to: 'background',
    description: 'Lister les produits (familles) et leurs variantes OS.',
    request: z.strictObject({}),
    response: z.strictObject({
      products: z.array(ProductEntrySchema),
    }),
  },
  'page.context': {
    from: ['page'],
    to: 'background',
    description:
      "Le contexte d'une page Convergence pour l'onglet émetteur : le produit retenu (lu sur la page, sinon celui de la page précédente de l'onglet, sinon le choix « Ce produit est : »), la bibliothèque reliée, la variante reconnue à son nom, la source proposée et la liste des produits.",
    request: z.strictObject({ pageProduct: PageProductSchema.nullable() }),
    response: PageContextSchema,
  },
  'page.link': {
    from: ['page'],
    to: 'background',
    description:
      'Relier le produit affiché sur Convergence à une bibliothèque : une famille ou variante existante, la famille de même nom et version encore sans n°, ou une nouvelle famille créée depuis la page.',
    request: z.strictObject({ pageProduct: PageProductSchema, scope: ScopeSchema.optional(), author }),
    response: ScopeSchema,
  },
  'page.linkVariant': {
    from: ['page'],
    to: 'background',
    description:
      "Relier le produit affiché comme variante de la famille reconnue à son nom (« Dossia iOS Mobile » → variante iOS Mobile de « Dossia v3.1 ») : la variante est créée si besoin et reçoit le n° Convergence.",
    request: z.strictObject({ pageProduct: PageProductSchema, author }),
    response: ScopeSchema,
  },
  'page.choose': {
    from: ['page'],
    to: 'background',
    description:
      "Le choix « Ce produit est : » fait dans le panneau quand le produit affiché n'est pas lisible : une portée existante, ou un nouveau produit. Retenu pour l'onglet, et relié au n° Convergence dès qu'une page en affiche un.",
    request: z.strictObject({
      choice: z.union([z.strictObject({ scope: ScopeSchema }), z.strictObject({ create: z.strictObject({ name: text(300).min(1), version: text(100).min(1) }) })]),
      author,
    }),
    response: ScopeSchema,
  },
  'page.fillSource': {
    from: ['page'],
    to: 'background',
    description:
      "Tout ce qu'un remplissage demande à la bibliothèque, en un message : réponses en vigueur de la source (avec héritage) et critères à revoir en marque blanche, fiche du produit, fiche administrative, nom de la source. La source est notée comme utilisée (proposée ensuite par défaut), sauf pour un remplacement partiel.",
    request: z.strictObject({
      source: ScopeSchema,
      partial: z.boolean().default(false),
      /** Critères que la page montre : un niveau que le référentiel a rendu inacceptable n'est pas rempli (issue 11 § 3). */
      criteria: z.array(CriterionInputSchema).max(2000).optional(),
    }),
    response: z.strictObject({
      answers: z.array(AnswerSchema),
      review: z.array(z.string()),
      /** Critères modifiés dont le niveau enregistré n'est pas rempli, et pourquoi (retirés de answers). */
      held: z.array(ReferentialChangeItemSchema).optional(),
      product: ProductSchema.nullable(),
      company: CompanyProfileSchema.nullable(),
      sourceName: z.string(),
    }),
  },
  'page.capture': {
    from: ['page'],
    to: 'background',
    description:
      "Enregistrer ce que le script de contenu a lu sur la page, en un message : l'arrière-plan choisit la bibliothèque (fiche administrative, formulaire produit, ou celle du produit affiché, reliée ou créée), apprend les critères, retire d'une variante ce qu'elle hérite déjà, enregistre, et rend ce qui s'est passé (codes et nombres traduits par le panneau) avec le contexte de la page à jour.",
    request: z.strictObject({ pageProduct: PageProductSchema.nullable(), captured: CapturedSchema }),
    response: z.strictObject({ outcome: CaptureOutcomeSchema, context: PageContextSchema }),
  },
  'evidence.list': {
    from: ['page'],
    to: 'background',
    description: 'Preuves (fichiers) d\'une famille ou d\'une variante. Jamais celles d\'un producteur pour un distributeur.',
    request: z.strictObject({ productId: id, variantId }),
    response: z.strictObject({ files: z.array(EvidenceFileMetaSchema) }),
  },
  'evidence.get': {
    from: ['page'],
    to: 'background',
    description: 'Contenu d\'une preuve de la portée indiquée (base64), pour la joindre à une zone de dépôt.',
    request: z.strictObject({ productId: id, variantId, fileId: id.max(400) }),
    response: z.strictObject({ meta: EvidenceFileMetaSchema, contentBase64: z.string() }),
  },
  'page.evidence.list': {
    from: ['page'],
    to: 'background',
    description:
      'Preuves de la bibliothèque reliée au produit affiché (par son n° Convergence), jamais celles d\'un autre produit ; chez un distributeur, aussi celles de son paquet producteur dont le contenu a été inclus (id `paquet-…`, signature revérifiée, SHA-256 contrôlé), jamais celles décrites seulement.',
    request: z.strictObject({ pageProduct: PageProductSchema.nullable() }),
    response: z.strictObject({ files: z.array(EvidenceFileMetaSchema) }),
  },
  'page.evidence.get': {
    from: ['page'],
    to: 'background',
    description:
      'Contenu (base64) d\'une preuve de la bibliothèque reliée au produit affiché, pour la joindre à une zone de dépôt. Une preuve du producteur (`paquet-…`) exige `zone`, du même type de preuve.',
    request: z.strictObject({ pageProduct: PageProductSchema.nullable(), fileId: id.max(400), zone: text(300).optional() }),
    response: z.strictObject({ meta: EvidenceFileMetaSchema, contentBase64: z.string() }),
  },
  'page.statuses.put': {
    from: ['content'],
    to: 'background',
    description:
      'Mémoriser les statuts des questionnaires lus sur la liste (Terminé, À compléter…) pour un produit : la page des dossiers ne les affiche pas, la garde en a besoin après un rechargement.',
    request: z.strictObject({ productKey: text(400).min(1), statuses: z.array(ShownStatusSchema).max(20) }),
    response: z.strictObject({}),
  },
  'page.statuses.get': {
    from: ['content'],
    to: 'background',
    description: 'Statuts des questionnaires mémorisés pour un produit (ou aucun).',
    request: z.strictObject({ productKey: text(400).min(1) }),
    response: z.strictObject({ statuses: z.array(ShownStatusSchema), at: IsoDateTimeSchema }).nullable(),
  },
  'evidence.add': {
    from: ['page'],
    to: 'background',
    description: 'Ajouter une preuve (fichier) à une famille ou une variante, pour un type de preuve.',
    request: z.strictObject({
      productId: id,
      variantId,
      name: text(500).min(1),
      type: text(200),
      evidenceType: text(300).min(1),
      criterionKey: text(100).optional(),
      contentBase64: z.string().max(30_000_000),
      author,
    }),
    response: EvidenceFileMetaSchema,
  },
  'product.create': {
    from: ['page'],
    to: 'background',
    description: 'Créer un produit (formulaire « Ajouter un nouveau produit »).',
    request: z.strictObject({ product: ProductInputSchema, author }),
    response: ProductSchema,
  },
  'product.update': {
    from: ['page'],
    to: 'background',
    description: 'Modifier un produit.',
    request: z.strictObject({ id, patch: ProductPatchSchema, author }),
    response: ProductSchema,
  },
  'variant.create': {
    from: ['page'],
    to: 'background',
    description: "Créer une variante OS d'un produit ([Nom] [OS] [Appareil]).",
    request: z.strictObject({ variant: VariantInputSchema, author }),
    response: VariantSchema,
  },
  'variant.update': {
    from: ['page'],
    to: 'background',
    description: 'Modifier une variante.',
    request: z.strictObject({ id, patch: VariantPatchSchema, author }),
    response: VariantSchema,
  },
  'product.delete': {
    from: ['page'],
    to: 'background',
    description: "Supprimer un produit avec ses variantes, réponses et preuves (annulable). Refusé tant qu'un distributeur y est rattaché.",
    request: z.strictObject({ id, author }),
    response: z.strictObject({ deleted: DeleteCountsSchema, undoToken: UndoToken }),
  },
  'variant.delete': {
    from: ['page'],
    to: 'background',
    description: 'Supprimer une variante OS avec ses réponses et preuves propres (annulable).',
    request: z.strictObject({ id, author }),
    response: z.strictObject({ deleted: DeleteCountsSchema, undoToken: UndoToken }),
  },
  'company.get': {
    from: ['page'],
    to: 'background',
    description: 'Lire la fiche administrative (profil de l’entreprise).',
    request: z.strictObject({ id: id.optional() }),
    response: CompanyProfileSchema.nullable(),
  },
  'company.put': {
    from: ['page'],
    to: 'background',
    description: 'Enregistrer la fiche administrative.',
    request: z.strictObject({ company: CompanyProfileSchema.omit({ updatedAt: true }), author }),
    response: CompanyProfileSchema,
  },
  'criteria.learn': {
    from: ['page'],
    to: 'background',
    description: 'Ajouter ou compléter des critères du catalogue, lus sur une page.',
    request: z.strictObject({ criteria: z.array(CriterionInputSchema).max(2000), source: z.strictObject({ ref: text(2000) }), author }),
    response: z.strictObject({ counts: CountsSchema }),
  },
  'criteria.list': {
    from: ['page', 'content'],
    to: 'background',
    description: "Catalogue des critères appris (intitulé, obligation, niveaux acceptables, preuves attendues), d'un questionnaire ou de tous.",
    request: z.strictObject({ questionnaire: QuestionnaireIdSchema.optional() }),
    response: z.strictObject({ criteria: z.array(CriterionSchema) }),
  },
  'answers.saveCaptured': {
    from: ['page'],
    to: 'background',
    description: "Enregistrer des réponses capturées sur une page (ou saisies) pour un produit ; renvoie un jeton d'annulation.",
    request: z.strictObject({
      productId: id,
      variantId,
      answers: z.array(AnswerInputSchema).max(5000),
      source: z.strictObject({ kind: z.enum(['page', 'saisie']), ref: text(2000) }),
      author,
    }),
    response: z.strictObject({ counts: CountsSchema, undoToken: UndoToken }),
  },
  'answers.resolved': {
    from: ['page'],
    to: 'background',
    description: "Réponses en vigueur d'un produit ou d'une variante, avec leur provenance.",
    request: z.strictObject({ productId: id, variantId, questionnaire: QuestionnaireIdSchema.optional() }),
    response: z.strictObject({ answers: z.array(ResolvedAnswerSchema) }),
  },
  'answers.history': {
    from: ['page'],
    to: 'background',
    description: "Historique des modifications d'une réponse.",
    request: z.strictObject({ productId: id, variantId, questionnaire: QuestionnaireIdSchema, criterionId: CriterionIdSchema }),
    response: z.strictObject({
      entries: z.array(
        z.strictObject({ at: z.string(), author: z.string(), operation: z.string(), kind: z.string(), before: AnswerSchema.nullable(), after: AnswerSchema.nullable() }),
      ),
    }),
  },
  'readiness.get': {
    from: ['page'],
    to: 'background',
    description: "État de préparation d'un produit : constats et verdicts.",
    request: z.strictObject({ productId: id, variantId, today: IsoDateSchema.optional() }),
    response: ReadinessReportSchema,
  },
  'operations.undoLast': {
    from: ['page'],
    to: 'background',
    description: 'Annuler la dernière opération (import, capture, saisie).',
    request: z.strictObject({ author, undoToken: z.string().optional() }),
    response: z.strictObject({ undone: OperationSummarySchema, undoToken: UndoToken }),
  },
  'operations.list': {
    from: ['page'],
    to: 'background',
    description: "Dernières opérations du journal (la plus récente d'abord) et celle qu'« annuler la dernière opération » viserait.",
    request: z.strictObject({ limit: z.number().int().min(1).max(200).default(20) }),
    response: z.strictObject({
      operations: z.array(OperationSummarySchema.extend({ undone: z.boolean() })),
      nextUndo: OperationSummarySchema.nullable(),
    }),
  },
  'import.preview': {
    from: ['page'],
    to: 'background',
    description: "Aperçu d'un import (tableur ou JSON) : rien n'est écrit.",
    request: z.strictObject({
      fileName: text(300).min(1),
      contentBase64: z.string().max(14_500_000),
      target: z.strictObject({ productId: id, variantId }).optional(),
    }),
    response: ImportPreviewSummarySchema,
  },
  'import.commit': {
    from: ['page'],
    to: 'background',
    description: "Écrire un import prévisualisé, en une transaction ; renvoie un jeton d'annulation.",
    request: z.strictObject({ previewId: z.string().min(1).max(100), conflicts: z.enum(['garder', 'remplacer']).default('garder'), author }),
    response: z.strictObject({ criteria: CountsSchema, answers: CountsSchema, undoToken: UndoToken }),
  },
  'export.json': {
    from: ['page'],
    to: 'background',
    description: 'Exporter la bibliothèque (ou des produits) au format JSON.',
    request: z.strictObject({ productIds: z.array(id).max(1000).optional() }),
    response: z.strictObject({ fileName: z.string(), json: z.string() }),
  },
  'export.xlsx': {
    from: ['page'],
    to: 'background',
    description: "Exporter les réponses d'un produit au format Excel, avec l'état de préparation.",
    request: z.strictObject({ productId: id, variantId }),
    response: z.strictObject({ fileName: z.string(), contentBase64: z.string() }),
  },
  'panel.tab': {
    from: ['page'],
    to: 'background',
    description: "Le panneau (page de l'extension dans un cadre de la page Convergence) demande l'onglet qui le contient : c'est l'arrière-plan qui le sait, pas la page.",
    request: z.strictObject({}),
    response: z.strictObject({ tabId: z.number().int().nonnegative() }),
  },
  'panel.view': {
    from: ['page'],
    to: 'content',
    description: 'Ce que le script de contenu a lu de la page, pour le panneau : type de page et indices, produit affiché, résumé, ce qui n\'a pas pu être lu.',
    request: z.strictObject({}),
    response: PanelViewSchema,
  },
  'panel.changed': {
    from: ['content'],
    to: 'page',
    description: 'La page a changé (relecture faite) : le panneau de cet onglet redemande sa vue.',
    request: z.strictObject({}),
    response: z.strictObject({}),
  },
  'panel.capture': {
    from: ['page'],
    to: 'content',
    description: "Lire ce qu'il y a à enregistrer sur la page (réponses, critères, formulaire produit, fiche administrative). Le panneau le transmet à l'arrière-plan (« page.capture »), qui décide où l'écrire ; le script de contenu n'écrit rien.",
    request: z.strictObject({}),
    response: CapturedSchema,
  },
  'panel.fill': {
    from: ['page'],
    to: 'content',
    description: 'Remplir la page avec ce que le panneau a obtenu de l\'arrière-plan (« page.fillSource ») : geste de la personne dans le panneau.',
    request: z.strictObject({
      answers: z.array(AnswerSchema).max(5000),
      review: z.array(z.string().max(100)).max(5000),
      product: ProductSchema.optional(),
      company: CompanyProfileSchema.optional(),
      words: z.strictObject({ level: text(50), comment: text(50), specificite: text(50), review: text(100) }),
      overwrite: z.array(z.string().max(300)).max(5000).optional(),
      only: z.array(z.string().max(300)).max(5000).optional(),
    }),
    response: z.strictObject({ report: z.array(FillReportEntrySchema), explanation: FillExplanationSchema.nullable() }),
  },
  'panel.undo': {
    from: ['page'],
    to: 'content',
    description: 'Annuler le dernier remplissage de cette page (sauf les champs modifiés depuis).',
    request: z.strictObject({}),
    response: z.strictObject({ restored: z.number().int(), impossible: z.array(z.strictObject({ label: z.string(), reason: z.string() })), canUndo: z.boolean() }),
  },
  'panel.zones': {
    from: ['page'],
    to: 'content',
    description: 'Les zones de dépôt vides de la page (type de preuve attendu), pour proposer les preuves de la bibliothèque reliée.',
    request: z.strictObject({}),
    response: z.strictObject({ zones: z.array(text(300)) }),
  },
  'panel.attach': {
    from: ['page'],
    to: 'content',
    description: "Déposer un fichier de la bibliothèque dans une zone de dépôt, comme un glisser-déposer (geste de la personne dans le panneau).",
    request: z.strictObject({ zone: text(300), name: text(500).min(1), type: text(200), contentBase64: z.string().max(30_000_000) }),
    response: z.strictObject({ attached: z.boolean() }),
  },
  'panel.resize': {
    from: ['page'],
    to: 'content',
    description: 'La hauteur du panneau a changé : le cadre qui le contient suit.',
    request: z.strictObject({ height: z.number().int().min(0).max(5000) }),
    response: z.strictObject({}),
  },
  'guard.dialog': {
    from: ['page'],
    to: 'content',
    description: 'Ce que la fenêtre de la garde doit montrer : le bouton arrêté et chaque problème, déjà rédigés dans la langue de l\'interface.',
    request: z.strictObject({}),
    response: z
      .strictObject({
        buttonLabel: z.string().max(300),
        problems: z
          .array(z.strictObject({ ref: z.string().max(300).optional(), text: z.string().max(2000), detail: z.string().max(2000).optional(), action: z.string().max(2000) }))
          .max(2000),
      })
      .nullable(),
  },
  'guard.choice': {
    from: ['page'],
    to: 'content',
    description: "Le choix de la personne dans la fenêtre de la garde : corriger (aller au premier problème), valider quand même (le clic arrêté passe, une fois), fermer.",
    request: z.strictObject({ choice: z.enum(['corriger', 'forcer', 'fermer']) }),
    response: z.strictObject({}),
  },
  'page.identity': {
    from: ['content'],
    to: 'background',
    description: "Le produit retenu pour la page de l'onglet émetteur (lu, page précédente, choix), sans rien d'autre de la bibliothèque : la garde en fait la clé des statuts mémorisés.",
    request: z.strictObject({ pageProduct: PageProductSchema.nullable() }),
    response: z.strictObject({ from: z.enum(['page', 'precedente', 'choix', 'aucune']), product: PageProductSchema.nullable() }),
  },
  'page.identify': {
    from: ['background', 'page'],
    to: 'content',
    description: 'Demander au script de contenu quelle page Convergence est affichée (fenêtre de l\'icône).',
    request: z.strictObject({}),
    response: z.strictObject({
      recognised: z.boolean(),
      kind: z.enum(PAGE_KINDS).nullable(),
      /** Libellé français du type de page, ou « Page non reconnue ». */
      label: z.string().max(300),
      /** Ce qui a convaincu le détecteur, ou pourquoi la page n'est pas reconnue. */
      explanation: z.string().max(2000),
      title: z.string().max(2000),
      /** Le produit retenu (« Produit - v0.1 - 3100 ») et d'où il vient (lu, page précédente de l'onglet, choix). */
      product: PageProductSchema.nullable(),
      productFrom: z.enum(['page', 'precedente', 'choix', 'aucune']),
      /** Résumé de ce qui a été lu : critères, obligatoires, à risque ; ou champs ; ou zones de dépôt. */
      summary: z.discriminatedUnion('type', [
        z.strictObject({ type: z.literal('criteria'), read: z.number(), mandatory: z.number(), atRisk: z.array(z.string()) }),
        z.strictObject({ type: z.literal('fields'), read: z.number(), required: z.number(), empty: z.array(z.string()) }),
        z.strictObject({ type: z.literal('zones'), read: z.number(), empty: z.array(z.string()) }),
        z.strictObject({ type: z.literal('nothing') }),
      ]),
    }),
  },
  'backup.create': {
    from: ['page'],
    to: 'background',
    description:
      "Sauvegarde complète (docs/formats.md § 4) : l'en-tête du fichier (données, journal, index des contenus, empreinte SHA-256 du contenu) ; la page demande ensuite chaque contenu de preuve (backup.blob) et assemble le fichier.",
    request: z.strictObject({}),
    response: z.strictObject({
      fileName: z.string(),
      /** Début du fichier, jusqu'à `"blobs":[` ; puis un élément par contenu, puis `tail`. */
      head: z.string(),
      tail: z.string(),
      blobs: z.array(z.strictObject({ sha256: z.string(), size: z.number().int().nonnegative(), type: z.string() })),
      counts: z.record(z.string(), z.number()),
    }),
  },
  'backup.blob': {
    from: ['page'],
    to: 'background',
    description: 'Un contenu de preuve (base64) pour la sauvegarde complète, vérifié contre son empreinte avant envoi.',
    request: z.strictObject({ sha256: z.string().regex(/^[0-9a-f]{64}$/) }),
    response: z.strictObject({ contentBase64: z.string() }),
  },
  'backup.restore.begin': {
    from: ['page'],
    to: 'background',
    description:
      "Début d'une restauration ou de son aperçu : l'en-tête de la sauvegarde (sans les contenus) est vérifié en entier (format, empreinte, schémas, cohérence) et comparé à la base. Rien n'est écrit.",
    request: z.strictObject({
      fileName: text(300).min(1),
      /** L'en-tête en texte JSON (openBackupFile dans lib/exchange/backup.ts). */
      manifest: z.string().max(60_000_000),
      purpose: z.enum(['apercu', 'restauration']).default('apercu'),
    }),
    response: (() => {
      const n = z.number().int().nonnegative();
      const counts = z.strictObject({ backup: n, added: n, replaced: n, identical: n, removed: n });
      return z.strictObject({
        sessionId: z.string(),
        expectedBlobs: n,
        preview: z.strictObject({
          fileName: z.string(),
          createdAt: z.string(),
          tables: z.strictObject({ products: counts, variants: counts, companies: counts, criteria: counts, answers: counts, files: counts }),
          operations: n,
          blobs: n,
          blobBytes: n,
          productNames: z.strictObject({ added: z.array(z.string()), replaced: z.array(z.string()), removed: z.array(z.string()) }),
          packages: z.strictObject({ backup: n, current: n }),
          sharing: n.nullable(),
        }),
      });
    })(),
  },
  'backup.restore.blob': {
    from: ['page'],
    to: 'background',
    description: "Un contenu de preuve de la sauvegarde, vérifié (taille, SHA-256) à réception ; un contenu refusé arrête la restauration, rien n'est écrit.",
    request: z.strictObject({ sessionId: z.string().min(1).max(100), sha256: z.string().max(64), contentBase64: z.string().max(40_000_000) }),
    response: z.strictObject({ remaining: z.number().int().nonnegative() }),
  },
  'backup.restore.commit': {
    from: ['page'],
    to: 'background',
    description:
      "Restaurer la sauvegarde vérifiée : toute la bibliothèque est remplacée en une transaction (tout ou rien). L'annulation ne remonte pas au-delà de la restauration.",
    request: z.strictObject({ sessionId: z.string().min(1).max(100), author }),
    response: z.strictObject({ operation: OperationSummarySchema }),
  },
  'backup.restore.cancel': {
    from: ['page'],
    to: 'background',
    description: "Abandonner une restauration ou un aperçu en cours (rien n'a été écrit).",
    request: z.strictObject({ sessionId: z.string().min(1).max(100) }),
    response: z.strictObject({}),
  },
  'operations.reach': {
    from: ['page'],
    to: 'background',
    description: "Jusqu'où « Annuler la dernière opération » remonte (nombre d'opérations, date de la plus ancienne) et ce que le journal garde (bornes).",
    request: z.strictObject({}),
    response: z.strictObject({
      operations: z.number().int().nonnegative(),
      since: z.string().nullable(),
      stoppedByRestore: z.string().nullable(),
      journalOperations: z.number().int().nonnegative(),
      journalBlobBytes: z.number().int().nonnegative(),
      limits: z.strictObject({ maxOperations: z.number().int(), maxJournalBlobBytes: z.number().int() }),
    }),
  },
  ...PACKAGE_MESSAGES,
  ...REFERENTIAL_MESSAGES,
  ...JOURNEY_MESSAGES,
  ...COMPARE_MESSAGES,
  ...ANSWER_EDIT_MESSAGES,
} as const satisfies Record<string, MessageDef>;

export type MessageType = keyof typeof PROTOCOL;
/** Messages traités par l'arrière-plan. */
export type BackgroundMessageType = { [T in MessageType]: (typeof PROTOCOL)[T]['to'] extends 'background' ? T : never }[MessageType];
/** Messages traités par le script de contenu d'un onglet Convergence. */
export type ContentMessageType = { [T in MessageType]: (typeof PROTOCOL)[T]['to'] extends 'content' ? T : never }[MessageType];
export type RequestOf<T extends MessageType> = z.input<(typeof PROTOCOL)[T]['request']>;
export type ParsedRequestOf<T extends MessageType> = z.output<(typeof PROTOCOL)[T]['request']>;
export type ResponseOf<T extends MessageType> = z.output<(typeof PROTOCOL)[T]['response']>;

export interface Message<T extends MessageType = MessageType> {
  type: T;
  payload: RequestOf<T>;
}

/** refused : le message n'est pas permis à cet émetteur (l'arrière-plan le note dans sa console). */
export type Reply<T extends MessageType = MessageType> = { ok: true; data: ResponseOf<T> } | { ok: false; error: string; refused?: true };

export const MessageEnvelopeSchema = z.strictObject({ type: z.string().max(100), payload: z.unknown() });

export function isMessageType(t: string): t is MessageType {
  return Object.prototype.hasOwnProperty.call(PROTOCOL, t);
}
