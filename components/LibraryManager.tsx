import { createClient } from '../lib/messages/client';
import type { Send } from '../lib/messages/client';
import { platform } from '../lib/platform';
import { Manager } from './manager/Manager';

const defaultSend = createClient((m) => platform.sendToBackground(m));

/** Gestionnaire des bibliothèques de réponses (page d'options) ; `send` remplaçable pour les tests. */
export function LibraryManager({ send = defaultSend }: { send?: Send }) {
  return <Manager send={send} />;
}
