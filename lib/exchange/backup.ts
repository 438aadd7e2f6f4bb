/**
 * Sauvegarde complète (docs/formats.md, § 4) : toute la base — produits, variantes, fiches, catalogue,
 * réponses, journal (historique) et CONTENU des preuves — dans un seul fichier JSON avec empreintes SHA-256.
 *
 * Mémoire : le fichier n'est jamais tenu en entier. À l'écriture, l'arrière-plan rend l'en-tête et les
 * données, puis chaque contenu un par un ; la page assemble un Blob. À la lecture, la page repère la
 * structure du fichier par morceaux (scanBackup) et envoie l'en-tête puis chaque contenu un par un ;
 * l'arrière-plan vérifie tout (il ne croit pas la page) avant d'écrire quoi que ce soit, en une transaction.
 */
import { z } from 'zod';
import { UserError } from '../domain/errors';
import { sha256Hex } from '../domain/evidence';
import {
  answerIdsAgree,
  AnswerSchema,
  CompanyProfileSchema,
  CriterionSchema,
  EvidenceFileMetaSchema,
  IsoDateTimeSchema,
  ProductSchema,
  VariantSchema,
  text,
} from '../domain/schemas';
import { FORBIDDEN_KEYS } from '../domain/text';
import { formatZodIssues } from '../domain/zod-fr';
import type { BlobInfo, LibrarySnapshot, Repository } from '../db/repository';
import { CURRENT_VERSION, JOURNAL_TABLES, OPERATION_KINDS } from '../db/schema';
import type { OperationRecord, PackageRecord } from '../db/schema';
import { SharingBackupSchema } from '../db/sharing';
import { base64ToBytes, encodeBase64 } from '../text/base64';
import { verifyPackage } from './package/verify';

export const BACKUP_FORMAT = 'assistant-convergence-sauvegarde';
/** v2 : paquets producteur reçus et réglages de partage en plus. Une sauvegarde v1 se restaure toujours. */
export const BACKUP_VERSION = 2;
const READABLE_VERSIONS: readonly number[] = [1, 2];

// ---------- schémas ----------

const Sha256Schema = z.string().regex(/^[0-9a-f]{64}$/, { message: 'empreinte SHA-256 attendue' });

const OperationSchema = z.strictObject({
  id: text(100).min(1),
  order: z.number().int().positive(),
  kind: z.enum(OPERATION_KINDS),
  label: text(5000),
  author: text(200),
  at: IsoDateTimeSchema,
  undone: z.union([z.literal(0), z.literal(1)]),
  undoes: text(100).optional(),
});

const JournalEntrySchema = z.strictObject({
  seq: z.number().int().positive(),
  opId: text(100).min(1),
  table: z.enum(JOURNAL_TABLES),
  key: text(400).min(1),
  before: z.unknown(),
  after: z.unknown(),
  at: IsoDateTimeSchema,
  blobs: z.array(Sha256Schema).max(2).optional(),
});

/** Schéma d'un enregistrement de chaque table, et sa clé : aussi pour les états before/after du journal. */
const RECORDS = {
  products: { schema: ProductSchema, key: (r: { id: string }) => r.id },
  variants: { schema: VariantSchema, key: (r: { id: string }) => r.id },
  companies: { schema: CompanyProfileSchema, key: (r: { id: string }) => r.id },
  criteria: { schema: CriterionSchema, key: (r: { key: string }) => r.key },
  answers: { schema: AnswerSchema, key: (r: { id: string }) => r.id },
  files: { schema: EvidenceFileMetaSchema, key: (r: { id: string }) => r.id },
} as const;

/** Un paquet producteur reçu : ses octets tels que reçus (base64), revérifiés à la restauration. */
const PackageBackupSchema = z.strictObject({
  id: text(200).min(1),
  opId: text(100).min(1),
  producerProductId: text(100).min(1),
  distributorProductIds: z.array(text(100).min(1)).max(1000),
  fingerprint: Sha256Schema,
  convergenceNumber: z.string().regex(/^\d{1,12}$/),
  sequence: z.number().int().min(1),
  producerName: text(300),
  createdAt: IsoDateTimeSchema,
  importedAt: IsoDateTimeSchema,
  fileName: text(500),
  sha256: Sha256Schema,
  content: z.string().max(14_500_000),
  changed: z.array(text(100)).max(20000),
});
type PackageBackup = z.infer<typeof PackageBackupSchema>;

const BlobInfoSchema = z.strictObject({ sha256: Sha256Schema, size: z.number().int().nonnegative(), type: text(200) });

const CountsSchema = z.strictObject({
  products: z.number().int().nonnegative(),
  variants: z.number().int().nonnegative(),
  companies: z.number().int().nonnegative(),
  criteria: z.number().int().nonnegative(),
  answers: z.number().int().nonnegative(),
  files: z.number().int().nonnegative(),
  operations: z.number().int().nonnegative(),
  journal: z.number().int().nonnegative(),
  blobs: z.number().int().nonnegative(),
  blobBytes: z.number().int().nonnegative(),
  packages: z.number().int().nonnegative().optional(),
  sharing: z.number().int().nonnegative().optional(),
});
type BackupCounts = z.infer<typeof CountsSchema>;

const ManifestSchema = z.strictObject({
  format: z.literal(BACKUP_FORMAT),
  version: z.union([z.literal(1), z.literal(BACKUP_VERSION)]),
  createdAt: IsoDateTimeSchema,
  generator: text(200),
  schemaVersion: z.number().int().min(1),
  counts: CountsSchema,
  checksum: z.strictObject({ algorithm: z.literal('SHA-256'), content: Sha256Schema }),
  data: z.strictObject({
    products: z.array(ProductSchema).max(5000),
    variants: z.array(VariantSchema).max(20000),
    companies: z.array(CompanyProfileSchema).max(1000),
    criteria: z.array(CriterionSchema).max(50000),
    answers: z.array(AnswerSchema).max(1_000_000),
    files: z.array(EvidenceFileMetaSchema).max(100000),
    operations: z.array(OperationSchema).max(100000),
    journal: z.array(JournalEntrySchema).max(5_000_000),
    packages: z.array(PackageBackupSchema).max(10000).optional(),
    sharing: z.array(SharingBackupSchema).max(100000).optional(),
  }),
  /** Index des contenus : dans le fichier, chaque élément porte aussi `base64`. */
  blobs: z.array(BlobInfoSchema).max(100000),
});

