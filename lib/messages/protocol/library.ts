/**
 * La bibliothèque, pour les pages de l'extension : produits et variantes, preuves, fiche administrative, catalogue
 * des critères, réponses en vigueur et leur historique, préparation, journal des opérations.
 */
import { z } from 'zod';
import { FINDING_TEXT_KEYS } from '../../rules/types';
import { AnswerSchema, CompanyProfileSchema, CriterionIdSchema, CriterionSchema, EvidenceFileMetaSchema, IsoDateSchema, ProductSchema, QuestionnaireIdSchema, VariantSchema, text, ProductInputSchema, VariantInputSchema } from '../../domain/schemas';
import { id, author, variantId, UndoToken, OperationSummarySchema, type MessageSchemas, ScopeRequestSchema } from './common';

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

const DeleteCountsSchema = z.strictObject({ variants: z.number().int(), answers: z.number().int(), files: z.number().int() });

export const ProductEntrySchema = z.strictObject({ product: ProductSchema, variants: z.array(VariantSchema), displayNames: z.record(z.string(), z.string()) });

export const LIBRARY_MESSAGES = {
  'products.list': {
    description: 'Lister les produits (familles) et leurs variantes OS.',
    request: z.strictObject({}),
    response: z.strictObject({
      products: z.array(ProductEntrySchema),
    }),
  },
  'evidence.list': {
    description: 'Preuves (fichiers) d\'une famille ou d\'une variante. Jamais celles d\'un producteur pour un distributeur.',
    request: ScopeRequestSchema,
    response: z.strictObject({ files: z.array(EvidenceFileMetaSchema) }),
  },
  'evidence.add': {
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
    description: 'Créer un produit (formulaire « Ajouter un nouveau produit »).',
    request: z.strictObject({ product: ProductInputSchema, author }),
    response: ProductSchema,
  },
  'product.update': {
    description: 'Modifier un produit.',
    request: z.strictObject({ id, patch: ProductPatchSchema, author }),
    response: ProductSchema,
  },
  'variant.create': {
    description: "Créer une variante OS d'un produit ([Nom] [OS] [Appareil]).",
    request: z.strictObject({ variant: VariantInputSchema, author }),
    response: VariantSchema,
  },
  'variant.update': {
    description: 'Modifier une variante.',
    request: z.strictObject({ id, patch: VariantPatchSchema, author }),
    response: VariantSchema,
  },
  'product.delete': {
    description: "Supprimer un produit avec ses variantes, réponses et preuves (annulable). Refusé tant qu'un distributeur y est rattaché.",
    request: z.strictObject({ id, author }),
    response: z.strictObject({ deleted: DeleteCountsSchema, undoToken: UndoToken }),
  },
  'variant.delete': {
    description: 'Supprimer une variante OS avec ses réponses et preuves propres (annulable).',
    request: z.strictObject({ id, author }),
    response: z.strictObject({ deleted: DeleteCountsSchema, undoToken: UndoToken }),
  },
  'company.get': {
    description: 'Lire la fiche administrative (profil de l’entreprise).',
    request: z.strictObject({ id: id.optional() }),
    response: CompanyProfileSchema.nullable(),
  },
  'company.put': {
    description: 'Enregistrer la fiche administrative.',
    request: z.strictObject({ company: CompanyProfileSchema.omit({ updatedAt: true }), author }),
    response: CompanyProfileSchema,
  },
  'criteria.list': {
    description: "Catalogue des critères appris (intitulé, obligation, niveaux acceptables, preuves attendues), d'un questionnaire ou de tous.",
    request: z.strictObject({ questionnaire: QuestionnaireIdSchema.optional() }),
    response: z.strictObject({ criteria: z.array(CriterionSchema) }),
  },
  'answers.resolved': {
    description: "Réponses en vigueur d'un produit ou d'une variante, avec leur provenance.",
    request: z.strictObject({ productId: id, variantId, questionnaire: QuestionnaireIdSchema.optional() }),
    response: z.strictObject({ answers: z.array(ResolvedAnswerSchema) }),
  },
  'answers.history': {
    description: "Historique des modifications d'une réponse.",
    request: z.strictObject({ productId: id, variantId, questionnaire: QuestionnaireIdSchema, criterionId: CriterionIdSchema }),
    response: z.strictObject({
      entries: z.array(
        z.strictObject({ at: z.string(), author: z.string(), operation: z.string(), kind: z.string(), before: AnswerSchema.nullable(), after: AnswerSchema.nullable() }),
      ),
    }),
  },
  'readiness.get': {
    description: "État de préparation d'un produit : constats et verdicts.",
    request: z.strictObject({ productId: id, variantId, today: IsoDateSchema.optional() }),
    response: ReadinessReportSchema,
  },
  'operations.undoLast': {
    description: 'Annuler la dernière opération (import, capture, saisie).',
    request: z.strictObject({ author, undoToken: z.string().optional() }),
    response: z.strictObject({ undone: OperationSummarySchema, undoToken: UndoToken }),
  },
  'operations.list': {
    description: "Dernières opérations du journal (la plus récente d'abord) et celle qu'« annuler la dernière opération » viserait.",
    request: z.strictObject({ limit: z.number().int().min(1).max(200).default(20) }),
    response: z.strictObject({
      operations: z.array(OperationSummarySchema.extend({ undone: z.boolean() })),
      nextUndo: OperationSummarySchema.nullable(),
    }),
  },
  'operations.reach': {
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
} as const satisfies Record<string, MessageSchemas>;
