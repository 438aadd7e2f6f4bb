/**
 * Typed handlers of every background message, and dispatch(): validation with zod on receipt,
 * replies `{ ok: true, data } | { ok: false, error }` with French errors. Pure: no browser API;
 * the extension's background wires dispatch() to runtime messaging.
 */
import { errorMessage, UserError } from '../domain/errors';
import { variantDisplayName } from '../domain/naming';
import { answerId, criterionKey } from '../domain/schemas';
import type { Repository } from '../db/repository';
import { commitImport, exportLibraryJson, exportProductXlsx, previewImport } from '../exchange/service';
import type { ImportPreview } from '../exchange/import-plan';
import { formatZodIssues } from '../domain/zod-fr';
import { base64ToBytes, bytesToBase64 } from './base64';
import { z } from 'zod';
import { isMessageType, MessageEnvelopeSchema, PROTOCOL, ScopeSchema, ShownStatusSchema } from './protocol';
import type { BackgroundMessageType, MessageType, ParsedRequestOf, Party, Reply, ResponseOf } from './protocol';

const ScopeRecord = ScopeSchema;
const StoredStatuses = z.strictObject({ statuses: z.array(ShownStatusSchema), at: z.string() });

export type Handlers = { [T in BackgroundMessageType]: (req: ParsedRequestOf<T>) => Promise<ResponseOf<T>> };

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
  /** How many import previews are kept in memory, waiting for a commit. */
  maxPreviews?: number;
}

/** Un n° Convergence vide ('') dans un patch efface le numéro ; absent, il reste inchangé. */
function clearEmptyNumber<T extends { convergenceNumber?: string | undefined }>(patch: T): T {
  return patch.convergenceNumber === '' ? { ...patch, convergenceNumber: undefined } : patch;
}

export function createHandlers(repo: Repository, options: HandlerOptions = {}): Handlers {
  const now = options.now ?? (() => new Date());
  const previews = new Map<string, ImportPreview>();
  const maxPreviews = options.maxPreviews ?? 5;
  const settings = options.settings ?? memorySettings();

  const productEntries = async () =>
    (await repo.listProducts()).map(({ product, variants }) => ({
      product,
      variants,
      displayNames: Object.fromEntries(variants.map((v) => [v.id, variantDisplayName(product, v)])),
    }));

  /** La portée reliée à un n° Convergence : une variante, sinon une famille. */
  const scopeOfNumber = (entries: Awaited<ReturnType<typeof productEntries>>, number: string) => {
    for (const e of entries) {
      const v = e.variants.find((x) => x.convergenceNumber === number);
      if (v) return { productId: e.product.id, variantId: v.id };
    }
    const p = entries.find((e) => e.product.convergenceNumber === number);
    return p ? { productId: p.product.id, variantId: '' } : null;
  };

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
    'page.context': async ({ pageProduct }) => {
      const products = await productEntries();
      const current = pageProduct ? scopeOfNumber(products, pageProduct.number) : null;
      const last = ScopeRecord.safeParse(await settings.get('lastSource'));
      const lastScope = last.success && products.some((e) => e.product.id === last.data.productId) ? last.data : null;
      if (current) {
        const entry = products.find((e) => e.product.id === current.productId);
        const name = entry ? (current.variantId ? entry.displayNames[current.variantId] ?? entry.product.name : entry.product.name) : '';
        const inherits = current.variantId
          ? ' (réponses propres de la variante, puis celles de sa famille)'
          : entry?.product.role.kind === 'distributeur'
            ? " (réponses propres, puis celles de l'éditeur producteur là où sa spécificité est « Non »)"
            : '';
        return { products, current, suggestedSource: current, suggestedBecause: `Bibliothèque reliée à ce produit : « ${name} »${inherits}.` };
      }
      if (lastScope) return { products, current: null, suggestedSource: lastScope, suggestedBecause: 'Ce produit n\'est relié à aucune bibliothèque : source utilisée en dernier.' };
      return { products, current: null, suggestedSource: null, suggestedBecause: 'Aucune bibliothèque : enregistrez d\'abord les réponses d\'une page, ou importez un fichier.' };
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
      if (scope) {
        if (scope.variantId) await repo.updateVariant(scope.variantId, { convergenceNumber: pageProduct.number }, author);
        else await repo.updateProduct(scope.productId, { convergenceNumber: pageProduct.number }, author);
        return scope;
      }
      const created = await repo.createProduct(
        { name: pageProduct.name, version: pageProduct.version, type: 'socle', responsable: '', description: '', convergenceNumber: pageProduct.number },
        author,
      );
      return { productId: created.result.id, variantId: '' };
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
    'page.evidence.list': async ({ pageProduct }) => {
      const scope = scopeOfNumber(await productEntries(), pageProduct.number);
      return { files: scope ? await scopeFiles(scope.productId, scope.variantId) : [] };
    },
    'page.evidence.get': async ({ pageProduct, fileId }) => {
      const scope = scopeOfNumber(await productEntries(), pageProduct.number);
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
      previews.set(p.id, p);
      while (previews.size > maxPreviews) previews.delete(previews.keys().next().value as string);
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
      const p = previews.get(previewId);
      if (!p) throw new UserError("Aperçu d'import introuvable ou expiré : relancez l'aperçu.");
      const r = await commitImport(repo, p, { conflicts, author });
      previews.delete(previewId);
      return { criteria: r.result.criteria, answers: r.result.answers, undoToken: r.opId };
    },
    'export.json': async ({ productIds }) => exportLibraryJson(repo, productIds),
    'export.xlsx': async ({ productId, variantId }) => {
      const { fileName, bytes } = await exportProductXlsx(repo, productId, variantId, now());
      return { fileName, contentBase64: bytesToBase64(bytes) };
    },
  };
}

