import { render } from 'preact';
import { App } from './App.tsx';
import { getState, loadState, resetTo, update } from './store.ts';
import { SCENARIOS, SCENARIO_DESCRIPTIONS } from './scenarios.ts';
import { navigate } from './router.tsx';
import * as actions from './actions.ts';
import * as data from './data/index.ts';
import type { Style } from './types.ts';

loadState();

// ?scenario=NOM et ?style=a|b : appliqués avant le premier rendu puis retirés de l'URL.
const params = new URLSearchParams(location.search);
const scenario = params.get('scenario');
const style = params.get('style');
if (scenario) {
  try {
    resetTo(scenario, style === 'b' ? 'b' : style === 'a' ? 'a' : undefined);
  } catch (e) {
    console.error(e);
  }
}
if (style === 'a' || style === 'b') update((s) => { s.style = style; });
if (scenario || style) {
  params.delete('scenario');
  params.delete('style');
  const q = params.toString();
  history.replaceState(null, '', location.pathname + (q ? `?${q}` : '') + location.hash);
}

/** API de test exposée dans le monde principal de la page. */
const api = {
  getState: () => structuredClone(getState()),
  reset: (name: string) => resetTo(name),
  scenarios: [...SCENARIOS] as string[],
  scenarioDescriptions: { ...SCENARIO_DESCRIPTIONS },
  setStyle: (st: Style) => update((s) => { s.style = st === 'b' ? 'b' : 'a'; }),
  navigate: (path: string) => navigate(path),
  verifier: {
    envoyerConvention: actions.envoyerConvention,
    validerConvention: actions.validerConvention,
    preReferencer: actions.preReferencer,
    referencer: actions.referencer,
    accepterRattachement: (notificationId: number) => actions.answerNotification(notificationId, true),
    refuserRattachement: (notificationId: number) => actions.answerNotification(notificationId, false),
  },
  data,
};
(window as unknown as { __convergenceSim: typeof api }).__convergenceSim = api;

const root = document.getElementById('app');
if (root) render(<App />, root);
