/**
 * Paquets producteur dans la bibliothèque (issue 10) : ce que l'arrière-plan décide, sans framework.
 * - Producteur : une paire de clés par bibliothèque (créée une fois, clé privée non exportable, rangée dans
 *   IndexedDB), un numéro d'ordre par n° Convergence augmenté à chaque paquet construit, les commentaires
 *   marqués « confidentiel » gardés par produit ; l'aperçu et la construction passent par le cœur
 *   (lib/exchange/package).
 * - Distributeur : le paquet est vérifié (signature) AVANT d'être montré ou écrit ; puis la règle de rejeu ;
 *   l'écriture (produit du producteur en lecture seule, réponses, lien du distributeur, octets bruts) est UNE
 *   opération du journal : « Annuler » rend le paquet précédent.
 */
import { SIGNING_KEY_ID, confidentialKey, sequenceKey } from '../db/sharing';
import { companyOfProduct } from './companies';
import { UserError } from '../domain/errors';
import { sha256Hex } from '../domain/evidence';
import { variantDisplayName } from '../domain/naming';
import type { QuestionnaireId } from '../domain/questionnaires';
import { isWhiteLabelReviewCriterion } from '../domain/white-label';
import { AnswerSchema, CriterionSchema, answerId } from '../domain/schemas';
import type { Answer, Criterion, EvidenceFileMeta, Product } from '../domain/schemas';
import { sameEvidenceType } from '../page/read/evidence';
import type { Repository } from '../db/repository';
import type { PackageRecord } from '../db/schema';
import { withStorageErrors } from '../db/storage-errors';
import {
  buildPackage,
  checkReplay,
  decodeCanonicalBase64,
  diffPackages,
  displayFingerprint,
  exportPublicKeyJwk,
  exportPublicKeyPem,
  generateSigningKeyPair,
  inheritedChanges,
  keyFingerprint,
  packageFileName,
  packageIdentity,
  preparePackage,
  summarizePackage,
  verifyPackage,
} from '../exchange/package';
import type {
  InheritedChange,
  KeyFingerprint,
  KnownPackage,
  PackageDiff,
  PackageInput,
  PackageLeftOut,
  PackageSelection,
  PackageSummary,
  ProducerPackage,
  ReplayVerdict,
} from '../exchange/package';

const KEY_ID = SIGNING_KEY_ID;

interface StoredKey {
  keys: CryptoKeyPair;
  fingerprint: string;
  createdAt: string;
}

/** « 12/03/2026 » : la date d'un paquet telle que le marqueur la montre. */
export function frenchDate(iso: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  return m ? `${m[3]}/${m[2]}/${m[1]}` : iso;
}

/** « Paquet de « Producteur SAS » du 12/03/2026 » */
function packageMarker(p: Pick<PackageRecord, 'producerName' | 'createdAt'>): string {
  return `Paquet de « ${p.producerName} » du ${frenchDate(p.createdAt)}`;
}

// ---------- producteur : clé, numéro d'ordre, commentaires confidentiels ----------

/**
 * La paire de clés de la bibliothèque, créée au premier besoin. Générée hors transaction (WebCrypto n'est pas
 * une requête IndexedDB : l'attendre dans une transaction la clôturerait), puis rangée seulement si aucune ne
 * l'a été entre-temps : deux appels simultanés rendent la même clé.
 */
export async function signingKey(repo: Repository): Promise<{ keys: CryptoKeyPair; fingerprint: KeyFingerprint; createdAt: string }> {
  const db = repo.db;
  const existing = (await db.sharing.get(KEY_ID))?.value as StoredKey | undefined;
  const done = (k: StoredKey) => ({ keys: k.keys, fingerprint: { hex: k.fingerprint, display: displayFingerprint(k.fingerprint) }, createdAt: k.createdAt });
  if (existing) return done(existing);
  const keys = await generateSigningKeyPair();
  const fresh: StoredKey = { keys, fingerprint: (await keyFingerprint(keys.publicKey)).hex, createdAt: new Date().toISOString() };
  const kept = await withStorageErrors(() =>
    db.transaction('rw', db.sharing, async () => {
      const again = (await db.sharing.get(KEY_ID))?.value as StoredKey | undefined;
      if (again) return again;
      await db.sharing.put({ id: KEY_ID, value: fresh });
      return fresh;
    }),
  );
  return done(kept);
}