/** L'en-tête vérifié d'une sauvegarde (sans les contenus des preuves). */
type BackupManifest = Omit<z.infer<typeof ManifestSchema>, 'data'> & { data: LibrarySnapshot };

interface BlobEntry extends BlobInfo {
  base64: string;
}

/**
 * Un fichier refusé. `integrity` : c'est bien une sauvegarde, mais abîmée ou modifiée (code 1 de
 * convergence-helper) ; sinon le fichier n'est pas lisible comme sauvegarde (code 2).
 */
class BackupFileError extends UserError {
  constructor(
    message: string,
    readonly integrity: boolean,
  ) {
    super(message);
  }
}

const refused = (fileName: string, why: string, integrity = true) =>
  new BackupFileError(`Sauvegarde « ${fileName} » refusée, rien n'a été écrit : ${why}`, integrity);

// ---------- empreinte du contenu ----------

/**
 * L'empreinte « du contenu entier » : SHA-256 du JSON (sérialisation de JSON.stringify) de
 * [format, version, createdAt, generator, schemaVersion, counts, data, index des contenus]. L'index porte le
 * SHA-256 de chaque contenu, vérifié à part : l'empreinte couvre donc tous les octets du fichier, sans qu'il
 * faille hacher des dizaines de Mo d'un seul tenant. Elle ne dépend pas de la mise en forme (espaces, retours).
 */
export async function contentChecksum(m: { [K in 'format' | 'version' | 'createdAt' | 'generator' | 'schemaVersion' | 'counts' | 'data' | 'blobs']: unknown }): Promise<string> {
  const canonical = JSON.stringify([m.format, m.version, m.createdAt, m.generator, m.schemaVersion, m.counts, m.data, m.blobs]);
  return sha256Hex(new TextEncoder().encode(canonical));
}

function countsOf(data: LibrarySnapshot, blobs: readonly BlobInfo[]): BackupCounts {
  return {
    products: data.products.length,
    variants: data.variants.length,
    companies: data.companies.length,
    criteria: data.criteria.length,
    answers: data.answers.length,
    files: data.files.length,
    operations: data.operations.length,
    journal: data.journal.length,
    blobs: blobs.length,
    blobBytes: blobs.reduce((n, b) => n + b.size, 0),
    ...(data.packages ? { packages: data.packages.length } : {}),
    ...(data.sharing ? { sharing: data.sharing.length } : {}),
  };
}

function packageToBackup(p: PackageRecord): PackageBackup {
  const { bytes, ...rest } = p;
  return { ...rest, content: encodeBase64(bytes) };
}

/**
 * Les paquets d'une sauvegarde : chacun doit être encore exactement le paquet signé reçu (octets, empreinte,
 * signature, clé, numéro d'ordre, n° Convergence). Un paquet changé dans la sauvegarde ne deviendrait pas
 * une « réponse du producteur » sans signature valable.
 */
async function packagesFromBackup(rows: readonly PackageBackup[], fileName: string): Promise<PackageRecord[]> {
  const out: PackageRecord[] = [];
  for (const [i, r] of rows.entries()) {
    const where = `paquet data.packages[${i}] (« ${r.fileName.slice(0, 100)} »)`;
    let bytes: Uint8Array;
    try {
      if (r.content.length % 4 !== 0 || !BASE64.test(r.content)) throw new Error('base64');
      bytes = base64ToBytes(r.content);
    } catch {
      throw refused(fileName, `${where} : contenu illisible (base64 invalide).`);
    }
    if ((await sha256Hex(bytes)) !== r.sha256) throw refused(fileName, `${where} : le contenu ne correspond pas à son empreinte SHA-256.`);
    const v = await verifyPackage(bytes, r.fileName);
    if (!v.ok) throw refused(fileName, `${where} : ${v.message}`);
    if (v.fingerprint.hex !== r.fingerprint || v.package.sequence !== r.sequence || v.package.product.convergenceNumber !== r.convergenceNumber)
      throw refused(fileName, `${where} : la clé, le numéro d'ordre ou le n° Convergence ne correspondent pas au paquet signé.`);
    const { content: _c, ...rest } = r;
    out.push({ ...rest, bytes });
  }
  return out;
}

// ---------- vérifications ----------

function findForbiddenKey(value: unknown, path: string, depth = 0): string | null {
  if (depth > 64) return path;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const p = findForbiddenKey(value[i], `${path}[${i}]`, depth + 1);
      if (p) return p;
    }
  } else if (value && typeof value === 'object') {
    for (const k of Object.keys(value)) {
      const here = path ? `${path}.${k}` : k;
      if (FORBIDDEN_KEYS.has(k)) return here;
      const p = findForbiddenKey((value as Record<string, unknown>)[k], here, depth + 1);
      if (p) return p;
    }
  }
  return null;
}

/**
 * Cohérence des données entre elles : identifiants uniques, réponses et preuves rattachées à un produit
 * (et une variante) présents, journal rattaché à ses opérations, états du journal conformes aux schémas,
 * chaque contenu désigné présent dans l'index. Rend la liste des problèmes (vide : cohérent).
 */
