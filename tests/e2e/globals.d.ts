// Dans page.evaluate / serviceWorker.evaluate, le code s'exécute dans l'extension, où `chrome` existe.
import type { browser } from 'wxt/browser';

declare global {
  const chrome: typeof browser;
}
