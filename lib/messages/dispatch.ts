/**
 * La validation entière à la réception (zod), pour l'arrière-plan et les pages de l'extension : sans dépendance
 * vers la base ni les échanges, pour que le panneau reste léger. Le script de contenu, qui ne reçoit que du
 * navigateur, aiguille sans zod (content-dispatch.ts).
 */
import { errorMessage } from '../domain/errors';
import { formatZodIssues } from '../domain/zod-fr';
import { isMessageType, MessageEnvelopeSchema, PROTOCOL } from './protocol';
import type { Party, Reply } from './protocol';

/** Le destinataire, nommé dans l'erreur d'un message qui ne lui est pas adressé. */
const RECIPIENT: Record<Party, string> = {
  background: "l'arrière-plan de l'extension",
  content: 'la page Convergence',
  'extension-page': "cette page de l'extension",
};

/** Ce que le transport sait de l'émetteur : l'onglet du script de contenu, ou celui qui contient le panneau. */
export interface SenderContext {
  tabId?: number;
}

/**
 * Validation à la réception, pour tout destinataire (arrière-plan ou script de contenu) : enveloppe, type connu,
 * adressé à `to`, expéditeur permis, schéma de la requête ; puis le gestionnaire, dont les erreurs deviennent
 * un `{ ok: false, error }` en français (jamais une exception qui traverse la messagerie).
 */
export async function dispatchTo(
  to: Party,
  handlers: Partial<Record<string, (r: unknown, s: SenderContext) => Promise<unknown>>>,
  message: unknown,
  from: Party,
  sender: SenderContext = {},
): Promise<Reply> {
  const env = MessageEnvelopeSchema.safeParse(message);
  if (!env.success) return { ok: false, error: `Message mal formé : ${formatZodIssues(env.error.issues)}.` };
  const type = env.data.type;
  if (!isMessageType(type)) return { ok: false, error: `Type de message inconnu « ${type.slice(0, 100)} ».` };
  const def = PROTOCOL[type];
  if (def.to !== to) {
    return { ok: false, error: `Le message « ${type} » n'est pas traité par ${RECIPIENT[to]}.` };
  }
  if (!(def.from as readonly Party[]).includes(from)) {
    return { ok: false, refused: true, error: `Le message « ${type} » n'est pas autorisé depuis cet émetteur (${from}).` };
  }
  const req = def.request.safeParse(env.data.payload ?? {});
  if (!req.success) return { ok: false, error: `Message « ${type} » invalide : ${formatZodIssues(req.error.issues)}.` };
  const handler = handlers[type];
  if (!handler) return { ok: false, error: `Le message « ${type} » n'a pas de gestionnaire ici.` };
  try {
    const data = await handler(req.data, sender);
    return { ok: true, data } as Reply;
  } catch (e) {
    return { ok: false, error: errorMessage(e) };
  }
}
