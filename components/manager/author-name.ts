/**
 * Réglage « Votre nom » : l'auteur noté dans le journal pour les opérations du gestionnaire, rangé avec les
 * autres réglages (storage.local, comme la langue de l'interface). Vide : l'auteur par défaut du gestionnaire.
 */
import { useEffect, useState } from 'preact/hooks';
import { platform } from '../../lib/platform';

export const AUTHOR_SETTING = 'nomAuteur';
/** Auteur noté quand aucun nom n'est réglé. */
export const DEFAULT_AUTHOR = 'Page de gestion des bibliothèques';
/** Borne du champ author des messages (lib/messages/protocol.ts). */
export const AUTHOR_MAX = 200;

const listeners = new Set<(name: string) => void>();

const asName = (v: unknown): string => (typeof v === 'string' ? v.trim().slice(0, AUTHOR_MAX) : '');

export async function loadAuthorName(): Promise<string> {
  try {
    return asName(await platform.settings.get(AUTHOR_SETTING));
  } catch {
    return '';
  }
}

/** Enregistre le nom (vide : l'efface) ; la page qui l'a changé le suit aussitôt, les autres par storage.onChanged. */
export async function saveAuthorName(name: string): Promise<string> {
  const clean = asName(name);
  await platform.settings.set(AUTHOR_SETTING, clean);
  for (const l of listeners) l(clean);
  return clean;
}

/** L'auteur des opérations : le nom réglé, sinon `fallback`. */
export function useAuthorName(fallback: string): string {
  const [name, setName] = useState('');
  useEffect(() => {
    let live = true;
    void loadAuthorName().then((n) => live && setName(n));
    const follow = (n: string) => live && setName(n);
    listeners.add(follow);
    const off = platform.onSettingChanged(AUTHOR_SETTING, (v) => follow(asName(v)));
    return () => {
      live = false;
      listeners.delete(follow);
      off();
    };
  }, []);
  return name || fallback;
}
