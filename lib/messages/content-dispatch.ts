/**
 * La réception dans le script de contenu, sans zod : seuls le navigateur (pages de l'extension, arrière-plan)
 * peuvent lui envoyer un message, jamais les scripts de la page. On garde donc les contrôles d'aiguillage —
 * enveloppe, type connu, adressé au script de contenu, émetteur permis — et pas la validation des schémas,
 * qui reste entière là où des données non fiables entrent : l'arrière-plan (dispatch.ts).
 */
import { errorMessage } from '../domain/errors';
import { contentSenders, isContentMessageType } from './content-routes';
import type { Party, Reply } from './protocol';

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

export async function dispatchToContent(
  handlers: Partial<Record<string, (r: unknown) => Promise<unknown>>>,
  message: unknown,
  from: Party,
): Promise<Reply> {
  if (!isRecord(message) || typeof message.type !== 'string' || message.type.length > 100) return { ok: false, error: 'Message mal formé.' };
  const type = message.type;
  if (!isContentMessageType(type)) return { ok: false, error: `Le message « ${type} » n'est pas traité par la page Convergence.` };
  if (!contentSenders(type).includes(from)) return { ok: false, refused: true, error: `Le message « ${type} » n'est pas autorisé depuis cet émetteur (${from}).` };
  const payload = message.payload ?? {};
  if (!isRecord(payload)) return { ok: false, error: `Message « ${type} » invalide : objet attendu.` };
  const handler = handlers[type];
  if (!handler) return { ok: false, error: `Le message « ${type} » n'a pas de gestionnaire ici.` };
  try {
    return { ok: true, data: await handler(payload) } as Reply;
  } catch (e) {
    return { ok: false, error: errorMessage(e) };
  }
}
