import type { PageProduct } from '../lib/page/read/product';
import type { PageSummary } from '../lib/page/guard/summary';
import { t } from './strings';

export function productText(p: PageProduct): string {
  return `${p.name} - ${p.version} - ${p.number}`;
}

/** Une ligne de résumé de ce qui a été lu sur la page (panneau et fenêtre de l'icône). */
export function SummaryLine({ summary }: { summary: PageSummary }) {
  switch (summary.type) {
    case 'criteria':
      return <p class="ac-summary">{t('summaryCriteria', { read: summary.read, mandatory: summary.mandatory, atRisk: summary.atRisk.length })}{summary.atRisk.length > 0 && ` (${summary.atRisk.slice(0, 8).join(', ')}${summary.atRisk.length > 8 ? '…' : ''})`}</p>;
    case 'fields':
      return <p class="ac-summary">{t('summaryFields', { read: summary.read, required: summary.required, empty: summary.empty.length })}</p>;
    case 'zones':
      return <p class="ac-summary">{t('summaryZones', { read: summary.read, empty: summary.empty.length })}</p>;
    default:
      return <p class="ac-summary">{t('summaryNothing')}</p>;
  }
}
