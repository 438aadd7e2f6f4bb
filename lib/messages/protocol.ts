/**
 * lib/messages — LE protocole entre script de contenu, pages de l'extension et arrière-plan, et ses gestionnaires.
 * N'importe de lib/ que : db, domain, exchange, library, page, page-session, rules, text — ni platform ni cli ; le transport est branché par l'extension.
 * Sans API de navigateur : tout se teste en appelant dispatch() avec l'émetteur simulé.
 *
 * Ce fichier est la table des sens : pour chaque message, qui peut l'envoyer (vérifié à la réception) et qui le
 * traite ; ses schémas zod sont rangés par famille dans lib/messages/protocol/. Le script de contenu n'importe d'ici
 * que des types : sa table d'aiguillage, sans zod, est content-routes.ts, que TypeScript oblige à rester identique.
 */
import { z } from 'zod';
import { ANSWER_EDIT_MESSAGES } from './protocol/answer-edit';
import { COMPARE_MESSAGES } from './protocol/compare';
import { EXCHANGE_MESSAGES } from './protocol/exchange';
import { JOURNEY_MESSAGES } from './protocol/journey';
import { LIBRARY_MESSAGES } from './protocol/library';
import { PACKAGE_MESSAGES } from './protocol/package';
import { PAGE_MESSAGES } from './protocol/page';
import { REFERENTIAL_MESSAGES } from './protocol/referential';

export { ReadinessReportSchema, ResolvedAnswerSchema, FindingSchema } from './protocol/library';
export { ImportPreviewSummarySchema } from './protocol/exchange';
export { FillHoldSchema, ReferentialChangeItemSchema } from './protocol/referential';
export { PanelViewSchema, SUGGESTION_REASONS } from './protocol/page';

/**
 * Les parties : l'arrière-plan ; le script de contenu d'un onglet Convergence ; une page de l'extension (fenêtre
 * de l'icône, gestionnaire, et les cadres du panneau et de la garde). Le mot « page » seul désigne la page Convergence.
 */
export type Party = 'content' | 'extension-page' | 'background';

/** Qui peut envoyer un message (le reste est refusé à la réception), et qui le traite. */
interface Route {
  from: readonly Party[];
  to: Party;
}

const SCHEMAS = {
  ...LIBRARY_MESSAGES,
  ...PAGE_MESSAGES,
  ...EXCHANGE_MESSAGES,
  ...PACKAGE_MESSAGES,
  ...REFERENTIAL_MESSAGES,
  ...JOURNEY_MESSAGES,
  ...COMPARE_MESSAGES,
  ...ANSWER_EDIT_MESSAGES,
};

