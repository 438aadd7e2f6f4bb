import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import { Repository } from '../../../../lib/db/repository';
import { ConvergenceDB, CURRENT_VERSION, SCHEMA_V1, SCHEMA_V2, upgradeToV2 } from '../../../../lib/db/schema';
import type { AnswerV1 } from '../../../../lib/db/schema';
import { sha256Hex } from '../../../../lib/domain/evidence';
import { AnswerSchema, CompanyProfileSchema, CriterionSchema, EvidenceFileMetaSchema, ProductSchema, VariantSchema } from '../../../../lib/domain/schemas';
import { restoreBackupFile, writeBackup } from '../../../../lib/exchange/backup';
import { parseLibraryJson, serializeLibrary } from '../../../../lib/exchange/json-format';
import { commitImport, exportLibrary, previewImport } from '../../../../lib/exchange/service';
import { freshRepo } from '../../support/db';

const enc = (s: string) => new TextEncoder().encode(s);
const dbName = (what: string) => `${what}-${process.pid}-${Math.random().toString(36).slice(2)}`;

/** Une base telle que la version 1 l'écrivait : enregistrements sans les champs apparus depuis. */
async function seedV1(name: string): Promise<void> {
  const v1 = new Dexie(name);
  v1.version(1).stores(SCHEMA_V1);
  await v1.open();
  await v1.table('products').add({ id: 'p1', name: 'Ancien produit', version: '2.1', type: 'socle', responsable: 'R', description: 'D', createdAt: '2024-01-01T00:00:00.000Z' });
  await v1.table('variants').add({ id: 'v1', productId: 'p1', os: 'android', device: 'mobile' });
  await v1.table('companies').add({ id: 'c1', denomination: 'Santé SAS', siret: '12345678901234' });
  await v1.table('criteria').bulkAdd([
    { key: 'ethique/ETH.1.1', questionnaire: 'ethique', id: 'ETH.1.1', title: 'Finalités', kind: 'conformite' },
    { key: 'interoperabilite/A06.1.1', questionnaire: 'interoperabilite', id: 'A06.1.1', title: 'INS' },
  ]);
  const answers: AnswerV1[] = [
    { id: 'a1', productId: 'p1', variantId: '', questionnaire: 'interoperabilite', criterionId: 'A06.1.1', level: 'Niveau 2', comment: 'ok', source: 'capture', updatedAt: '2024-02-01T00:00:00.000Z' },
    { id: 'a2', productId: 'p1', variantId: '', questionnaire: 'ethique', criterionId: 'ETH.1.1', conformity: 'Conforme', updatedAt: '2024-02-02T00:00:00.000Z' },
    { id: 'a3', productId: 'p1', variantId: 'v1', questionnaire: 'securite', criterionId: '04.03', level: 'Maturité forte', updatedAt: '2024-02-03T00:00:00.000Z' },
  ];
  await v1.table('answers').bulkAdd(answers);
  v1.close();
}

const KEPT = new Uint8Array([37, 80, 68, 70, 45, 49, 46, 52, 1, 2, 3]);
const DELETED = new Uint8Array([37, 80, 68, 70, 45, 49, 46, 55, 9, 9, 9, 9]);

/** Puis ce que la version 2 y ajoutait : preuves avec leur Blob dans files, et dans le journal (une supprimée). */
async function seedV2(name: string): Promise<{ kept: string; deleted: string }> {
  const v2 = new Dexie(name);
  v2.version(1).stores(SCHEMA_V1);
  v2.version(2).stores(SCHEMA_V2).upgrade(upgradeToV2);
  await v2.open();
  const kept = await sha256Hex(KEPT);
  const deleted = await sha256Hex(DELETED);
  const file = (hash: string, bytes: Uint8Array, name: string) => ({
    id: `p1||${hash.slice(0, 16)}|CGU`,
    productId: 'p1',
    variantId: '',
    name,
    type: 'application/pdf',
    size: bytes.byteLength,
    hash,
    evidenceType: 'CGU',
    addedAt: '2024-03-01T00:00:00.000Z',
    blob: new Blob([bytes as BlobPart], { type: 'application/pdf' }),
  });
  const k = file(kept, KEPT, 'cgu.pdf');
  const d = file(deleted, DELETED, 'ancienne.pdf');
  await v2.table('files').add(k);
  await v2.table('operations').bulkAdd([
    { id: 'op1', order: 1, kind: 'saisie', label: 'Preuve « cgu.pdf »', author: 'a', at: '2024-03-01T00:00:00.000Z', undone: 0 },
    { id: 'op2', order: 2, kind: 'saisie', label: 'Preuve « ancienne.pdf »', author: 'a', at: '2024-03-02T00:00:00.000Z', undone: 0 },
    { id: 'op3', order: 3, kind: 'produit', label: 'Suppression', author: 'a', at: '2024-03-03T00:00:00.000Z', undone: 0 },
  ]);
  await v2.table('journal').bulkAdd([
    { opId: 'op1', table: 'files', key: k.id, before: null, after: k, at: '2024-03-01T00:00:00.000Z' },
    { opId: 'op2', table: 'files', key: d.id, before: null, after: d, at: '2024-03-02T00:00:00.000Z' },
    { opId: 'op3', table: 'files', key: d.id, before: d, after: null, at: '2024-03-03T00:00:00.000Z' },
  ]);
  v2.close();
  return { kept, deleted };
}

