/**
 * L'écrivain d'une opération : lectures et écritures des tables journalisées dans sa transaction, et les
 * entrées de journal qu'elles produisent. Seul Repository.runOperation en crée un (lib/db/repository.ts).
 */
import { UserError } from '../domain/errors';
import { formatZodIssues } from '../domain/zod-fr';
import type { ConvergenceDB, JournalEntry, JournalTable } from './schema';

/** Ce qu'une écriture a fait : le vocabulaire de tous les décomptes (SaveCounts, aperçu d'import). */
export type WriteOutcome = 'created' | 'changed' | 'unchanged';

/** À partir de SCAN_MIN clés, le Writer lit l'intervalle des clés en une requête au lieu d'une requête par clé. */
const SCAN_MIN = 50;

/** Empreintes des contenus qu'un enregistrement du journal désigne (seulement pour la table files). */
export function blobRefs(table: string, ...records: unknown[]): string[] {
  if (table !== 'files') return [];
  const out = new Set<string>();
  for (const r of records) {
    const h = r && typeof r === 'object' ? (r as { hash?: unknown }).hash : undefined;
    if (typeof h === 'string' && h) out.add(h);
  }
  return [...out];
}

/**
 * Même contenu, à l'ordre des champs près, au sens de JSON (un champ undefined est absent) et sans les
 * contenus de preuves (blob, lignes files d'avant la v3). Sans sérialiser : la comparaison de 10 000
 * enregistrements d'un import ne doit pas coûter deux JSON.stringify chacun.
 */
export function sameContent(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) || Array.isArray(b)) {
    if (!Array.isArray(a) || !Array.isArray(b) || a.length !== b.length) return false;
    for (let i = 0; i < a.length; i++) if (!sameContent(a[i], b[i])) return false;
    return true;
  }
  const ra = a as Record<string, unknown>;
  const rb = b as Record<string, unknown>;
  let n = 0;
  for (const k in ra) {
    if (!Object.hasOwn(ra, k) || k === 'blob' || ra[k] === undefined) continue;
    if (!Object.hasOwn(rb, k) || !sameContent(ra[k], rb[k])) return false;
    n++;
  }
  for (const k in rb) if (Object.hasOwn(rb, k) && k !== 'blob' && rb[k] !== undefined) n--;
  return n === 0;
}

export function validate<T>(schema: { safeParse(v: unknown): { success: true; data: T } | { success: false; error: { issues: unknown[] } } }, value: unknown, what: string): T {
  const r = schema.safeParse(value);
  if (r.success) return r.data;
  throw new UserError(`${what} invalide : ${formatZodIssues(r.error.issues as never)}`);
}

/**
 * Les changements d'une opération, dans sa transaction. Les lectures et écritures des tables journalisées
 * passent par lui : chaque enregistrement est lu une fois (load : une requête par table pour tout un lot), les
 * écritures sont gardées en mémoire puis envoyées en une fois par table (flush : bulkPut / bulkDelete) avant
 * le journal. Un aller-retour IndexedDB par enregistrement coûtait 2 s pour 5 000 réponses.
 * - Tant que flush n'a pas eu lieu, la base ne voit pas les écritures : dans une opération, relire par le
 *   Writer, jamais par this.db après une écriture.
 * - Les boucles d'un lot utilisent les formes synchrones (get, write, drop) après load : une longue suite
 *   d'await natifs sans requête Dexie fait perdre à Dexie sa transaction (PrematureCommitError).
 */
export class Writer {
  readonly entries: JournalEntry[] = [];
  /** État de chaque enregistrement lu ou écrit par l'opération (null : absent de la base). */
  private readonly current = new Map<JournalTable, Map<string, unknown>>();
  /** Clés écrites, envoyées par flush. */
  private readonly pending = new Map<JournalTable, Set<string>>();

  constructor(
    private readonly db: ConvergenceDB,
    private readonly opId: string,
    private readonly at: string,
  ) {}

  private view(table: JournalTable): Map<string, unknown> {
    let m = this.current.get(table);
    if (!m) this.current.set(table, (m = new Map()));
    return m;
  }

