// Banc d'essai commun des tests jsdom du gestionnaire : le vrai <Manager>, branché sur les vrais gestionnaires de
// messages (aller-retour JSON, comme runtime.sendMessage) et une base Dexie sur fake-indexeddb. Les requêtes passent
// par ce qu'une personne voit : textes, libellés, noms accessibles, régions d'annonce.
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { Manager } from '../../../components/manager/Manager';
import { fileToBase64 } from '../../../components/manager/files';
import type { Repository } from '../../../lib/db/repository';
import { base64ToBytes } from '../../../lib/text/base64';
import { createClient } from '../../../lib/messages/client';
import { createHandlers, dispatch, memorySettings } from '../../../lib/messages/handlers';

/** Le conteneur du rendu courant (lien vivant : relu après chaque `mount`). */
export let root: HTMLElement;

/** Un conteneur neuf dans le document ; le précédent est démonté. */
export function container(): HTMLElement {
  unmount();
  root = document.createElement('div');
  document.body.append(root);
  return root;
}

function unmount() {
  if (!root?.isConnected) return;
  render(null, root);
  root.remove();
}

/** Le gestionnaire d'une bibliothèque, comme sa page d'options. `author: null` : aucun nom donné par la page. */
export async function mount(repo: Repository, options: { author?: string | null; now?: () => Date } = {}) {
  const handlers = createHandlers(repo, { settings: memorySettings(), ...(options.now ? { now: options.now } : {}) });
  const send = createClient(async (m) => JSON.parse(JSON.stringify(await dispatch(handlers, JSON.parse(JSON.stringify(m)), 'extension-page'))));
  const r = container();
  const author = options.author === undefined ? 'test' : options.author;
  await act(() => render(author === null ? <Manager send={send} /> : <Manager send={send} author={author} />, r));
  return { handlers, send };
}

/** À passer à afterEach : démonte le rendu et rend à jsdom ce que la capture des téléchargements a remplacé. */
export function cleanup() {
  unmount();
  restoreDownloads?.();
  restoreDownloads = undefined;
}

