/**
 * Benchmark of the core (plain timing loop, median of several runs):
 *   npx tsx tests/bench/core.bench.ts
 * Excel export and import of 5,000 answers; resolving 50 products × 500 answers.
 */
import 'fake-indexeddb/auto';
import { Repository } from '../../lib/db/repository';
import { resolveAnswers } from '../../lib/domain/resolve';
import { answerId } from '../../lib/domain/schemas';
import type { Answer, Criterion, Product } from '../../lib/domain/schemas';
import { mergeCriterion } from '../../lib/domain/catalogue';
import { parseSpreadsheet } from '../../lib/exchange/sheet-import';
import { planSpreadsheetImport } from '../../lib/exchange/import-plan';
import { commitImport, exportProductXlsx, previewImport } from '../../lib/exchange/service';
import { writeProductWorkbook } from '../../lib/exchange/xlsx-export';

const RUNS = 5;
const AT = '2025-01-01T00:00:00.000Z';
const prov = { kind: 'import' as const, ref: 'bench', at: AT };
const QS = ['interoperabilite', 'urbanisation', 'securite'] as const;

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] ?? 0;
}

async function time(label: string, fn: () => Promise<unknown> | unknown, runs = RUNS): Promise<[string, number, number]> {
  const ms: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    await fn();
    ms.push(performance.now() - t);
  }
  return [label, median(ms), Math.min(...ms)];
}

function product(id: string, role: Product['role'] = { kind: 'nominal' }): Product {
  return { id, name: `Produit ${id}`, version: '1', type: 'socle', responsable: 'R', description: 'D', interests: [], role, excludedCriteria: [], createdAt: AT, updatedAt: AT };
}

function criteria(n: number): Criterion[] {
  return Array.from({ length: n }, (_, i) =>
    mergeCriterion(undefined, { questionnaire: QS[i % 3]!, id: `B${String(Math.floor(i / 3)).padStart(4, '0')}.${i % 3}`, title: `Critère illustratif ${i}`, obligation: i % 2 ? 'obligation' : 'option', acceptableLevels: i % 2 ? ['2', '3'] : [] }, prov),
  );
}

function answersFor(productId: string, crits: Criterion[], variantId = ''): Answer[] {
  return crits.map((c, i) => ({
    id: answerId(productId, variantId, c.key),
    productId,
    variantId,
    criterionKey: c.key,
    questionnaire: c.questionnaire,
    criterionId: c.id,
    value: { kind: 'niveau', level: (['0', '1', '2', '3', 'NA'] as const)[i % 5]! },
    comment: `Commentaire ${i}`,
    evidence: [],
    specificite: i % 2 ? 'non' : 'oui',
    provenance: prov,
    author: 'bench',
    createdAt: AT,
    updatedAt: AT,
  }));
}

const results: [string, number, number][] = [];

// Excel export / import of 5,000 answers (pure, in memory)
const c5000 = criteria(5000);
const p = product('p1');
const a5000 = answersFor('p1', c5000);
let bytes: Uint8Array = new Uint8Array();
results.push(await time('Export Excel, 5 000 réponses (classeur en mémoire)', () => {
  bytes = writeProductWorkbook({ product: p, criteria: c5000, answers: a5000.map((answer) => ({ answer })) });
}));
results.push(await time('Lecture + analyse Excel, 5 000 lignes', () => parseSpreadsheet(bytes, 'bench.xlsx')));
const parsed = parseSpreadsheet(bytes, 'bench.xlsx');
results.push(await time('Aperçu d\'import (comparaison), 5 000 lignes', () => planSpreadsheetImport(parsed, { answers: a5000, criteria: c5000 }, { productId: 'p1', variantId: '' }, new Date(), 'x')));

// Full import through Dexie (fake-indexeddb): preview + commit in one transaction
results.push(await time('Import complet Dexie (aperçu + écriture), 5 000 réponses', async () => {
  const repo = Repository.open(`bench-${Math.random()}`);
  await repo.createProduct({ id: 'p1', name: 'P', version: '1', type: 'socle', responsable: 'R', description: 'D' }, 'b');
  const preview = await previewImport(repo, { fileName: 'bench.xlsx', data: bytes, target: { productId: 'p1', variantId: '' } });
  await commitImport(repo, preview, { conflicts: 'garder', author: 'b' });
  repo.db.close();
}, 3));

// Resolution: 50 products × 500 answers (distributors of one producer, with variants)
const c500 = criteria(500);
const producer = answersFor('prod', c500);
const products = Array.from({ length: 50 }, (_, i) => product(`d${i}`, { kind: 'distributeur', producerProductId: 'prod' }));
const own = products.map((pr) => [...answersFor(pr.id, c500.slice(0, 250)), ...answersFor(pr.id, c500.slice(200, 300), 'v1')]);
results.push(await time('Résolution pure, 50 produits × 500 réponses', () => products.forEach((pr, i) => resolveAnswers({ product: pr, variantId: 'v1', answers: own[i]!, producerAnswers: producer }))));

const repo = Repository.open(`bench-resolve-${Math.random()}`);
await repo.db.transaction('rw', repo.db.products, repo.db.variants, repo.db.answers, async () => {
  await repo.db.products.bulkAdd([product('prod', { kind: 'producteur' }), ...products]);
  await repo.db.variants.bulkAdd(products.map((pr) => ({ id: `${pr.id}-v1`, productId: pr.id, os: 'android' as const, device: 'mobile' as const, createdAt: AT, updatedAt: AT })));
  await repo.db.answers.bulkAdd([...producer, ...own.flat().map((a) => (a.variantId ? { ...a, variantId: `${a.productId}-v1`, id: answerId(a.productId, `${a.productId}-v1`, a.criterionKey) } : a))]);
});
results.push(await time('Résolution depuis Dexie, 50 produits × 500 réponses', async () => {
  for (const pr of products) await repo.resolvedAnswers(pr.id, `${pr.id}-v1`);
}, 3));
results.push(await time('Export Excel depuis Dexie (1 produit, 500 réponses + préparation)', () => exportProductXlsx(repo, 'd0', 'd0-v1'), 3));

const w = Math.max(...results.map((r) => r[0].length));
console.log(`${'Mesure'.padEnd(w)} | médiane (ms) | min (ms)`);
console.log(`${'-'.repeat(w)}-|-------------|---------`);
for (const [label, med, min] of results) console.log(`${label.padEnd(w)} | ${med.toFixed(1).padStart(11)} | ${min.toFixed(1).padStart(8)}`);
