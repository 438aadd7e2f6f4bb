/**
 * Un lot d'écritures appliqué en une transaction (Repository.applyChangeSet) et ses décomptes.
 * Ici et non dans lib/exchange : l'aperçu d'import le prépare, la base l'écrit, et lib/db n'importe pas lib/exchange.
 */
import type { Answer, AnswerInput, CompanyProfile, Criterion, CriterionInput, Product, Provenance, Variant } from '../domain/schemas';
import type { WriteOutcome } from './writer';

/** Décomptes d'un enregistrement, dans le vocabulaire des écritures (Writer.write). */
export type SaveCounts = Record<WriteOutcome, number>;

export const emptySaveCounts = (): SaveCounts => ({ created: 0, changed: 0, unchanged: 0 });

/** Un lot d'écritures appliqué en une transaction (validation d'un import, import d'une bibliothèque). */
export interface ChangeSet {
  criteria?: { input: CriterionInput; source: Provenance }[];
  products?: Product[];
  variants?: Variant[];
  companies?: CompanyProfile[];
  answers?: { productId: string; variantId: string; input: AnswerInput; provenance: Provenance; expectedUpdatedAt?: string | null }[];
  /** Critères et réponses écrits tels quels (import d'une bibliothèque JSON : sans perte). */
  rawCriteria?: Criterion[];
  rawAnswers?: (Answer & { expectedUpdatedAt?: string | null })[];
}