/** La table des sens, un message par ligne ; TypeScript exige exactement les messages des familles. */
const ROUTES = {
  // Bibliothèque (protocol/library.ts)
  'products.list': { from: ['extension-page'], to: 'background' },
  'evidence.list': { from: ['extension-page'], to: 'background' },
  'evidence.add': { from: ['extension-page'], to: 'background' },
  'product.create': { from: ['extension-page'], to: 'background' },
  'product.update': { from: ['extension-page'], to: 'background' },
  'variant.create': { from: ['extension-page'], to: 'background' },
  'variant.update': { from: ['extension-page'], to: 'background' },
  'product.delete': { from: ['extension-page'], to: 'background' },
  'variant.delete': { from: ['extension-page'], to: 'background' },
  'company.get': { from: ['extension-page'], to: 'background' },
  'company.put': { from: ['extension-page'], to: 'background' },
  'criteria.list': { from: ['extension-page', 'content'], to: 'background' },
  'answers.resolved': { from: ['extension-page'], to: 'background' },
  'answers.history': { from: ['extension-page'], to: 'background' },
  'readiness.get': { from: ['extension-page'], to: 'background' },
  'operations.undoLast': { from: ['extension-page'], to: 'background' },
  'operations.list': { from: ['extension-page'], to: 'background' },
  'operations.reach': { from: ['extension-page'], to: 'background' },
  // Page Convergence, panneau et garde (protocol/page.ts)
  'page.context': { from: ['extension-page'], to: 'background' },
  'page.link': { from: ['extension-page'], to: 'background' },
  'page.linkVariant': { from: ['extension-page'], to: 'background' },
  'page.choose': { from: ['extension-page'], to: 'background' },
  'page.fillSource': { from: ['extension-page'], to: 'background' },
  'page.capture': { from: ['extension-page'], to: 'background' },
  'page.evidence.list': { from: ['extension-page'], to: 'background' },
  'page.evidence.get': { from: ['extension-page'], to: 'background' },
  'page.statuses.put': { from: ['content'], to: 'background' },
  'page.statuses.get': { from: ['content'], to: 'background' },
  'panel.tab': { from: ['extension-page'], to: 'background' },
  'panel.view': { from: ['extension-page'], to: 'content' },
  'panel.changed': { from: ['content'], to: 'extension-page' },
  'panel.capture': { from: ['extension-page'], to: 'content' },
  'panel.fill': { from: ['extension-page'], to: 'content' },
  'panel.undo': { from: ['extension-page'], to: 'content' },
  'panel.zones': { from: ['extension-page'], to: 'content' },
  'panel.attach': { from: ['extension-page'], to: 'content' },
  'panel.resize': { from: ['extension-page'], to: 'content' },
  'guard.dialog': { from: ['extension-page'], to: 'content' },
  'guard.choice': { from: ['extension-page'], to: 'content' },
  'page.identity': { from: ['content'], to: 'background' },
  'page.identify': { from: ['background', 'extension-page'], to: 'content' },
  // Échanges de fichiers (protocol/exchange.ts)
  'import.preview': { from: ['extension-page'], to: 'background' },
  'import.commit': { from: ['extension-page'], to: 'background' },
  'export.json': { from: ['extension-page'], to: 'background' },
  'export.xlsx': { from: ['extension-page'], to: 'background' },
  'backup.create': { from: ['extension-page'], to: 'background' },
  'backup.blob': { from: ['extension-page'], to: 'background' },
  'backup.restore.begin': { from: ['extension-page'], to: 'background' },
  'backup.restore.blob': { from: ['extension-page'], to: 'background' },
  'backup.restore.commit': { from: ['extension-page'], to: 'background' },
  'backup.restore.cancel': { from: ['extension-page'], to: 'background' },
  // Paquets producteur (protocol/package.ts)
  'package.key': { from: ['extension-page'], to: 'background' },
  'package.key.export': { from: ['extension-page'], to: 'background' },
  'package.share.preview': { from: ['extension-page'], to: 'background' },
  'package.share.build': { from: ['extension-page'], to: 'background' },
  'package.inspect': { from: ['extension-page'], to: 'background' },
  'package.commit': { from: ['extension-page'], to: 'background' },
  'package.list': { from: ['extension-page'], to: 'background' },
  'package.review.confirm': { from: ['extension-page'], to: 'background' },
  // Critères modifiés par Convergence (protocol/referential.ts)
  'referential.changes': { from: ['extension-page'], to: 'background' },
  'referential.confirm': { from: ['extension-page'], to: 'background' },
  'referential.page': { from: ['extension-page'], to: 'background' },
  // Parcours et profils d'entreprise (protocol/journey.ts)
  'journey.get': { from: ['extension-page'], to: 'background' },
  'journey.forPage': { from: ['extension-page'], to: 'background' },
  'page.journey.seen': { from: ['content'], to: 'background' },
  'company.list': { from: ['extension-page'], to: 'background' },
  // Comparaison des variantes (protocol/compare.ts)
  'compare.questionnaires': { from: ['extension-page'], to: 'background' },
  'compare.get': { from: ['extension-page'], to: 'background' },
  'compare.align': { from: ['extension-page'], to: 'background' },
  'compare.keep': { from: ['extension-page'], to: 'background' },
  'compare.xlsx': { from: ['extension-page'], to: 'background' },
  // Modifier les réponses (protocol/answer-edit.ts)
  'answers.editContext': { from: ['extension-page'], to: 'background' },
  'answers.edit': { from: ['extension-page'], to: 'background' },
  'answers.bulkEdit': { from: ['extension-page'], to: 'background' },
  'answers.restore': { from: ['extension-page'], to: 'background' },
} as const satisfies { [T in keyof typeof SCHEMAS]: Route };

type Protocol = { [T in keyof typeof ROUTES]: (typeof ROUTES)[T] & (typeof SCHEMAS)[T] };

/** Chaque message : son sens (la table) et ses schémas (sa famille). */
export const PROTOCOL = Object.fromEntries(
  Object.entries(ROUTES).map(([type, route]) => [type, { ...route, ...SCHEMAS[type as keyof typeof SCHEMAS] }]),
) as Protocol;

export type MessageType = keyof typeof PROTOCOL;
/** Messages traités par l'arrière-plan. */
export type BackgroundMessageType = { [T in MessageType]: (typeof PROTOCOL)[T]['to'] extends 'background' ? T : never }[MessageType];
/** Messages traités par le script de contenu d'un onglet Convergence. */
export type ContentMessageType = { [T in MessageType]: (typeof PROTOCOL)[T]['to'] extends 'content' ? T : never }[MessageType];
export type RequestOf<T extends MessageType> = z.input<(typeof PROTOCOL)[T]['request']>;
export type ParsedRequestOf<T extends MessageType> = z.output<(typeof PROTOCOL)[T]['request']>;
export type ResponseOf<T extends MessageType> = z.output<(typeof PROTOCOL)[T]['response']>;

export interface Message<T extends MessageType = MessageType> {
  type: T;
  payload: RequestOf<T>;
}

/** refused : le message n'est pas permis à cet émetteur (l'arrière-plan le note dans sa console). */
export type Reply<T extends MessageType = MessageType> = { ok: true; data: ResponseOf<T> } | { ok: false; error: string; refused?: true };

export const MessageEnvelopeSchema = z.strictObject({ type: z.string().max(100), payload: z.unknown() });

export function isMessageType(t: string): t is MessageType {
  return Object.prototype.hasOwnProperty.call(PROTOCOL, t);
}
