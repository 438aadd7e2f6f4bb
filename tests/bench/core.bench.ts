/**
 * Banc d'essai du cœur (npm run bench -- core), objectif 5 de l'issue 9, sur fake-indexeddb (la base des tests).
 * Chaque mesure est la médiane de plusieurs passes, avec sa référence mesurée dans la même exécution, passe par
 * passe (la machine est partagée : seul le rapport des deux a du sens) :
 * - « 5 import » : écriture en base d'un import de 5 000 réponses (validation de l'aperçu : commitImport), base
 *   neuve à chaque passe, contre la limite physique — un seul bulkPut des mêmes 5 000 réponses dans une base
 *   neuve, en une transaction. L'analyse du fichier Excel est mesurée à part (informative, sans objectif).
 * - « 5 résolution » : 50 distributeurs d'un même producteur (500 réponses), résolus depuis Dexie par
 *   Repository.resolvedAnswers, contre la même résolution en mémoire (resolveAnswers sur des tableaux déjà lus).
 * Les durées ne sont jamais des critères de réussite des tests.
 */
import 'fake-indexeddb/auto';
import * as XLSX from 'xlsx';
import { Repository } from '../../lib/db/repository';
import { ConvergenceDB } from '../../lib/db/schema';
import { resolveAnswers } from '../../lib/domain/resolve';
import { answerId } from '../../lib/domain/schemas';
import type { Answer, Criterion, Product } from '../../lib/domain/schemas';
import { mergeCriterion } from '../../lib/domain/catalogue';
import { parseSpreadsheet } from '../../lib/exchange/sheet-import';
import { planSpreadsheetImport } from '../../lib/exchange/import-plan';
import { commitImport, exportProductXlsx, previewImport } from '../../lib/exchange/service';
import { writeProductWorkbook } from '../../lib/exchange/xlsx-export';
import { median, record } from './report.ts';

const RUNS = Number(process.env.RUNS ?? 7);
const AT = '2025-01-01T00:00:00.000Z';
const prov = { kind: 'import' as const, ref: 'bench', at: AT };
const QS = ['interoperabilite', 'urbanisation', 'securite'] as const;
const spread = (xs: number[]) => `${xs.length} passes, min ${Math.min(...xs).toFixed(1)}, max ${Math.max(...xs).toFixed(1)}`;
let dbCounter = 0;
const dbName = (what: string) => `bench-${what}-${process.pid}-${++dbCounter}`;

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

/** Médiane de fn (synchrone ou non) sur RUNS passes, après une passe d'échauffement. */
async function timed(fn: () => unknown, runs = RUNS): Promise<number[]> {
  await fn();
  const ms: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    await fn();
    ms.push(performance.now() - t);
  }
  return ms;
}

// ---------- 5 import : le classeur de 5 000 réponses ----------

const c5000 = criteria(5000);
const a5000 = answersFor('p1', c5000);
const bytes = writeProductWorkbook({ product: product('p1'), criteria: c5000, answers: a5000.map((answer) => ({ answer })) });

const parsedBook = parseSpreadsheet(bytes, 'bench.xlsx');

/**
 * Un import complet dans une base neuve où le produit existe : aperçu puis écriture, chacune chronométrée.
 * known : le catalogue connaît déjà les critères du classeur (appris d'une page ou d'un import précédent) ;
 * sinon il est vide et l'import apprend 5 000 critères en plus des réponses.
 */
async function importOnce(known: boolean): Promise<{ preview: number; commit: number; written: Answer[] }> {
  const repo = Repository.open(dbName('import'));
  await repo.createProduct({ id: 'p1', name: 'P', version: '1', type: 'socle', responsable: 'R', description: 'D' }, 'b');
  if (known) await repo.learnCriteria(parsedBook.rows.map((r) => r.criterion), { kind: 'import', ref: 'classeur précédent', at: AT }, 'b');
  let t = performance.now();
  const preview = await previewImport(repo, { fileName: 'bench.xlsx', data: bytes, target: { productId: 'p1', variantId: '' } });
  const previewMs = performance.now() - t;
  t = performance.now();
  const r = await commitImport(repo, preview, { conflicts: 'garder', author: 'b' });
  const commitMs = performance.now() - t;
  // Vérification de l'état (hors chronomètre) : tout est écrit, une seule opération à annuler.
  const written = await repo.db.answers.toArray();
  const ops = await repo.operations();
  const criteriaWritten = r.result.criteria.created + r.result.criteria.changed;
  if (r.result.answers.created !== 5000 || written.length !== 5000 || criteriaWritten !== (known ? 0 : 5000) || ops[0]?.id !== r.opId || ops[0]?.kind !== 'import') throw new Error('Import incomplet');
  await repo.db.delete();
  return { preview: previewMs, commit: commitMs, written };
}

/** La limite physique : un seul bulkPut des mêmes réponses, en une transaction, dans une base neuve. */
async function bulkPutOnce(records: readonly Answer[]): Promise<number> {
  const db = new ConvergenceDB(dbName('bulkput'));
  await db.open();
  const t = performance.now();
  await db.transaction('rw', db.answers, () => db.answers.bulkPut([...records]));
  const ms = performance.now() - t;
  await db.delete();
  return ms;
}

