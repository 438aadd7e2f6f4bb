/**
 * Le parcours vu sur Convergence et les profils d'entreprise (issue 11 § 4) ; le script de contenu y envoie
 * l'avancement affiché.
 */
import { z } from 'zod';
import { JourneySchema } from '../../rules/journey-schema';
import { CompanyProfileSchema, ScopeSchema, text } from '../../domain/schemas';
import { PageProductSchema } from '../../domain/schemas';
import { type MessageSchemas, ScopeRequestSchema } from './common';

const JourneyShownStepSchema = z.strictObject({ status: text(300).min(1), done: z.boolean() });

export const JOURNEY_MESSAGES = {
  'journey.get': {
    description:
      "Le parcours d'une famille ou d'une variante : chaque étape avec le statut vu sur Convergence et sa date (ou « pas encore vu »), la préparation de la bibliothèque par questionnaire, et la prochaine étape.",
    request: ScopeRequestSchema,
    response: JourneySchema,
  },
  'journey.forPage': {
    description:
      "Le parcours du produit affiché dans un onglet (fenêtre de l'icône) : celui du produit de la bibliothèque relié à son n° Convergence, sinon ce qui a été vu sous ce n°, sans préparation.",
    request: z.strictObject({ pageProduct: PageProductSchema }),
    response: z.strictObject({ scope: ScopeSchema.nullable(), journey: JourneySchema }),
  },
  'page.journey.seen': {
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
    description: "Les profils d'entreprise (fiches administratives) de la bibliothèque, par dénomination ; chaque produit peut désigner le sien (pour le compte d'un tiers).",
    request: z.strictObject({}),
    response: z.strictObject({ companies: z.array(CompanyProfileSchema) }),
  },
} as const satisfies Record<string, MessageSchemas>;
