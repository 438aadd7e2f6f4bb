import { createContext } from 'preact';
import { useCallback, useContext, useEffect, useRef, useState } from 'preact/hooks';
import { errorMessage } from '../../lib/domain/errors';
import type { Send } from '../../lib/messages/client';

/** Ce que chaque vue du gestionnaire reçoit : le protocole de messages et les régions d'annonce. */
export interface ManagerApi {
  send: Send;
  /** Auteur noté dans le journal des opérations. */
  author: string;
  /** Message dans la région d'état (annoncé poliment). */
  announce(message: string): void;
  /** Erreur (en français) dans la région d'alerte. */
  fail(error: unknown): void;
  clearError(): void;
  /** Quelque chose a été écrit : les listes sont relues. */
  changed(): void;
  /** Augmente à chaque écriture. */
  version: number;
}

export const ManagerContext = createContext<ManagerApi | null>(null);

export function useManager(): ManagerApi {
  const api = useContext(ManagerContext);
  if (!api) throw new Error('ManagerContext absent');
  return api;
}

export interface Loaded<T> {
  data: T | undefined;
  loading: boolean;
  error: string | null;
}

/** Charge des données (relues quand deps change) ; la réponse d'une requête dépassée est ignorée. */
export function useLoad<T>(load: () => Promise<T>, deps: readonly unknown[]): Loaded<T> {
  const [state, setState] = useState<Loaded<T>>({ data: undefined, loading: true, error: null });
  const loadRef = useRef(load);
  loadRef.current = load;
  useEffect(() => {
    let live = true;
    setState((s) => ({ ...s, loading: true }));
    loadRef.current().then(
      (data) => live && setState({ data, loading: false, error: null }),
      (e: unknown) => live && setState({ data: undefined, loading: false, error: errorMessage(e) }),
    );
    return () => {
      live = false;
    };
  }, deps);
  return state;
}

/** Une action asynchrone avec son état « en cours » ; les erreurs vont dans la région d'alerte. */
export function useAction(): [boolean, (fn: () => Promise<void>) => Promise<void>] {
  const { fail, clearError } = useManager();
  const [busy, setBusy] = useState(false);
  const run = useCallback(
    async (fn: () => Promise<void>) => {
      setBusy(true);
      clearError();
      try {
        await fn();
      } catch (e) {
        fail(e);
      } finally {
        setBusy(false);
      }
    },
    [fail, clearError],
  );
  return [busy, run];
}
