import { defineBackground } from 'wxt/utils/define-background';
import { Repository } from '../lib/db/repository';
import { createHandlers, dispatch } from '../lib/messages/handlers';
import { isMessageType, PROTOCOL, type Party } from '../lib/messages/protocol';
import { platform } from '../lib/platform';

/**
 * Service d'arrière-plan : il détient la base Dexie (origine de l'extension) et répond aux messages
 * du protocole adressés à l'arrière-plan, validés par zod à la réception.
 */
export default defineBackground(() => {
  const repo = Repository.open();
  const handlers = createHandlers(repo, { settings: platform.settings, tabs: platform.session });
  // Un onglet fermé n'a plus de page : sa mémoire (produit retenu, choix) est oubliée.
  platform.onTabRemoved((tabId) => void platform.session.set(`onglet:${tabId}`, undefined));

  platform.onMessage((message, sender) => {
    const type = (message as { type?: unknown } | null)?.type;
    if (typeof type !== 'string' || (isMessageType(type) && PROTOCOL[type].to !== 'background')) return undefined;
    // L'émetteur vient du navigateur (l'adresse de l'expéditeur), jamais du message : une page de l'extension
    // (fenêtre de l'icône, gestionnaire, cadres du panneau et de la garde) ou un script de contenu.
    const from: Party = sender.extensionPage ? 'extension-page' : 'content';
    // L'onglet vient du navigateur (l'onglet du script de contenu, ou celui qui contient le panneau), jamais du message.
    return dispatch(handlers, message, from, { tabId: sender.tabId }).then((reply) => {
      // Un refus d'autorité n'est jamais muet : il est noté dans la console de l'arrière-plan.
      if (!reply.ok && reply.refused) console.warn(`[Assistant Convergence] Refusé (${from}, onglet ${sender.tabId ?? '—'}) : ${reply.error}`);
      return reply;
    });
  });
});
