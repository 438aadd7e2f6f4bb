/**
 * Le journal des opérations : écriture des changements (une ligne, ou des lots), bornes et élagage des plus
 * anciennes opérations, contenus de preuves que seul le journal garde (dans la transaction de l'appelant) ;
 * lecture de l'historique d'une réponse et de ce que l'annulation peut défaire.
 */
import type { Answer } from '../domain/schemas';
import { journalChanges } from './schema';
import type { ConvergenceDB, JournalEntry, JournalTable, OperationKind, OperationRecord } from './schema';

// packages (v5) : un paquet importé est écrit dans la transaction de son opération ; une restauration le vide.
export const ALL_TABLES = ['answers', 'criteria', 'products', 'variants', 'companies', 'files', 'operations', 'journal', 'blobs', 'packages'] as const;

/**
 * Bornes du journal : au-delà, les plus anciennes opérations sont oubliées (avec leurs entrées), et
 * l'annulation ne remonte plus jusqu'à elles. La dernière opération est toujours gardée.
 */
export interface JournalLimits {
  /** Nombre d'opérations gardées. */
  maxOperations: number;
  /** Octets de contenus de preuves que seul le journal garde en vie (preuves supprimées ou remplacées). */
  maxJournalBlobBytes: number;
}

/** Une table dont une opération change au moins LOT_MIN enregistrements va au journal par lots de LOT_SIZE (JournalLot). */
const LOT_MIN = 50;
/**
 * 100 : l'historique d'une réponse ne relit qu'un petit lot ; et un import écrit alors plus de 50 lignes de
 * lots, ce qui évite à Dexie de noter une à une les clés d'index de chaque lot (il le fait sous 50 lignes).
 */
export const LOT_SIZE = 100;

export const DEFAULT_JOURNAL_LIMITS: JournalLimits = { maxOperations: 500, maxJournalBlobBytes: 200 * 1024 * 1024 };

/** Ce qui décrit une opération au journal (ce que l'historique et « Annuler » montrent). */
export interface OperationMeta {
  kind: OperationKind;
  label: string;
  author: string;
  /** Pour une annulation : l'opération annulée. */
  undoes?: string;
}

/** Une entrée de l'historique d'une réponse : qui, quand, quelle opération, avant → après. */
export interface HistoryEntry {
  at: string;
  author: string;
  operation: string;
  kind: OperationKind;
  before: Answer | null;
  after: Answer | null;
}

/** Jusqu'où « Annuler la dernière opération » peut remonter, et ce que le journal garde. */
export interface UndoReach {
  /** Opérations annulables l'une après l'autre. */
  operations: number;
  /** Date de la plus ancienne d'entre elles (null : rien à annuler). */
  since: string | null;
  /** Une restauration arrête l'annulation (date de la restauration), null sinon. */
  stoppedByRestore: string | null;
  /** Opérations gardées dans le journal, et octets de preuves qu'il est seul à garder. */
  journalOperations: number;
  journalBlobBytes: number;
  limits: JournalLimits;
}

export interface OperationResult<T = undefined> {
  /** Jeton d'annulation : l'id de l'opération (null si rien n'a changé : rien à annuler). */
  opId: string | null;
  result: T;
}

/**
 * Écrit les changements d'une opération au journal : une ligne par changement, sauf pour une table dont
 * l'opération change au moins LOT_MIN enregistrements (hors preuves) : ceux-là vont par lots de LOT_SIZE.
 * Les numéros d'un lot suivent le plus grand numéro du journal ; les lignes ajoutées ensuite viennent après.
 */
