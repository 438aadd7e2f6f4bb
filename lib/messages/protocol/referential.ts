/**
 * Les critères modifiés par Convergence (issue 11 § 3).
 */
import { z } from 'zod';
import { AnswerValueSchema, CriterionSnapshotSchema, ReferentialChangeSchema, ScopeSchema, IsoDateTimeSchema, LevelSchema, QuestionnaireIdSchema, text, CriterionInputSchema } from '../../domain/schemas';
import { id, author, variantId, type MessageSchemas, ScopeRequestSchema } from './common';

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

export const REFERENTIAL_MESSAGES = {
  'referential.changes': {
    description: "Les critères modifiés par Convergence depuis les réponses d'un produit ou d'une variante : ancien et nouveau (intitulé, minimum, nature, niveaux, preuves), date et source.",
    request: ScopeRequestSchema,
    response: z.strictObject({ items: z.array(ReferentialChangeItemSchema) }),
  },
  'referential.confirm': {
    description: "« J'ai revu » : les réponses de ces critères ne sont plus à revoir jusqu'au prochain changement (une opération journalisée, annulable).",
    request: z.strictObject({ productId: id, variantId, keys: z.array(text(100).min(1)).min(1).max(5000), author }),
    response: z.strictObject({ confirmed: z.number().int() }),
  },
  'referential.page': {
    description:
      "Les critères qu'une page montre différents de ce que le catalogue sait, ou changés depuis les réponses de la portée indiquée (le panneau : « N critère(s) modifié(s) depuis vos réponses »). Rien n'est écrit.",
    request: z.strictObject({ criteria: z.array(CriterionInputSchema).max(2000), scope: ScopeSchema.nullable() }),
    response: z.strictObject({ items: z.array(ReferentialChangeItemSchema) }),
  },
} as const satisfies Record<string, MessageSchemas>;
