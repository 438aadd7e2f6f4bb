/**
 * Schémas zod du parcours (lib/rules/journey.ts) : les observations gardées par l'arrière-plan sont relues avec
 * eux (une valeur abîmée est ignorée, jamais crue), et le protocole de messages valide les réponses avec eux.
 */
import { z } from 'zod';
import { IsoDateTimeSchema, QuestionnaireIdSchema, text } from '../domain/schemas';
import type { Journey, JourneyObservations, SeenStatus } from './journey';

const count = z.number().int().nonnegative();

export const SeenStatusSchema = z.strictObject({
  status: text(300),
  at: IsoDateTimeSchema,
  done: z.boolean(),
  applicable: z.boolean(),
  count: z.strictObject({ done: count, total: count }).optional(),
}) satisfies z.ZodType<SeenStatus>;

export const JourneyObservationsSchema = z.strictObject({
  fiche: SeenStatusSchema.optional(),
  convention: SeenStatusSchema.optional(),
  dossier: SeenStatusSchema.optional(),
  candidature: SeenStatusSchema.optional(),
  questionnaires: z.partialRecord(QuestionnaireIdSchema, SeenStatusSchema).optional(),
}) satisfies z.ZodType<JourneyObservations>;

const StepIdSchema = z.union([z.enum(['fiche-administrative', 'convention', 'dossier', 'candidature']), QuestionnaireIdSchema]);

export const JourneySchema = z.strictObject({
  steps: z.array(
    z.strictObject({
      id: StepIdSchema,
      kind: z.enum(['fiche-administrative', 'convention', 'questionnaire', 'dossier', 'candidature']),
      questionnaire: QuestionnaireIdSchema.optional(),
      seen: SeenStatusSchema.nullable(),
      readiness: z
        .strictObject({
          answered: count,
          total: count,
          complete: z.boolean(),
          atteint: z.boolean(),
          blockers: count,
          belowMinimum: count,
          unanswered: count,
          missingEvidence: count,
        })
        .optional(),
    }),
  ),
  nextStepId: StepIdSchema.nullable(),
  next: z.discriminatedUnion('code', [
    z.strictObject({ code: z.literal('ouvrir-convergence') }),
    z.strictObject({ code: z.literal('fiche') }),
    z.strictObject({ code: z.literal('convention-attente'), status: text(300) }),
    z.strictObject({
      code: z.literal('completer'),
      questionnaire: QuestionnaireIdSchema,
      belowMinimum: count,
      unanswered: count,
      missingEvidence: count,
      answered: count,
      total: count,
    }),
    z.strictObject({ code: z.literal('valider'), questionnaire: QuestionnaireIdSchema }),
    z.strictObject({ code: z.literal('dossier') }),
    z.strictObject({ code: z.literal('candidater') }),
    z.strictObject({ code: z.literal('termine') }),
  ]),
  lastSeenAt: IsoDateTimeSchema.nullable(),
}) satisfies z.ZodType<Journey>;