export async function writeJournal(db: ConvergenceDB, entries: readonly JournalEntry[]): Promise<void> {
  const byTable = new Map<JournalTable, JournalEntry[]>();
  for (const e of entries) {
    const list = byTable.get(e.table);
    if (list) list.push(e);
    else byTable.set(e.table, [e]);
  }
  const batched = new Set([...byTable].filter(([t, list]) => t !== 'files' && list.length >= LOT_MIN).map(([t]) => t));
  if (batched.size) {
    let next = (((await db.journal.orderBy(':id').lastKey()) as number | undefined) ?? 0) + 1;
    const lots: JournalEntry[] = [];
    for (const table of batched) {
      const list = byTable.get(table)!;
      for (let i = 0; i < list.length; i += LOT_SIZE) {
        const part = list.slice(i, i + LOT_SIZE);
        const first = next;
        next += part.length;
        const { opId, at } = part[0]!;
        lots.push({
          seq: next - 1,
          opId,
          table,
          key: '',
          before: null,
          after: null,
          at,
          lot: { first, keys: part.map((e) => e.key), before: part.map((e) => e.before), after: part.map((e) => e.after) },
        });
      }
    }
    await db.journal.bulkAdd(lots);
  }
  const rows = batched.size ? entries.filter((e) => !batched.has(e.table)) : entries;
  if (rows.length) await db.journal.bulkAdd([...rows]);
}

/**
 * Oublie les plus anciennes opérations au-delà des bornes (nombre d'opérations ; octets de preuves que seul
 * le journal garde), puis supprime les contenus que plus rien ne désigne. Opérations entières, les plus
 * anciennes d'abord : ce qui reste est une suite continue jusqu'à la dernière, que l'annulation peut
 * toujours défaire dans l'ordre. Dans la transaction de l'appelant.
 */
export async function pruneJournal(db: ConvergenceDB, limits: JournalLimits, checkBlobs: boolean): Promise<void> {
  const { maxOperations, maxJournalBlobBytes } = limits;
  const total = await db.operations.count();
  const dropOldest = Math.max(0, total - maxOperations);
  let dropUpToOrder = -Infinity;
  if (checkBlobs) {
    const { sizes, bytes } = await journalOnlyBlobs(db);
    if (bytes > maxJournalBlobBytes) {
      const ops = await db.operations.orderBy('order').toArray();
      const orderOf = new Map(ops.map((o) => [o.id, o.order]));
      const newest = ops[ops.length - 1]?.order ?? 0;
      // Pour chaque contenu, la plus récente opération qui le désigne : l'oublier libère le contenu.
      const lastRef = new Map<string, number>();
      for (const e of await db.journal.where('blobs').anyOf([...sizes.keys()]).toArray()) {
        const order = orderOf.get(e.opId) ?? -Infinity;
        for (const h of e.blobs ?? []) if (sizes.has(h)) lastRef.set(h, Math.max(lastRef.get(h) ?? -Infinity, order));
      }
      let left = bytes;
      for (const [h, order] of [...lastRef].sort((a, b) => a[1] - b[1])) {
        if (left <= maxJournalBlobBytes || order >= newest) break;
        left -= sizes.get(h) ?? 0;
        dropUpToOrder = order;
      }
    }
  }
  if (dropOldest === 0 && dropUpToOrder === -Infinity) return;
  const newestOp = await db.operations.orderBy('order').last();
  const victims = new Map<string, OperationRecord>();
  if (dropOldest > 0) for (const o of await db.operations.orderBy('order').limit(dropOldest).toArray()) victims.set(o.id, o);
  if (dropUpToOrder > -Infinity) for (const o of await db.operations.where('order').belowOrEqual(dropUpToOrder).toArray()) victims.set(o.id, o);
  if (newestOp) victims.delete(newestOp.id);
  if (victims.size === 0) return;
  const ids = [...victims.keys()];
  const entries = await db.journal.where('opId').anyOf(ids).toArray();
  const candidates = new Set<string>();
  for (const e of entries) e.blobs?.forEach((h) => candidates.add(h));
  await db.journal.bulkDelete(entries.map((e) => e.seq!));
  await db.operations.bulkDelete(ids);
  await collectBlobs(db, candidates);
}

