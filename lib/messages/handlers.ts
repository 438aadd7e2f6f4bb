/**
 * Typed handlers of every background message, and dispatch(): validation with zod on receipt,
 * replies `{ ok: true, data } | { ok: false, error }` with French errors. Pure: no browser API;
 * the extension's background wires dispatch() to runtime messaging.
 */
import { UserError } from '../domain/errors';
import { variantDisplayName } from '../domain/naming';
import { answerId, criterionKey } from '../domain/schemas';
import type { Repository } from '../db/repository';
import { commitImport, exportLibraryJson, exportProductXlsx, previewImport } from '../exchange/service';
import { beginRestore, blobForBackup, buildBackup, cancelRestore, commitRestore, receiveRestoreBlob } from '../exchange/backup';
import { base64ToBytes, bytesToBase64 } from './base64';
import { z } from 'zod';
import { PageProductSchema, ScopeSchema, ShownStatusSchema } from './protocol';
import { familyByName, resolveIdentity, scopeOfNumber, suggestSource, variantCandidate, type TabMemory } from '../page/identity';
import type { BackgroundMessageType, MessageType, ParsedRequestOf, Party, Reply, ResponseOf, SUGGESTION_REASONS } from './protocol';

const StoredStatuses = z.strictObject({ statuses: z.array(ShownStatusSchema), at: z.string() });

import { dispatchTo, type SenderContext } from './dispatch';
export { dispatchTo, type SenderContext };

export type Handlers = { [T in BackgroundMessageType]: (req: ParsedRequestOf<T>, sender: SenderContext) => Promise<ResponseOf<T>> };

/** Petit stockage clé → valeur pour les réglages (storage.local dans l'extension, une Map en test). */
export interface SettingsStore {
  get(key: string): Promise<unknown>;
  set(key: string, value: unknown): Promise<void>;
}

export function memorySettings(): SettingsStore {
  const m = new Map<string, unknown>();
  return { get: async (k) => m.get(k), set: async (k, v) => void m.set(k, v) };
}

export interface HandlerOptions {
  now?: () => Date;
  settings?: SettingsStore;
  /** Mémoire par onglet (storage.session dans l'extension : oubliée à la fermeture du navigateur). */
  tabs?: SettingsStore;
}

const TabMemorySchema = z.object({
  product: PageProductSchema.optional(),
  choice: ScopeSchema.optional(),
});
const PAGE_AUTHOR = 'Assistant Convergence (page)';

/** Un n° Convergence vide ('') dans un patch efface le numéro ; absent, il reste inchangé. */
function clearEmptyNumber<T extends { convergenceNumber?: string | undefined }>(patch: T): T {
  return patch.convergenceNumber === '' ? { ...patch, convergenceNumber: undefined } : patch;
}

