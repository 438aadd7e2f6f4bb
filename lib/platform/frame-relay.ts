/**
 * Firefox : une page de l'extension chargée dans un cadre d'une page web (le panneau, la fenêtre de la garde) n'a
 * que les API d'un script de contenu. Elle n'a pas `tabs` (donc pas de tabs.sendMessage vers le script de contenu
 * de son onglet) et ne reçoit pas les runtime.sendMessage ; Firefox lui livre en revanche les tabs.sendMessage
 * adressés à son cadre. C'est un choix assumé de Mozilla (w3c/webextensions#787 : « passer par l'arrière-plan ») ;
 * Chrome donne tout à ces cadres, et rien ici n'y sert.
 *
 * L'arrière-plan relaie donc, dans les deux sens, et seulement à l'intérieur de l'onglet qui contient le cadre :
 *  - cadre → script de contenu : enveloppe RELAY envoyée à l'arrière-plan, qui la transmet par tabs.sendMessage ;
 *  - script de contenu → cadre : le cadre s'abonne (SUBSCRIBE) ; un message d'un script de contenu que
 *    l'arrière-plan ne traite pas lui-même est transmis aux cadres abonnés de cet onglet, par tabs.sendMessage vers
 *    leur frameId, dans l'enveloppe FORWARD qui garde l'émetteur d'origine (l'onglet, l'adresse de la page).
 * Les abonnements sont gardés dans storage.session : l'arrière-plan de Firefox est une page d'événements, arrêtée
 * au repos, et un message du script de contenu la relance sans mémoire.
 */
import { browser } from 'wxt/browser';

const RELAY = 'assistantConvergenceRelais';
const RELAY_FAILED = 'assistantConvergenceRelaisEchoue';
const SUBSCRIBE = 'assistantConvergenceAbonnement';
const FORWARD = 'assistantConvergenceTransmis';
const STORE_KEY = 'assistantConvergenceCadres';

export interface RawSender {
  tab?: { id?: number };
  frameId?: number;
  url?: string;
}

type Reply = (r: unknown) => void;

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isId = (v: unknown): v is number => Number.isInteger(v) && (v as number) >= 0;
const errorText = (e: unknown) => (e instanceof Error ? e.message : String(e));

/** Un cadre de l'extension privé de `tabs` (Firefox) : c'est lui qui passe par l'arrière-plan. */
export function isCroppedFrame(): boolean {
  if (typeof browser.tabs?.sendMessage === 'function') return false;
  try {
    return globalThis.location?.href.startsWith(browser.runtime.getURL('/')) ?? false;
  } catch {
    return false;
  }
}

/** L'arrière-plan de Firefox : une page d'événements (jamais le service worker de Chrome, qui n'a rien à relayer). */
export function isEventPageBackground(): boolean {
  const g = globalThis as { ServiceWorkerGlobalScope?: abstract new () => unknown };
  if (typeof g.ServiceWorkerGlobalScope === 'function' && globalThis instanceof g.ServiceWorkerGlobalScope) return false;
  try {
    const ext = (browser as unknown as { extension?: { getBackgroundPage?: () => unknown } }).extension;
    return typeof ext?.getBackgroundPage === 'function' && ext.getBackgroundPage() === globalThis;
  } catch {
    return false;
  }
}

// ——— Côté cadre ———

/** Cadre → script de contenu de son onglet, par l'arrière-plan ; un échec est levé comme tabs.sendMessage le ferait. */
export async function relayToTab(tabId: number, message: unknown, frameId?: number): Promise<unknown> {
  const reply: unknown = await browser.runtime.sendMessage({ [RELAY]: { tabId, ...(frameId === undefined ? {} : { frameId }), message } });
  if (isRecord(reply) && RELAY_FAILED in reply) throw new Error(String(reply[RELAY_FAILED]));
  return reply;
}

/** Le cadre demande à recevoir les messages des scripts de contenu de son onglet. */
export function subscribeFrame(): void {
  browser.runtime.sendMessage({ [SUBSCRIBE]: true }).catch((e: unknown) => console.error('[Assistant Convergence] Abonnement du cadre :', errorText(e)));
}

/**
 * Un message transmis par l'arrière-plan : le message d'origine et son émetteur d'origine. Accepté seulement d'une
 * page de l'extension (un script de contenu a l'adresse de la page web et ne peut pas l'envoyer).
 */
