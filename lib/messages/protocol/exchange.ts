/**
 * Les échanges de fichiers : import (aperçu puis écriture), exports JSON et Excel, sauvegarde complète et restauration.
 */
import { z } from 'zod';
import { QuestionnaireIdSchema, text } from '../../domain/schemas';
import { id, author, UndoToken, OperationSummarySchema, type MessageSchemas, ScopeRequestSchema } from './common';

const CountsSchema = z.strictObject({ created: z.number().int(), changed: z.number().int(), unchanged: z.number().int() });

const ImportStatusSchema = z.enum(['created', 'changed', 'unchanged', 'conflict']);
export const ImportPreviewSummarySchema = z.strictObject({
  previewId: z.string(),
  fileName: z.string(),
  source: z.enum(['tableur', 'json']),
  target: z.strictObject({ productId: z.string(), variantId: z.string() }).optional(),
  counts: z.strictObject({ created: z.number(), changed: z.number(), unchanged: z.number(), conflict: z.number() }),
  criteria: z.strictObject({ created: z.number(), changed: z.number() }),
  products: z.strictObject({ created: z.number(), changed: z.number() }),
  items: z.array(
    z.strictObject({
      where: z.string(),
      productId: z.string(),
      variantId: z.string(),
      questionnaire: QuestionnaireIdSchema,
      criterionId: z.string(),
      status: ImportStatusSchema,
      before: z.string(),
      after: z.string(),
    }),
  ),
  skippedSheets: z.array(z.strictObject({ name: z.string(), reason: z.string() })),
});

export const EXCHANGE_MESSAGES = {
  'import.preview': {
    description: "Aperçu d'un import (tableur ou JSON) : rien n'est écrit.",
    request: z.strictObject({
      fileName: text(300).min(1),
      contentBase64: z.string().max(14_500_000),
      target: ScopeRequestSchema.optional(),
    }),
    response: ImportPreviewSummarySchema,
  },
  'import.commit': {
    description: "Écrire un import prévisualisé, en une transaction ; renvoie un jeton d'annulation.",
    request: z.strictObject({ previewId: z.string().min(1).max(100), conflicts: z.enum(['garder', 'remplacer']).default('garder'), author }),
    response: z.strictObject({ criteria: CountsSchema, answers: CountsSchema, undoToken: UndoToken }),
  },
  'export.json': {
    description: 'Exporter la bibliothèque (ou des produits) au format JSON.',
    request: z.strictObject({ productIds: z.array(id).max(1000).optional() }),
    response: z.strictObject({ fileName: z.string(), json: z.string() }),
  },
  'export.xlsx': {
    description: "Exporter les réponses d'un produit au format Excel, avec l'état de préparation.",
    request: ScopeRequestSchema,
    response: z.strictObject({ fileName: z.string(), contentBase64: z.string() }),
  },
  'backup.create': {
    description:
      "Sauvegarde complète (docs/formats.md § 4) : l'en-tête du fichier (données, journal, index des contenus, empreinte SHA-256 du contenu) ; la page demande ensuite chaque contenu de preuve (backup.blob) et assemble le fichier.",
    request: z.strictObject({}),
    response: z.strictObject({
      fileName: z.string(),
      /** Début du fichier, jusqu'à `"blobs":[` ; puis un élément par contenu, puis `tail`. */
      head: z.string(),
      tail: z.string(),
      blobs: z.array(z.strictObject({ sha256: z.string(), size: z.number().int().nonnegative(), type: z.string() })),
      counts: z.record(z.string(), z.number()),
    }),
  },
  'backup.blob': {
    description: 'Un contenu de preuve (base64) pour la sauvegarde complète, vérifié contre son empreinte avant envoi.',
    request: z.strictObject({ sha256: z.string().regex(/^[0-9a-f]{64}$/) }),
    response: z.strictObject({ contentBase64: z.string() }),
  },
  'backup.restore.begin': {
    description:
      "Début d'une restauration ou de son aperçu : l'en-tête de la sauvegarde (sans les contenus) est vérifié en entier (format, empreinte, schémas, cohérence) et comparé à la base. Rien n'est écrit.",
    request: z.strictObject({
      fileName: text(300).min(1),
      /** L'en-tête en texte JSON (openBackupFile dans lib/exchange/backup.ts). */
      manifest: z.string().max(60_000_000),
      purpose: z.enum(['apercu', 'restauration']).default('apercu'),
    }),
    response: (() => {
      const n = z.number().int().nonnegative();
      const counts = z.strictObject({ backup: n, created: n, changed: n, unchanged: n, removed: n });
      return z.strictObject({
        sessionId: z.string(),
        expectedBlobs: n,
        preview: z.strictObject({
          fileName: z.string(),
          createdAt: z.string(),
          tables: z.strictObject({ products: counts, variants: counts, companies: counts, criteria: counts, answers: counts, files: counts }),
          operations: n,
          blobs: n,
          blobBytes: n,
          productNames: z.strictObject({ created: z.array(z.string()), changed: z.array(z.string()), removed: z.array(z.string()) }),
          packages: z.strictObject({ backup: n, current: n }),
          sharing: n.nullable(),
        }),
      });
    })(),
  },
  'backup.restore.blob': {
    description: "Un contenu de preuve de la sauvegarde, vérifié (taille, SHA-256) à réception ; un contenu refusé arrête la restauration, rien n'est écrit.",
    request: z.strictObject({ sessionId: z.string().min(1).max(100), sha256: z.string().max(64), contentBase64: z.string().max(40_000_000) }),
    response: z.strictObject({ remaining: z.number().int().nonnegative() }),
  },
  'backup.restore.commit': {
    description:
      "Restaurer la sauvegarde vérifiée : toute la bibliothèque est remplacée en une transaction (tout ou rien). L'annulation ne remonte pas au-delà de la restauration.",
    request: z.strictObject({ sessionId: z.string().min(1).max(100), author }),
    response: z.strictObject({ operation: OperationSummarySchema }),
  },
  'backup.restore.cancel': {
    description: "Abandonner une restauration ou un aperçu en cours (rien n'a été écrit).",
    request: z.strictObject({ sessionId: z.string().min(1).max(100) }),
    response: z.strictObject({}),
  },
} as const satisfies Record<string, MessageSchemas>;
