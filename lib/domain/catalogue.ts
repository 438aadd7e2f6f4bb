/** Le catalogue des critères : ce que pages et fichiers en apprennent, fusionné sans rien perdre de ce qu'on savait. */
import { sortLevels } from './levels';
import { LEVEL_QUESTIONNAIRES } from './questionnaires';
import type { QuestionnaireId } from './questionnaires';
import { criterionKey } from './schemas';
import type { Criterion, CriterionInput, CriterionKind, Provenance } from './schemas';

export function defaultKind(q: QuestionnaireId): CriterionKind {
  if (LEVEL_QUESTIONNAIRES.includes(q)) return 'niveau';
  if (q === 'ethique') return 'conformite';
  if (q === 'rgpd' || q === 'securite-echanges') return 'preuves';
  if (q === 'orientation') return 'choix-unique';
  return 'texte';
}

/** Fusionne un savoir neuf dans une entrée du catalogue : un champ connu l'emporte sur un vide, jamais l'inverse (une page partielle n'efface rien). */
export function mergeCriterion(existing: Criterion | undefined, input: CriterionInput, source: Provenance): Criterion {
  const pick = <T>(v: T | undefined, old: T | undefined, fallback: T): T => (v !== undefined ? v : old !== undefined ? old : fallback);
  const nonBlank = (v: string | undefined) => (v !== undefined && v.trim() !== '' ? v.trim() : undefined);
  const out: Criterion = {
    key: criterionKey(input.questionnaire, input.id),
    questionnaire: input.questionnaire,
    id: input.id,
    title: pick(nonBlank(input.title), existing?.title, ''),
    kind: pick(input.kind, existing?.kind, defaultKind(input.questionnaire)),
    obligation: pick(input.obligation, existing?.obligation, 'option'),
    acceptableLevels: sortLevels(pick(input.acceptableLevels, existing?.acceptableLevels, [])),
    expectedEvidence: pick(input.expectedEvidence?.length ? input.expectedEvidence : undefined, existing?.expectedEvidence, []),
    source: existing && sameKnowledge(existing, input) ? existing.source : source,
    updatedAt: existing && sameKnowledge(existing, input) ? existing.updatedAt : source.at,
  };
  const section = pick(nonBlank(input.section), existing?.section, undefined);
  if (section !== undefined) out.section = section;
  const scale = pick(input.scale, existing?.scale, out.kind === 'niveau' ? 'niveau' : undefined);
  if (scale !== undefined) out.scale = scale;
  const options = pick(input.options?.length ? input.options : undefined, existing?.options, undefined);
  if (options !== undefined) out.options = options;
  const cond = pick(nonBlank(input.displayCondition), existing?.displayCondition, undefined);
  if (cond !== undefined) out.displayCondition = cond;
  const obj = pick(nonBlank(input.objective), existing?.objective, undefined);
  if (obj !== undefined) out.objective = obj;
  // La nature n'est « connue » que si une page ou un fichier l'a donnée (ou des niveaux acceptables l'impliquent).
  if (input.obligation === undefined && existing?.obligation === undefined) out.obligationKnown = false;
  else if (input.obligation === undefined && existing?.obligationKnown === false) out.obligationKnown = false;
  return out;
}

function sameKnowledge(c: Criterion, input: CriterionInput): boolean {
  const merged = { ...c };
  const eq = (a: unknown, b: unknown) => b === undefined || JSON.stringify(a) === JSON.stringify(b);
  return (
    eq(merged.title, input.title?.trim() || undefined) &&
    eq(merged.kind, input.kind) &&
    eq(merged.obligation, input.obligation) &&
    eq(merged.acceptableLevels, input.acceptableLevels ? sortLevels(input.acceptableLevels) : undefined) &&
    eq(merged.expectedEvidence, input.expectedEvidence?.length ? input.expectedEvidence : undefined) &&
    eq(merged.section, input.section?.trim() || undefined) &&
    eq(merged.scale, input.scale) &&
    eq(merged.options, input.options?.length ? input.options : undefined) &&
    eq(merged.displayCondition, input.displayCondition?.trim() || undefined) &&
    eq(merged.objective, input.objective?.trim() || undefined)
  );
}