export function unwrapForward(message: unknown, fromExtensionPage: boolean): { message: unknown; tabId: number; url?: string } | undefined {
  if (!fromExtensionPage || !isRecord(message) || !isRecord(message[FORWARD])) return undefined;
  const f = message[FORWARD];
  if (!isId(f.tabId)) return undefined;
  return { message: f.message, tabId: f.tabId, ...(typeof f.url === 'string' ? { url: f.url } : {}) };
}

// ——— Côté arrière-plan ———

/** Les cadres abonnés, par onglet. */
let frames: Map<number, Set<number>> | undefined;
let loading: Promise<Map<number, Set<number>>> | undefined;

function load(): Promise<Map<number, Set<number>>> {
  if (frames) return Promise.resolve(frames);
  loading ??= browser.storage.session
    .get(STORE_KEY)
    .then((r) => {
      const stored = isRecord(r[STORE_KEY]) ? r[STORE_KEY] : {};
      frames ??= new Map(Object.entries(stored).map(([tab, ids]) => [Number(tab), new Set(Array.isArray(ids) ? ids.filter(isId) : [])]));
      return frames;
    })
    .catch(() => (frames ??= new Map()));
  return loading;
}

async function save(map: Map<number, Set<number>>): Promise<void> {
  const out: Record<string, number[]> = {};
  for (const [tab, ids] of map) if (ids.size) out[tab] = [...ids];
  await browser.storage.session.set({ [STORE_KEY]: out }).catch(() => undefined);
}

async function update(change: (map: Map<number, Set<number>>) => boolean): Promise<void> {
  const map = await load();
  if (change(map)) await save(map);
}

/** Onglet fermé : ses cadres sont oubliés. */
export function forgetTab(tabId: number): void {
  void update((map) => map.delete(tabId));
}

/**
 * Dans l'arrière-plan, traite les enveloppes du relais (RELAY, SUBSCRIBE). Rend undefined pour un message ordinaire,
 * sinon la valeur à rendre à runtime.onMessage (true : réponse à venir).
 */
export function handleEnvelope(message: unknown, sender: RawSender, extensionPage: boolean, sendResponse: Reply): boolean | undefined {
  if (!isRecord(message)) return undefined;
  const tabId = sender.tab?.id;
  if (SUBSCRIBE in message) {
    // Seul un cadre de l'extension dans un onglet s'abonne, pour son propre onglet.
    if (!extensionPage || !isId(tabId) || !isId(sender.frameId)) return false;
    const frameId = sender.frameId;
    void update((map) => {
      const ids = map.get(tabId) ?? new Set<number>();
      map.set(tabId, ids);
      if (ids.has(frameId)) return false;
      ids.add(frameId);
      return true;
    }).then(() => sendResponse(true));
    return true;
  }
  if (RELAY in message) {
    const r = message[RELAY];
    // Une page de l'extension seulement (jamais un script de contenu), et seulement vers l'onglet qui la contient.
    if (!extensionPage || !isId(tabId) || !isRecord(r) || r.tabId !== tabId || (r.frameId !== undefined && !isId(r.frameId))) return false;
    const sent = isId(r.frameId) ? browser.tabs.sendMessage(tabId, r.message, { frameId: r.frameId }) : browser.tabs.sendMessage(tabId, r.message);
    sent.then(sendResponse, (e: unknown) => sendResponse({ [RELAY_FAILED]: errorText(e) }));
    return true;
  }
  return undefined;
}

/**
 * Dans l'arrière-plan, un message d'un script de contenu qu'il ne traite pas : transmis aux cadres abonnés de son
 * onglet (la première réponse définie est rendue). Un cadre disparu (page quittée) est oublié.
 */
export function forwardToFrames(message: unknown, sender: RawSender, sendResponse: Reply): boolean {
  const tabId = sender.tab?.id;
  if (!isId(tabId)) return false;
  void (async () => {
    const ids = [...((await load()).get(tabId) ?? [])];
    const envelope = { [FORWARD]: { tabId, ...(sender.url ? { url: sender.url } : {}), message } };
    const results = await Promise.allSettled(ids.map((frameId) => browser.tabs.sendMessage(tabId, envelope, { frameId })));
    const gone = ids.filter((_, i) => results[i]?.status === 'rejected');
    if (gone.length) await update((map) => gone.map((id) => map.get(tabId)?.delete(id)).some(Boolean));
    const replied = results.find((r): r is PromiseFulfilledResult<unknown> => r.status === 'fulfilled' && r.value !== undefined);
    sendResponse(replied?.value);
  })();
  return true;
}