/** Contenus que seul le journal désigne (aucune preuve en vigueur), avec leur taille. */
export async function journalOnlyBlobs(db: ConvergenceDB): Promise<{ sizes: Map<string, number>; bytes: number }> {
  const inJournal = (await db.journal.orderBy('blobs').uniqueKeys()) as string[];
  const sizes = new Map<string, number>();
  if (inJournal.length === 0) return { sizes, bytes: 0 };
  const live = new Set((await db.files.orderBy('hash').uniqueKeys()) as string[]);
  const only = inJournal.filter((h) => !live.has(h));
  for (const b of await db.blobs.bulkGet(only)) if (b) sizes.set(b.hash, b.size);
  let bytes = 0;
  for (const n of sizes.values()) bytes += n;
  return { sizes, bytes };
}

/** Supprime les contenus que ni une preuve ni une entrée du journal ne désigne plus. */
async function collectBlobs(db: ConvergenceDB, candidates: Iterable<string>): Promise<void> {
  for (const h of candidates) {
    const used = (await db.files.where('hash').equals(h).count()) + (await db.journal.where('blobs').equals(h).count());
    if (used === 0) await db.blobs.delete(h);
  }
}

// ---------- lecture : historique d'une réponse, portée de l'annulation ----------

/** L'historique d'une réponse, du plus ancien au plus récent : ses lignes du journal et sa part des lots. */
export async function answerHistory(db: ConvergenceDB, answerIdValue: string): Promise<HistoryEntry[]> {
  const [rows, lots] = await Promise.all([
    db.journal.where('[table+key]').equals(['answers', answerIdValue]).toArray(),
    db.journal.where('lot.keys').equals(answerIdValue).toArray(),
  ]);
  const entries = [
    ...rows.filter((e) => !e.lot),
    ...lots.filter((l) => l.table === 'answers').flatMap((l) => journalChanges(l).filter((e) => e.key === answerIdValue)),
  ].sort((a, b) => a.seq! - b.seq!);
  const ops = new Map((await db.operations.bulkGet([...new Set(entries.map((e) => e.opId))])).filter((o): o is OperationRecord => !!o).map((o) => [o.id, o]));
  return entries.map((e) => {
    const op = ops.get(e.opId);
    return {
      at: e.at,
      author: op?.author ?? '',
      operation: op?.label ?? '',
      kind: op?.kind ?? 'saisie',
      before: (e.before as Answer | null) ?? null,
      after: (e.after as Answer | null) ?? null,
    };
  });
}

/**
 * Les opérations que l'annulation peut défaire, la plus récente d'abord : ni annulées, ni annulations, et
 * aucune avant une restauration (le journal d'avant décrit une autre base).
 */
export async function undoable(db: ConvergenceDB): Promise<{ ops: OperationRecord[]; restoredAt: string | null }> {
  const ops: OperationRecord[] = [];
  let restoredAt: string | null = null;
  await db.operations
    .orderBy('order')
    .reverse()
    .until((o) => {
      if (o.kind === 'restauration') restoredAt = o.at;
      return o.kind === 'restauration';
    })
    .each((o) => {
      if (o.undone === 0 && o.kind !== 'annulation' && o.kind !== 'restauration') ops.push(o);
    });
  return { ops, restoredAt };
}

/** Jusqu'où l'annulation remonte (« L'annulation remonte jusqu'au … (N opérations) ») et ce que garde le journal. */
export function undoReach(db: ConvergenceDB, limits: JournalLimits): Promise<UndoReach> {
  return db.transaction('r', [db.operations, db.journal, db.files, db.blobs], async () => {
    const { ops, restoredAt } = await undoable(db);
    const oldest = ops[ops.length - 1];
    return {
      operations: ops.length,
      since: oldest?.at ?? null,
      stoppedByRestore: restoredAt,
      journalOperations: await db.operations.count(),
      journalBlobBytes: (await journalOnlyBlobs(db)).bytes,
      limits: { ...limits },
    };
  });
}
