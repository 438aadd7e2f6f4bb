/** Jugement de ce que contient un fichier déjà lu (bibliothèque JSON ou tableur) : chargé à la demande par check.ts. */
import { basename } from 'node:path';
import { mergeCriterion } from '../domain/catalogue';
import type { CriterionInput } from '../domain/schemas';
import { compareCriterion, snapshotOf, snapshotOfInput } from '../domain/referential';
import type { ReferentialAspect } from '../domain/referential';
import type { CriterionSnapshot } from '../domain/schemas';
import { UserError } from '../domain/errors';
import { EVALUATION_QUESTIONNAIRES } from '../domain/questionnaires';
import type { QuestionnaireId } from '../domain/questionnaires';
import { resolveAnswers } from '../domain/resolve';
import type { Criterion } from '../domain/schemas';
import { displaySafe } from '../domain/text';
import { kindOfValue } from '../domain/values';
import type { Library } from '../exchange/json-format';
import type { ParsedWorkbook } from '../exchange/sheet-parse';
import { answerFacts } from '../rules/product-readiness';
import { assessReadiness } from '../rules/readiness';
import type { AnswerFacts, ReadinessReport } from '../rules/types';

/** Le jugement d'un produit du fichier (défini ici, pas dans check.ts : les imports vont de check.ts vers ce module). */
export interface CheckedProduct {
  productId: string;
  name: string;
  criteria: number;
  report: ReadinessReport;
}

const FILE_QUESTIONNAIRES: QuestionnaireId[] = ['orientation', ...EVALUATION_QUESTIONNAIRES];

export function checkWorkbook(parsed: ParsedWorkbook, today: string): CheckedProduct {
  const at = `${today}T00:00:00.000Z`;
  const criteria = parsed.rows.map((r) => mergeCriterion(undefined, r.criterion, { kind: 'import', ref: parsed.fileName, at }));
  const answers: AnswerFacts[] = parsed.rows
    .filter((r) => r.answer)
    .map((r) => ({
      criterionKey: `${r.questionnaire}/${r.criterion.id}`,
      value: r.answer?.value ?? null,
      evidence: r.answer?.evidence ?? [],
      validUntil: r.answer?.validUntil,
      evidenceStated: r.evidenceStated,
    }));
  const report = assessReadiness({ criteria, answers, applicableQuestionnaires: FILE_QUESTIONNAIRES, today, mode: 'fichier' });
  const name = parsed.productSheet?.['Nom du produit'] || basename(parsed.fileName);
  return { productId: parsed.productSheet?.['Identifiant'] ?? '', name, criteria: criteria.length, report };
}

export function checkLibrary(lib: Library, today: string, productId?: string): CheckedProduct[] {
  const products = productId ? lib.products.filter((p) => p.id === productId) : lib.products;
  if (productId && products.length === 0) throw new UserError(`Produit « ${displaySafe(productId, 100)} » absent du fichier.`);
  const catalogue = new Map(lib.criteria.map((c) => [c.key, c]));
  return products.map((product) => {
    const producerAnswers = product.role.kind === 'distributeur' ? lib.answers.filter((a) => a.productId === (product.role as { producerProductId: string }).producerProductId) : undefined;
    const resolved = resolveAnswers({ product, variantId: '', answers: lib.answers.filter((a) => a.productId === product.id), criteria: catalogue, ...(producerAnswers ? { producerAnswers } : {}) });
    const excluded = new Set(product.excludedCriteria);
    const criteria: Criterion[] = lib.criteria.filter((c) => !excluded.has(c.key));
    // Le fichier ne décrit pas ce critère : la réponse est jugée sur ce qu'elle dit elle-même, plutôt que pas du tout.
    for (const r of resolved) {
      if (catalogue.has(r.criterionKey) || excluded.has(r.criterionKey) || !r.answer.value) continue;
      criteria.push(
        mergeCriterion(undefined, { questionnaire: r.answer.questionnaire, id: r.answer.criterionId, kind: kindOfValue(r.answer.value) }, r.answer.provenance),
      );
    }
    const report = assessReadiness({
      criteria,
      answers: resolved.map(answerFacts),
      applicableQuestionnaires: product.applicableQuestionnaires ?? FILE_QUESTIONNAIRES,
      today,
      mode: 'fichier',
    });
    return { productId: product.id, name: product.name, criteria: criteria.length, report };
  });
}

/** Un critère que le fichier montre autrement que le catalogue de la bibliothèque (issue 11 § 3). */
export interface CatalogueDiff {
  questionnaire: QuestionnaireId;
  id: string;
  aspects: ReferentialAspect[];
  /** Ce que dit la bibliothèque, puis le fichier. */
  library: CriterionSnapshot;
  file: CriterionSnapshot;
}

/** Les critères du fichier comparés au catalogue d'une bibliothèque : mêmes règles que l'extension (lib/domain/referential.ts). */
export function compareWithCatalogue(catalogue: readonly Criterion[], shown: readonly CriterionInput[]): CatalogueDiff[] {
  const known = new Map(catalogue.map((c) => [c.key, c]));
  const out: CatalogueDiff[] = [];
  for (const input of shown) {
    const c = known.get(`${input.questionnaire}/${input.id}`);
    if (!c) continue;
    const aspects = compareCriterion(c, input);
    if (aspects.length) out.push({ questionnaire: input.questionnaire, id: input.id, aspects, library: snapshotOf(c), file: snapshotOfInput(c, input) });
  }
  return out;
}
