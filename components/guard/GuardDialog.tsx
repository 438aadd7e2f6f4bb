import type { JSX } from 'preact';
import { useLayoutEffect, useRef } from 'preact/hooks';
import { t } from './strings';

/** Un point à corriger, déjà rédigé (components/guard/format.ts) par le script de contenu. */
export interface GuardItem {
  ref?: string;
  text: string;
  detail?: string;
  action: string;
}

export interface GuardDialogProps {
  /** Nom du bouton arrêté (« Valider »). */
  buttonLabel: string;
  items: GuardItem[];
  onCorrect(): void;
  onForce(): void;
  onClose(): void;
}

/**
 * Boîte de dialogue d'alerte (role="alertdialog", modale) : la liste des points, « Corriger » (par défaut)
 * et « Valider quand même ». Échap ferme ; Tab reste dans la boîte.
 */
export function GuardDialog(props: GuardDialogProps): JSX.Element {
  const box = useRef<HTMLDivElement>(null);
  const correct = useRef<HTMLButtonElement>(null);
  useLayoutEffect(() => {
    correct.current?.focus();
  }, []);

  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key === 'Escape') {
      e.preventDefault();
      e.stopPropagation();
      props.onClose();
      return;
    }
    if (e.key !== 'Tab' || !box.current) return;
    const focusables = Array.from(box.current.querySelectorAll<HTMLElement>('button,[tabindex="0"]'));
    const first = focusables[0];
    const last = focusables.at(-1);
    const active = (box.current.getRootNode() as Document | ShadowRoot).activeElement;
    if (!first || !last) return;
    if (e.shiftKey && (active === first || !box.current.contains(active))) {
      e.preventDefault();
      last.focus();
    } else if (!e.shiftKey && (active === last || !box.current.contains(active))) {
      e.preventDefault();
      first.focus();
    }
  };

  const count = props.items.length;
  return (
    <div class="backdrop">
      <div
        ref={box}
        class="dialog"
        role="alertdialog"
        aria-modal="true"
        aria-labelledby="ac-garde-titre"
        aria-describedby="ac-garde-intro"
        onKeyDown={onKeyDown}
      >
        <div class="head">
          <h2 id="ac-garde-titre">{t('dialogTitle', { button: props.buttonLabel, count })}</h2>
          <p id="ac-garde-intro">{t('dialogIntro')}</p>
        </div>
        <ul class="list" aria-label={t('problemsLabel')} tabIndex={0}>
          {props.items.map((x, i) => {
            return (
              <li key={i} data-ref={x.ref}>
                <span class="text">{x.text}</span>
                {x.detail && (
                  <>
                    <br />
                    <span class="detail">{x.detail}</span>
                  </>
                )}
                <br />
                <span class="todo">{x.action}</span>
              </li>
            );
          })}
        </ul>
        <div class="foot">
          <p class="hint">{t('forceHint')}</p>
          <div class="actions">
            <button type="button" class="secondary" onClick={props.onForce}>
              {t('force')}
            </button>
            <button type="button" class="primary" ref={correct} onClick={props.onCorrect}>
              {t('correct')}
            </button>
          </div>
        </div>
      </div>
    </div>
  );
}
