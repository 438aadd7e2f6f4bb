/** Magasin unique de l'état, persisté dans localStorage (clé « convergence-simulateur »). */
import { useEffect, useReducer } from 'preact/hooks';
import type { SimState, Style } from './types.ts';
import { displayOf, type Display } from './display.ts';
import { buildScenario, SCENARIOS } from './scenarios.ts';
import { setReferentielVersion } from './data/index.ts';

export const STORAGE_KEY = 'convergence-simulateur';

let state: SimState = buildScenario('vierge');
const listeners = new Set<() => void>();

function persist(): void {
  // La version du référentiel fait partie de l'état : les définitions des questionnaires la suivent.
  setReferentielVersion(state.referentiel === 2 ? 2 : 1);
  try {
    localStorage.setItem(STORAGE_KEY, JSON.stringify(state));
  } catch {
    /* stockage indisponible : l'état reste en mémoire */
  }
}

export function loadState(): void {
  try {
    const raw = localStorage.getItem(STORAGE_KEY);
    if (raw) {
      const parsed = JSON.parse(raw) as SimState;
      if (parsed && parsed.version === 1) state = parsed;
      setReferentielVersion(state.referentiel === 2 ? 2 : 1);
    }
  } catch {
    /* état corrompu : on repart du scénario vierge */
  }
}

export function getState(): SimState {
  return state;
}

/** Seule voie de modification de l'état : copie, mutation, persistance, notification. */
export function update(mutate: (s: SimState) => void): void {
  const next = structuredClone(state);
  mutate(next);
  state = next;
  persist();
  listeners.forEach((l) => l());
}

/** Remplace l'état par un scénario ; le balisage est conservé, l'affichage revient au défaut sauf s'il est fourni. */
export function resetTo(name: string, style?: Style, display?: Partial<Display>): void {
  if (!(SCENARIOS as readonly string[]).includes(name)) throw new Error(`Scénario inconnu : ${name}`);
  setReferentielVersion(1); // un scénario se construit dans le référentiel de départ
  state = buildScenario(name, style ?? state.style);
  state.display = displayOf(display);
  persist();
  listeners.forEach((l) => l());
}

export function subscribe(l: () => void): () => void {
  listeners.add(l);
  return () => listeners.delete(l);
}

export function useSim(): SimState {
  const [, force] = useReducer((x: number) => x + 1, 0);
  useEffect(() => subscribe(() => force(0)), []);
  return state;
}
