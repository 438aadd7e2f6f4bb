import fr from '../public/_locales/fr/messages.json';
import { platform } from '../lib/platform';

export type MessageKey = keyof typeof fr;

/** Texte de l'interface dans la langue du navigateur (français par défaut, anglais en second). */
export function t(key: MessageKey, ...substitutions: string[]): string {
  const fallback = fr[key].message.replace(/\$VALUE\$/g, substitutions[0] ?? '');
  return platform.t(key, fallback, substitutions.length ? substitutions : undefined);
}