function snapshotProblems(data: LibrarySnapshot, blobs: readonly BlobInfo[], max = 5): string[] {
  const out: string[] = [];
  const add = (s: string) => void (out.length < max + 1 && out.push(s));
  const index = new Set(blobs.map((b) => b.sha256));
  if (index.size !== blobs.length) add('contenu en double dans « blobs »');
  for (const table of ['products', 'variants', 'companies', 'criteria', 'answers', 'files'] as const) {
    const keyOf = RECORDS[table].key as (r: unknown) => string;
    const seen = new Set<string>();
    (data[table] as unknown[]).forEach((r, i) => {
      const k = keyOf(r);
      if (seen.has(k)) add(`champ data.${table}[${i}] : identifiant en double « ${k} »`);
      seen.add(k);
    });
  }
  const products = new Set(data.products.map((p) => p.id));
  const variants = new Map(data.variants.map((v) => [v.id, v.productId]));
  const inScope = (productId: string, variantId: string) => products.has(productId) && (!variantId || variants.get(variantId) === productId);
  data.variants.forEach((v, i) => {
    if (!products.has(v.productId)) add(`champ data.variants[${i}].productId : produit « ${v.productId} » absent`);
  });
  data.answers.forEach((a, i) => {
    if (!inScope(a.productId, a.variantId)) add(`champ data.answers[${i}] : produit ou variante absent (« ${a.id} »)`);
    if (!answerIdsAgree(a))
      add(`champ data.answers[${i}].id : identifiant incohérent avec produit, variante et critère`);
  });
  data.files.forEach((f, i) => {
    if (!inScope(f.productId, f.variantId)) add(`champ data.files[${i}] : produit ou variante absent (« ${f.name} »)`);
    if (!index.has(f.hash)) add(`champ data.files[${i}].hash : contenu de « ${f.name} » absent du fichier`);
  });
  const ops = new Set<string>();
  const orders = new Set<number>();
  data.operations.forEach((o, i) => {
    if (ops.has(o.id) || orders.has(o.order)) add(`champ data.operations[${i}] : opération en double`);
    ops.add(o.id);
    orders.add(o.order);
  });
  const seqs = new Set<number>();
  data.journal.forEach((e, i) => {
    const where = `data.journal[${i}]`;
    if (e.seq === undefined || seqs.has(e.seq)) add(`champ ${where}.seq : numéro en double`);
    if (e.seq !== undefined) seqs.add(e.seq);
    if (!ops.has(e.opId)) add(`champ ${where}.opId : opération « ${e.opId} » absente`);
    const rec = RECORDS[e.table];
    for (const side of ['before', 'after'] as const) {
      const v = e[side];
      if (v === null) continue;
      const r = rec.schema.safeParse(v);
      if (!r.success) {
        add(`${formatZodIssues(r.error.issues, 1).replace(/^champ /, `champ ${where}.${side}.`)}`);
        continue;
      }
      if ((rec.key as (x: unknown) => string)(r.data) !== e.key) add(`champ ${where}.${side} : clé différente de « ${e.key} »`);
      if (e.table === 'files' && !index.has((r.data as { hash: string }).hash)) add(`champ ${where}.${side}.hash : contenu absent du fichier`);
    }
  });
  const packageIds = new Set<string>();
  (data.packages ?? []).forEach((p, i) => {
    if (packageIds.has(p.id)) add(`champ data.packages[${i}] : identifiant en double « ${p.id} »`);
    packageIds.add(p.id);
    for (const id of [p.producerProductId, ...p.distributorProductIds])
      if (!products.has(id)) add(`champ data.packages[${i}] : produit « ${id} » absent`);
  });
  const sharingIds = new Set<string>();
  (data.sharing ?? []).forEach((r, i) => {
    if (sharingIds.has(r.id)) add(`champ data.sharing[${i}] : réglage en double « ${r.id} »`);
    sharingIds.add(r.id);
  });
  if (out.length > max) out.splice(max, out.length - max, '…');
  return out;
}

/** Valide l'en-tête : format, version, empreinte du contenu, schémas, comptes, cohérence. Lève une erreur française. */
async function verifyManifest(value: unknown, fileName: string): Promise<BackupManifest> {
  if (!value || typeof value !== 'object' || Array.isArray(value)) throw refused(fileName, "ce n'est pas une sauvegarde Assistant Convergence.", false);
  const raw = value as Record<string, unknown>;
  if (raw.format !== BACKUP_FORMAT) {
    if (raw.format === 'assistant-convergence')
      throw refused(fileName, "c'est un export JSON de bibliothèque, pas une sauvegarde complète : importez-le avec « Importer ».", false);
    throw refused(fileName, `ce n'est pas une sauvegarde Assistant Convergence (champ « format » attendu : « ${BACKUP_FORMAT} »).`, false);
  }
  if (typeof raw.version !== 'number' || !READABLE_VERSIONS.includes(raw.version))
    throw refused(fileName, `version de sauvegarde ${String(raw.version)} non prise en charge (versions lues : ${READABLE_VERSIONS.join(', ')}).`, false);
  const bad = findForbiddenKey(value, '');
  if (bad) throw refused(fileName, `clé interdite au champ ${bad}.`);
  // L'empreinte d'abord : un fichier modifié est signalé comme tel, avant le détail de ce qui ne va plus.
  const declared = (raw.checksum as { content?: unknown } | undefined)?.content;
  if (typeof declared !== 'string') throw refused(fileName, 'empreinte SHA-256 du contenu absente (champ « checksum.content »).');
  if ((await contentChecksum(raw as Parameters<typeof contentChecksum>[0])) !== declared)
    throw refused(fileName, "l'empreinte SHA-256 du contenu ne correspond pas : le fichier a été modifié ou abîmé depuis la sauvegarde.");
  const r = ManifestSchema.safeParse(value);
  if (!r.success) throw refused(fileName, `${formatZodIssues(r.error.issues)}.`);
  const m = r.data;
  if (m.schemaVersion > CURRENT_VERSION)
    throw refused(fileName, `elle vient d'une version plus récente de l'extension (base v${m.schemaVersion}, celle-ci : v${CURRENT_VERSION}) : mettez l'extension à jour.`, false);
  if (m.version === BACKUP_VERSION && (!m.data.packages || !m.data.sharing))
    throw refused(fileName, `champs « data.packages » et « data.sharing » attendus en version ${BACKUP_VERSION}.`);
  const data = { ...m.data, packages: m.data.packages && (await packagesFromBackup(m.data.packages, fileName)) } as LibrarySnapshot;
  if (!data.packages) delete data.packages;
  const expected = countsOf(data, m.blobs);
  const wrong = (Object.keys(expected) as (keyof BackupCounts)[]).filter((k) => expected[k] !== m.counts[k]);
  if (wrong.length) throw refused(fileName, `les comptes annoncés ne correspondent pas au contenu (${wrong.join(', ')}).`);
  const problems = snapshotProblems(data, m.blobs);
  if (problems.length) throw refused(fileName, `${problems.join(' ; ')}.`);
  return { ...m, data };
}

