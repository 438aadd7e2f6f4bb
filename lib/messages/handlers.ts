/**
 * Gestionnaires typés de chaque message de l'arrière-plan, et dispatch() : validation zod à la réception,
 * réponse `{ ok: true, data } | { ok: false, error }` avec erreurs en français. Sans API de navigateur, pour
 * être testé tel quel : l'arrière-plan de l'extension branche dispatch() sur la messagerie runtime.
 */
import { UserError } from '../domain/errors';
import { answerId, criterionKey } from '../domain/schemas';
import type { Repository } from '../db/repository';
import { commitImport, exportLibraryJson, exportProductXlsx, previewImport } from '../exchange/service';
import type { ImportPreview } from '../exchange/import-plan';
import { beginRestore, blobForBackup, buildBackup, cancelRestore, commitRestore, receiveRestoreBlob } from '../exchange/backup';
import { base64ToBytes, encodeBase64 } from '../text/base64';
import {
  PACKAGE_EVIDENCE_PREFIX,
  buildShare,
  commitPackage,
  exportPublicKey,
  inspectPackage,
  packageInfos,
  previewShare,
  producerEvidence,
  producerEvidenceFor,
  signingKey,
} from '../library/packages';
import { z } from 'zod';
import { ShownStatusSchema } from '../domain/schemas';
import { createPageSession } from '../page-session/session';
import { memoryStore, type KeyValueStore } from '../db/key-value';
import { saveCapture } from '../page-session/capture';
import { fillSource } from '../page-session/fill';
import { answerEditHandlers } from './handlers-answer-edit';
import { journeyHandlers } from './handlers-journey';
import { recordListStatuses } from '../library/journey-store';
import { compareHandlers } from './handlers-compare';
import { referentialHandlers } from './handlers-referential';
import type { MessageType, Party, Reply } from './protocol';
import { dispatchTo, type SenderContext } from './dispatch';
import type { Handlers } from './handler-types';

export { dispatchTo, type SenderContext };
export type { Handlers };

const StoredStatuses = z.strictObject({ statuses: z.array(ShownStatusSchema), at: z.string() });

/** Petit stockage clé → valeur pour les réglages (storage.local dans l'extension, une Map en test). */
type SettingsStore = KeyValueStore;
export const memorySettings = memoryStore;

interface HandlerOptions {
  now?: () => Date;
  settings?: SettingsStore;
  /** Mémoire par onglet (storage.session dans l'extension : oubliée à la fermeture du navigateur). */
  tabs?: SettingsStore;
}

const PAGE_AUTHOR = 'Assistant Convergence (page)';

/** Octets d'un paquet reçu en base64 ; un base64 invalide n'est pas un paquet. */
function packageBytes(fileName: string, contentBase64: string): Uint8Array {
  try {
    return base64ToBytes(contentBase64);
  } catch {
    throw new UserError(`Fichier « ${fileName.slice(0, 200)} » : contenu illisible (base64 invalide).`);
  }
}

/** Un n° Convergence vide ('') dans un patch efface le numéro ; absent, il reste inchangé. */
function clearEmptyNumber<T extends { convergenceNumber?: string | undefined }>(patch: T): T {
  return patch.convergenceNumber === '' ? { ...patch, convergenceNumber: undefined } : patch;
}

