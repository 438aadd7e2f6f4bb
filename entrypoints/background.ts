import { defineBackground } from 'wxt/utils/define-background';
import { Repository } from '../lib/db/repository';
import { createHandlers, dispatch } from '../lib/messages/handlers';
import { isMessageType, PROTOCOL } from '../lib/messages/protocol';
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
    return dispatch(handlers, message, sender.extensionPage ? 'page' : 'content', { tabId: sender.extensionPage ? undefined : sender.tabId });
  });
});