const warm = await importOnce(false);
await importOnce(true);
await bulkPutOnce(warm.written);
const emptyMs: number[] = [];
const knownMs: number[] = [];
const bulkMs: number[] = [];
const previewMs: number[] = [];
for (let i = 0; i < RUNS; i++) {
  // Passes entrelacées : un moment chargé de la machine pèse sur toutes les mesures.
  bulkMs.push(await bulkPutOnce(warm.written));
  const r = await importOnce(false);
  emptyMs.push(r.commit);
  previewMs.push(r.preview);
  knownMs.push((await importOnce(true)).commit);
}
/*
 * Rapport visé : 4×. Au calme (2 cœurs), le bulkPut nu des 5 000 réponses prend 105 à 125 ms (schéma v4) :
 * 4 × 125 ms = 500 ms, tenir le rapport c'est tenir l'objectif absolu de 500 ms. L'écriture d'un import ne
 * peut pas atteindre la limite physique : dans la même transaction, elle lit ce qui existe, valide chaque
 * enregistrement par zod, écrit le journal de chaque changement (par lots) et l'opération ; catalogue vide,
 * elle écrit en plus les 5 000 critères appris du classeur (deux fois plus d'enregistrements).
 */
const IMPORT_TARGET = 4;
record({
  goal: '5 import',
  measure: "Import de 5 000 réponses dans Dexie (validation de l'aperçu), catalogue vide : + 5 000 critères",
  value: median(emptyMs),
  unit: 'ms',
  baseline: median(bulkMs),
  baselineLabel: 'un bulkPut des mêmes 5 000 réponses, une transaction, base neuve',
  target: IMPORT_TARGET,
  note: `objectif absolu ≤ 500 ms ; une transaction, une opération ; ${spread(emptyMs)} (référence : ${spread(bulkMs)})`,
});
record({
  goal: '5 import',
  measure: "Import de 5 000 réponses dans Dexie (validation de l'aperçu), critères déjà au catalogue",
  value: median(knownMs),
  unit: 'ms',
  baseline: median(bulkMs),
  baselineLabel: 'un bulkPut des mêmes 5 000 réponses, une transaction, base neuve',
  target: IMPORT_TARGET,
  note: `objectif absolu ≤ 500 ms ; ${spread(knownMs)}`,
});

// ---------- informatif : le classeur lui-même (hors des 500 ms) ----------

const exportMs = await timed(() => writeProductWorkbook({ product: product('p1'), criteria: c5000, answers: a5000.map((answer) => ({ answer })) }), 5);
// Référence : SheetJS seul, une feuille des mêmes cellules principales (identifiant, critère, réponse, commentaire).
const cells = [['ID', 'Critère', 'Réponse', 'Commentaire'], ...a5000.map((a, i) => [a.criterionId, c5000[i]!.title, a.value?.kind === 'niveau' ? `Niveau ${a.value.level}` : '', a.comment])];
const sheetOnlyMs = await timed(() => {
  const wb = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(wb, XLSX.utils.aoa_to_sheet(cells), 'Réponses');
  return XLSX.write(wb, { type: 'array', bookType: 'xlsx' });
}, 5);
record({ goal: '5 import', measure: 'Export Excel, 5 000 réponses (classeur en mémoire)', value: median(exportMs), unit: 'ms', baseline: median(sheetOnlyMs), baselineLabel: 'SheetJS seul : une feuille des mêmes 5 000 lignes, 4 colonnes', note: spread(exportMs) });
const parseMs = await timed(() => parseSpreadsheet(bytes, 'bench.xlsx'), 5);
const rawMs = await timed(() => XLSX.read(bytes, { type: 'array' }), 5);
record({ goal: '5 import', measure: 'Lecture + analyse Excel, 5 000 lignes', value: median(parseMs), unit: 'ms', baseline: median(rawMs), baselineLabel: 'XLSX.read seul du même classeur', note: spread(parseMs) });
const planMs = await timed(() => planSpreadsheetImport(parsedBook, { answers: a5000, criteria: c5000 }, { productId: 'p1', variantId: '' }, new Date(), 'x'), 5);
record({ goal: '5 import', measure: "Aperçu d'import en mémoire (comparaison), 5 000 lignes", value: median(planMs), unit: 'ms', baseline: median(parseMs), baselineLabel: 'lecture + analyse du classeur', note: spread(planMs) });
record({ goal: '5 import', measure: "Aperçu d'import depuis Dexie (analyse + lecture + comparaison), 5 000 lignes", value: median(previewMs), unit: 'ms', baseline: median(parseMs), baselineLabel: 'lecture + analyse du classeur', note: spread(previewMs) });

// ---------- 5 résolution : 50 distributeurs × 500 réponses du producteur ----------

