import type { BelowMinimum } from '../../lib/page/guard/rules';
import { markerText } from './format';
import { t } from './strings';
import { MARKER_CSS, adoptStyles } from './styles';

export const MARKER_HOST_TAG = 'assistant-convergence-repere';

interface Placed {
  host: HTMLElement;
  text: string;
}

/**
 * Les repères « Sous le niveau minimum » : un élément hôte (racine fantôme FERMÉE : les scripts de la page ne la
 * lisent pas ; elle ne dit d'ailleurs que ce que la page affiche déjà) ajouté EN DERNIER dans
 * le groupe des niveaux du critère, pour que le rendu de la page (Preact, React…) ne le déplace pas.
 * sync() ne touche au DOM que si quelque chose a changé.
 */
export class MarkerLayer {
  private placed = new Map<string, Placed>();
  /** Les racines fermées ne sont joignables que par ce qu'on en a gardé. */
  private bodies = new WeakMap<HTMLElement, HTMLElement>();
  /** Région « polite » (dans sa propre racine fantôme) : un nouveau repère est annoncé une fois. */
  private live: HTMLElement | null = null;
  private liveHost: HTMLElement | null = null;

  constructor(private readonly doc: Document) {}

  private announce(text: string): void {
    if (!this.live?.isConnected) {
      const host = this.doc.createElement(`${MARKER_HOST_TAG}-annonce`);
      const shadow = host.attachShadow({ mode: 'closed' });
      const region = this.doc.createElement('p');
      region.setAttribute('role', 'status');
      region.setAttribute('aria-live', 'polite');
      region.style.cssText = 'position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap;margin:0';
      shadow.appendChild(region);
      this.doc.body.appendChild(host);
      this.live = region;
      this.liveHost = host;
    }
    this.live.textContent = text;
  }

  sync(items: readonly BelowMinimum[]): void {
    const wanted = new Map(items.map((i) => [i.id, i]));
    for (const [id, p] of this.placed) {
      const w = wanted.get(id);
      if (!w || p.host.parentElement !== w.anchor) {
        p.host.remove();
        this.placed.delete(id);
      }
    }
    for (const item of items) {
      const c = item.criterion;
      const text = markerText({ acceptable: c.acceptableLevels, level: c.level ?? undefined, scale: c.scale });
      const p = this.placed.get(item.id);
      if (p && p.host.isConnected && p.host.parentElement === item.anchor) {
        if (p.text !== text) this.setText(p.host, text);
        p.text = text;
        if (item.anchor.lastElementChild !== p.host) item.anchor.appendChild(p.host);
        continue;
      }
      p?.host.remove();
      const host = this.create(item.id, text);
      item.anchor.appendChild(host);
      if (!p) this.announce(`${t('markerWarning')} ${item.id} : ${text}`);
      this.placed.set(item.id, { host, text });
    }
  }

  clear(): void {
    for (const p of this.placed.values()) p.host.remove();
    this.placed.clear();
    this.liveHost?.remove();
    this.liveHost = null;
    this.live = null;
  }

  /** Les repères affichés (pour les tests). */
  ids(): string[] {
    return [...this.placed.keys()];
  }

  /** Le texte d'un repère (pour les tests : la racine fermée ne se lit pas du dehors). */
  textOf(id: string): string | undefined {
    const p = this.placed.get(id);
    return p ? (this.bodies.get(p.host)?.textContent ?? undefined) : undefined;
  }

  private create(id: string, text: string): HTMLElement {
    const host = this.doc.createElement(MARKER_HOST_TAG);
    host.setAttribute('data-critere', id);
    const shadow = host.attachShadow({ mode: 'closed' });
    adoptStyles(shadow, MARKER_CSS);
    const p = this.doc.createElement('p');
    p.className = 'marker';
    p.setAttribute('role', 'note');
    const sign = this.doc.createElement('span');
    sign.setAttribute('aria-hidden', 'true');
    sign.textContent = '⚠ ';
    const sr = this.doc.createElement('span');
    sr.className = 'sr';
    sr.textContent = `${t('markerWarning')} ${id} : `;
    const body = this.doc.createElement('span');
    body.className = 'body';
    body.textContent = text;
    p.append(sign, sr, body);
    shadow.appendChild(p);
    this.bodies.set(host, body);
    return host;
  }

  private setText(host: HTMLElement, text: string): void {
    const body = this.bodies.get(host);
    if (body) body.textContent = text;
  }
}
