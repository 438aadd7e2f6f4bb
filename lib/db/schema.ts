/**
 * La base Dexie (dans l'origine de l'extension ; fake-indexeddb dans les tests).
 * Les versions ne font que s'ajouter : une version publiée vit chez les utilisateurs, on en ajoute une avec sa montée.
 */
import Dexie from 'dexie';
import type { Table, Transaction } from 'dexie';
import { parseConformity, parseLevel } from '../domain/levels';
import type { Answer, CompanyProfile, Criterion, EvidenceFileMeta, Product, Variant } from '../domain/schemas';
import { repairRecord } from './repair';

const DB_NAME = 'assistant-convergence';

/** « restauration » : une sauvegarde complète a remplacé la bibliothèque ; l'annulation ne remonte pas au-delà. */
export const OPERATION_KINDS = ['import', 'capture', 'saisie', 'lot', 'produit', 'annulation', 'restauration'] as const;
export type OperationKind = (typeof OPERATION_KINDS)[number];

/** Une opération vue par la personne (import, enregistrement d'une page, modification en lot…) : l'unité d'annulation. */
export interface OperationRecord {
  id: string;
  /** Strictement croissant : l'ordre des opérations, que les horloges ne garantissent pas. */
  order: number;
  kind: OperationKind;
  /** Description montrée dans l'historique (« Import de suivi.xlsx »). */
  label: string;
  author: string;
  at: string;
  /** 1 une fois annulée (IndexedDB n'indexe pas les booléens). */
  undone: 0 | 1;
  /** Pour une annulation : l'opération annulée. */
  undoes?: string;
}

export const JOURNAL_TABLES = ['answers', 'criteria', 'products', 'variants', 'companies', 'files'] as const;
export type JournalTable = (typeof JOURNAL_TABLES)[number];

/** Un changement d'enregistrement dans une opération : l'historique de chacun, et ce que l'annulation rejoue à rebours. */
export interface JournalEntry {
  seq?: number;
  opId: string;
  table: JournalTable;
  key: string;
  before: unknown;
  after: unknown;
  at: string;
  /**
   * Empreintes SHA-256 des contenus de preuves que before/after désignent (table files, v3) : index
   * multiEntry, pour savoir si un contenu est encore référencé par le journal.
   */
  blobs?: string[];
  /**
   * v4 : ligne qui porte un lot de changements d'une même table et d'une même opération (key '', before et
   * after null). Une opération qui change beaucoup d'enregistrements (un import) écrit ses changements par lots :
   * une ligne par changement coûtait plus que les enregistrements eux-mêmes. Jamais pour la table files.
   */
  lot?: JournalLot;
}

/**
 * Les changements d'un lot, dans l'ordre. Le changement i porte le numéro first + i ; la ligne du lot a pour
 * seq le dernier (first + keys.length - 1) : les numéros restent uniques et dans l'ordre des opérations, et
 * la sauvegarde complète les rend ligne par ligne, comme avant la v4.
 */
export interface JournalLot {
  first: number;
  /** Index multiEntry (lot.keys) : l'historique d'un enregistrement trouve ses lots. */
  keys: string[];
  before: unknown[];
  after: unknown[];
}

/** Les changements que porte une ligne du journal : elle-même, ou ceux de son lot. */
export function journalChanges(row: JournalEntry): JournalEntry[] {
  const lot = row.lot;
  if (!lot) return [row];
  return lot.keys.map((key, i) => ({ seq: lot.first + i, opId: row.opId, table: row.table, key, before: lot.before[i] ?? null, after: lot.after[i] ?? null, at: row.at }));
}

/** Contenu d'une preuve, rangé une seule fois par empreinte (v3) : fichiers et journal le désignent par `hash`. */
interface BlobRecord {
  hash: string;
  blob: Blob;
  size: number;
  type: string;
}

