/**
 * La comparaison des variantes (issue 11 § 2) : pages de l'extension seulement.
 */
import { z } from 'zod';
import { AnswerValueSchema, QuestionnaireIdSchema, text } from '../../domain/schemas';
import { id, author, UndoToken, type MessageSchemas } from './common';

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

export const COMPARE_MESSAGES = {
  'compare.questionnaires': {
    description: "Les questionnaires qui ont au moins une réponse dans la famille, ses variantes ou le producteur d'un distributeur.",
    request: z.strictObject({ productId: id }),
    response: z.strictObject({ questionnaires: z.array(QuestionnaireIdSchema) }),
  },
  'compare.get': {
    description:
      "Comparer un questionnaire entre une famille et ses variantes (et le producteur d'un distributeur) : une ligne par critère, une colonne par produit, réponses en vigueur, héritées ou propres, écarts.",
    request: z.strictObject({ productId: id, questionnaire: QuestionnaireIdSchema }),
    response: CompareMatrixSchema,
  },
  'compare.align': {
    description: "« Aligner sur la famille » : retirer la réponse propre d'une variante pour un critère (opération du journal, annulable).",
    request: z.strictObject({ productId: id, variantId: id, criterionKey: CompareCriterionKey, author }),
    response: z.strictObject({ undoToken: UndoToken }),
  },
  'compare.keep': {
    description: "« Garder pour cette variante » : marquer un écart comme voulu (keep = false retire la marque).",
    request: z.strictObject({ productId: id, variantId: text(100), criterionKey: CompareCriterionKey, questionnaire: QuestionnaireIdSchema, keep: z.boolean() }),
    response: z.strictObject({ kept: z.boolean() }),
  },
  'compare.xlsx': {
    description: 'La comparaison en Excel (une feuille par questionnaire, ou celle du questionnaire choisi) ; le fichier revient en base64.',
    request: z.strictObject({ productId: id, questionnaire: QuestionnaireIdSchema.optional() }),
    response: z.strictObject({ fileName: z.string(), contentBase64: z.string() }),
  },
} as const satisfies Record<string, MessageSchemas>;
