/**
 * Modifier les réponses dans le gestionnaire (issue 11 § 1) : pages de l'extension seulement.
 */
import { z } from 'zod';
import { AnswerSchema, AnswerValueSchema, CriterionIdSchema, IsoDateSchema, QuestionnaireIdSchema, text } from '../../domain/schemas';
import { id, author, variantId, UndoToken, type MessageSchemas, ScopeRequestSchema } from './common';

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
export const ANSWER_EDIT_MESSAGES = {
  'answers.editContext': {
    description: "Ce que l'éditeur des réponses doit savoir d'une portée : lecture seule (paquet producteur) et pourquoi, commentaires marqués « confidentiel », « Sans réponse » permis.",
    request: ScopeRequestSchema,
    response: z.strictObject({ readOnly: z.boolean(), reason: z.string(), confidential: z.array(z.string()), allowEmpty: z.boolean() }),
  },
  'answers.edit': {
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
} as const satisfies Record<string, MessageSchemas>;