/** Ligne de la table files depuis la v3 : la description seule, le contenu est dans blobs. */
type StoredEvidenceFile = EvidenceFileMeta & { blob?: never };

/** Aperçu d'import en attente de validation (v3) : survit à l'arrêt du service d'arrière-plan. */
interface PreviewRecord {
  id: string;
  createdAt: string;
  expiresAt: string;
  preview: unknown;
}

/** Forme d'une réponse en version 1 du schéma (gardée pour la seule migration). */
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

/** Index de chaque version ; la version 1 est le premier schéma publié. */
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
  // « toutes les réponses résolues du produit P » : productId / [productId+variantId] ;
  // « tous les produits qui répondent au critère C » : criterionKey / [criterionKey+productId].
  answers: 'id, productId, [productId+variantId], criterionKey, [criterionKey+productId], updatedAt',
  companies: 'id',
  files: 'id, productId, [productId+variantId], hash',
  operations: 'id, &order, at, undone',
  journal: '++seq, opId, [table+key]',
} as const;

/**
 * v3 : contenus de preuves rangés une fois par empreinte (blobs), journal qui les désigne (index *blobs),
 * aperçus d'import persistants (previews).
 */
export const SCHEMA_V3 = {
  ...SCHEMA_V2,
  journal: '++seq, opId, [table+key], *blobs',
  blobs: 'hash',
  previews: 'id, expiresAt',
} as const;

/**
 * v4 : index seulement (Dexie les construit ou les supprime ; aucune donnée à transformer).
 * - answers : [productId+variantId] sert aussi « les réponses d'un produit » (Dexie interroge le début d'un
 *   index composé) et [criterionKey+productId] « les produits qui répondent à un critère » ; productId,
 *   criterionKey et updatedAt seuls ne servaient à rien de plus et chaque index se paie à chaque écriture.
 * - criteria : l'index id ne servait à aucune requête.
 * - journal : lot.keys, pour l'historique d'un enregistrement changé par un lot (voir JournalLot).
 */
export const SCHEMA_V4 = {
  ...SCHEMA_V3,
  answers: 'id, [productId+variantId], [criterionKey+productId]',
  criteria: 'key, questionnaire',
  journal: '++seq, opId, [table+key], *blobs, *lot.keys',
} as const;

/**
 * v5 : paquets producteur (issue 10). Tables nouvelles, rien à transformer.
 * - sharing : ce que la bibliothèque garde pour partager (clé → valeur) : la paire de clés de signature (CryptoKey
 *   non exportable, rangée telle quelle : IndexedDB clone les CryptoKey), le numéro d'ordre par n° Convergence,
 *   les commentaires marqués « confidentiel » par produit, les critères confirmés par un distributeur.
 * - packages : chaque paquet importé, avec ses octets bruts ; l'opération qui l'a importé (opId) dit s'il est
 *   en vigueur (une opération annulée ne compte plus : « Annuler » rend le paquet précédent).
 */
const SCHEMA_V5 = {
  ...SCHEMA_V4,
  sharing: 'id',
  packages: 'id, producerProductId, convergenceNumber, fingerprint',
} as const;

export const CURRENT_VERSION = 5;

/** Une entrée de la table sharing (v5). */
export interface SharingRecord {
  id: string;
  value: unknown;
}

/** Un paquet producteur importé (v5) : les octets tels que reçus, vérifiés avant toute écriture. */
export interface PackageRecord {
  id: string;
  /** Opération d'import (journal) : annulée, le paquet n'est plus en vigueur. */
  opId: string;
  /** Le produit du producteur, en lecture seule dans la bibliothèque du distributeur. */
  producerProductId: string;
  /** Produits du distributeur reliés à ce producteur par cet import. */
  distributorProductIds: string[];
  fingerprint: string;
  convergenceNumber: string;
  sequence: number;
  producerName: string;
  createdAt: string;
  importedAt: string;
  fileName: string;
  sha256: string;
  bytes: Uint8Array;
  /** Critères ajoutés, modifiés ou retirés par rapport au paquet précédent (mise à jour) : « à revoir ». */
  changed: string[];
}

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