export function createHandlers(repo: Repository, options: HandlerOptions = {}): Handlers {
  const now = options.now ?? (() => new Date());
  const settings = options.settings ?? memorySettings();
  const tabs = options.tabs ?? memorySettings();
  const tabKey = (sender: SenderContext) => `onglet:${sender.tabId ?? '-'}`;
  const tabMemory = async (sender: SenderContext): Promise<TabMemory> => {
    const m = TabMemorySchema.safeParse(await tabs.get(tabKey(sender)));
    return m.success ? m.data : {};
  };
  const setTabMemory = (sender: SenderContext, m: TabMemory) => tabs.set(tabKey(sender), m);
  /** Le produit retenu pour la page de l'onglet (lu, page précédente, choix), et sa portée reliée. */
  const identityOf = async (sender: SenderContext, pageProduct: z.infer<typeof PageProductSchema> | null) =>
    resolveIdentity(await productEntries(), await tabMemory(sender), pageProduct);

  const productEntries = async () =>
    (await repo.listProducts()).map(({ product, variants }) => ({
      product,
      variants,
      displayNames: Object.fromEntries(variants.map((v) => [v.id, variantDisplayName(product, v)])),
    }));

  /** Les preuves propres à une portée et celles de sa famille ; jamais celles d'un autre produit (producteur). */
  const scopeFiles = async (productId: string, variantId: string) =>
    (await repo.listEvidenceFiles(productId)).filter((f) => f.variantId === variantId || f.variantId === '');

  const fileContent = async (productId: string, variantId: string, fileId: string) => {
    const file = await repo.getEvidenceFile(fileId);
    if (!file || file.productId !== productId || (file.variantId !== variantId && file.variantId !== '')) {
      throw new UserError('Preuve introuvable pour ce produit.');
    }
    const { blob, ...meta } = file;
    return { meta, contentBase64: bytesToBase64(new Uint8Array(await blob.arrayBuffer())) };
  };

  return {
    'products.list': async () => ({ products: await productEntries() }),
    'panel.tab': async (_req, sender) => {
      if (sender.tabId === undefined) throw new UserError("Le panneau n'est pas dans un onglet.");
      return { tabId: sender.tabId };
    },
    'page.identity': async ({ pageProduct }, sender) => {
      const memory = await tabMemory(sender);
      // Le produit lu est retenu pour les pages suivantes de l'onglet, comme par le panneau.
      if (pageProduct) await setTabMemory(sender, { ...(memory.choice ? { choice: memory.choice } : {}), product: pageProduct });
      const identity = resolveIdentity(await productEntries(), memory, pageProduct);
      return { from: identity.from, product: identity.product };
    },
    'page.context': async ({ pageProduct }, sender) => {
      const products = await productEntries();
      const memory = await tabMemory(sender);
      if (pageProduct) {
        // La page affiche son produit : retenu pour les pages suivantes de l'onglet. Un choix fait plus tôt
        // sur une page sans produit est relié à ce n° s'il n'est relié à rien d'autre, puis oublié.
        const choice = memory.choice;
        if (choice && !scopeOfNumber(products, pageProduct.number)) {
          const entry = products.find((e) => e.product.id === choice.productId);
          const numbered = choice.variantId ? entry?.variants.find((v) => v.id === choice.variantId)?.convergenceNumber : entry?.product.convergenceNumber;
          if (entry && !numbered) {
            if (choice.variantId) await repo.updateVariant(choice.variantId, { convergenceNumber: pageProduct.number }, PAGE_AUTHOR);
            else await repo.updateProduct(choice.productId, { convergenceNumber: pageProduct.number }, PAGE_AUTHOR);
          }
        }
        await setTabMemory(sender, { product: pageProduct });
      }
      const entries = pageProduct && memory.choice ? await productEntries() : products;
      const identity = resolveIdentity(entries, pageProduct ? { product: pageProduct } : memory, pageProduct);
      const last = ScopeSchema.safeParse(await settings.get('lastSource'));
      const suggestion = suggestSource(entries, identity, last.success ? last.data : null);
      let reason: (typeof SUGGESTION_REASONS)[number] = suggestion.reason;
      if (reason === 'reliee' && identity.scope) {
        const entry = entries.find((e) => e.product.id === identity.scope!.productId);
        if (identity.scope.variantId) reason = 'reliee-variante';
        else if (entry?.product.role.kind === 'distributeur') reason = 'reliee-distributeur';
      }
      return {
        products: entries,
        identity: { from: identity.from, product: identity.product },
        current: identity.scope,
        variantCandidate: identity.product && !identity.scope ? variantCandidate(entries, identity.product) : null,
        suggestedSource: suggestion.source,
        suggestedReason: reason,
      };
    },
    'page.link': async ({ pageProduct, scope, author }) => {
      const products = await productEntries();
      // Un n° Convergence ne désigne qu'une portée : on le retire d'abord de celle qui l'avait.
      const previous = scopeOfNumber(products, pageProduct.number);
      if (previous && scope && previous.productId === scope.productId && previous.variantId === scope.variantId) return previous;
      if (previous && !scope) return previous;
      if (previous) {
        if (previous.variantId) await repo.updateVariant(previous.variantId, { convergenceNumber: undefined }, author);
        else await repo.updateProduct(previous.productId, { convergenceNumber: undefined }, author);
      }
      // Sans portée désignée : la famille de même nom et version (importée d'un fichier, créée à la main), sinon une nouvelle.
      const target = scope ?? (() => {
        const same = familyByName(products, pageProduct);
        return same ? { productId: same.product.id, variantId: '' } : undefined;
      })();
      if (target) {
        if (target.variantId) await repo.updateVariant(target.variantId, { convergenceNumber: pageProduct.number }, author);
        else await repo.updateProduct(target.productId, { convergenceNumber: pageProduct.number }, author);
        return target;
      }
      const created = await repo.createProduct(
        { name: pageProduct.name, version: pageProduct.version, type: 'socle', responsable: '', description: '', convergenceNumber: pageProduct.number },
        author,
      );
      return { productId: created.result.id, variantId: '' };
    },
    'page.linkVariant': async ({ pageProduct, author }) => {
      const products = await productEntries();
      const linked = scopeOfNumber(products, pageProduct.number);
      if (linked) return linked;
      // L'arrière-plan refait la reconnaissance : il ne croit pas l'OS ou la famille qu'un onglet lui dirait.
      const c = variantCandidate(products, pageProduct);
      if (!c) throw new UserError(`« ${pageProduct.name} » ne se lit pas comme une variante « [Nom] [OS] [Appareil] » d'une famille de la bibliothèque.`);
      if (c.variantId) {
        await repo.updateVariant(c.variantId, { convergenceNumber: pageProduct.number }, author);
        return { productId: c.productId, variantId: c.variantId };
      }
      const v = await repo.createVariant(
        { productId: c.productId, os: c.os, ...(c.osLabel ? { osLabel: c.osLabel } : {}), device: c.device, convergenceNumber: pageProduct.number },
        author,
      );
      return { productId: c.productId, variantId: v.result.id };
    },
    'page.choose': async ({ choice, author }, sender) => {
      let scope: { productId: string; variantId: string };
      if ('scope' in choice) {
        const entries = await productEntries();
        const e = entries.find((x) => x.product.id === choice.scope.productId);
        if (!e || (choice.scope.variantId && !e.variants.some((v) => v.id === choice.scope.variantId))) throw new UserError('Ce produit n\'est plus dans la bibliothèque.');
        scope = choice.scope;
      } else {
        const created = await repo.createProduct({ name: choice.create.name, version: choice.create.version, type: 'socle', responsable: '', description: '' }, author);
        scope = { productId: created.result.id, variantId: '' };
      }
      // Le choix remplace la supposition « page précédente » pour cet onglet.
      await setTabMemory(sender, { choice: scope });
      return scope;
    },
    'source.used': async ({ scope }) => {
      await settings.set('lastSource', scope);
      return {};
    },
    'page.statuses.put': async ({ productKey, statuses }) => {
      await settings.set(`statuts:${productKey}`, { statuses, at: now().toISOString() });
      return {};
    },
    'page.statuses.get': async ({ productKey }) => {
      const stored = StoredStatuses.safeParse(await settings.get(`statuts:${productKey}`));
      return stored.success ? stored.data : null;
    },
    'page.evidence.list': async ({ pageProduct }, sender) => {
      const { scope } = await identityOf(sender, pageProduct);
      return { files: scope ? await scopeFiles(scope.productId, scope.variantId) : [] };
    },
    'page.evidence.get': async ({ pageProduct, fileId }, sender) => {
      const { scope } = await identityOf(sender, pageProduct);
      if (!scope) throw new UserError('Ce produit n\'est relié à aucune bibliothèque : aucune preuve à joindre.');
      return fileContent(scope.productId, scope.variantId, fileId);
    },
    'evidence.list': async ({ productId, variantId }) => ({ files: await scopeFiles(productId, variantId) }),
    'evidence.get': async ({ productId, variantId, fileId }) => fileContent(productId, variantId, fileId),
    'evidence.add': async ({ productId, variantId, name, type, evidenceType, criterionKey: key, contentBase64, author }) => {
      let bytes: Uint8Array;
      try {
        bytes = base64ToBytes(contentBase64);
      } catch {
        throw new UserError(`Fichier « ${name} » : contenu illisible (base64 invalide).`);
      }
      const blob = new Blob([bytes as BlobPart], { type });
      return (await repo.addEvidenceFile({ productId, variantId, name, type, blob, evidenceType, criterionKey: key }, author)).result;
    },
    'product.create': async ({ product, author }) => (await repo.createProduct(product, author)).result,
    'product.update': async ({ id, patch, author }) => (await repo.updateProduct(id, clearEmptyNumber(patch), author)).result,
    'variant.create': async ({ variant, author }) => (await repo.createVariant(variant, author)).result,
    'variant.update': async ({ id, patch, author }) => (await repo.updateVariant(id, clearEmptyNumber(patch), author)).result,
    'product.delete': async ({ id, author }) => {
      const r = await repo.deleteProduct(id, author);
      return { deleted: r.result, undoToken: r.opId };
    },
    'variant.delete': async ({ id, author }) => {
      const r = await repo.deleteVariant(id, author);
      return { deleted: r.result, undoToken: r.opId };
    },
    'company.get': async ({ id }) => (await repo.getCompany(id)) ?? null,
    'company.put': async ({ company, author }) => (await repo.putCompany(company, author)).result,
    'criteria.learn': async ({ criteria, source, author }) => {
      const r = await repo.learnCriteria(criteria, { kind: 'page', ref: source.ref, at: now().toISOString() }, author);
      return { counts: r.result };
    },
    'criteria.list': async ({ questionnaire }) => ({ criteria: await repo.listCriteria(questionnaire) }),
    'answers.saveCaptured': async ({ productId, variantId, answers, source, author }) => {
      const r = await repo.saveAnswers(productId, variantId, answers, { kind: source.kind, ref: source.ref, at: now().toISOString() }, {
        kind: source.kind === 'page' ? 'capture' : 'saisie',
        label: source.kind === 'page' ? `Capture depuis « ${source.ref} »` : `Saisie (${source.ref})`,
        author,
      });
      return { counts: r.result, undoToken: r.opId };
    },
    'answers.resolved': async ({ productId, variantId, questionnaire }) => ({
      answers: await repo.resolvedAnswers(productId, variantId, questionnaire),
    }),
    'answers.history': async ({ productId, variantId, questionnaire, criterionId }) => ({
      entries: await repo.history(answerId(productId, variantId, criterionKey(questionnaire, criterionId))),
    }),
    'readiness.get': async ({ productId, variantId, today }) => repo.readiness(productId, variantId, today),
    'operations.undoLast': async ({ author, undoToken }) => {
      const r = await repo.undo(author, undoToken);
      const op = r.result;
      if (!op) throw new UserError('Aucune opération à annuler.');
      return { undone: { id: op.id, kind: op.kind, label: op.label, at: op.at, author: op.author }, undoToken: r.opId };
    },
    'operations.list': async ({ limit }) => {
      const summary = (op: { id: string; kind: string; label: string; at: string; author: string }) => ({ id: op.id, kind: op.kind, label: op.label, at: op.at, author: op.author });
      const next = await repo.lastUndoable();
      return {
        operations: (await repo.operations(limit)).map((op) => ({ ...summary(op), undone: op.undone === 1 })),
        nextUndo: next ? summary(next) : null,
      };
    },
    'import.preview': async ({ fileName, contentBase64, target }) => {
      let data: Uint8Array;
      try {
        data = base64ToBytes(contentBase64);
      } catch {
        throw new UserError(`Fichier « ${fileName} » : contenu illisible (base64 invalide).`);
      }
      const p = await previewImport(repo, { fileName, data, target }, now());
      // Gardé dans la base : le service d'arrière-plan peut être arrêté (MV3) entre l'aperçu et l'écriture.
      await repo.savePreview(p);
      return {
        previewId: p.id,
        fileName: p.fileName,
        source: p.source,
        ...(p.target ? { target: p.target } : {}),
        counts: p.counts,
        criteria: p.criteria,
        products: p.products,
        items: p.items,
        skippedSheets: p.skippedSheets ?? [],
      };
    },
    'import.commit': async ({ previewId, conflicts, author }) => {
      const p = await repo.loadPreview(previewId);
      if (!p) throw new UserError("Aperçu d'import introuvable ou expiré : relancez l'aperçu.");
      const r = await commitImport(repo, p, { conflicts, author });
      await repo.dropPreview(previewId);
      return { criteria: r.result.criteria, answers: r.result.answers, undoToken: r.opId };
    },
    'export.json': async ({ productIds }) => exportLibraryJson(repo, productIds),
    'export.xlsx': async ({ productId, variantId }) => {
      const { fileName, bytes } = await exportProductXlsx(repo, productId, variantId, now());
      return { fileName, contentBase64: bytesToBase64(bytes) };
    },
    'backup.create': async () => {
      const { fileName, head, tail, blobs, counts } = await buildBackup(repo, now());
      return { fileName, head, tail, blobs, counts };
    },
    'backup.blob': async ({ sha256 }) => ({ contentBase64: await blobForBackup(repo, sha256) }),
    'backup.restore.begin': async (req) => beginRestore(repo, req),
    'backup.restore.blob': async (req) => receiveRestoreBlob(repo, req),
    'backup.restore.commit': async ({ sessionId, author }) => {
      const { operation: op } = await commitRestore(repo, { sessionId, author });
      return { operation: { id: op.id, kind: op.kind, label: op.label, at: op.at, author: op.author } };
    },
    'backup.restore.cancel': async ({ sessionId }) => {
      cancelRestore(repo, sessionId);
      return {};
    },
    'operations.reach': async () => repo.undoReach(),
  };
}

/**
 * Validate and handle one message. `from` is who sent it, as established by the transport
 * (a content script or an extension page); messages not allowed for that sender are refused.
 */
export async function dispatch(handlers: Handlers, message: unknown, from: Party = 'page', sender: SenderContext = {}): Promise<Reply> {
  return dispatchTo('background', handlers as unknown as Record<string, (r: unknown, s: SenderContext) => Promise<unknown>>, message, from, sender);
}


/** Convenience: a dispatch bound to its handlers. */
export function createDispatcher(handlers: Handlers): (message: unknown, from?: Party, sender?: SenderContext) => Promise<Reply> {
  return (message, from, sender) => dispatch(handlers, message, from, sender);
}

export type { MessageType };
