import * as XLSX from 'xlsx';
import { Repository } from '../../../lib/db/repository';
import type { CriterionInput } from '../../../lib/domain/schemas';
import { mergeCriterion } from '../../../lib/domain/catalogue';
import type { Answer, AnswerValue, Criterion, Product } from '../../../lib/domain/schemas';
import { answerId, criterionKey } from '../../../lib/domain/schemas';

let counter = 0;
export const T0 = new Date('2025-03-01T10:00:00.000Z');

/** Une base fake-indexeddb neuve par test et une horloge pilotée : tests isolés, dates reproductibles. */
export function freshRepo(start = T0): { repo: Repository; tick: (ms?: number) => void } {
  let now = start.getTime();
  const repo = Repository.open(`test-${process.pid}-${++counter}-${Math.random().toString(36).slice(2)}`, () => new Date(now));
  return { repo, tick: (ms = 1000) => void (now += ms) };
}

export const PROV = { kind: 'page' as const, ref: 'Questionnaire Interopérabilité', at: T0.toISOString() };

export function crit(input: CriterionInput): Criterion {
  return mergeCriterion(undefined, input, PROV);
}

export function level(l: '0' | '1' | '2' | '3' | 'NA'): AnswerValue {
  return { kind: 'niveau', level: l };
}

export const CONFORME: AnswerValue = { kind: 'conformite', conformity: 'conforme' };
export const NON_CONFORME: AnswerValue = { kind: 'conformite', conformity: 'non-conforme' };

export function answer(productId: string, variantId: string, questionnaire: Answer['questionnaire'], id: string, value: AnswerValue | null, extra: Partial<Answer> = {}): Answer {
  const key = criterionKey(questionnaire, id);
  return {
    id: answerId(productId, variantId, key),
    productId,
    variantId,
    criterionKey: key,
    questionnaire,
    criterionId: id,
    value,
    comment: '',
    evidence: [],
    provenance: PROV,
    author: 'test',
    createdAt: T0.toISOString(),
    updatedAt: T0.toISOString(),
    ...extra,
  };
}

export function product(id: string, role: Product['role'] = { kind: 'nominal' }): Product {
  return {
    id,
    name: `Produit ${id}`,
    version: '1.0',
    type: 'socle',
    responsable: 'Camille Martin',
    description: 'Application de suivi',
    interests: ['Catalogue de services de Mon espace santé'],
    role,
    excludedCriteria: [],
    createdAt: T0.toISOString(),
    updatedAt: T0.toISOString(),
  };
}

export interface SheetSpec {
  name: string;
  rows: unknown[][];
  /** Cellules (références A1) à changer en formules. */
  formulas?: Record<string, string>;
  merges?: string[];
}

/** Construit un fichier .xlsx en mémoire, sans fichier témoin à tenir à jour. */
export function workbook(sheets: SheetSpec[]): Uint8Array {
  const wb = XLSX.utils.book_new();
  for (const s of sheets) {
    const ws = XLSX.utils.aoa_to_sheet(s.rows);
    for (const [ref, f] of Object.entries(s.formulas ?? {})) ws[ref] = { t: 'n', v: 1, f };
    if (s.merges) ws['!merges'] = s.merges.map((m) => XLSX.utils.decode_range(m));
    XLSX.utils.book_append_sheet(wb, ws, s.name);
  }
  return new Uint8Array(XLSX.write(wb, { type: 'array', bookType: 'xlsx' }) as ArrayBuffer);
}

/** Tout le contenu de la base, pour vérifier que rien n’a été écrit. */
export async function snapshot(repo: Repository): Promise<string> {
  const db = repo.db;
  const tables = ['products', 'variants', 'criteria', 'answers', 'companies', 'operations', 'journal'] as const;
  const out: Record<string, unknown> = {};
  for (const t of tables) out[t] = await db.table(t).toArray();
  return JSON.stringify(out);
}

export async function seedProduct(repo: Repository, id = 'p1', role: Product['role'] = { kind: 'nominal' }): Promise<Product> {
  const r = await repo.createProduct({ id, name: `Produit ${id}`, version: '1.0', type: 'socle', responsable: 'Camille Martin', description: 'Application', role }, 'test');
  return r.result;
}
