/**
 * Dans le panneau : les critères que la page montre autrement que lors des réponses (issue 11 § 3), « N
 * critère(s) modifié(s) depuis vos réponses » et, pour chacun, ce qui a changé. Rien quand rien n'a changé.
 */
import type { ReferentialChangeItem } from '../../lib/library/referential-changes';
import { aspectsText, holdText, tr } from '../referential-strings';

export function ReferentialNotice({ items }: { items: readonly ReferentialChangeItem[] }) {
  if (items.length === 0) return null;
  return (
    <div class="ac-referential" role="group" aria-labelledby="ac-referential-title">
      <h3 class="ac-subtitle" id="ac-referential-title">{tr('panelTitle', { count: items.length })}</h3>
      <p class="ac-why">{tr('panelHint')}</p>
      <ul>
        {items.map((i) => (
          <li key={i.criterionKey} data-critere={i.criterionId}>
            {tr('panelItem', { id: i.criterionId, aspects: aspectsText(i.aspects) })}
            {i.hold ? ` — ${tr('fillHold', { reason: holdText(i.hold) })}` : ''}
          </li>
        ))}
      </ul>
    </div>
  );
}
