import type { ComponentChildren } from 'preact';
import { useRef } from 'preact/hooks';

export interface TabDef {
  id: string;
  label: string;
}

interface TabsProps {
  /** Préfixe des identifiants (unique dans la page). */
  idPrefix: string;
  /** Nom accessible de la liste d'onglets. */
  label: string;
  tabs: readonly TabDef[];
  selected: string;
  onSelect(id: string): void;
  children: ComponentChildren;
}

/**
 * Onglets selon le motif ARIA « tabs » : un seul onglet dans l'ordre de tabulation, flèches gauche/droite,
 * Début/Fin, activation automatique ; le panneau est nommé par son onglet.
 */
export function Tabs({ idPrefix, label, tabs, selected, onSelect, children }: TabsProps) {
  const refs = useRef<Record<string, HTMLButtonElement | null>>({});
  const index = Math.max(0, tabs.findIndex((t) => t.id === selected));
  const move = (to: number) => {
    const tab = tabs[(to + tabs.length) % tabs.length];
    if (!tab) return;
    onSelect(tab.id);
    refs.current[tab.id]?.focus();
  };
  const onKeyDown = (e: KeyboardEvent) => {
    const keys: Record<string, number> = { ArrowRight: index + 1, ArrowLeft: index - 1, Home: 0, End: tabs.length - 1 };
    const to = keys[e.key];
    if (to === undefined) return;
    e.preventDefault();
    move(to);
  };
  const current = tabs[index];
  return (
    <div class="mgr-tabs">
      <div role="tablist" aria-label={label} class="mgr-tablist" onKeyDown={onKeyDown}>
        {tabs.map((t) => (
          <button
            key={t.id}
            ref={(el) => {
              refs.current[t.id] = el;
            }}
            type="button"
            role="tab"
            id={`${idPrefix}-tab-${t.id}`}
            aria-selected={t.id === current?.id}
            aria-controls={`${idPrefix}-panel`}
            tabIndex={t.id === current?.id ? 0 : -1}
            class="mgr-tab"
            onClick={() => onSelect(t.id)}
          >
            {t.label}
          </button>
        ))}
      </div>
      <div role="tabpanel" id={`${idPrefix}-panel`} aria-labelledby={`${idPrefix}-tab-${current?.id ?? ''}`} tabIndex={0} class="mgr-panel">
        {children}
      </div>
    </div>
  );
}
