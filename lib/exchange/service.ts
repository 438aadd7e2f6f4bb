/**
 * lib/exchange — les fichiers : JSON, Excel, CSV, paquets, sauvegardes, limites des fichiers non fiables ; ici, aperçu → validation.
 * Un fichier importé n'est jamais cru : tout passe par limits.ts et les schémas avant d'atteindre la base.
 * N'importe de lib/ que : db (l'écriture validée), domain, rules, text — ni library, messages, page, page-session, platform, cli.
 */
import { UserError } from '../domain/errors';
import type { Answer, Scope } from '../domain/schemas';
import { displaySafe } from '../domain/text';
import type { Repository } from '../db/repository';
import { productReadiness, todayIso } from '../rules/product-readiness';
import { changeSetOf, planLibraryImport, planSpreadsheetImport } from './import-plan';
import type { ImportPreview } from './import-plan';
import { makeLibrary, parseLibraryJson, serializeLibrary } from './json-format';
import type { Library } from './json-format';
import { parseSpreadsheet } from './sheet-import';
import { isJsonFile, readUntrusted, shownFileName } from './untrusted';
import { writeProductWorkbook } from './xlsx-export';

export { isJsonFile, readUntrusted, shownFileName } from './untrusted';

interface PreviewRequest {
  fileName: string;
  data: Uint8Array;
  /** Produit (et variante, '' : la famille) qui reçoit les réponses d'un tableur. */
  target?: Scope | undefined;
}

/** Lit un fichier et le compare à la base. Rien n'est écrit : la personne voit l'aperçu d'abord. */
export async function previewImport(repo: Repository, req: PreviewRequest, now = new Date()): Promise<ImportPreview> {
  const id = crypto.randomUUID();
  const fileName = shownFileName(req.fileName);
  if (isJsonFile(req.fileName, req.data)) {
    const lib = readUntrusted(fileName, () => parseLibraryJson(req.data, fileName));
    const ids = lib.answers.map((a) => a.id);
    const stored = (await repo.db.answers.bulkGet(ids)).filter((a): a is Answer => !!a);
    return planLibraryImport(
      lib,
      {
        answers: new Map(stored.map((a) => [a.id, a])),
        criteria: await repo.listCriteria(),
        products: await repo.db.products.toArray(),
        variants: await repo.db.variants.toArray(),
        companies: await repo.db.companies.toArray(),
      },
      fileName,
      id,
    );
  }
  const parsed = readUntrusted(fileName, () => parseSpreadsheet(req.data, fileName));
  let target = req.target;
  if (!target) {
    const pid = parsed.productSheet?.['Identifiant'];
    if (pid && (await repo.getProduct(pid))) target = { productId: pid, variantId: parsed.productSheet?.['Variante'] ?? '' };
  }
  if (!target) throw new UserError(`Fichier « ${fileName} » : choisissez le produit qui reçoit ces réponses.`);
  const product = await repo.requireProduct(target.productId);
  if (target.variantId && !(await repo.db.variants.get(target.variantId)))
    throw new UserError(`Variante « ${displaySafe(target.variantId, 100)} » introuvable pour le produit « ${displaySafe(product.name, 100)} ».`);
  return planSpreadsheetImport(
    parsed,
    { answers: await repo.answersOfScope(target.productId, target.variantId), criteria: await repo.listCriteria() },
    target,
    now,
    id,
  );
}

/** Écrit un import prévisualisé en UNE transaction (tout ou rien) ; rend les comptes et le jeton d'annulation. */
export async function commitImport(repo: Repository, preview: ImportPreview, options: { conflicts: 'garder' | 'remplacer'; author: string }) {
  return repo.applyChangeSet(changeSetOf(preview, options.conflicts), {
    kind: 'import',
    label: `Import de « ${preview.fileName} »`,
    author: options.author,
  });
}

/** Toute la bibliothèque, ou les produits donnés avec variantes, réponses, entreprise et critères utilisés. */
export async function exportLibrary(repo: Repository, productIds?: readonly string[], now = new Date()): Promise<Library> {
  const db = repo.db;
  const products = productIds ? (await db.products.bulkGet([...productIds])).filter((p) => !!p) : await db.products.toArray();
  if (productIds && products.length !== productIds.length) throw new UserError('Produit introuvable pour l\'export.');
  const ids = new Set(products.map((p) => p.id));
  const [variants, answers, files, companies, criteria] = await Promise.all([
    db.variants.toArray(),
    // Une requête par produit : anyOf parcourt l'index pas à pas (très lent sur fake-indexeddb, sans gain ailleurs).
    productIds ? Promise.all([...ids].map((id) => db.answers.where('productId').equals(id).toArray())).then((lists) => lists.flat()) : db.answers.toArray(),
    db.files.toArray(),
    db.companies.toArray(),
    db.criteria.toArray(),
  ]);
  const usedKeys = new Set(answers.map((a) => a.criterionKey));
  const companyIds = new Set(products.map((p) => p.companyId).filter(Boolean));
  return makeLibrary(
    productIds ? 'produit' : 'bibliotheque',
    {
      companies: productIds ? companies.filter((c) => companyIds.has(c.id)) : companies,
      products: products.sort((a, b) => a.id.localeCompare(b.id)),
      variants: variants.filter((v) => ids.has(v.productId)).sort((a, b) => a.id.localeCompare(b.id)),
      criteria: (productIds ? criteria.filter((c) => usedKeys.has(c.key)) : criteria).sort((a, b) => a.key.localeCompare(b.key)),
      answers: answers.sort((a, b) => a.id.localeCompare(b.id)),
      files: files.filter((f) => ids.has(f.productId)).map(({ blob: _b, ...meta }) => meta).sort((a, b) => a.id.localeCompare(b.id)),
    },
    now,
  );
}

export async function exportLibraryJson(repo: Repository, productIds?: readonly string[]): Promise<{ fileName: string; json: string }> {
  const lib = await exportLibrary(repo, productIds);
  const stamp = lib.exportedAt.slice(0, 10);
  return { fileName: `assistant-convergence-${lib.scope}-${stamp}.json`, json: serializeLibrary(lib) };
}

/** Classeur Excel d'un produit (ou variante) : réponses résolues (jamais les preuves d'un producteur) et préparation. */
export async function exportProductXlsx(repo: Repository, productId: string, variantId = '', now = new Date()): Promise<{ fileName: string; bytes: Uint8Array }> {
  const product = await repo.requireProduct(productId);
  const variant = variantId ? await repo.db.variants.get(variantId) : undefined;
  const [catalogue, resolved] = await Promise.all([repo.listCriteria(), repo.resolvedAnswers(productId, variantId)]);
  const report = productReadiness({ product, catalogue, resolved, today: todayIso(now) });
  const excluded = new Set(product.excludedCriteria);
  const bytes = writeProductWorkbook({
    product,
    variant,
    criteria: catalogue.filter((c) => !excluded.has(c.key)),
    answers: resolved.map((r) => ({ answer: r.answer, source: r.source })),
    report,
    now,
  });
  const safeName = product.name.replace(/[^\p{L}\p{N} _-]+/gu, '').trim().replace(/\s+/g, '_') || 'produit';
  return { fileName: `${safeName}_${todayIso(now)}.xlsx`, bytes };
}
