import { render } from 'preact';
import { loadLanguagePreference, uiLanguage } from '../../components/i18n';
import { GuardDialog } from '../../components/guard/GuardDialog';
import { DIALOG_CSS } from '../../components/guard/styles';
import { createClient } from '../../lib/messages/client';
import { platform } from '../../lib/platform';

/**
 * La fenêtre de la garde avant validation : une page de l'extension dans un cadre au-dessus de la page
 * Convergence. Son contenu vient du script de contenu de l'onglet ; le choix de la personne y retourne.
 */
const root = document.getElementById('app');
const send = createClient((m) => platform.sendToBackground(m));

async function main() {
  await loadLanguagePreference();
  document.documentElement.lang = uiLanguage();
  const style = document.createElement('style');
  style.textContent = `html,body{margin:0;background:transparent}${DIALOG_CSS}`;
  document.head.append(style);
  const { tabId } = await send('panel.tab', {});
  const toPage = createClient((m) => platform.sendToTab(tabId, m, 0));
  const content = await toPage('guard.dialog', {});
  if (!content || !root) {
    await toPage('guard.choice', { choice: 'fermer' }).catch(() => undefined);
    return;
  }
  const choose = (choice: 'corriger' | 'forcer' | 'fermer') => void toPage('guard.choice', { choice }).catch(() => undefined);
  render(
    <GuardDialog
      buttonLabel={content.buttonLabel}
      items={content.problems}
      onCorrect={() => choose('corriger')}
      onForce={() => choose('forcer')}
      onClose={() => choose('fermer')}
    />,
    root,
  );
  // Le cadre reçoit le focus après son chargement : « Corriger » le prend alors.
  window.addEventListener('focus', () => (document.activeElement === document.body ? root.querySelector<HTMLButtonElement>('button.primary')?.focus() : undefined));
}

void main();
