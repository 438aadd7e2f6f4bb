import { useState } from 'preact/hooks';
import type { PageRecognition } from '../lib/page/detect';
import { t } from './strings';

export interface PanelProps {
  recognition: PageRecognition;
}

/** Le panneau affiché sur les pages Convergence, dans une racine fantôme ouverte. */
export function Panel({ recognition }: PanelProps) {
  const [open, setOpen] = useState(true);
  return (
    <section class="ac-panel" aria-label={t('panelRegion')} lang="fr">
      <header class="ac-head">
        <h2 class="ac-title">{t('panelTitle')}</h2>
        <button
          type="button"
          class="ac-toggle"
          aria-expanded={open}
          aria-controls="ac-body"
          onClick={() => setOpen(!open)}
        >
          {open ? t('panelCollapse') : t('panelExpand')}
        </button>
      </header>
      <div id="ac-body" hidden={!open}>
        <p class="ac-status" role="status" aria-live="polite">
          {recognition.recognised ? t('pageRecognised', { kind: recognition.label }) : t('pageNotRecognised')}
        </p>
        <p class="ac-why">
          {recognition.recognised ? t('pageWhy', { why: recognition.because }) : recognition.reason}
        </p>
      </div>
    </section>
  );
}
