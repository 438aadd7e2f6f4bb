/**
 * The Dexie database (lives in the extension origin; fake-indexeddb in tests).
 * Versions are append-only: never edit a released version, add a new one with its upgrade.
 */
import Dexie from 'dexie';
import type { Table, Transaction } from 'dexie';
import { parseConformity, parseLevel } from '../domain/levels';
import type { Answer, CompanyProfile, Criterion, EvidenceFile, Product, Variant } from '../domain/schemas';

export const DB_NAME = 'assistant-convergence';

export type OperationKind = 'import' | 'capture' | 'saisie' | 'lot' | 'produit' | 'annulation';

/** One user-level operation (an import, a capture from a page, a bulk edit…): the unit of undo. */
export interface OperationRecord {
  id: string;
  /** Strictly increasing: the order in which operations happened. */
  order: number;
  kind: OperationKind;
  /** French description shown in the history (« Import de suivi.xlsx »). */
  label: string;
  author: string;
  at: string;
  /** 1 once undone (IndexedDB cannot index booleans). */
  undone: 0 | 1;
  /** For an annulation: the operation it undid. */
  undoes?: string;
}

export const JOURNAL_TABLES = ['answers', 'criteria', 'products', 'variants', 'companies', 'files'] as const;
export type JournalTable = (typeof JOURNAL_TABLES)[number];

/** One row change inside an operation: the history of every record, and what undo replays backwards. */
export interface JournalEntry {
  seq?: number;
  opId: string;
  table: JournalTable;
  key: string;
  before: unknown;
  after: unknown;
  at: string;
}

/** Shape of an answer in schema version 1 (kept only for the migration). */
export interface AnswerV1 {
  id: string;
  productId: string;
  variantId: string;
  questionnaire: string;
  criterionId: string;
  level?: string;
  conformity?: string;
  text?: string;
  comment?: string;
  source?: string;
  updatedAt: string;
}

/** Index definitions of each version. Version 1 is the first released schema. */
export const SCHEMA_V1 = {
  products: 'id',
  variants: 'id, productId',
  criteria: 'key, questionnaire',
  answers: 'id, productId',
  companies: 'id',
} as const;

export const SCHEMA_V2 = {
  products: 'id, role.kind',
  variants: 'id, productId',
  criteria: 'key, questionnaire, id',
  // "all resolved answers of product P": productId / [productId+variantId];
  // "all products answering criterion C": criterionKey / [criterionKey+productId].
  answers: 'id, productId, [productId+variantId], criterionKey, [criterionKey+productId], updatedAt',
  companies: 'id',
  files: 'id, productId, [productId+variantId], hash',
  operations: 'id, &order, at, undone',
  journal: '++seq, opId, [table+key]',
} as const;

export const CURRENT_VERSION = 2;

function migrateAnswerV1(a: AnswerV1): Answer {
  const level = parseLevel(a.level);
  const conformity = parseConformity(a.conformity);
  const value: Answer['value'] = level
    ? { kind: 'niveau', level }
    : conformity
      ? { kind: 'conformite', conformity }
      : a.text
        ? { kind: 'texte', text: a.text }
        : null;
  const criterionKey = `${a.questionnaire}/${a.criterionId}`;
  return {
    id: `${a.productId}|${a.variantId}|${criterionKey}`,
    productId: a.productId,
    variantId: a.variantId,
    criterionKey,
    questionnaire: a.questionnaire as Answer['questionnaire'],
    criterionId: a.criterionId,
    value,
    comment: a.comment ?? '',
    evidence: [],
    provenance: { kind: 'saisie', ref: a.source || 'version 1 de la base', at: a.updatedAt },
    author: '',
    createdAt: a.updatedAt,
    updatedAt: a.updatedAt,
  };
}

/** v1 → v2: structured answer values, white-label role, evidence, journal. */
export async function upgradeToV2(tx: Transaction): Promise<void> {
  const answers = tx.table('answers');
  const old = (await answers.toArray()) as AnswerV1[];
  await answers.clear();
  await answers.bulkPut(old.map(migrateAnswerV1));
  await tx
    .table('products')
    .toCollection()
    .modify((p: Record<string, unknown>) => {
      p.role ??= { kind: 'nominal' };
      p.interests ??= [];
      p.excludedCriteria ??= [];
      p.responsable ??= '';
      p.description ??= '';
      p.type ??= 'socle';
      p.version ??= '1';
      p.updatedAt ??= p.createdAt ?? new Date(0).toISOString();
      p.createdAt ??= p.updatedAt;
    });
  await tx
    .table('criteria')
    .toCollection()
    .modify((c: Record<string, unknown>) => {
      c.acceptableLevels ??= [];
      c.expectedEvidence ??= [];
      c.obligation ??= 'option';
    });
}

export class ConvergenceDB extends Dexie {
  products!: Table<Product, string>;
  variants!: Table<Variant, string>;
  criteria!: Table<Criterion, string>;
  answers!: Table<Answer, string>;
  companies!: Table<CompanyProfile, string>;
  files!: Table<EvidenceFile, string>;
  operations!: Table<OperationRecord, string>;
  journal!: Table<JournalEntry, number>;

  constructor(name: string = DB_NAME, options?: ConstructorParameters<typeof Dexie>[1]) {
    super(name, options);
    this.version(1).stores(SCHEMA_V1);
    this.version(2).stores(SCHEMA_V2).upgrade(upgradeToV2);
  }
}