/** v1 → v2 : valeurs de réponse structurées, rôle en marque blanche, preuves, journal. */
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

const EPOCH = new Date(0).toISOString();

type Row = Record<string, unknown>;
const isRow = (v: unknown): v is Row => !!v && typeof v === 'object' && !Array.isArray(v);

/** Le contenu d'une ligne files v2 part dans blobs ; la ligne garde la description. */
function detachBlob(row: Row, blobs: Map<string, BlobRecord>): Row {
  const { blob, ...meta } = row;
  const hash = typeof meta.hash === 'string' ? meta.hash : '';
  if (blob instanceof Blob && hash && !blobs.has(hash)) {
    blobs.set(hash, { hash, blob, size: typeof meta.size === 'number' ? meta.size : blob.size, type: typeof meta.type === 'string' ? meta.type : blob.type });
  }
  return meta;
}

/**
 * v2 → v3.
 * - Les données venues de la v1 (critères sans source ni updatedAt, fiches sans extra…) sont complétées pour
 *   passer les schémas d'aujourd'hui : sans cela, l'export JSON d'une base migrée était refusé par notre import.
 * - Les contenus de preuves quittent files et le journal (où une preuve supprimée restait en double) pour la
 *   table blobs, une fois par empreinte. L'empreinte est celle enregistrée à l'ajout : pas de calcul ici
 *   (crypto.subtle n'est pas une requête IndexedDB, l'attendre clôturerait la transaction de mise à niveau).
 */
async function upgradeToV3(tx: Transaction): Promise<void> {
  for (const table of ['products', 'variants', 'criteria', 'answers', 'companies'] as const) {
    await tx
      .table(table)
      .toCollection()
      .modify((r: Row) => void repairRecord(table, r, EPOCH));
  }
  const blobs = new Map<string, BlobRecord>();
  const files = tx.table('files');
  const rows = (await files.toArray()) as Row[];
  await files.bulkPut(rows.map((r) => detachBlob(r, blobs)));
  await tx
    .table('journal')
    .toCollection()
    .modify((e: Row) => {
      const refs = new Set<string>();
      for (const side of ['before', 'after'] as const) {
        const rec = e[side];
        if (!isRow(rec)) continue;
        if (e.table === 'files') {
          const meta = detachBlob(rec, blobs);
          if (typeof meta.hash === 'string') refs.add(meta.hash);
          e[side] = meta;
        } else if (typeof e.table === 'string') repairRecord(e.table, rec, EPOCH);
      }
      if (refs.size) e.blobs = [...refs];
    });
  await tx.table('blobs').bulkPut([...blobs.values()]);
}

export class ConvergenceDB extends Dexie {
  products!: Table<Product, string>;
  variants!: Table<Variant, string>;
  criteria!: Table<Criterion, string>;
  answers!: Table<Answer, string>;
  companies!: Table<CompanyProfile, string>;
  files!: Table<StoredEvidenceFile, string>;
  operations!: Table<OperationRecord, string>;
  journal!: Table<JournalEntry, number>;
  blobs!: Table<BlobRecord, string>;
  previews!: Table<PreviewRecord, string>;
  sharing!: Table<SharingRecord, string>;
  packages!: Table<PackageRecord, string>;

  constructor(name: string = DB_NAME, options?: ConstructorParameters<typeof Dexie>[1]) {
    super(name, options);
    this.version(1).stores(SCHEMA_V1);
    this.version(2).stores(SCHEMA_V2).upgrade(upgradeToV2);
    this.version(3).stores(SCHEMA_V3).upgrade(upgradeToV3);
    this.version(4).stores(SCHEMA_V4);
    this.version(5).stores(SCHEMA_V5);
  }
}