  /**
   * Lit d'avance, en une requête, les enregistrements qu'un lot va comparer ou écrire. Pour beaucoup de clés,
   * une lecture de l'intervalle [plus petite, plus grande] des clés primaires : un enregistrement existant de
   * l'une de ces clés y est forcément, et une requête par clé (bulkGet) coûtait plus que les écritures.
   */
  async load(table: JournalTable, keys: Iterable<string>): Promise<void> {
    const m = this.view(table);
    const wanted = new Set<string>();
    for (const k of keys) if (!m.has(k)) wanted.add(k);
    if (wanted.size === 0) return;
    const missing = [...wanted];
    const t = this.db.table(table);
    if (missing.length < SCAN_MIN) {
      const rows = (await t.bulkGet(missing)) as unknown[];
      missing.forEach((k, i) => m.set(k, rows[i] ?? null));
      return;
    }
    let lo = missing[0]!;
    let hi = lo;
    for (const k of missing) {
      if (k < lo) lo = k;
      if (k > hi) hi = k;
    }
    const keyPath = t.schema.primKey.keyPath as string;
    for (const r of (await t.where(':id').between(lo, hi, true, true).toArray()) as Record<string, unknown>[]) {
      const k = r[keyPath] as string;
      if (!m.has(k)) m.set(k, r);
    }
    for (const k of missing) if (!m.has(k)) m.set(k, null);
  }

  /** Enregistrements déjà lus dans la transaction (avant toute écriture) : pas besoin de les relire. */
  seen<T>(table: JournalTable, rows: readonly T[], keyOf: (r: T) => string): void {
    const m = this.view(table);
    for (const r of rows) if (!m.has(keyOf(r))) m.set(keyOf(r), r);
  }

  /** L'enregistrement tel que l'opération le voit (ses propres écritures comprises) ; il doit avoir été chargé. */
  get<T>(table: JournalTable, key: string): T | undefined {
    const m = this.view(table);
    if (!m.has(key)) throw new Error(`Writer : « ${table}/${key} » lu sans load préalable.`);
    return (m.get(key) ?? undefined) as T | undefined;
  }

  /** get, en chargeant l'enregistrement s'il ne l'est pas (un seul enregistrement : pas pour une boucle). */
  async fetch<T>(table: JournalTable, key: string): Promise<T | undefined> {
    await this.load(table, [key]);
    return this.get<T>(table, key);
  }

  /** Écrit un enregistrement chargé : rien si identique, sinon noté pour flush et au journal. */
  write(table: JournalTable, key: string, record: { [k: string]: unknown }): WriteOutcome {
    const before = this.get<unknown>(table, key) ?? null;
    if (before !== null && sameContent(before, record)) return 'unchanged';
    this.stage(table, key, before, record);
    return before === null ? 'created' : 'changed';
  }

  /** Supprime un enregistrement chargé (rien s'il est absent). */
  drop(table: JournalTable, key: string): void {
    const before = this.get<unknown>(table, key) ?? null;
    if (before !== null) this.stage(table, key, before, null);
  }

  async put<T extends { [k: string]: unknown }>(table: JournalTable, key: string, record: T): Promise<WriteOutcome> {
    await this.load(table, [key]);
    return this.write(table, key, record);
  }

  async remove(table: JournalTable, key: string): Promise<void> {
    await this.load(table, [key]);
    this.drop(table, key);
  }

  /** Envoie les écritures en attente : une requête par table et par sorte (écrire, supprimer). */
  async flush(): Promise<void> {
    for (const [table, keys] of this.pending) {
      const m = this.view(table);
      const puts: unknown[] = [];
      const dels: string[] = [];
      for (const k of keys) {
        const v = m.get(k);
        if (v === null || v === undefined) dels.push(k);
        else puts.push(v);
      }
      if (dels.length) await this.db.table(table).bulkDelete(dels);
      if (puts.length) await this.db.table(table).bulkPut(puts);
    }
    this.pending.clear();
  }

  private stage(table: JournalTable, key: string, before: unknown, after: unknown): void {
    this.view(table).set(key, after);
    let keys = this.pending.get(table);
    if (!keys) this.pending.set(table, (keys = new Set()));
    keys.add(key);
    this.push(table, key, before, after);
  }

  /** Une preuve n'entre au journal que par sa description : le contenu est désigné par son empreinte. */
  private push(table: JournalTable, key: string, before: unknown, after: unknown): void {
    const entry: JournalEntry = { opId: this.opId, table, key, before, after, at: this.at };
    const blobs = blobRefs(table, before, after);
    if (blobs.length) entry.blobs = blobs;
    this.entries.push(entry);
  }
}