export async function exportPublicKey(repo: Repository): Promise<{ fingerprint: KeyFingerprint; pem: string; jwk: JsonWebKey; fileName: string }> {
  const k = await signingKey(repo);
  return {
    fingerprint: k.fingerprint,
    pem: await exportPublicKeyPem(k.keys.publicKey),
    jwk: await exportPublicKeyJwk(k.keys.publicKey),
    fileName: `cle-publique-${k.fingerprint.hex.slice(0, 8)}.pem`,
  };
}

/** Prochain numéro d'ordre des paquets de ce produit (sans le prendre). */
async function peekSequence(repo: Repository, convergenceNumber: string): Promise<number> {
  return (((await repo.db.sharing.get(sequenceKey(convergenceNumber)))?.value as number | undefined) ?? 0) + 1;
}

/** Prend le numéro d'ordre suivant : strictement croissant, même si la construction échoue ensuite (un trou ne gêne pas). */
async function takeSequence(repo: Repository, convergenceNumber: string): Promise<number> {
  const db = repo.db;
  return withStorageErrors(() =>
    db.transaction('rw', db.sharing, async () => {
      const next = (((await db.sharing.get(sequenceKey(convergenceNumber)))?.value as number | undefined) ?? 0) + 1;
      await db.sharing.put({ id: sequenceKey(convergenceNumber), value: next });
      return next;
    }),
  );
}

export async function confidentialComments(repo: Repository, productId: string, variantId: string): Promise<string[]> {
  return ((await repo.db.sharing.get(confidentialKey(productId, variantId)))?.value as string[] | undefined) ?? [];
}

export async function saveConfidentialComments(repo: Repository, productId: string, variantId: string, keys: readonly string[]): Promise<void> {
  await withStorageErrors(() => repo.db.sharing.put({ id: confidentialKey(productId, variantId), value: [...new Set(keys)].sort() }));
}

interface ShareRequest {
  productId: string;
  variantId: string;
  questionnaires: readonly QuestionnaireId[];
  /** undefined : les marques gardées pour ce produit. */
  confidentialComments?: readonly string[];
  excludedCriteria?: readonly string[];
  /** Par critère : champs non partagés (valeur, commentaire, spécificité, preuves). */
  withheld?: Readonly<Record<string, readonly ('value' | 'comment' | 'specificite' | 'evidence')[]>>;
  /** Contenus de preuves cochés (SHA-256). */
  evidenceContents?: readonly string[];
}

/** Ce que le producteur voit critère par critère dans l'aperçu. */
interface ShareRow {
  key: string;
  questionnaire: QuestionnaireId;
  id: string;
  title: string;
  value: Answer['value'];
  comment: string;
  specificite?: 'oui' | 'non';
  evidence: { name: string; evidenceType: string; sha256?: string; contentAvailable: boolean }[];
  whiteLabel: boolean;
}