const SCHEMAS = { products: ProductSchema, variants: VariantSchema, companies: CompanyProfileSchema, criteria: CriterionSchema, answers: AnswerSchema, files: EvidenceFileMetaSchema } as const;

/** Chaque enregistrement de chaque table passe les schémas d'aujourd'hui (le nom de la table et le détail sinon). */
async function invalidRecords(db: ConvergenceDB): Promise<string[]> {
  const out: string[] = [];
  for (const [table, schema] of Object.entries(SCHEMAS)) {
    for (const r of await db.table(table).toArray()) {
      const ok = schema.safeParse(r);
      if (!ok.success) out.push(`${table} ${JSON.stringify(ok.error.issues.map((i) => i.path.join('.')))}`);
    }
  }
  return out;
}

/** Export JSON de la base migrée, relu par notre import dans une base neuve, puis réexporté à l'identique. */
async function exportImportRoundTrip(repo: Repository): Promise<void> {
  const text = serializeLibrary(await exportLibrary(repo, undefined, new Date('2025-01-01T00:00:00Z')));
  expect(() => parseLibraryJson(text, 'migree.json')).not.toThrow();
  const { repo: fresh } = freshRepo();
  const preview = await previewImport(fresh, { fileName: 'migree.json', data: enc(text) });
  await commitImport(fresh, preview, { conflicts: 'garder', author: 'test' });
  // Même contenu (l'ordre des clés d'un enregistrement migré peut différer) ; le JSON ne porte pas les fichiers
  // de preuves, qu'il décrit seulement : l'import ne les crée pas.
  expect(await exportLibrary(fresh, undefined, new Date('2025-01-01T00:00:00Z'))).toEqual({ ...JSON.parse(text), files: [] });
}

describe('mises à niveau : des données qui passent les schémas du jour, export → import compris', () => {
  it('v1 → actuelle : chaque enregistrement est valide, et son export JSON est accepté par notre import', async () => {
    const name = dbName('mig-v1');
    await seedV1(name);
    const db = new ConvergenceDB(name);
    await db.open();
    expect(db.verno).toBe(CURRENT_VERSION);
    expect(await invalidRecords(db)).toEqual([]);
    const c = await db.criteria.get('interoperabilite/A06.1.1');
    // Ce qui manquait est complété sans rien inventer d'autre : source « version 1 », date inconnue (époque).
    expect(c).toMatchObject({ kind: 'niveau', source: { kind: 'saisie', ref: 'version 1 de la base' }, updatedAt: '1970-01-01T00:00:00.000Z' });
    expect(await db.companies.get('c1')).toMatchObject({ denomination: 'Santé SAS', siret: '12345678901234', extra: {} });
    expect(await db.variants.get('v1')).toMatchObject({ os: 'android', device: 'mobile' });
    await exportImportRoundTrip(new Repository(db));
    db.close();
  });

  it('v2 → actuelle : contenus de preuves sortis de files et du journal (une fois chacun), annulation et export intacts', async () => {
    const name = dbName('mig-v2');
    await seedV1(name);
    const { kept, deleted } = await seedV2(name);
    const db = new ConvergenceDB(name);
    await db.open();
    expect(await invalidRecords(db)).toEqual([]);
    const files = await db.files.toArray();
    expect(files.some((f) => 'blob' in f)).toBe(false);
    const journal = await db.journal.toArray();
    expect(journal.some((e) => JSON.stringify(Object.keys((e.before ?? e.after) as object)).includes('blob'))).toBe(false);
    expect(journal.map((e) => e.blobs)).toEqual([[kept], [deleted], [deleted]]);
    expect((await db.blobs.toArray()).map((b) => b.hash).sort()).toEqual([kept, deleted].sort());

    const repo = new Repository(db);
    expect(await sha256Hex((await repo.getEvidenceFile(files[0]!.id))!.blob)).toBe(kept);
    // La suppression faite en v2 s'annule : la preuve revient, contenu compris.
    await repo.undo('test');
    const back = (await repo.listEvidenceFiles('p1')).find((f) => f.name === 'ancienne.pdf');
    expect(await sha256Hex((await repo.getEvidenceFile(back!.id))!.blob)).toBe(deleted);
    await exportImportRoundTrip(repo);

    // Et la sauvegarde complète de la base migrée se restaure.
    const { file, fileName } = await writeBackup(repo);
    const { repo: other } = freshRepo();
    await restoreBackupFile(other, file, fileName, 'test');
    expect((await other.listEvidenceFiles('p1')).map((f) => f.name).sort()).toEqual(['ancienne.pdf', 'cgu.pdf']);
    db.close();
  });
});