/** L'en-tête reçu en texte (message de la page, outil en ligne de commande). */
async function parseManifestText(manifestText: string, fileName: string): Promise<BackupManifest> {
  let value: unknown;
  try {
    value = JSON.parse(manifestText);
  } catch (e) {
    throw refused(fileName, `JSON invalide (${e instanceof Error ? e.message : 'syntaxe'}).`);
  }
  return verifyManifest(value, fileName);
}

const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;

/** Vérifie un contenu du fichier contre l'index vérifié ; rend le Blob à enregistrer. */
async function verifyBlobEntry(entry: unknown, index: ReadonlyMap<string, BlobInfo>, fileName: string): Promise<{ info: BlobInfo; blob: Blob }> {
  const e = entry as Partial<BlobEntry> | null;
  const sha = typeof e?.sha256 === 'string' ? e.sha256 : '';
  const info = index.get(sha);
  if (!info) throw refused(fileName, `contenu de preuve inattendu (empreinte « ${sha.slice(0, 64)} » absente de l'index).`);
  const short = sha.slice(0, 12);
  if (typeof e?.base64 !== 'string' || e.base64.length % 4 !== 0 || !BASE64.test(e.base64))
    throw refused(fileName, `contenu de preuve ${short}… illisible (base64 invalide).`);
  const bytes = base64ToBytes(e.base64);
  if (bytes.byteLength !== info.size) throw refused(fileName, `contenu de preuve ${short}… : ${bytes.byteLength} octets au lieu de ${info.size}.`);
  if ((await sha256Hex(bytes)) !== sha) throw refused(fileName, `le contenu de preuve ${short}… ne correspond pas à son empreinte SHA-256 : fichier modifié ou abîmé.`);
  return { info, blob: new Blob([bytes as BlobPart], { type: info.type }) };
}

// ---------- écriture (arrière-plan) ----------

interface BackupFrame {
  fileName: string;
  /** Début du fichier jusqu'à `"blobs":[` inclus. */
  head: string;
  /** Contenus à écrire ensuite, un élément chacun (blobEntryText), dans cet ordre. */
  blobs: BlobInfo[];
  tail: string;
  counts: BackupCounts;
}

const BACKUP_TAIL = '\n]}\n';

function backupFileName(now: Date): string {
  const iso = now.toISOString();
  return `assistant-convergence-sauvegarde-${iso.slice(0, 10)}-${iso.slice(11, 13)}${iso.slice(14, 16)}.json`;
}

/** Un élément de `blobs` dans le fichier ; `first` : sans virgule devant. */
export function blobEntryText(info: BlobInfo, base64: string, first: boolean): string {
  return `${first ? '' : ',\n'}${JSON.stringify({ sha256: info.sha256, size: info.size, type: info.type, base64 })}`;
}

/**
 * L'en-tête d'une sauvegarde de toute la base. Une donnée qui ne passe plus les schémas empêche la
 * sauvegarde (elle ne pourrait pas être restaurée) avec un message qui la nomme.
 */
export async function buildBackup(repo: Repository, now = new Date()): Promise<BackupFrame> {
  const { data, blobs } = withoutUnreadableHistory(await repo.readSnapshot());
  for (const table of ['products', 'variants', 'companies', 'criteria', 'answers', 'files'] as const) {
    const schema = RECORDS[table].schema;
    for (const [i, r] of (data[table] as unknown[]).entries()) {
      const ok = schema.safeParse(r);
      if (!ok.success) throw new UserError(`Sauvegarde impossible : l'enregistrement data.${table}[${i}] n'est pas valide (${formatZodIssues(ok.error.issues, 2)}).`);
    }
  }
  const problems = snapshotProblems(data, blobs);
  if (problems.length) throw new UserError(`Sauvegarde impossible, la base est incohérente : ${problems.join(' ; ')}.`);
  // Dans le fichier, les octets des paquets sont en base64.
  const fileData = { ...data, packages: (data.packages ?? []).map(packageToBackup), sharing: data.sharing ?? [] };
  const base = {
    format: BACKUP_FORMAT,
    version: BACKUP_VERSION,
    createdAt: now.toISOString(),
    generator: 'Assistant Convergence',
    schemaVersion: CURRENT_VERSION,
    counts: countsOf(data, blobs),
    data: fileData,
    blobs,
  } as const;
  const checksum = { algorithm: 'SHA-256', content: await contentChecksum(base) };
  const member = (k: string, v: unknown) => `${JSON.stringify(k)}:${JSON.stringify(v)}`;
  const head =
    `{${[member('format', base.format), member('version', base.version), member('createdAt', base.createdAt), member('generator', base.generator), member('schemaVersion', base.schemaVersion)].join(',')},\n` +
    `${member('counts', base.counts)},\n${member('checksum', checksum)},\n${member('data', fileData)},\n"blobs":[\n`;
  return { fileName: backupFileName(now), head, blobs, tail: BACKUP_TAIL, counts: base.counts };
}