async function packageInput(repo: Repository, req: ShareRequest, sequence: number, now: Date): Promise<{ input: PackageInput; rows: Answer[]; criteria: Map<string, Criterion> }> {
  const product = await repo.requireProduct(req.productId);
  const variant = req.variantId ? (await repo.listProducts()).find((e) => e.product.id === product.id)?.variants.find((v) => v.id === req.variantId) : undefined;
  if (req.variantId && !variant) throw new UserError('Variante introuvable pour ce produit.');
  // Le profil d'entreprise du produit (pour le compte d'un tiers), sinon celui par défaut.
  const company = await companyOfProduct(repo, product);
  const resolved = await repo.resolvedAnswers(req.productId, req.variantId);
  // Seules les réponses du produit lui-même (famille ou variante) : jamais celles d'un autre producteur.
  const answers = resolved.filter((r) => r.source !== 'producteur').map((r) => r.answer);
  const catalogue = await repo.db.criteria.toArray();
  const confidential = req.confidentialComments ?? (await confidentialComments(repo, req.productId, req.variantId));
  const fields = new Map<string, { value?: boolean; comment?: boolean; specificite?: boolean; evidence?: boolean }>();
  for (const [key, off] of Object.entries(req.withheld ?? {})) fields.set(key, Object.fromEntries(off.map((f) => [f, false])));
  const evidenceContents = new Map<string, { bytes: Uint8Array; mediaType?: string }>();
  for (const hash of req.evidenceContents ?? []) {
    const blob = await repo.getBlob(hash);
    if (!blob) throw new UserError(`Contenu de preuve introuvable (empreinte ${hash.slice(0, 12)}…).`);
    evidenceContents.set(hash, { bytes: new Uint8Array(await blob.blob.arrayBuffer()), ...(blob.type ? { mediaType: blob.type } : {}) });
  }
  const selection: PackageSelection = {
    questionnaires: req.questionnaires,
    fields,
    excludedCriteria: new Set(req.excludedCriteria ?? []),
    confidentialComments: new Set(confidential),
    evidenceContents,
  };
  return {
    input: {
      companyName: company?.denomination ?? '',
      ...(company?.siret ? { siret: company.siret } : {}),
      product: { name: product.name, version: product.version },
      ...(variant ? { variant: { os: variant.os, ...(variant.osLabel ? { osLabel: variant.osLabel } : {}), device: variant.device } } : {}),
      convergenceNumber: variant ? variant.convergenceNumber : product.convergenceNumber,
      sequence,
      createdAt: now,
      answers,
      criteria: catalogue,
      selection,
    },
    rows: answers,
    criteria: new Map(catalogue.map((c) => [c.key, c])),
  };
}

export interface SharePreview {
  productName: string;
  sequence: number;
  fingerprint: KeyFingerprint;
  companyName: string;
  confidentialComments: string[];
  rows: ShareRow[];
  summary: PackageSummary;
  leftOut: PackageLeftOut;
  fileName: string;
}

/** Aperçu du producteur : ce que le paquet contiendrait, sans rien écrire ni prendre de numéro d'ordre. */
/** Le produit reçu d'un producteur n'est pas à soi : le signer en son nom ferait passer ses réponses pour les nôtres. */
async function assertOwnProduct(repo: Repository, productId: string): Promise<void> {
  const received = (await repo.activePackages(productId)).at(-1);
  if (received)
    throw new UserError(`Ce produit vient du paquet de « ${received.producerName} » : seul son producteur peut le partager. Partagez votre propre produit distributeur.`);
}

