/**
 * Prédicats purs d'un critère, partagés par les règles des réponses enregistrées (criterion-rules.ts) et par
 * l'évaluation d'un critère lu sur la page (lib/page/guard/criterion.ts) : une seule définition de
 * « obligatoire », « sous le minimum » et « une preuve par type attendu ».
 */
import { isLevelAcceptable, type Level } from '../domain/levels';
import type { Criterion, Obligation } from '../domain/schemas';

/** Ce qu'il faut savoir d'un critère pour décider s'il est obligatoire. */
interface NatureFacts {
  /** Nature lue (page, fichier) ; null : inconnue. */
  obligation: Obligation | null;
  kind: string;
  acceptableLevels: readonly Level[];
}

/**
 * Obligatoire si la nature lue le dit. Inconnue, on reste prudent : un critère de conformité (Éthique) l'est,
 * un critère à niveaux l'est s'il a des niveaux acceptables (un minimum n'existe que pour une obligation).
 */
export function isMandatory(c: NatureFacts): boolean {
  if (c.obligation) return c.obligation === 'obligation';
  return c.kind === 'conformite' || c.acceptableLevels.length > 0;
}

/** Niveau refusé : critère obligatoire et niveau hors des niveaux acceptables (sans minimum, tout niveau l'est). */
export function isBelowMinimum(c: NatureFacts, level: Level): boolean {
  return isMandatory(c) && !isLevelAcceptable(level, c.acceptableLevels);
}

/**
 * « Conforme » exige au moins un fichier par type de preuve attendu : les types non couverts.
 * Un fichier sans type connu (import) couvre un type manquant.
 */
export function uncoveredEvidence<T>(expected: readonly T[], covered: (type: T) => boolean, untypedFiles = 0): T[] {
  return expected.filter((t) => !covered(t)).slice(untypedFiles);
}

/** La nature d'un critère du catalogue : « option » par défaut n'est pas une nature lue (obligationKnown). */
export function natureOf(c: Pick<Criterion, 'obligation' | 'obligationKnown' | 'kind' | 'acceptableLevels'>): NatureFacts {
  return { obligation: c.obligationKnown === false ? null : c.obligation, kind: c.kind, acceptableLevels: c.acceptableLevels };
}