/** Attend qu'une condition vue par la personne soit vraie ; sinon dit ce qu'elle voit (focus, annonce, alerte). */
export async function waitFor<T>(fn: () => T | null | undefined | false, what = 'condition'): Promise<T> {
  for (let i = 0; i < 400; i++) {
    const v = fn();
    if (v) return v;
    await act(() => new Promise((r) => setTimeout(r, 10)));
  }
  const focus = document.activeElement;
  const seen = root?.isConnected ? `, état : « ${status()} », alerte : « ${alertText()} »` : '';
  throw new Error(`attente dépassée : ${what} (focus : ${focus?.tagName ?? ''}${focus?.id ? `#${focus.id}` : ''} « ${norm(focus?.textContent).slice(0, 80)} »${seen})`);
}

export const norm = (s: string | null | undefined) => (s ?? '').replace(/\s+/g, ' ').trim();
export const all = <E extends Element = HTMLElement>(selector: string, within: ParentNode = root) => [...within.querySelectorAll<E>(selector)];

/** Le premier élément dont le texte (espaces resserrés) vaut `text`, ou correspond à l'expression. */
export const byText = (selector: string, text: string | RegExp, within: ParentNode = root) =>
  all(selector, within).find((el) => (typeof text === 'string' ? norm(el.textContent) === text : text.test(norm(el.textContent))));

/** L'élément dont l'aria-label vaut `label` (boutons nommés par leur critère). */
export const byLabel = (label: string) => root.querySelector<HTMLElement>(`[aria-label="${label}"]`) ?? undefined;

/** Le champ d'un <label> (for=…, ou le champ qu'il entoure) ; l'astérisque et « (obligatoire) » ne comptent pas. */
export function field(label: string | RegExp, within: ParentNode = root): HTMLInputElement {
  const l = all<HTMLLabelElement>('label', within).find((x) => {
    const text = norm(x.textContent?.replace('*', '').replace('(obligatoire)', ''));
    return typeof label === 'string' ? text === label : label.test(text);
  });
  const el = l && ((l.htmlFor ? document.getElementById(l.htmlFor) : l.querySelector('input, textarea, select')) as HTMLInputElement | null);
  if (!el) throw new Error(`champ « ${String(label)} » introuvable`);
  return el;
}

/** Nom accessible d'un contrôle : aria-label, aria-labelledby, <label for>, le <label> qui l'entoure, ou son texte. */
export function accessibleName(el: HTMLElement): string {
  const aria = el.getAttribute('aria-label');
  if (aria) return aria.trim();
  const labelledBy = el.getAttribute('aria-labelledby');
  if (labelledBy) return norm(labelledBy.split(' ').map((id) => document.getElementById(id)?.textContent).join(' '));
  const byFor = el.id ? document.querySelector(`label[for="${el.id}"]`) : null;
  if (byFor) return norm(byFor.textContent);
  const wrapping = el.closest('label');
  if (wrapping) return norm(wrapping.textContent);
  return el instanceof HTMLButtonElement ? norm(el.textContent) : '';
}

/** Le seul contrôle (case, bouton, liste…) dont le nom accessible est `name` ; zéro ou deux est une erreur. */
export function control<E extends HTMLElement = HTMLInputElement>(name: string | RegExp, within: ParentNode = root): E {
  const found = all<E>('input, select, button', within).filter((el) => (typeof name === 'string' ? accessibleName(el) === name : name.test(accessibleName(el))));
  if (found.length !== 1) throw new Error(`contrôle « ${String(name)} » : ${found.length} trouvé(s)`);
  return found[0]!;
}

export async function click(el: HTMLElement | null | undefined) {
  if (!el) throw new Error('élément introuvable');
  await act(() => el.click());
}

/** Saisie dans un champ (ou le champ d'un libellé) : l'événement `input` que Preact écoute. */
export async function type(target: string | HTMLInputElement | HTMLTextAreaElement, value: string) {
  const el = typeof target === 'string' ? field(target) : target;
  await act(() => {
    el.value = value;
    el.dispatchEvent(new Event('input', { bubbles: true }));
  });
}

/** Choix dans une liste déroulante : l'événement `change`. */
export async function choose(select: HTMLSelectElement, value: string) {
  await act(() => {
    select.value = value;
    select.dispatchEvent(new Event('change', { bubbles: true }));
  });
}

/** Le fichier « choisi » dans un <input type=file> (jsdom n'ouvre pas de sélecteur). */
export async function setFile(input: HTMLInputElement, name: string, content: Uint8Array | string | Blob, type?: string) {
  const file = new File([content as BlobPart], name, type ? { type } : undefined);
  Object.defineProperty(input, 'files', { value: [file], configurable: true });
}

/** Retour sur la page (autre onglet) : la liste est relue. */
export async function refocus() {
  await act(() => void window.dispatchEvent(new Event('focus')));
}

// Les régions d'annonce du gestionnaire (le panneau de partage a aussi son role=status, pour ses comptes).
export const status = () => norm(root.querySelector('.mgr-status[role="status"]')?.textContent);
export const alertText = () => norm(root.querySelector('.mgr-alert[role="alert"]')?.textContent);

/** Les fichiers téléchargés (downloadBlob : URL d'objet puis clic sur <a download>), dans l'ordre. */
let downloads: { name: string; blob: Blob }[] = [];
let restoreDownloads: (() => void) | undefined;

/** jsdom ne crée pas d'URL de Blob ni ne télécharge : on garde le Blob et le nom, jusqu'à `cleanup`. */
export function captureDownloads(): { name: string; blob: Blob }[] {
  if (restoreDownloads) return downloads;
  downloads = [];
  const blobs = new Map<string, Blob>();
  const saved = { createObjectURL: URL.createObjectURL, revokeObjectURL: URL.revokeObjectURL };
  let n = 0;
  URL.createObjectURL = (b: Blob | MediaSource) => {
    const url = `blob:test/${++n}`;
    blobs.set(url, b as Blob);
    return url;
  };
  URL.revokeObjectURL = (url: string) => void blobs.delete(url);
  const onClick = (e: MouseEvent) => {
    const a = e.target;
    if (!(a instanceof HTMLAnchorElement) || !a.download) return;
    // jsdom ne navigue pas : on empêche la tentative et on garde le fichier tel que la personne l'aurait reçu.
    e.preventDefault();
    downloads.push({ name: a.download, blob: blobs.get(a.href)! });
  };
  document.addEventListener('click', onClick);
  restoreDownloads = () => {
    Object.assign(URL, saved);
    document.removeEventListener('click', onClick);
  };
  return downloads;
}

/** Le n-ième téléchargement (à partir de 0), relu octet par octet comme le gestionnaire relit un fichier. */
export async function downloaded(i: number) {
  const d = await waitFor(() => downloads[i], `téléchargement n° ${i + 1}`);
  return { name: d.name, blob: d.blob, bytes: base64ToBytes(await fileToBase64(d.blob)) };
}