export async function previewShare(repo: Repository, req: ShareRequest, now = new Date()): Promise<SharePreview> {
  await assertOwnProduct(repo, req.productId);
  const product = await repo.requireProduct(req.productId);
  const variant = req.variantId ? (await repo.listProducts()).find((e) => e.product.id === product.id)?.variants.find((v) => v.id === req.variantId) : undefined;
  const number = (variant ? variant.convergenceNumber : product.convergenceNumber) ?? '';
  const sequence = number ? await peekSequence(repo, number) : 1;
  const { input, rows, criteria } = await packageInput(repo, req, sequence, now);
  const { document, leftOut } = preparePackage(input);
  const key = await signingKey(repo);
  const blobs = new Set(await Promise.all(rows.flatMap((a) => a.evidence.map(async (e) => (e.hash && (await repo.getBlob(e.hash)) ? e.hash : '')))));
  return {
    productName: variant ? variantDisplayName(product, variant) : product.name,
    sequence,
    fingerprint: key.fingerprint,
    companyName: input.companyName,
    confidentialComments: [...(input.selection.confidentialComments ?? [])],
    rows: rows
      .filter((a) => a.questionnaire !== 'orientation' && a.questionnaire !== 'produit' && a.questionnaire !== 'fiche-administrative')
      .map((a) => ({
        key: a.criterionKey,
        questionnaire: a.questionnaire,
        id: a.criterionId,
        title: criteria.get(a.criterionKey)?.title ?? '',
        value: a.value,
        comment: a.comment,
        ...(a.specificite ? { specificite: a.specificite } : {}),
        evidence: a.evidence.map((e) => ({ name: e.name, evidenceType: e.evidenceType, ...(e.hash ? { sha256: e.hash } : {}), contentAvailable: !!e.hash && blobs.has(e.hash) })),
        whiteLabel: isWhiteLabelReviewCriterion(a.questionnaire, a.criterionId),
      }))
      .sort((x, y) => x.key.localeCompare(y.key, 'fr', { numeric: true })),
    summary: summarizePackage(document),
    leftOut,
    fileName: packageFileName(document),
  };
}

/** Construit et signe le paquet ; le numéro d'ordre est pris, les marques « confidentiel » gardées pour ce produit. */
export async function buildShare(repo: Repository, req: ShareRequest, now = new Date()): Promise<{ fileName: string; bytes: Uint8Array; sequence: number; fingerprint: KeyFingerprint; summary: PackageSummary }> {
  await assertOwnProduct(repo, req.productId);
  const product = await repo.requireProduct(req.productId);
  const variant = req.variantId ? (await repo.listProducts()).find((e) => e.product.id === product.id)?.variants.find((v) => v.id === req.variantId) : undefined;
  const number = (variant ? variant.convergenceNumber : product.convergenceNumber) ?? '';
  // Vérifie d'abord que le paquet est possible (n° Convergence, fiche…) : pas de numéro pris pour rien.
  preparePackage((await packageInput(repo, req, 1, now)).input);
  if (req.confidentialComments) await saveConfidentialComments(repo, req.productId, req.variantId, req.confidentialComments);
  const sequence = await takeSequence(repo, number);
  const { input } = await packageInput(repo, req, sequence, now);
  const key = await signingKey(repo);
  const built = await buildPackage(input, key.keys);
  return { fileName: built.fileName, bytes: built.bytes, sequence, fingerprint: built.fingerprint, summary: summarizePackage(built.package) };
}

// ---------- distributeur : vérifier, puis écrire ----------

interface ImportPackagePreview {
  fileName: string;
  producer: { name: string; siret?: string };
  fingerprint: KeyFingerprint;
  product: ProducerPackage['product'];
  createdAt: string;
  sequence: number;
  summary: PackageSummary;
  verdict: ReplayVerdict;
  /** Le produit du producteur déjà dans la bibliothèque (mise à jour, autre clé). */
  producerProductId?: string;
  /** Mise à jour : ce qui change, et les réponses du distributeur qui héritent d'un critère changé. */
  diff?: CompactDiff;
  inherited?: (Omit<InheritedChange, 'whiteLabelReview'> & { distributorProductId: string })[];
  /** Produits déjà reliés comme distributeurs au produit du producteur. */
  linkedDistributors: string[];
}

/** Les paquets en vigueur, pour la règle de rejeu. */
async function knownPackages(repo: Repository): Promise<{ known: KnownPackage[]; rows: PackageRecord[] }> {
  const rows = await repo.activePackages();
  return {
    rows,
    known: rows.map((r) => ({ fingerprint: r.fingerprint, convergenceNumber: r.convergenceNumber, sequence: r.sequence, producerName: r.producerName, createdAt: r.createdAt })),
  };
}

