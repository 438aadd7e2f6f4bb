/**
 * lib/platform — la seule porte vers les API WebExtension (wxt/browser) et le relais entre cadres.
 * Les différences Chrome / Firefox s'arrêtent ici.
 * N'importe rien de lib/ : le cœur ne dépend pas du navigateur, c'est l'extension qui les assemble.
 */
/**
 * Couche mince au-dessus des API du navigateur (WebExtension). Tout le reste du code passe par ici,
 * pour que les différences Chrome / Firefox et les API elles-mêmes restent hors du cœur.
 */
import { browser } from 'wxt/browser';
import { forgetTab, forwardToFrames, handleEnvelope, isCroppedFrame, isEventPageBackground, relayToTab, subscribeFrame, unwrapForward, type RawSender } from './frame-relay';

export interface MessageSender {
  tabId?: number;
  url?: string;
  /** Vrai si l'émetteur est une page de l'extension (popup, options), faux pour un script de contenu. */
  extensionPage: boolean;
}

export type MessageListener = (message: unknown, sender: MessageSender) => Promise<unknown> | undefined;

export const platform = {
  /** Envoie un message au service d'arrière-plan et attend sa réponse. */
  sendToBackground(message: unknown): Promise<unknown> {
    return browser.runtime.sendMessage(message);
  },

  /** Envoie un message au script de contenu d'un onglet (du cadre principal quand frameId vaut 0). */
  sendToTab(tabId: number, message: unknown, frameId?: number): Promise<unknown> {
    // Cadre de l'extension dans une page sous Firefox : pas d'API `tabs`, l'arrière-plan relaie (frame-relay.ts).
    if (typeof browser.tabs?.sendMessage !== 'function') return relayToTab(tabId, message, frameId);
    return frameId === undefined ? browser.tabs.sendMessage(tabId, message) : browser.tabs.sendMessage(tabId, message, { frameId });
  },

  /** L'adresse d'une page de l'extension (chrome-extension://…, moz-extension://…). */
  extensionUrl(path: string): string {
    return browser.runtime.getURL(path as never);
  },

  /**
   * Écoute les messages. Le gestionnaire rend une promesse (réponse) ou undefined (message ignoré).
   * Rend une fonction de désabonnement.
   */
  onMessage(listener: MessageListener): () => void {
    const own = browser.runtime.getURL('/');
    // Firefox seulement (frame-relay.ts) : l'arrière-plan relaie pour les cadres de l'extension privés de `tabs`,
    // et un tel cadre s'abonne aux messages des scripts de contenu de son onglet.
    const relays = isEventPageBackground();
    const cropped = isCroppedFrame();
    if (cropped) subscribeFrame();
    const reply = (out: Promise<unknown>, sendResponse: (r: unknown) => void) => {
      out.then(sendResponse, (e: unknown) => sendResponse({ ok: false, error: e instanceof Error ? e.message : String(e) }));
      return true;
    };
    // sendResponse + « return true » : la forme que Chrome et Firefox acceptent tous deux.
    const wrapped = (message: unknown, sender: RawSender, sendResponse: (r: unknown) => void) => {
      const extensionPage = !!sender.url?.startsWith(own);
      if (relays) {
        const handled = handleEnvelope(message, sender, extensionPage, sendResponse);
        if (handled !== undefined) return handled;
      }
      if (cropped) {
        // Un message d'un script de contenu de l'onglet, transmis par l'arrière-plan avec son émetteur d'origine.
        const forwarded = unwrapForward(message, extensionPage);
        if (forwarded) {
          const out = listener(forwarded.message, { tabId: forwarded.tabId, url: forwarded.url, extensionPage: false });
          return out === undefined ? false : reply(out, sendResponse);
        }
      }
      const out = listener(message, { tabId: sender.tab?.id, url: sender.url, extensionPage });
      if (out === undefined) return relays && !extensionPage ? forwardToFrames(message, sender, sendResponse) : false;
      return reply(out, sendResponse);
    };
    browser.runtime.onMessage.addListener(wrapped as never);
    if (relays) browser.tabs.onRemoved.addListener(forgetTab);
    return () => {
      browser.runtime.onMessage.removeListener(wrapped as never);
      if (relays) browser.tabs.onRemoved.removeListener(forgetTab);
    };
  },

  /** L'onglet actif de la fenêtre courante. */
  async activeTab(): Promise<{ id?: number; url?: string } | undefined> {
    const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
    return tab ? { id: tab.id, url: tab.url } : undefined;
  },

  /** Un onglet par son identifiant. */
  async tab(id: number): Promise<{ id?: number; url?: string } | undefined> {
    try {
      const t = await browser.tabs.get(id);
      return { id: t.id, url: t.url };
    } catch {
      return undefined;
    }
  },

  /** Ouvre la page de gestion des bibliothèques (page d'options). */
  openOptionsPage(): Promise<void> {
    return browser.runtime.openOptionsPage();
  },

  /** Texte localisé (_locales), avec repli sur le texte français fourni. */
  t(key: string, fallback: string, substitutions?: string[]): string {
    try {
      const msg = browser.i18n.getMessage(key as never, substitutions);
      return msg || fallback;
    } catch {
      return fallback;
    }
  },

  /** Réglages de l'extension (storage.local) : clé → valeur JSON. */
  settings: {
    async get(key: string): Promise<unknown> {
      const r = await browser.storage.local.get(key);
      return r[key];
    },
    async set(key: string, value: unknown): Promise<void> {
      await browser.storage.local.set({ [key]: value });
    },
  },

  /**
   * Mémoire de session (storage.session) : survit à l'arrêt du service d'arrière-plan (MV3 l'arrête au
   * repos), oubliée à la fermeture du navigateur. Sert à la mémoire par onglet.
   */
  session: {
    async get(key: string): Promise<unknown> {
      const r = await browser.storage.session.get(key);
      return r[key];
    },
    async set(key: string, value: unknown): Promise<void> {
      if (value === undefined) await browser.storage.session.remove(key);
      else await browser.storage.session.set({ [key]: value });
    },
  },

  /** Suit un réglage de storage.local (changé depuis un autre contexte de l'extension). Rend le désabonnement. */
  onSettingChanged(key: string, listener: (value: unknown) => void): () => void {
    const wrapped = (changes: Record<string, { newValue?: unknown }>, area: string) => {
      if (area === 'local' && key in changes) listener(changes[key]?.newValue);
    };
    try {
      browser.storage.onChanged.addListener(wrapped);
    } catch {
      return () => undefined;
    }
    return () => browser.storage.onChanged.removeListener(wrapped);
  },

  /** Appelé quand un onglet est fermé. Rend une fonction de désabonnement. */
  onTabRemoved(listener: (tabId: number) => void): () => void {
    browser.tabs.onRemoved.addListener(listener);
    return () => browser.tabs.onRemoved.removeListener(listener);
  },

  uiLanguage(): string {
    try {
      return browser.i18n.getUILanguage();
    } catch {
      return 'fr';
    }
  },
};
