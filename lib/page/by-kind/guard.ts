/**
 * La garde avant validation : pour un bouton qui soumet, les problèmes que montre l'état COURANT de la page.
 * Les boutons propres à une étape (« Transmettre la fiche administrative », « Générer une référence… »,
 * « Candidater ») ont leur règle quel que soit le type de page (ils apparaissent sur plusieurs pages, parfois
 * non reconnues) ; pour les autres (« Valider », « Enregistrer et demander validation »), c'est le module du
 * type de page qui décide (lib/page/kinds). Les règles elles-mêmes sont dans lib/page/guard/rules.ts.
 */
import { PAGE_REGISTRY } from '../kinds';
import { dossierProblems, ficheProblems } from '../guard/rules';
import type { GuardAction, GuardInput, GuardProblem } from '../guard/types';

/** Règles des boutons qui ne dépendent pas de la page affichée. */
const ACTION_RULES: Partial<Record<GuardAction, (input: GuardInput) => GuardProblem[]>> = {
  'transmettre-fiche': (i) => ficheProblems(i.root),
  'generer-dossier': (i) => dossierProblems(i.root, 'generer-dossier', i.remembered),
  candidater: (i) => dossierProblems(i.root, 'candidater', i.remembered),
};

/** Tous les problèmes que la page montre pour ce bouton ; vide : la soumission peut passer. */
export function evaluateGuard(input: GuardInput): GuardProblem[] {
  const byAction = ACTION_RULES[input.action];
  if (byAction) return byAction(input);
  if (!input.kind) return [];
  const { kind: _kind, ...context } = input;
  return PAGE_REGISTRY[input.kind].guard?.(context) ?? [];
}