/** Vérifie la signature AVANT tout : un paquet modifié ne va pas plus loin que ce message. */
async function verified(bytes: Uint8Array, fileName: string): Promise<{ pkg: ProducerPackage; fingerprint: KeyFingerprint }> {
  const v = await verifyPackage(bytes, fileName);
  if (!v.ok) throw new UserError(v.message);
  return { pkg: v.package, fingerprint: v.fingerprint };
}

async function linkedDistributors(repo: Repository, producerProductId: string | undefined): Promise<Product[]> {
  if (!producerProductId) return [];
  return (await repo.db.products.toArray()).filter((p) => p.role.kind === 'distributeur' && p.role.producerProductId === producerProductId);
}

/** Le paquet en vigueur précédent, relu depuis ses octets gardés (vérifiés à leur import). */
async function previousPackage(rows: readonly PackageRecord[], verdict: ReplayVerdict): Promise<PackageRecord | undefined> {
  if (verdict.kind === 'mise-a-jour') {
    const p = verdict.previous;
    return [...rows].reverse().find((r) => r.fingerprint === p.fingerprint && r.convergenceNumber === p.convergenceNumber && r.sequence === p.sequence);
  }
  if (verdict.kind === 'autre-cle') return [...rows].reverse().find((r) => verdict.previous.some((p) => p.convergenceNumber === r.convergenceNumber));
  return undefined;
}

interface CompactDiffEntry {
  key: string;
  questionnaire: QuestionnaireId;
  id: string;
  title?: string;
  whiteLabelReview: boolean;
  fields: string[];
  before: string;
  after: string;
}
interface CompactDiff {
  added: CompactDiffEntry[];
  removed: CompactDiffEntry[];
  changed: CompactDiffEntry[];
  unchanged: number;
  metadata: PackageDiff['metadata'];
}

/** Une réponse de paquet en une ligne : « Niveau 2 · spécificité Non · commentaire… ». */
function answerLine(a: ProducerPackage['answers'][number] | undefined): string {
  if (!a) return '';
  const v = a.value;
  const parts = [
    v === undefined ? '' : v === null ? 'sans réponse' : v.kind === 'niveau' ? (v.level === 'NA' ? 'Non applicable' : `Niveau ${v.level}`) : v.kind === 'conformite' ? (v.conformity === 'conforme' ? 'Conforme' : 'Non conforme') : 'documents déposés',
    a.specificite ? `spécificité ${a.specificite === 'oui' ? 'Oui' : 'Non'}` : '',
    a.comment ? `« ${a.comment.length > 120 ? `${a.comment.slice(0, 119)}…` : a.comment} »` : '',
  ];
  return parts.filter(Boolean).join(' · ');
}

function compactDiff(d: PackageDiff): CompactDiff {
  const base = (e: PackageDiff['added'][number] | PackageDiff['removed'][number] | PackageDiff['changed'][number]) => ({
    key: e.key,
    questionnaire: e.questionnaire,
    id: e.id,
    ...(e.title ? { title: e.title } : {}),
    whiteLabelReview: e.whiteLabelReview,
  });
  return {
    added: d.added.map((e) => ({ ...base(e), fields: [], before: '', after: answerLine(e.after) })),
    removed: d.removed.map((e) => ({ ...base(e), fields: [], before: answerLine(e.before), after: '' })),
    changed: d.changed.map((e) => ({ ...base(e), fields: [...e.fields], before: answerLine(e.before), after: answerLine(e.after) })),
    unchanged: d.unchanged,
    metadata: d.metadata,
  };
}

