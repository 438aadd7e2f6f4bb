/** `check`: readiness of what a file holds (a JSON library or any spreadsheet). */
import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { mergeCriterion } from '../domain/catalogue';
import { UserError } from '../domain/errors';
import { EVALUATION_QUESTIONNAIRES } from '../domain/questionnaires';
import type { QuestionnaireId } from '../domain/questionnaires';
import { resolveAnswers } from '../domain/resolve';
import type { Criterion } from '../domain/schemas';
import { kindOfValue } from '../domain/values';
import { parseLibraryJson } from '../exchange/json-format';
import type { Library } from '../exchange/json-format';
import { isJsonFile } from '../exchange/service';
import { parseSpreadsheet } from '../exchange/sheet-import';
import type { ParsedWorkbook } from '../exchange/sheet-import';
import { assessReadiness } from '../rules/readiness';
import type { AnswerFacts, ReadinessReport } from '../rules/types';

export interface CheckedProduct {
  productId: string;
  name: string;
  criteria: number;
  report: ReadinessReport;
}

export interface CheckResult {
  file: string;
  kind: 'json' | 'tableur';
  products: CheckedProduct[];
  blockers: number;
  warnings: number;
}

const FILE_QUESTIONNAIRES: QuestionnaireId[] = ['orientation', ...EVALUATION_QUESTIONNAIRES];

export async function readInput(path: string): Promise<Uint8Array> {
  try {
    return new Uint8Array(await readFile(path));
  } catch (e) {
    const code = (e as { code?: string }).code;
    if (code === 'ENOENT') throw new UserError(`Fichier « ${path} » introuvable.`);
    if (code === 'EISDIR') throw new UserError(`« ${path} » est un dossier, pas un fichier.`);
    if (code === 'EACCES') throw new UserError(`Fichier « ${path} » : lecture non autorisée.`);
    throw new UserError(`Fichier « ${path} » illisible.`);
  }
}

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
  if (productId && products.length === 0) throw new UserError(`Produit « ${productId} » absent du fichier.`);
  const catalogue = new Map(lib.criteria.map((c) => [c.key, c]));
  return products.map((product) => {
    const producerAnswers = product.role.kind === 'distributeur' ? lib.answers.filter((a) => a.productId === (product.role as { producerProductId: string }).producerProductId) : undefined;
    const resolved = resolveAnswers({ product, variantId: '', answers: lib.answers.filter((a) => a.productId === product.id), criteria: catalogue, ...(producerAnswers ? { producerAnswers } : {}) });
    const excluded = new Set(product.excludedCriteria);
    const criteria: Criterion[] = lib.criteria.filter((c) => !excluded.has(c.key));
    // Answers to criteria the file does not describe are judged with what the answer itself says.
    for (const r of resolved) {
      if (catalogue.has(r.criterionKey) || excluded.has(r.criterionKey) || !r.answer.value) continue;
      criteria.push(
        mergeCriterion(undefined, { questionnaire: r.answer.questionnaire, id: r.answer.criterionId, kind: kindOfValue(r.answer.value) }, r.answer.provenance),
      );
    }
    const report = assessReadiness({
      criteria,
      answers: resolved.map((r) => ({
        criterionKey: r.criterionKey,
        value: r.answer.value,
        evidence: r.answer.evidence,
        validUntil: r.answer.validUntil,
        inheritedEvidenceTypes: r.inheritedEvidenceTypes,
        reviewFlag: r.reviewFlag,
      })),
      applicableQuestionnaires: product.applicableQuestionnaires ?? FILE_QUESTIONNAIRES,
      today,
      mode: 'fichier',
    });
    return { productId: product.id, name: product.name, criteria: criteria.length, report };
  });
}

export async function checkFile(path: string, today: string, productId?: string): Promise<CheckResult> {
  const data = await readInput(path);
  const name = basename(path);
  let products: CheckedProduct[];
  let kind: CheckResult['kind'];
  if (isJsonFile(name, data)) {
    kind = 'json';
    const lib = parseLibraryJson(data, name);
    products = checkLibrary(lib, today, productId);
    if (products.length === 0) throw new UserError(`Fichier « ${name} » : aucun produit à vérifier.`);
  } else {
    kind = 'tableur';
    products = [checkWorkbook(parseSpreadsheet(data, name), today)];
  }
  return {
    file: name,
    kind,
    products,
    blockers: products.reduce((n, p) => n + p.report.blockers, 0),
    warnings: products.reduce((n, p) => n + p.report.warnings, 0),
  };
}
