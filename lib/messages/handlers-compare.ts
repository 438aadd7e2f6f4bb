/**
 * Messages de la comparaison des variantes (issue 11 § 2). Les décisions sont dans lib/library/compare.ts ;
 * ici, l'aiguillage et le fichier Excel.
 */
import type { Repository } from '../db/repository';
import { scopeDisplayName } from '../domain/naming';
import { QUESTIONNAIRES } from '../domain/questionnaires';
import { writeCompareWorkbook } from '../library/compare-xlsx';
import { alignOnFamily, comparableQuestionnaires, compareProduct, keepDifference } from '../library/compare';
import { todayIso } from '../rules/product-readiness';
import { encodeBase64 } from '../text/base64';
import type { Handlers } from './handler-types';

type CompareHandlers = Pick<Handlers, 'compare.questionnaires' | 'compare.get' | 'compare.align' | 'compare.keep' | 'compare.xlsx'>;

/** Nom de fichier sûr : lettres, chiffres, espaces et tirets seulement. */
function safeName(name: string): string {
  return name.replace(/[^\p{L}\p{N} _-]+/gu, '').trim().replace(/\s+/g, '_') || 'produit';
}

export function compareHandlers(repo: Repository, now: () => Date = () => new Date()): CompareHandlers {
  return {
    'compare.questionnaires': async ({ productId }) => {
      const found = new Set(await comparableQuestionnaires(repo, productId));
      return { questionnaires: QUESTIONNAIRES.filter((q) => found.has(q)) };
    },
    'compare.get': async ({ productId, questionnaire }) => compareProduct(repo, productId, questionnaire),
    'compare.align': async (req) => alignOnFamily(repo, req),
    'compare.keep': async (req) => keepDifference(repo, req, now()),
    'compare.xlsx': async ({ productId, questionnaire }) => {
      const product = await repo.requireProduct(productId);
      const wanted = questionnaire ? [questionnaire] : QUESTIONNAIRES.filter((q) => q !== 'produit');
      const matrices = (await Promise.all(wanted.map((q) => compareProduct(repo, productId, q)))).filter((m) => m.rows.length > 0 || questionnaire);
      const at = now();
      const bytes = writeCompareWorkbook(matrices, `${scopeDisplayName(product)} — comparaison du ${todayIso(at).split('-').reverse().join('/')}`);
      return { fileName: `${safeName(product.name)}_comparaison_${todayIso(at)}.xlsx`, contentBase64: encodeBase64(bytes) };
    },
  };
}