/**
 * Un état du journal qui ne passe plus les schémas (écrit par une ancienne version) rendrait la sauvegarde
 * impossible à restaurer : l'historique est alors coupé avant la plus récente opération concernée (ce qui
 * reste est une suite continue, que l'annulation peut défaire dans l'ordre).
 */
function withoutUnreadableHistory(s: { data: LibrarySnapshot; blobs: BlobInfo[] }): { data: LibrarySnapshot; blobs: BlobInfo[] } {
  const { data } = s;
  const ops = new Map(data.operations.map((o) => [o.id, o]));
  let cut = -Infinity;
  for (const e of data.journal) {
    const rec = RECORDS[e.table];
    const valid = ops.has(e.opId) && [e.before, e.after].every((v) => v === null || (rec.schema.safeParse(v).success && (rec.key as (x: unknown) => string)(v) === e.key));
    if (!valid) cut = Math.max(cut, ops.get(e.opId)?.order ?? Infinity);
  }
  if (cut === -Infinity) return s;
  const operations = cut === Infinity ? [] : data.operations.filter((o) => o.order > cut);
  const kept = new Set(operations.map((o) => o.id));
  const journal = data.journal.filter((e) => kept.has(e.opId));
  const used = new Set(data.files.map((f) => f.hash));
  for (const e of journal) for (const h of e.blobs ?? []) used.add(h);
  return { data: { ...data, operations, journal }, blobs: s.blobs.filter((b) => used.has(b.sha256)) };
}

/** Le contenu rangé sous une empreinte, vérifié avant d'être sauvegardé. */
export async function blobForBackup(repo: Repository, sha256: string): Promise<string> {
  const b = await repo.getBlob(sha256);
  if (!b) throw new UserError('Un contenu de preuve a disparu pendant la sauvegarde (bibliothèque modifiée entre-temps) : recommencez la sauvegarde.');
  const bytes = new Uint8Array(await b.blob.arrayBuffer());
  if ((await sha256Hex(bytes)) !== sha256) throw new UserError(`Le contenu de preuve ${sha256.slice(0, 12)}… est abîmé dans la base (empreinte différente) : sauvegarde impossible.`);
  return encodeBase64(bytes);
}

/** Le fichier entier, en mémoire (tests, outil en ligne de commande). La page passe par les messages. */
export async function writeBackup(repo: Repository, now = new Date()): Promise<{ fileName: string; file: Blob; counts: BackupCounts }> {
  const frame = await buildBackup(repo, now);
  const parts: string[] = [frame.head];
  for (const [i, b] of frame.blobs.entries()) parts.push(blobEntryText(b, await blobForBackup(repo, b.sha256), i === 0));
  parts.push(frame.tail);
  return { fileName: frame.fileName, file: new Blob(parts, { type: 'application/json' }), counts: frame.counts };
}

// ---------- lecture par morceaux (page, outil en ligne de commande) ----------

interface Range {
  start: number;
  end: number;
}

interface BackupScan {
  /** Position de la valeur de chaque champ de premier niveau. */
  members: Map<string, Range>;
  /** Position de chaque élément de `blobs`. */
  blobs: Range[];
}

const CHUNK = 4 * 1024 * 1024;

async function readBytes(file: Blob, start: number, end: number): Promise<Uint8Array> {
  const part = file.slice(start, end);
  if (typeof part.arrayBuffer === 'function') return new Uint8Array(await part.arrayBuffer());
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(new Uint8Array(reader.result as ArrayBuffer));
    reader.onerror = () => reject(reader.error ?? new Error('lecture impossible'));
    reader.readAsArrayBuffer(part);
  });
}

async function readText(file: Blob, r: Range, fileName: string): Promise<string> {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(await readBytes(file, r.start, r.end));
  } catch {
    throw refused(fileName, 'texte illisible (UTF-8 invalide).');
  }
}

const enum S {
  Start,
  Key,
  AfterKey,
  Colon,
  Value,
  AfterValue,
  Done,
}

/**
 * Repère, sans tout charger, la structure d'un objet JSON : la position de chaque valeur de premier niveau
 * et de chaque élément du tableau `blobs`. Les octets structurants (« { } [ ] , : " ») sont ASCII et
 * n'apparaissent jamais dans une séquence UTF-8 multi-octets : on peut lire octet par octet. Chaque valeur
 * repérée est ensuite lue par JSON.parse, qui la valide.
 */