export async function inspectPackage(repo: Repository, bytes: Uint8Array, fileName: string): Promise<ImportPackagePreview> {
  const { pkg, fingerprint } = await verified(bytes, fileName);
  const { known, rows } = await knownPackages(repo);
  const verdict = checkReplay(packageIdentity(pkg, fingerprint), known);
  if (verdict.kind === 'rejeu') throw new UserError(verdict.message);
  const prev = await previousPackage(rows, verdict);
  const out: ImportPackagePreview = {
    fileName,
    producer: pkg.producer,
    fingerprint,
    product: pkg.product,
    createdAt: pkg.createdAt,
    sequence: pkg.sequence,
    summary: summarizePackage(pkg),
    verdict,
    linkedDistributors: [],
  };
  if (prev) {
    out.producerProductId = prev.producerProductId;
    const before = await verified(prev.bytes, prev.fileName);
    const diff = diffPackages(before.pkg, pkg);
    out.diff = compactDiff(diff);
    const distributors = await linkedDistributors(repo, prev.producerProductId);
    out.linkedDistributors = distributors.map((d) => d.id);
    out.inherited = [];
    for (const d of distributors) {
      const own = await repo.answersOfProduct(d.id);
      for (const { whiteLabelReview: _w, ...c } of inheritedChanges(diff, own.filter((a) => a.variantId === ''))) out.inherited.push({ ...c, fields: [...c.fields], distributorProductId: d.id });
    }
  }
  return out;
}

interface CommitChoices {
  /** Empreinte (64 chiffres) que la personne a confirmée : exigée pour une clé inconnue ou une autre clé. */
  confirmedFingerprint?: string;
  /** Même produit, autre clé : accepter explicitement. */
  acceptOtherKey?: boolean;
  /** Le produit du distributeur à relier à ce producteur (facultatif). */
  distributorProductId?: string;
  author: string;
}

interface CommitResult {
  producerProductId: string;
  marker: string;
  /** Réponses du distributeur devenues « à revoir » (mise à jour). */
  review: string[];
  opId: string | null;
}

function packageAnswer(pkg: ProducerPackage, productId: string, a: ProducerPackage['answers'][number], at: string, ref: string): Answer {
  return AnswerSchema.parse({
    id: answerId(productId, '', a.key),
    productId,
    variantId: '',
    criterionKey: a.key,
    questionnaire: a.questionnaire,
    criterionId: a.id,
    value: a.value ?? null,
    comment: a.comment ?? '',
    evidence: (a.evidence ?? []).map((e) => ({ evidenceType: e.evidenceType, name: e.name, ...(e.sha256 ? { hash: e.sha256 } : {}), ...(e.size !== undefined ? { size: e.size } : {}) })),
    ...(a.specificite ? { specificite: a.specificite } : {}),
    provenance: { kind: 'import', ref, at: pkg.createdAt },
    author: pkg.producer.name,
    createdAt: at,
    updatedAt: at,
  });
}

/**
 * Écrit un paquet : revérifié ici (jamais sur la foi de l'aperçu), règle de rejeu revue, confirmations exigées,
 * puis une seule opération : produit du producteur (rôle producteur, en lecture seule), ses réponses (celles
 * que le paquet ne porte plus sont retirées), les critères inconnus du catalogue, le lien du distributeur, et la
 * ligne du paquet (octets bruts). Tout ou rien.
 */
