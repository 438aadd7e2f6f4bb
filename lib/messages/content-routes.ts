/**
 * La table légère des messages que traite le script de contenu : qui peut les envoyer. Sans zod ni schéma,
 * pour que le script de contenu reste petit. TypeScript impose qu'elle soit exactement celle du protocole
 * (mêmes types de messages, mêmes émetteurs) : lib/messages/protocol.ts reste la seule référence.
 */
import type { ContentMessageType, Party, PROTOCOL } from './protocol';

type ContentRoutes = { readonly [T in ContentMessageType]: (typeof PROTOCOL)[T]['from'] };

export const CONTENT_ROUTES: ContentRoutes = {
  'panel.view': ['extension-page'],
  'panel.capture': ['extension-page'],
  'panel.fill': ['extension-page'],
  'panel.undo': ['extension-page'],
  'panel.zones': ['extension-page'],
  'panel.attach': ['extension-page'],
  'panel.resize': ['extension-page'],
  'guard.dialog': ['extension-page'],
  'guard.choice': ['extension-page'],
  'page.identify': ['background', 'extension-page'],
};

export function isContentMessageType(t: string): t is ContentMessageType {
  return Object.prototype.hasOwnProperty.call(CONTENT_ROUTES, t);
}

export function contentSenders(t: ContentMessageType): readonly Party[] {
  return CONTENT_ROUTES[t];
}