async function scanBackup(file: Blob, fileName: string, onProgress?: (read: number, total: number) => void, chunkSize = CHUNK): Promise<BackupScan> {
  const members = new Map<string, Range>();
  const blobs: Range[] = [];
  const syntax = (pos: number) => refused(fileName, `JSON invalide (position ${pos}).`, members.get('format') !== undefined);
  let state = S.Start;
  let started = false;
  let depth = 0;
  let inString = false;
  let escape = false;
  let key: number[] = [];
  let currentKey = '';
  let valueStart = -1;
  let lastNonWs = -1;
  let inBlobs = false;
  let elemStart = -1;
  let expectElem = false;
  const endMember = () => {
    if (members.has(currentKey)) throw refused(fileName, `champ « ${currentKey} » en double.`);
    members.set(currentKey, { start: valueStart, end: lastNonWs + 1 });
    valueStart = -1;
  };
  for (let offset = 0; offset < file.size; offset += chunkSize) {
    const bytes = await readBytes(file, offset, Math.min(file.size, offset + chunkSize));
    for (let j = 0; j < bytes.length; j++) {
      const b = bytes[j]!;
      const i = offset + j;
      if (inString) {
        if (state === S.Key && depth === 1) {
          if (key.length > 200) throw refused(fileName, 'nom de champ trop long.', false);
          if (escape || (b !== 0x22 && b !== 0x5c)) key.push(b);
        }
        if (escape) escape = false;
        else if (b === 0x5c) {
          escape = true;
          if (state === S.Key && depth === 1) key.push(b);
        } else if (b === 0x22) {
          inString = false;
          if (state === S.Key && depth === 1) {
            try {
              currentKey = JSON.parse(`"${new TextDecoder('utf-8', { fatal: true }).decode(new Uint8Array(key))}"`) as string;
            } catch {
              throw syntax(i);
            }
            state = S.AfterKey;
          }
        }
        lastNonWs = i;
        continue;
      }
      if (b === 0x20 || b === 0x0a || b === 0x0d || b === 0x09) continue;
      if (!started) {
        if (i < 3 && b === [0xef, 0xbb, 0xbf][i]) continue; // BOM
        if (b !== 0x7b) throw refused(fileName, "ce n'est pas une sauvegarde Assistant Convergence (un objet JSON est attendu).", false);
        started = true;
        depth = 1;
        state = S.Start;
        lastNonWs = i;
        continue;
      }
      if (state === S.Done) throw refused(fileName, 'du texte suit la fin du JSON.');
      if (depth === 1) {
        // Premier niveau : « "clé" : valeur , … } » strictement.
        if (state === S.Start || state === S.Key) {
          if (b === 0x22) {
            inString = true;
            key = [];
            state = S.Key;
          } else if (b === 0x7d && state === S.Start && members.size === 0) {
            depth = 0;
            state = S.Done;
          } else throw syntax(i);
        } else if (state === S.AfterKey) {
          if (b !== 0x3a) throw syntax(i);
          state = S.Colon;
        } else if (state === S.Colon) {
          valueStart = i;
          state = S.Value;
          if (b === 0x22) inString = true;
          else if (b === 0x7b || b === 0x5b) {
            depth++;
            if (b === 0x5b && currentKey === 'blobs') {
              inBlobs = true;
              expectElem = true;
            }
          } else if (b === 0x2c || b === 0x7d || b === 0x5d || b === 0x3a) throw syntax(i);
        } else if (state === S.Value) {
          if (b === 0x2c) {
            endMember();
            state = S.Key;
          } else if (b === 0x7d) {
            endMember();
            depth = 0;
            state = S.Done;
          } else if (b === 0x22 || b === 0x7b || b === 0x5b || b === 0x5d || b === 0x3a) throw syntax(i);
        }
        lastNonWs = i;
        continue;
      }
      // Dans une valeur de premier niveau.
      if (inBlobs && depth === 2) {
        if (expectElem) {
          if (b === 0x5d && blobs.length === 0) {
            inBlobs = false;
            depth = 1;
          } else if (b === 0x2c || b === 0x5d || b === 0x7d || b === 0x3a) throw syntax(i);
          else {
            elemStart = i;
            expectElem = false;
            if (b === 0x22) inString = true;
            else if (b === 0x7b || b === 0x5b) depth++;
          }
        } else if (b === 0x2c || b === 0x5d) {
          blobs.push({ start: elemStart, end: lastNonWs + 1 });
          elemStart = -1;
          if (b === 0x2c) expectElem = true;
          else {
            inBlobs = false;
            depth = 1;
          }
        } else if (b === 0x22) inString = true;
        else if (b === 0x7b || b === 0x5b) depth++;
        else if (b === 0x7d) throw syntax(i);
        lastNonWs = i;
        continue;
      }
      if (b === 0x22) inString = true;
      else if (b === 0x7b || b === 0x5b) depth++;
      else if (b === 0x7d || b === 0x5d) depth--;
      lastNonWs = i;
    }
    onProgress?.(Math.min(file.size, offset + chunkSize), file.size);
  }
  if (state !== S.Done) {
    const format = members.get('format');
    const ours = format ? (await readText(file, format, fileName)).trim() === JSON.stringify(BACKUP_FORMAT) : false;
    throw refused(fileName, started ? 'fichier tronqué (le JSON s\'arrête avant sa fin).' : 'fichier vide.', ours);
  }
  return { members, blobs };
}

/** Une sauvegarde ouverte côté page : l'en-tête à envoyer, et ses contenus à lire un par un. */
interface OpenedBackup {
  fileName: string;
  /** L'en-tête (tout sauf les contenus en base64), en texte JSON, tel que verifyManifest l'attend. */
  manifestText: string;
  /** Nombre de contenus. */
  blobCount: number;
  readBlob(i: number): Promise<BlobEntry>;
}

export async function openBackupFile(file: Blob, fileName: string, onProgress?: (read: number, total: number) => void, chunkSize = CHUNK): Promise<OpenedBackup> {
  const scan = await scanBackup(file, fileName, onProgress, chunkSize);
  const readMember = async (k: string) => readText(file, scan.members.get(k)!, fileName);
  const format = scan.members.get('format') ? await readMember('format') : 'null';
  let formatValue: unknown = null;
  try {
    formatValue = JSON.parse(format);
  } catch {
    /* vérifié ci-dessous */
  }
  if (formatValue !== BACKUP_FORMAT) await verifyManifest({ format: formatValue }, fileName);
  const readBlob = async (i: number): Promise<BlobEntry> => {
    const r = scan.blobs[i];
    if (!r) throw refused(fileName, `contenu n° ${i + 1} absent.`);
    try {
      return JSON.parse(await readText(file, r, fileName)) as BlobEntry;
    } catch (e) {
      if (e instanceof BackupFileError) throw e;
      throw refused(fileName, `contenu de preuve n° ${i + 1} illisible (JSON invalide).`);
    }
  };
  // L'index des contenus se lit élément par élément : jamais plus d'un contenu en mémoire.
  const index: BlobInfo[] = [];
  for (let i = 0; i < scan.blobs.length; i++) {
    const e = await readBlob(i);
    index.push({ sha256: e?.sha256, size: e?.size, type: e?.type } as BlobInfo);
  }
  const parts: string[] = [];
  for (const k of scan.members.keys()) if (k !== 'blobs') parts.push(`${JSON.stringify(k)}:${await readMember(k)}`);
  parts.push(`"blobs":${JSON.stringify(index)}`);
  return { fileName, manifestText: `{${parts.join(',')}}`, blobCount: scan.blobs.length, readBlob };
}

