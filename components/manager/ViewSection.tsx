import type { ComponentChildren } from 'preact';
import { VIEW_HEADING_ID } from './types';

/**
 * Une vue du gestionnaire : une section nommée par son titre, que Manager focalise à chaque changement
 * de vue (d'où tabIndex -1 et l'identifiant unique).
 */
export function ViewSection({ title, class: className, children }: { title: ComponentChildren; class?: string; children?: ComponentChildren }) {
  return (
    <section aria-labelledby={VIEW_HEADING_ID} class={className}>
      <h2 id={VIEW_HEADING_ID} tabIndex={-1}>
        {title}
      </h2>
      {children}
    </section>
  );
}