export async function commitPackage(repo: Repository, bytes: Uint8Array, fileName: string, choices: CommitChoices): Promise<CommitResult> {
  const preview = await inspectPackage(repo, bytes, fileName);
  const { pkg } = await verified(bytes, fileName);
  const { verdict, fingerprint } = preview;
  const mustConfirm = (verdict.kind === 'nouveau' && !verdict.keyKnown) || verdict.kind === 'autre-cle';
  if (mustConfirm && choices.confirmedFingerprint !== fingerprint.hex)
    throw new UserError(`Import arrêté : confirmez d'abord l'empreinte de la clé du producteur (${fingerprint.display}) avec lui, de vive voix.`);
  if (verdict.kind === 'autre-cle' && choices.acceptOtherKey !== true)
    throw new UserError('Import arrêté : ce produit a déjà été importé avec une autre clé ; acceptez explicitement la nouvelle clé ou refusez le paquet.');
  const sha256 = await sha256Hex(bytes);
  const ref = `${packageMarker({ producerName: pkg.producer.name, createdAt: pkg.createdAt })}, n° ${pkg.sequence}`;
  const changed = preview.diff ? [...preview.diff.changed, ...preview.diff.added, ...preview.diff.removed].map((c) => c.key) : [];
  const label = `${preview.diff ? 'Mise à jour' : 'Import'} du paquet producteur « ${pkg.product.variant?.name ?? pkg.product.name} » n° ${pkg.sequence} (${pkg.producer.name})`;

  const r = await repo.runOperation({ kind: 'import', label, author: choices.author }, async (w, at, opId) => {
    const producerProductId = preview.producerProductId ?? crypto.randomUUID();
    const existing = await w.fetch<Product>('products', producerProductId);
    const product: Product = {
      ...(existing ?? { id: producerProductId, type: 'socle' as const, responsable: '', interests: [], excludedCriteria: [], createdAt: at }),
      name: pkg.product.variant?.name ?? pkg.product.name,
      version: pkg.product.version,
      description: ref,
      role: { kind: 'producteur' },
      convergenceNumber: pkg.product.convergenceNumber,
      updatedAt: at,
    } as Product;
    w.write('products', producerProductId, product);

    const wanted = new Map(pkg.answers.map((a) => [answerId(producerProductId, '', a.key), a]));
    const old = existing ? await repo.db.answers.where('[productId+variantId]').equals([producerProductId, '']).primaryKeys() : [];
    await w.load('answers', [...wanted.keys(), ...old]);
    for (const id of old) if (!wanted.has(id)) w.drop('answers', id);
    for (const [id, a] of wanted) {
      const next = packageAnswer(pkg, producerProductId, a, at, ref);
      const before = w.get<Answer>('answers', id);
      w.write('answers', id, before ? { ...next, createdAt: before.createdAt } : next);
    }

    // Le catalogue apprend les critères qu'il ne connaît pas ; ce que le distributeur a lu sur ses pages prime.
    await w.load('criteria', pkg.criteria.map((c) => c.key));
    for (const c of pkg.criteria) {
      if (w.get('criteria', c.key)) continue;
      const parsed = CriterionSchema.safeParse({ ...c, source: { kind: 'import', ref, at }, updatedAt: at });
      if (parsed.success) w.write('criteria', c.key, parsed.data);
    }

    const linked = new Set(preview.linkedDistributors);
    if (choices.distributorProductId) {
      const d = await w.fetch<Product>('products', choices.distributorProductId);
      if (!d) throw new UserError('Produit distributeur introuvable.');
      if (d.id === producerProductId) throw new UserError('Le produit du distributeur ne peut pas être celui du producteur.');
      w.write('products', d.id, { ...d, role: { kind: 'distributeur', producerProductId, ...(d.role.kind === 'distributeur' && d.role.forThirdParty !== undefined ? { forThirdParty: d.role.forThirdParty } : {}) }, updatedAt: at });
      linked.add(d.id);
    }
    const record: PackageRecord = {
      id: crypto.randomUUID(),
      opId,
      producerProductId,
      distributorProductIds: [...linked],
      fingerprint: fingerprint.hex,
      convergenceNumber: pkg.product.convergenceNumber,
      sequence: pkg.sequence,
      producerName: pkg.producer.name,
      createdAt: pkg.createdAt,
      importedAt: at,
      fileName,
      sha256,
      bytes: bytes.slice(),
      changed,
    };
    await repo.db.packages.add(record);
    return producerProductId;
  });
  return {
    producerProductId: r.result,
    marker: packageMarker({ producerName: pkg.producer.name, createdAt: pkg.createdAt }),
    review: [...new Set((preview.inherited ?? []).map((c) => c.key))],
    opId: r.opId,
  };
}