/**
 * Validate and handle one message. `from` is who sent it, as established by the transport
 * (a content script or an extension page); messages not allowed for that sender are refused.
 */
export async function dispatch(handlers: Handlers, message: unknown, from: Party = 'page'): Promise<Reply> {
  return dispatchTo('background', handlers as unknown as Record<string, (r: unknown) => Promise<unknown>>, message, from);
}

/**
 * Validation on receipt, for any receiving party (background or content script): envelope, known
 * type, addressed to `to`, allowed sender, request schema; then the handler, whose errors become
 * a French `{ ok: false, error }`.
 */
export async function dispatchTo(
  to: Party,
  handlers: Partial<Record<string, (r: unknown) => Promise<unknown>>>,
  message: unknown,
  from: Party,
): Promise<Reply> {
  const env = MessageEnvelopeSchema.safeParse(message);
  if (!env.success) return { ok: false, error: `Message mal formé : ${formatZodIssues(env.error.issues)}.` };
  const type = env.data.type;
  if (!isMessageType(type)) return { ok: false, error: `Type de message inconnu « ${type.slice(0, 100)} ».` };
  const def = PROTOCOL[type];
  if (def.to !== to) {
    return { ok: false, error: to === 'background' ? `Le message « ${type} » n'est pas traité par l'arrière-plan de l'extension.` : `Le message « ${type} » n'est pas traité par la page.` };
  }
  if (!(def.from as readonly Party[]).includes(from)) return { ok: false, error: `Le message « ${type} » n'est pas autorisé depuis cet émetteur (${from}).` };
  const req = def.request.safeParse(env.data.payload ?? {});
  if (!req.success) return { ok: false, error: `Message « ${type} » invalide : ${formatZodIssues(req.error.issues)}.` };
  const handler = handlers[type];
  if (!handler) return { ok: false, error: `Le message « ${type} » n'a pas de gestionnaire ici.` };
  try {
    const data = await handler(req.data);
    return { ok: true, data } as Reply;
  } catch (e) {
    return { ok: false, error: errorMessage(e) };
  }
}

/** Convenience: a dispatch bound to its handlers. */
export function createDispatcher(handlers: Handlers): (message: unknown, from?: Party) => Promise<Reply> {
  return (message, from) => dispatch(handlers, message, from);
}

export type { MessageType };
