/**
 * Remplir une bibliothèque de test sans message : aucun code de l'extension n'envoie « enregistrer des réponses » ni
 * « apprendre des critères » (une page passe par « page.capture », le gestionnaire par « answers.edit » ou un import).
 * Ces aides appellent donc directement le dépôt, avec la validation zod et la provenance « saisie » d'autrefois.
 */
import { z } from 'zod';
import type { Repository } from '../../../lib/db/repository';
import { AnswerInputSchema, CriterionInputSchema } from '../../../lib/domain/schemas';

interface SeedOptions {
  variantId?: string;
  /** 'page' : comme une capture (opération « capture ») ; 'saisie' par défaut. */
  kind?: 'page' | 'saisie';
  author?: string;
  ref?: string;
  /** Date de la provenance : celle de l'horloge du test (comme l'arrière-plan le faisait). */
  at?: string;
}

/** Enregistre des réponses (une opération du journal, annulable) ; rend les nombres et le jeton d'annulation. */
export async function seedAnswers(repo: Repository, productId: string, answers: unknown[], o: SeedOptions = {}) {
  const ref = o.ref ?? 'test';
  const page = o.kind === 'page';
  const r = await repo.saveAnswers(productId, o.variantId ?? '', z.array(AnswerInputSchema).parse(answers), { kind: page ? 'page' : 'saisie', ref, at: o.at ?? new Date().toISOString() }, {
    kind: page ? 'capture' : 'saisie',
    label: page ? `Capture depuis « ${ref} »` : `Saisie (${ref})`,
    author: o.author ?? 't',
  });
  return { counts: r.result, undoToken: r.opId };
}

/** Apprend des critères comme lus sur une page (une opération du journal). */
export async function seedCriteria(repo: Repository, criteria: unknown[], o: Omit<SeedOptions, 'variantId'> = {}) {
  const r = await repo.learnCriteria(z.array(CriterionInputSchema).parse(criteria), { kind: 'page', ref: o.ref ?? 'page', at: o.at ?? new Date().toISOString() }, o.author ?? 't');
  return { counts: r.result };
}
