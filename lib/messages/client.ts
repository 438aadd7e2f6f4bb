/**
 * Côté émetteur : envoie un message du protocole et rend la réponse typée, ou lève une UserError
 * portant le message d'erreur français du destinataire. Le transport (runtime ou onglet) est fourni
 * par l'appelant, pour que ce module reste sans API de navigateur.
 */
import { UserError } from '../domain/errors';
import type { MessageType, Reply, RequestOf, ResponseOf } from './protocol';

type Transport = (message: unknown) => Promise<unknown>;

export type Send = <T extends MessageType>(type: T, payload: RequestOf<T>) => Promise<ResponseOf<T>>;

export function createClient(transport: Transport): Send {
  return async (type, payload) => {
    let reply: Reply | undefined;
    try {
      reply = (await transport({ type, payload })) as Reply | undefined;
    } catch (e) {
      throw new UserError(`L'extension ne répond pas (${type}) : ${e instanceof Error ? e.message : String(e)}`);
    }
    if (!reply || typeof reply !== 'object' || !('ok' in reply)) throw new UserError(`Réponse illisible au message « ${type} ».`);
    if (!reply.ok) throw new UserError(reply.error);
    return reply.data as ResponseOf<typeof type>;
  };
}