// ---------- vérification complète (outil en ligne de commande) ----------

export interface BackupReport {
  file: string;
  valid: boolean;
  format?: string;
  version?: number;
  createdAt?: string;
  schemaVersion?: number;
  counts?: BackupCounts;
  /** Empreinte du contenu : conforme, différente, ou non vérifiable (en-tête illisible). */
  checksum: 'conforme' | 'differente' | 'non-verifiee';
  blobs: { total: number; verified: number; bad: number };
  problems: string[];
}

/**
 * Vérifie un fichier de sauvegarde de bout en bout sans rien écrire : structure, empreinte du contenu,
 * schémas, cohérence, puis chaque contenu de preuve. Une sauvegarde abîmée donne un rapport (valid = false) ;
 * un fichier qui n'est pas une sauvegarde lève BackupFileError (integrity = false).
 */
export async function verifyBackupFile(file: Blob, fileName: string): Promise<BackupReport> {
  const report: BackupReport = { file: fileName, valid: false, checksum: 'non-verifiee', blobs: { total: 0, verified: 0, bad: 0 }, problems: [] };
  let opened: OpenedBackup;
  try {
    opened = await openBackupFile(file, fileName);
  } catch (e) {
    if (e instanceof BackupFileError && e.integrity) {
      report.problems.push(e.message);
      return report;
    }
    throw e;
  }
  report.blobs.total = opened.blobCount;
  let raw: Record<string, unknown> = {};
  try {
    raw = JSON.parse(opened.manifestText) as Record<string, unknown>;
  } catch {
    /* signalé par verifyManifest */
  }
  if (typeof raw.format === 'string') report.format = raw.format;
  if (typeof raw.version === 'number') report.version = raw.version;
  if (typeof raw.createdAt === 'string') report.createdAt = raw.createdAt;
  if (typeof raw.schemaVersion === 'number') report.schemaVersion = raw.schemaVersion;
  const counts = CountsSchema.safeParse(raw.counts);
  if (counts.success) report.counts = counts.data;
  let manifest: BackupManifest;
  try {
    manifest = await verifyManifest(raw, fileName);
    report.checksum = 'conforme';
  } catch (e) {
    if (e instanceof BackupFileError && !e.integrity) throw e;
    const declared = (raw.checksum as { content?: unknown } | undefined)?.content;
    if (typeof declared === 'string') report.checksum = (await contentChecksum(raw as Parameters<typeof contentChecksum>[0])) === declared ? 'conforme' : 'differente';
    report.problems.push(e instanceof Error ? e.message : String(e));
    return report;
  }
  const index = new Map(manifest.blobs.map((b) => [b.sha256, b]));
  for (let i = 0; i < opened.blobCount; i++) {
    try {
      await verifyBlobEntry(await opened.readBlob(i), index, fileName);
      report.blobs.verified++;
    } catch (e) {
      report.blobs.bad++;
      if (report.problems.length < 10) report.problems.push(e instanceof Error ? e.message : String(e));
    }
  }
  report.valid = report.problems.length === 0;
  return report;
}

// ---------- restauration (arrière-plan) ----------

interface TableCounts {
  /** Dans la sauvegarde. */
  backup: number;
  /** Absents de la base : ajoutés. */
  created: number;
  /** Présents et différents : remplacés. */
  changed: number;
  /** Présents et identiques. */
  unchanged: number;
  /** Dans la base mais pas dans la sauvegarde : supprimés. */
  removed: number;
}

export interface RestorePreview {
  fileName: string;
  createdAt: string;
  tables: Record<'products' | 'variants' | 'companies' | 'criteria' | 'answers' | 'files', TableCounts>;
  /** Opérations du journal de la sauvegarde (historique des réponses). */
  operations: number;
  blobs: number;
  blobBytes: number;
  /** Noms des produits ajoutés, remplacés et supprimés (50 au plus chacun). */
  productNames: { created: string[]; changed: string[]; removed: string[] };
  /** Paquets producteur reçus : dans la sauvegarde, et dans la bibliothèque aujourd'hui (remplacés). */
  packages: { backup: number; current: number };
  /** Réglages de partage de la sauvegarde ; null : sauvegarde v1, les réglages actuels restent. */
  sharing: number | null;
}

const comparable = (v: unknown) => JSON.stringify(v, (k, val: unknown) => (k === 'blob' ? undefined : val));

/** Ce que la restauration changerait : par table, ajoutés, remplacés, identiques, supprimés. Rien n'est écrit. */
async function planRestore(repo: Repository, m: BackupManifest, fileName: string): Promise<RestorePreview> {
  // Lu table par table, sans exiger une base saine : restaurer sert aussi à réparer.
  const db = repo.db;
  const stored = {
    products: await db.products.toArray(),
    variants: await db.variants.toArray(),
    companies: await db.companies.toArray(),
    criteria: await db.criteria.toArray(),
    answers: await db.answers.toArray(),
    files: await db.files.toArray(),
  };
  const tables = {} as RestorePreview['tables'];
  const names = { created: [] as string[], changed: [] as string[], removed: [] as string[] };
  for (const table of ['products', 'variants', 'companies', 'criteria', 'answers', 'files'] as const) {
    const keyOf = RECORDS[table].key as (r: unknown) => string;
    const now = new Map((stored[table] as unknown[]).map((r) => [keyOf(r), r]));
    const next = new Map((m.data[table] as unknown[]).map((r) => [keyOf(r), r]));
    const c: TableCounts = { backup: next.size, created: 0, changed: 0, unchanged: 0, removed: 0 };
    const label = (r: unknown) => (r as { name: string }).name;
    for (const [k, r] of next) {
      const s = now.get(k);
      if (s === undefined) {
        c.created++;
        if (table === 'products' && names.created.length < 50) names.created.push(label(r));
      } else if (comparable(s) === comparable(r)) c.unchanged++;
      else {
        c.changed++;
        if (table === 'products' && names.changed.length < 50) names.changed.push(label(r));
      }
    }
    for (const [k, s] of now) {
      if (next.has(k)) continue;
      c.removed++;
      if (table === 'products' && names.removed.length < 50) names.removed.push(label(s));
    }
    tables[table] = c;
  }
  return {
    fileName,
    createdAt: m.createdAt,
    tables,
    operations: m.data.operations.length,
    blobs: m.counts.blobs,
    blobBytes: m.counts.blobBytes,
    productNames: names,
    packages: { backup: m.data.packages?.length ?? 0, current: await db.packages.count() },
    sharing: m.data.sharing ? m.data.sharing.length : null,
  };
}