const c500 = criteria(500);
const producer = answersFor('prod', c500);
const products = Array.from({ length: 50 }, (_, i) => product(`d${i}`, { kind: 'distributeur', producerProductId: 'prod' }));
// Chaque distributeur : 250 réponses de famille, 100 de sa variante (dont 50 sur les mêmes critères).
const own = products.map((pr) => [...answersFor(pr.id, c500.slice(0, 250)), ...answersFor(pr.id, c500.slice(200, 300), `${pr.id}-v1`)]);
const db = new ConvergenceDB(dbName('resolve'));
await db.transaction('rw', db.products, db.variants, db.answers, db.criteria, async () => {
  await db.products.bulkAdd([product('prod', { kind: 'producteur' }), ...products]);
  await db.criteria.bulkAdd(c500);
  await db.variants.bulkAdd(products.map((pr) => ({ id: `${pr.id}-v1`, productId: pr.id, os: 'android' as const, device: 'mobile' as const, createdAt: AT, updatedAt: AT })));
  await db.answers.bulkAdd([...producer, ...own.flat()]);
});
const stored = await db.answers.toArray();
const byProduct = new Map(products.map((pr) => [pr.id, stored.filter((a) => a.productId === pr.id)]));
const storedProducer = stored.filter((a) => a.productId === 'prod');
const orientation = new Map<string, Criterion>();

const pure = () => products.map((pr) => resolveAnswers({ product: pr, variantId: `${pr.id}-v1`, answers: byProduct.get(pr.id)!, criteria: orientation, producerAnswers: storedProducer }));
const fromDexie = async (repo: Repository) => {
  const out = [];
  for (const pr of products) out.push(await repo.resolvedAnswers(pr.id, `${pr.id}-v1`));
  return out;
};
const repo = new Repository(db);
// Même résultat des deux côtés (vérifié hors chronomètre).
if (JSON.stringify(await fromDexie(repo)) !== JSON.stringify(pure())) throw new Error('Résolution depuis Dexie différente de la résolution en mémoire');

const pureMs: number[] = [];
const dexieMs: number[] = [];
for (let i = 0; i < RUNS; i++) {
  // Ordre alterné : une pause du ramasse-miettes ne pèse pas toujours sur la même mesure.
  for (const which of i % 2 ? ['pure', 'dexie'] : ['dexie', 'pure']) {
    const t = performance.now();
    if (which === 'pure') pure();
    else await fromDexie(repo);
    (which === 'pure' ? pureMs : dexieMs).push(performance.now() - t);
  }
}
const coldMs: number[] = [];
const readMs: number[] = [];
for (let i = 0; i < RUNS; i++) {
  // Premier passage : une mémoire neuve, chaque bibliothèque lue une fois (51 lectures).
  const cold = new Repository(db);
  let t = performance.now();
  await fromDexie(cold);
  coldMs.push(performance.now() - t);
  // Sa limite physique : les mêmes 51 lectures seules, sans rien résoudre.
  t = performance.now();
  for (const id of ['prod', ...products.map((p) => p.id)]) await db.answers.where('productId').equals(id).toArray();
  readMs.push(performance.now() - t);
}
/*
 * Rapport visé : 2×. Au calme, la résolution en mémoire des 50 produits prend 18 à 23 ms : 2 × 23 ms = 46 ms,
 * sous l'objectif absolu de 50 ms. Depuis Dexie, chaque bibliothèque (producteur, distributeurs, produits,
 * orientation) n'est lue qu'une fois puis gardée en mémoire jusqu'à la prochaine écriture qui la touche.
 */
record({
  goal: '5 résolution',
  measure: 'Résolution depuis Dexie, 50 produits × 500 réponses (bibliothèques déjà lues)',
  value: median(dexieMs),
  unit: 'ms',
  baseline: median(pureMs),
  baselineLabel: 'resolveAnswers en mémoire, mêmes données',
  target: 2,
  note: `objectif absolu ≤ 50 ms ; ${spread(dexieMs)} (référence : ${spread(pureMs)})`,
});
record({
  goal: '5 résolution',
  measure: 'Résolution depuis Dexie, premier passage (51 bibliothèques lues une fois)',
  value: median(coldMs),
  unit: 'ms',
  baseline: median(readMs),
  baselineLabel: 'les 51 lectures seules (where productId)',
  note: `informatif : la lecture de 18 000 réponses domine ; ${spread(coldMs)}`,
});
const xlsxMs = await timed(() => exportProductXlsx(repo, 'd0', 'd0-v1'), 5);
const resolvedD0 = await repo.resolvedAnswers('d0', 'd0-v1');
const d0Catalogue = await repo.listCriteria();
const bareXlsxMs = await timed(() => writeProductWorkbook({ product: products[0]!, criteria: d0Catalogue, answers: resolvedD0.map((r) => ({ answer: r.answer, source: r.source })) }), 5);
record({ goal: '5 import', measure: 'Export Excel depuis Dexie (1 produit, 500 réponses, préparation comprise)', value: median(xlsxMs), unit: 'ms', baseline: median(bareXlsxMs), baselineLabel: 'le même classeur écrit depuis la mémoire', note: spread(xlsxMs) });
await db.delete();