interface PackageInfo {
  producerProductId: string;
  marker: string;
  producerName: string;
  createdAt: string;
  importedAt: string;
  sequence: number;
  fingerprint: KeyFingerprint;
  fileName: string;
}

/** Le paquet en vigueur de chaque produit venu d'un producteur (marqueur, empreinte). */
export async function packageInfos(repo: Repository): Promise<PackageInfo[]> {
  const latest = new Map<string, PackageRecord>();
  for (const r of await repo.activePackages()) latest.set(r.producerProductId, r);
  return [...latest.values()].map((r) => ({
    producerProductId: r.producerProductId,
    marker: packageMarker(r),
    producerName: r.producerName,
    createdAt: r.createdAt,
    importedAt: r.importedAt,
    sequence: r.sequence,
    fingerprint: { hex: r.fingerprint, display: displayFingerprint(r.fingerprint) },
    fileName: r.fileName,
  }));
}

// ---------- distributeur : preuves du producteur dont le contenu a été inclus ----------

/** Préfixe des preuves venues d'un paquet : jamais confondues avec un fichier de la bibliothèque. */
export const PACKAGE_EVIDENCE_PREFIX = 'paquet-';

export interface PackageEvidence {
  meta: EvidenceFileMeta;
  bytes: Uint8Array;
}

/**
 * Preuves du producteur qu'un distributeur peut joindre : seulement celles dont le producteur a inclus le
 * CONTENU, relues depuis les octets du paquet en vigueur revérifiés (signature), et dont le contenu a bien
 * l'empreinte SHA-256 annoncée. Une preuve décrite seulement (nom, type, empreinte) n'est jamais proposée.
 */
export async function producerEvidence(repo: Repository, distributorProductId: string): Promise<PackageEvidence[]> {
  const product = await repo.db.products.get(distributorProductId);
  if (product?.role.kind !== 'distributeur' || !product.role.producerProductId) return [];
  const producerProductId = product.role.producerProductId;
  const record = (await repo.activePackages(producerProductId)).at(-1);
  if (!record) return [];
  // Les octets gardés ont été vérifiés à l'import ; revérifiés ici : ce qui sort vers une page est signé.
  const v = await verifyPackage(record.bytes, record.fileName);
  if (!v.ok) return [];
  const out: PackageEvidence[] = [];
  const seen = new Set<string>();
  for (const a of v.package.answers) {
    for (const e of a.evidence ?? []) {
      if (!e.content || !e.sha256) continue;
      const bytes = decodeCanonicalBase64(e.content);
      if (!bytes || (await sha256Hex(bytes)) !== e.sha256) continue;
      const id = `${PACKAGE_EVIDENCE_PREFIX}${e.sha256}`;
      if (seen.has(`${id}|${e.evidenceType}`)) continue;
      seen.add(`${id}|${e.evidenceType}`);
      out.push({
        meta: {
          id,
          productId: producerProductId,
          variantId: '',
          name: e.name,
          type: e.mediaType ?? 'application/octet-stream',
          size: bytes.length,
          hash: e.sha256,
          evidenceType: e.evidenceType,
          criterionKey: a.key,
          addedAt: v.package.createdAt,
        },
        bytes,
      });
    }
  }
  return out;
}

/** Une preuve du producteur, pour une zone de SON type de preuve seulement (la personne l'a demandée sur cette zone). */
export async function producerEvidenceFor(repo: Repository, distributorProductId: string, fileId: string, zone: string | undefined): Promise<PackageEvidence> {
  const all = (await producerEvidence(repo, distributorProductId)).filter((e) => e.meta.id === fileId);
  if (all.length === 0) throw new UserError('Preuve introuvable pour ce produit.');
  const match = zone === undefined ? undefined : all.find((e) => sameEvidenceType(e.meta.evidenceType, zone));
  if (!match) throw new UserError(`La preuve « ${all[0]!.meta.name} » du producteur ne se joint qu'à une zone « ${all[0]!.meta.evidenceType} ».`);
  return match;
}
