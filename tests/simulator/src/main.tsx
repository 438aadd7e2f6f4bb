import { render } from 'preact';
import { App } from './App.tsx';
import { getState, loadState, resetTo, update } from './store.ts';
import { SCENARIOS, SCENARIO_DESCRIPTIONS } from './scenarios.ts';
import { navigate } from './router.tsx';
import * as actions from './actions.ts';
import * as data from './data/index.ts';
import type { Style } from './types.ts';
import { DISPLAY_PARAMS, displayOf, parseDisplayParams, type Display } from './display.ts';

loadState();

// ?scenario=NOM, ?style=a|b et ?fil= / ?produit= / ?retard= : appliqués avant le premier rendu puis retirés de l'URL.
// Un ?scenario= remet l'affichage par défaut, sauf variantes données dans la même URL.
const params = new URLSearchParams(location.search);
const scenario = params.get('scenario');
const style = params.get('style');
const parsed = parseDisplayParams(params);
parsed.errors.forEach((e) => console.warn(`Simulateur : ${e}`));
if (scenario) {
  try {
    resetTo(scenario, style === 'b' ? 'b' : style === 'a' ? 'a' : undefined);
  } catch (e) {
    console.error(e);
  }
}
if (style === 'a' || style === 'b') update((s) => { s.style = style; });
if (Object.keys(parsed.display).length) update((s) => { s.display = { ...displayOf(s.display), ...parsed.display }; });
if (scenario || style || DISPLAY_PARAMS.some((k) => params.has(k))) {
  params.delete('scenario');
  params.delete('style');
  for (const k of DISPLAY_PARAMS) params.delete(k);
  const q = params.toString();
  history.replaceState(null, '', location.pathname + (q ? `?${q}` : '') + location.hash);
}

/** API de test exposée dans le monde principal de la page. */
const api = {
  getState: () => structuredClone(getState()),
  /** L'état lui-même, sans copie, en lecture seule : pour les bancs d'essai qui l'interrogent toutes les 5 ms. */
  peek: () => getState() as Readonly<ReturnType<typeof getState>>,
  reset: (name: string, display?: Partial<Display>) => resetTo(name, undefined, display),
  scenarios: [...SCENARIOS] as string[],
  scenarioDescriptions: { ...SCENARIO_DESCRIPTIONS },
  setStyle: (st: Style) => update((s) => { s.style = st === 'b' ? 'b' : 'a'; }),
  /** variantes d'affichage (prises en compte au prochain montage de page pour `retard`) */
  setDisplay: (patch: Partial<Display>) => update((s) => { s.display = displayOf({ ...displayOf(s.display), ...patch }); }),
  navigate: (path: string) => navigate(path),
  /** Change de version du référentiel (1 ou 2 : U01.1 change d'intitulé et de minimum), comme Convergence entre deux visites. */
  setReferentiel: (v: 1 | 2) => update((s) => { s.referentiel = v === 2 ? 2 : 1; }),
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