/** Une restauration en cours : l'en-tête vérifié, puis les contenus reçus et vérifiés un par un. */
interface RestoreSession {
  id: string;
  fileName: string;
  purpose: 'apercu' | 'restauration';
  manifest: BackupManifest;
  preview: RestorePreview;
  index: Map<string, BlobInfo>;
  /** Contenus vérifiés (gardés seulement pour une restauration ; un aperçu ne fait que vérifier). */
  verified: Set<string>;
  blobs: Map<string, Blob>;
  touchedAt: number;
}

const SESSION_TTL_MS = 15 * 60 * 1000;
const MAX_SESSIONS = 2;
const sessionsByRepo = new WeakMap<Repository, Map<string, RestoreSession>>();

function sessions(repo: Repository): Map<string, RestoreSession> {
  let m = sessionsByRepo.get(repo);
  if (!m) sessionsByRepo.set(repo, (m = new Map()));
  return m;
}

function session(repo: Repository, id: string): RestoreSession {
  const s = sessions(repo).get(id);
  if (!s || Date.now() - s.touchedAt > SESSION_TTL_MS) {
    sessions(repo).delete(id);
    throw new UserError('Restauration interrompue (extension redémarrée ou délai dépassé) : choisissez de nouveau le fichier de sauvegarde.');
  }
  s.touchedAt = Date.now();
  return s;
}

/**
 * Début d'une restauration (ou de son aperçu) : l'en-tête est vérifié en entier, l'aperçu calculé.
 * Les contenus suivent (receiveRestoreBlob) ; rien n'est écrit avant commitRestore.
 */
export async function beginRestore(
  repo: Repository,
  req: { fileName: string; manifest: string; purpose: 'apercu' | 'restauration' },
): Promise<{ sessionId: string; expectedBlobs: number; preview: RestorePreview }> {
  const manifest = await parseManifestText(req.manifest, req.fileName);
  const preview = await planRestore(repo, manifest, req.fileName);
  const all = sessions(repo);
  for (const [id, s] of all) if (Date.now() - s.touchedAt > SESSION_TTL_MS) all.delete(id);
  while (all.size >= MAX_SESSIONS) all.delete(all.keys().next().value as string);
  const s: RestoreSession = {
    id: crypto.randomUUID(),
    fileName: req.fileName,
    purpose: req.purpose,
    manifest,
    preview,
    index: new Map(manifest.blobs.map((b) => [b.sha256, b])),
    verified: new Set(),
    blobs: new Map(),
    touchedAt: Date.now(),
  };
  all.set(s.id, s);
  return { sessionId: s.id, expectedBlobs: s.index.size, preview };
}

export async function receiveRestoreBlob(repo: Repository, req: { sessionId: string; sha256: string; contentBase64: string }): Promise<{ remaining: number }> {
  const s = session(repo, req.sessionId);
  try {
    const { info, blob } = await verifyBlobEntry({ sha256: req.sha256, base64: req.contentBase64 }, s.index, s.fileName);
    s.verified.add(info.sha256);
    if (s.purpose === 'restauration') s.blobs.set(info.sha256, blob);
  } catch (e) {
    // Un contenu refusé arrête tout : rien ne sera écrit.
    sessions(repo).delete(s.id);
    throw e;
  }
  return { remaining: s.index.size - s.verified.size };
}

/** Écrit la sauvegarde vérifiée en une transaction (tout ou rien). */
export async function commitRestore(repo: Repository, req: { sessionId: string; author: string }): Promise<{ operation: OperationRecord; preview: RestorePreview }> {
  const s = session(repo, req.sessionId);
  if (s.purpose !== 'restauration') throw new UserError("Cet aperçu ne peut pas être restauré : relancez « Restaurer ».");
  const missing = s.index.size - s.verified.size;
  if (missing > 0) throw refused(s.fileName, `${missing} contenu(s) de preuve manquant(s) ou non vérifié(s).`);
  sessions(repo).delete(s.id);
  const day = s.manifest.createdAt.slice(0, 10);
  const operation = await repo.restoreSnapshot(s.manifest.data, s.blobs, { author: req.author, label: `Restauration de la sauvegarde « ${s.fileName} » du ${day}` });
  return { operation, preview: s.preview };
}

export function cancelRestore(repo: Repository, sessionId: string): void {
  sessions(repo).delete(sessionId);
}

/** Restaure un fichier dans un processus (tests, outils) : mêmes vérifications que par messages. */
export async function restoreBackupFile(repo: Repository, file: Blob, fileName: string, author: string): Promise<{ operation: OperationRecord; preview: RestorePreview }> {
  const opened = await openBackupFile(file, fileName);
  const begun = await beginRestore(repo, { fileName, manifest: opened.manifestText, purpose: 'restauration' });
  for (let i = 0; i < opened.blobCount; i++) {
    const e = await opened.readBlob(i);
    await receiveRestoreBlob(repo, { sessionId: begun.sessionId, sha256: String(e?.sha256), contentBase64: String(e?.base64) });
  }
  return commitRestore(repo, { sessionId: begun.sessionId, author });
}
