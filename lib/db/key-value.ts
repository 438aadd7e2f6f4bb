/**
 * Les petites mémoires clé → valeur hors de la base : réglages, mémoire par onglet. L'extension y branche
 * storage.local et storage.session (lib/platform) ; les tests et la ligne de commande, une mémoire en Map.
 */
/** Petit stockage clé → valeur (storage.local ou storage.session dans l'extension, une Map en test). */
export interface KeyValueStore {
  get(key: string): Promise<unknown>;
  set(key: string, value: unknown): Promise<void>;
}

export function memoryStore(): KeyValueStore {
  const m = new Map<string, unknown>();
  return { get: async (k) => m.get(k), set: async (k, v) => void m.set(k, v) };
}