export function createHandlers(repo: Repository, options: HandlerOptions = {}): Handlers {
  const now = options.now ?? (() => new Date());
  const settings = options.settings ?? memorySettings();
  const tabs = options.tabs ?? memorySettings();
  // Le produit de l'onglet, la portée reliée, la source proposée : lib/page-session, par onglet (donné par le navigateur).
  const session = createPageSession(repo, { settings, tabs });
  const identityOf = (sender: SenderContext, pageProduct: Parameters<typeof session.identityOf>[1]) => session.identityOf(sender.tabId, pageProduct);
  const productEntries = session.entries;

  /** Les preuves propres à une portée et celles de sa famille ; jamais celles d'un autre produit (producteur). */
  const scopeFiles = async (productId: string, variantId: string) =>
    (await repo.listEvidenceFiles(productId)).filter((f) => f.variantId === variantId || f.variantId === '');

  const fileContent = async (productId: string, variantId: string, fileId: string) => {
    const file = await repo.getEvidenceFile(fileId);
    if (!file || file.productId !== productId || (file.variantId !== variantId && file.variantId !== '')) {
      throw new UserError('Preuve introuvable pour ce produit.');
    }
    const { blob, ...meta } = file;
    return { meta, contentBase64: encodeBase64(new Uint8Array(await blob.arrayBuffer())) };
  };

  return {
    'products.list': async () => ({ products: await productEntries() }),
    'panel.tab': async (_req, sender) => {
      if (sender.tabId === undefined) throw new UserError("Le panneau n'est pas dans un onglet.");
      return { tabId: sender.tabId };
    },
    'page.identity': async ({ pageProduct }, sender) => session.identity(sender.tabId, pageProduct),
    'page.context': async ({ pageProduct }, sender) => session.context(sender.tabId, pageProduct),
    'page.link': async ({ pageProduct, scope, author }) => session.link(pageProduct, scope, author),
    'page.linkVariant': async ({ pageProduct, author }) => session.linkVariant(pageProduct, author),
    'page.choose': async ({ choice, author }, sender) => session.choose(sender.tabId, choice, author),
    'page.fillSource': async ({ source, partial, criteria }) => fillSource(repo, session, source, { partial, ...(criteria ? { criteria } : {}) }),
    'page.capture': async ({ pageProduct, captured }, sender) => saveCapture(repo, session, sender.tabId, { pageProduct, captured }, { author: PAGE_AUTHOR, now }),
    'page.statuses.put': async ({ productKey, statuses }) => {
      const at = now().toISOString();
      await settings.set(`statuts:${productKey}`, { statuses, at });
      // Le parcours (issue 11 § 4) : aussi daté pour le produit de la bibliothèque relié à ce n°.
      await recordListStatuses(repo, productKey, statuses, at);
      return {};
    },
    'page.statuses.get': async ({ productKey }) => {
      const stored = StoredStatuses.safeParse(await settings.get(`statuts:${productKey}`));
      return stored.success ? stored.data : null;
    },
    'page.evidence.list': async ({ pageProduct }, sender) => {
      const { scope } = await identityOf(sender, pageProduct);
      if (!scope) return { files: [] };
      // Chez un distributeur, en plus des siennes : les preuves du producteur dont le paquet porte le contenu.
      const fromPackage = (await producerEvidence(repo, scope.productId)).map((e) => e.meta);
      return { files: [...(await scopeFiles(scope.productId, scope.variantId)), ...fromPackage] };
    },
    'page.evidence.get': async ({ pageProduct, fileId, zone }, sender) => {
      const { scope } = await identityOf(sender, pageProduct);
      if (!scope) throw new UserError('Ce produit n\'est relié à aucune bibliothèque : aucune preuve à joindre.');
      if (fileId.startsWith(PACKAGE_EVIDENCE_PREFIX)) {
        // Demandée sur une zone précise : une preuve du producteur ne va que sur une zone de son type.
        const { meta, bytes } = await producerEvidenceFor(repo, scope.productId, fileId, zone);
        return { meta, contentBase64: encodeBase64(bytes) };
      }
      return fileContent(scope.productId, scope.variantId, fileId);
    },
    'evidence.list': async ({ productId, variantId }) => ({ files: await scopeFiles(productId, variantId) }),
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
    'criteria.list': async ({ questionnaire }) => ({ criteria: await repo.listCriteria(questionnaire) }),
    'answers.resolved': async ({ productId, variantId, questionnaire }) => ({
      answers: await repo.resolvedAnswers(productId, variantId, questionnaire),
    }),
    'answers.history': async ({ productId, variantId, questionnaire, criterionId }) => ({
      entries: await repo.history(answerId(productId, variantId, criterionKey(questionnaire, criterionId))),
    }),
    'readiness.get': async ({ productId, variantId, today }) => repo.readiness(productId, variantId, today),
    // Paquets producteur : décisions dans lib/library/packages.ts ; la signature est vérifiée avant tout.
    'package.key': async () => {
      const k = await signingKey(repo);
      return { fingerprint: k.fingerprint, createdAt: k.createdAt };
    },
    'package.key.export': async () => {
      const k = await exportPublicKey(repo);
      return { fingerprint: k.fingerprint, pem: k.pem, jwk: { ...k.jwk }, fileName: k.fileName };
    },
    'package.share.preview': async (req) => previewShare(repo, req, now()),
    'package.share.build': async (req) => {
      const b = await buildShare(repo, req, now());
      return { fileName: b.fileName, contentBase64: encodeBase64(b.bytes), sequence: b.sequence, fingerprint: b.fingerprint, summary: b.summary };
    },
    'package.inspect': async ({ fileName, contentBase64 }) => inspectPackage(repo, packageBytes(fileName, contentBase64), fileName),
    'package.commit': async ({ fileName, contentBase64, author, ...choices }) => {
      const r = await commitPackage(repo, packageBytes(fileName, contentBase64), fileName, { ...choices, author });
      return { producerProductId: r.producerProductId, marker: r.marker, review: r.review, undoToken: r.opId };
    },
    'package.list': async () => ({ packages: await packageInfos(repo) }),
    'package.review.confirm': async ({ productId, keys }) => ({ confirmed: await repo.confirmReview(productId, keys) }),
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
      const p = await repo.loadPreview<ImportPreview>(previewId);
      if (!p) throw new UserError("Aperçu d'import introuvable ou expiré : relancez l'aperçu.");
      const r = await commitImport(repo, p, { conflicts, author });
      await repo.dropPreview(previewId);
      return { criteria: r.result.criteria, answers: r.result.answers, undoToken: r.opId };
    },
    'export.json': async ({ productIds }) => exportLibraryJson(repo, productIds),
    'export.xlsx': async ({ productId, variantId }) => {
      const { fileName, bytes } = await exportProductXlsx(repo, productId, variantId, now());
      return { fileName, contentBase64: encodeBase64(bytes) };
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
    ...answerEditHandlers(repo),
    ...journeyHandlers(repo, { settings, now }),
    ...compareHandlers(repo, now),
    ...referentialHandlers(repo),
  };
}

/**
 * Valide et traite un message. `from` est l'émetteur établi par le transport (jamais par le message, qu'une
 * page hostile pourrait forger) : un message interdit à cet émetteur est refusé. Il est obligatoire : un
 * émetteur par défaut serait le plus fiable, et un appel qui l'oublie ouvrirait tout.
 */
export async function dispatch(handlers: Handlers, message: unknown, from: Party, sender: SenderContext = {}): Promise<Reply> {
  return dispatchTo('background', handlers as unknown as Record<string, (r: unknown, s: SenderContext) => Promise<unknown>>, message, from, sender);
}

/** dispatch lié à ses gestionnaires, pour les appelants qui n'en ont qu'un jeu ; l'émetteur reste à donner. */
export function createDispatcher(handlers: Handlers): (message: unknown, from: Party, sender?: SenderContext) => Promise<Reply> {
  return (message, from, sender) => dispatch(handlers, message, from, sender);
}

export type { MessageType };
