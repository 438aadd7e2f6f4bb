/**
 * Interception des boutons qui soumettent, en phase de CAPTURE sur la fenêtre : nos écouteurs passent
 * avant ceux de la page (posés sur le document, la racine de l'application ou le bouton lui-même).
 * Clics (souris, Entrée et Espace sur un vrai bouton), touches Entrée/Espace sur un role="button"
 * qui n'est pas un bouton natif, et envoi de formulaire (Entrée dans un champ, requestSubmit).
 * Sans problème, l'événement n'est pas touché. « Valider quand même » rejoue le geste UNE fois.
 */
import type { PageKind } from '../model/kinds';
import { BUTTON_LIKE, buttonInPath, guardedAction } from './buttons';
import type { GuardAction, GuardProblem } from './types';

export interface Blocked {
  button: HTMLElement;
  action: GuardAction;
  problems: GuardProblem[];
  /** Le geste arrêté, pour le rejouer tel quel. */
  trigger: 'click' | 'keydown' | 'submit';
  key?: string;
  form?: HTMLFormElement | null;
}

export interface InterceptOptions {
  /** Type de page (pour « Transmettre » seul) ; appelé seulement quand il faut trancher. */
  kind(): PageKind | null;
  /** Les problèmes de la page pour ce bouton ; vide : laisser passer. */
  check(button: HTMLElement, action: GuardAction): GuardProblem[];
  onBlocked(blocked: Blocked): void;
  /** Nos propres interfaces (boîte de dialogue, panneau) : jamais interceptées. */
  isOwn?(el: Element): boolean;
  /** Erreur d'une vérification : on laisse passer (ne jamais casser la page). */
  onError?(e: unknown): void;
  /** Les gestes examinés (dans l'extension : ceux d'une personne, event.isTrusted) ; les autres passent sans rien ouvrir. */
  accept?(e: Event): boolean;
}

export interface Interceptor {
  /** Rejoue le geste arrêté une seule fois, sans vérification. */
  passThrough(blocked: Blocked): void;
  stop(): void;
}

const isDisabled = (el: Element) => (el as HTMLButtonElement).disabled === true || el.getAttribute('aria-disabled') === 'true';

function isNativeActivator(el: Element): boolean {
  return el.tagName === 'BUTTON' || el.tagName === 'INPUT' || (el.tagName === 'A' && el.hasAttribute('href'));
}

/** Le bouton d'envoi par défaut d'un formulaire, s'il soumet (pour un envoi sans bouton désigné). */
function defaultSubmitter(form: HTMLFormElement): HTMLElement | null {
  return (
    Array.from(form.querySelectorAll<HTMLElement>('button,input[type="submit"]')).find(
      (b) => (b.tagName === 'INPUT' || (b as HTMLButtonElement).type === 'submit') && !isDisabled(b),
    ) ?? null
  );
}

export function interceptSubmits(win: Window, opts: InterceptOptions): Interceptor {
  /** Le bouton en cours de rejeu (« Valider quand même ») : laissé passer pendant ce seul rejeu. */
  let bypass: Element | null = null;
  /** Bouton dont le clic vient d'être vérifié sans problème : son envoi de formulaire n'est pas revérifié. */
  let cleared: Element | null = null;
  let clearTimer: ReturnType<typeof setTimeout> | undefined;

  const own = (path: readonly EventTarget[]) => opts.isOwn !== undefined && path.some((n) => n instanceof Element && opts.isOwn?.(n) === true);

  /** Vérifie ; rend les problèmes, ou null quand l'événement doit passer. */
  const decide = (button: HTMLElement): { action: GuardAction; problems: GuardProblem[] } | null => {
    if (bypass === button || isDisabled(button)) return null;
    const action = guardedAction(button, opts.kind);
    if (!action) return null;
    try {
      const problems = opts.check(button, action);
      return problems.length > 0 ? { action, problems } : null;
    } catch (e) {
      opts.onError?.(e);
      return null;
    }
  };

  const block = (e: Event, blocked: Blocked) => {
    e.preventDefault();
    e.stopImmediatePropagation();
    opts.onBlocked(blocked);
  };

  const accepted = (e: Event) => !opts.accept || opts.accept(e);
  // Un envoi de formulaire est examiné seulement s'il suit, dans la même tâche, un geste examiné : un clic
  // simulé sur un bouton d'envoi, ou form.requestSubmit() par un script, produisent un « submit » que le
  // navigateur marque de confiance ; ce n'est pas pour autant le geste d'une personne.
  let gesture = false;
  const noteGesture = () => {
    gesture = true;
    setTimeout(() => (gesture = false), 0);
  };
  const onClick = (e: MouseEvent) => {
    if (!accepted(e)) return;
    noteGesture();
    const path = e.composedPath();
    if (own(path)) return;
    const button = buttonInPath(path) as HTMLElement | null;
    if (!button) return;
    const d = decide(button);
    if (!d) {
      if (bypass !== button) markCleared(button);
      return;
    }
    block(e, { button, ...d, trigger: 'click', form: (button as HTMLButtonElement).form ?? null });
  };

  const markCleared = (button: Element) => {
    cleared = button;
    if (clearTimer !== undefined) clearTimeout(clearTimer);
    clearTimer = setTimeout(() => {
      cleared = null;
      clearTimer = undefined;
    }, 0);
  };

  const onKeydown = (e: KeyboardEvent) => {
    if (e.key !== 'Enter' && e.key !== ' ') return;
    if (!accepted(e)) return;
    noteGesture();
    const path = e.composedPath();
    if (own(path)) return;
    const first = path[0];
    if (!(first instanceof Element)) return;
    const button = first.closest(BUTTON_LIKE) as HTMLElement | null;
    // Un vrai bouton transforme Entrée/Espace en clic : c'est le clic qui sera vérifié.
    if (!button || isNativeActivator(button)) return;
    const d = decide(button);
    if (d) block(e, { button, ...d, trigger: 'keydown', key: e.key });
  };

  const onSubmit = (e: Event) => {
    const form = e.target;
    if (!(form instanceof HTMLFormElement) || !accepted(e) || (opts.accept && !gesture)) return;
    const submitter = ((e as SubmitEvent).submitter as HTMLElement | null) ?? defaultSubmitter(form);
    if (!submitter || submitter === cleared || submitter === bypass) return;
    const d = decide(submitter);
    if (d) block(e, { button: submitter, ...d, trigger: 'submit', form });
  };

  win.addEventListener('click', onClick, true);
  win.addEventListener('keydown', onKeydown, true);
  win.addEventListener('submit', onSubmit, true);

  return {
    passThrough(b) {
      bypass = b.button;
      try {
        if (b.trigger === 'keydown') {
          b.button.dispatchEvent(new KeyboardEvent('keydown', { key: b.key ?? 'Enter', bubbles: true, cancelable: true, composed: true }));
        } else if (b.trigger === 'submit' && b.form) {
          const submitter = b.button.tagName === 'INPUT' || b.button.tagName === 'BUTTON' ? b.button : undefined;
          b.form.requestSubmit(submitter && b.form.contains(submitter) ? submitter : undefined);
        } else {
          b.button.click();
        }
      } finally {
        bypass = null;
      }
    },
    stop() {
      win.removeEventListener('click', onClick, true);
      win.removeEventListener('keydown', onKeydown, true);
      win.removeEventListener('submit', onSubmit, true);
      if (clearTimer !== undefined) clearTimeout(clearTimer);
    },
  };
}
