/**
 * Sauvegarde complète et restauration, côté base : tout lire en une transaction, tout remplacer en une autre.
 * Le format du fichier et ses vérifications vivent dans lib/exchange/backup.ts.
 */
import { UserError } from '../domain/errors';
import type { Answer, CompanyProfile, Criterion, EvidenceFileMeta, Product, Variant } from '../domain/schemas';
import { ALL_TABLES, pruneJournal } from './journal';
import type { JournalLimits } from './journal';
import { journalChanges } from './schema';
import type { ConvergenceDB, JournalEntry, OperationRecord, PackageRecord, SharingRecord } from './schema';
import { SIGNING_KEY_ID, sharingKindOf } from './sharing';
import { withStorageErrors } from './storage-errors';
import { blobRefs } from './writer';

/** Tout ce qu'une sauvegarde complète contient (les contenus de preuves à part, désignés par empreinte). */
export interface LibrarySnapshot {
  products: Product[];
  variants: Variant[];
  companies: CompanyProfile[];
  criteria: Criterion[];
  answers: Answer[];
  files: EvidenceFileMeta[];
  operations: OperationRecord[];
  journal: JournalEntry[];
  /** Paquets producteur reçus (sauvegarde v2) : absents d'une sauvegarde v1. */
  packages?: PackageRecord[];
  /** Réglages de partage sauvegardés (lib/db/sharing.ts), jamais la clé de signature ; absents en v1. */
  sharing?: SharingRecord[];
}

export interface BlobInfo {
  sha256: string;
  size: number;
  type: string;
}

/** Tout ce que contient une sauvegarde, lu en une transaction ; les contenus sont listés, pas lus. */
export async function readSnapshot(db: ConvergenceDB): Promise<{ data: LibrarySnapshot; blobs: BlobInfo[] }> {
  return db.transaction('r', [...ALL_TABLES, 'sharing'], async () => {
    const [products, variants, companies, criteria, answers, files, operations, journal, packages, sharing] = await Promise.all([
      db.products.toArray(),
      db.variants.toArray(),
      db.companies.toArray(),
      db.criteria.toArray(),
      db.answers.toArray(),
      db.files.toArray(),
      db.operations.orderBy('order').toArray(),
      db.journal.toArray(),
      db.packages.toArray(),
      db.sharing.toArray(),
    ]);
    const used = new Set<string>(files.map((f) => f.hash));
    for (const e of journal) for (const h of e.blobs ?? []) used.add(h);
    // Le fichier garde une entrée par changement : les lots (v4) sont dépliés.
    const changes = journal.flatMap(journalChanges);
    const blobs: BlobInfo[] = [];
    for (const b of await db.blobs.bulkGet([...used].sort())) if (b) blobs.push({ sha256: b.hash, size: b.size, type: b.type });
    if (blobs.length !== used.size) throw new UserError('Des contenus de preuves manquent dans la base : sauvegarde impossible.');
    return {
      data: {
        products,
        variants,
        companies,
        criteria,
        answers,
        files: files.map(({ blob: _b, ...m }) => m),
        operations,
        journal: changes,
        packages: packages.sort((a, b) => a.id.localeCompare(b.id)),
        // Seulement les réglages du registre : la clé de signature (non exportable) n'en est pas.
        sharing: sharing.filter((r) => sharingKindOf(r.id)).sort((a, b) => a.id.localeCompare(b.id)),
      },
      blobs,
    };
  });
}

/**
 * Remplace toute la bibliothèque par une sauvegarde vérifiée, en UNE transaction (tout ou rien) : chaque
 * table est vidée puis remplie, les aperçus d'import en attente sont oubliés (ils décrivaient l'ancienne
 * base), et une opération « restauration » est notée : l'annulation ne remonte pas au-delà. L'appelant a
 * vérifié les données (lib/exchange/backup.ts).
 */
export async function restoreSnapshot(
  db: ConvergenceDB,
  limits: JournalLimits,
  at: string,
  data: LibrarySnapshot,
  blobs: ReadonlyMap<string, Blob>,
  meta: { author: string; label: string },
): Promise<OperationRecord> {
  const needed = new Set<string>(data.files.map((f) => f.hash));
  const journal = data.journal.map((e) => {
    const refs = blobRefs(e.table, e.before, e.after);
    refs.forEach((h) => needed.add(h));
    const { blobs: _old, ...rest } = e;
    return refs.length ? { ...rest, blobs: refs } : rest;
  });
  for (const h of needed) if (!blobs.has(h)) throw new UserError(`Contenu de preuve manquant (empreinte ${h.slice(0, 12)}…) : restauration impossible.`);
  return withStorageErrors(() =>
    db.transaction('rw', [...ALL_TABLES, 'previews', 'sharing'], async () => {
      // Réglages de partage (sauvegarde v2) : remplacés par ceux de la sauvegarde, la clé de signature de ce
      // navigateur gardée ; les numéros d'ordre ne reculent pas. Une sauvegarde v1 ne les touche pas.
      if (data.sharing) {
        const current = new Map((await db.sharing.toArray()).map((r) => [r.id, r.value]));
        await db.sharing.where('id').noneOf([SIGNING_KEY_ID]).delete();
        await db.sharing.bulkPut(
          data.sharing.map((r) => {
            const merge = sharingKindOf(r.id)?.merge;
            return { id: r.id, value: merge && current.has(r.id) ? merge(current.get(r.id), r.value) : r.value };
          }),
        );
      }
      for (const t of [...ALL_TABLES, 'previews']) await db.table(t).clear();
      await db.products.bulkAdd(data.products);
      await db.variants.bulkAdd(data.variants);
      await db.companies.bulkAdd(data.companies);
      await db.criteria.bulkAdd(data.criteria);
      await db.answers.bulkAdd(data.answers);
      await db.files.bulkAdd(data.files);
      await db.blobs.bulkAdd([...needed].map((hash) => {
        const blob = blobs.get(hash)!;
        return { hash, blob, size: blob.size, type: blob.type };
      }));
      await db.operations.bulkAdd(data.operations);
      await db.journal.bulkAdd(journal);
      if (data.packages?.length) await db.packages.bulkAdd(data.packages);
      const last = await db.operations.orderBy('order').last();
      const op: OperationRecord = { id: crypto.randomUUID(), order: (last?.order ?? 0) + 1, kind: 'restauration', label: meta.label, author: meta.author, at, undone: 0 };
      await db.operations.add(op);
      await pruneJournal(db, limits, true);
      return op;
    }),
  );
}
