/**
 * LE lecteur des zones de dépôt de preuves, seul endroit où se décident les bornes d'une zone, le nom de son
 * type de preuve, ses fichiers déposés et les preuves confidentielles de l'éditeur producteur. Il sert aux
 * critères (Éthique), aux pages de dépôt (RGPD, Sécurité échanges), au résumé du panneau et à la garde.
 * Ce qu'une personne voit (rôles, noms accessibles, titres), jamais de classe CSS.
 */
import { accessibleName, buttonText, visibleText } from '../dom/name';
import type { PageEvidenceZone, PageModel } from '../model/page';
import { isHiddenElement } from './signals';
import { foldText } from '../../text/normalize';

/** Une zone de dépôt lue sur la page : son élément, et les preuves confidentielles du producteur qu'elle annonce. */
export interface DepositZone extends PageEvidenceZone {
  input: HTMLInputElement;
  zone: Element;
  /** Nombre de preuves confidentielles de l'éditeur producteur annoncées dans la zone. */
  producerFiles: number;
}

const FILE_INPUT = 'input[type="file"]';
/** Titre de page ou de section : une zone ne l'englobe jamais (sinon, seule zone d'une page, elle serait toute la page). */
const PAGE_HEADING = 'h1,h2,[role="heading"][aria-level="1"],[role="heading"][aria-level="2"]';
const FILE_NAME = /[^\s/\\«»"]+\.(?:pdf|docx?|xlsx?|ods|odt|pptx?|png|jpe?g|gif|zip|zed|txt|csv|xml|json|html?)\b/gi;
/** « Charger : », « Déposer un fichier pour », « Choisir des documents — »… : le verbe du bouton, pas le type. */
const UPLOAD_VERB = /^(charger|d[eé]poser|ajouter|joindre|parcourir|choisir)(?=$|[\s:—-])(\s+(un|une|des|les?|la))?(\s+(fichiers?|preuves?|documents?))?\s*(:|pour|—|-)?\s*/i;

/** Le groupe nommé (role="group", role="region", fieldset) propre à ce champ fichier, s'il y en a un dans `limit`. */
function namedGroup(input: HTMLInputElement, limit: Element): Element | null {
  const group = input.parentElement?.closest('[role="group"],[role="region"],fieldset');
  return group && group !== limit && limit.contains(group) && group.querySelectorAll(FILE_INPUT).length === 1 ? group : null;
}

/**
 * La zone d'un champ fichier : le groupe nommé qui ne contient que lui ; sinon le plus grand ancêtre qui ne
 * contient que ce champ fichier, sans atteindre `limit` ni englober un titre de niveau 1 ou 2.
 * (Réunit les deux heuristiques d'avant : le groupe nommé de la lecture des critères, et l'arrêt aux titres de
 * la garde, qui seul bornait correctement la zone unique d'une page de dépôt.)
 */
function zoneOf(input: HTMLInputElement, limit: Element): Element {
  const group = namedGroup(input, limit);
  if (group) return group;
  let zone: Element = input;
  for (let p = input.parentElement; p && p !== limit && limit.contains(p); p = p.parentElement) {
    if (p.querySelectorAll(FILE_INPUT).length > 1 || p.querySelector(PAGE_HEADING)) break;
    zone = p;
  }
  return zone;
}

/**
 * Le type de preuve d'une zone : le nom de son groupe (titre visible de la zone), sinon le nom du champ sans le
 * verbe du bouton (« Charger : AIPD »), sinon le premier titre de la zone, sinon « Preuve ».
 */
function zoneTypeOf(input: HTMLInputElement, zone: Element): string {
  if (zone !== input && zone.matches('[role="group"],[role="region"],fieldset')) {
    const legend = zone.tagName === 'FIELDSET' ? zone.querySelector(':scope > legend') : null;
    const name = legend ? visibleText(legend) : accessibleName(zone);
    if (name) return name;
  }
  const own = accessibleName(input).replace(UPLOAD_VERB, '').trim();
  if (own) return own;
  const heading = zone.querySelector('h2,h3,h4,h5,h6,[role="heading"],legend,strong');
  return (heading ? visibleText(heading) : '') || 'Preuve';
}

/** Noms des fichiers déposés dans une zone : les boutons « Archiver … », sinon les noms de fichiers affichés, hors « preuves archivées ». */
function depositedFiles(zone: Element): string[] {
  const names = new Set<string>();
  for (const b of Array.from(zone.querySelectorAll('button,[role="button"]'))) {
    const m = /^archiver\s+(.+)$/i.exec(buttonText(b));
    if (m?.[1]) names.add(m[1].trim());
  }
  if (names.size === 0) {
    for (const li of Array.from(zone.querySelectorAll('li,td,p,span'))) {
      if (li.closest('details') && /archiv/i.test(li.closest('details')?.textContent ?? '')) continue;
      if (li.children.length > 2) continue;
      for (const m of visibleText(li).matchAll(FILE_NAME)) names.add(m[0]);
    }
  }
  return [...names];
}

/** « Preuves de l'éditeur producteur (confidentielles) : 2 fichiers ». */
function producerFileCount(zone: Element): number {
  const m = /preuves? de l'editeur producteur[^:]*:\s*(\d+)/.exec(foldText(visibleText(zone)));
  return m?.[1] ? Number(m[1]) : 0;
}

/**
 * Toutes les zones de dépôt visibles de `root` qui ont un champ fichier (un dépôt unique confirmé n'en a plus :
 * il a son fichier). Une zone est masquée si elle l'est elle-même : un champ fichier caché sous un bouton
 * « Charger » visible (pratique courante) garde sa zone.
 */
export function readDepositZones(root: Element, limit: Element = root): DepositZone[] {
  const out: DepositZone[] = [];
  for (const input of Array.from(root.querySelectorAll<HTMLInputElement>(FILE_INPUT))) {
    const zone = zoneOf(input, limit);
    if (isHiddenElement(zone === input ? (input.parentElement ?? input) : zone)) continue;
    out.push({ type: zoneTypeOf(input, zone), input, zone, files: depositedFiles(zone), locked: input.disabled, producerFiles: producerFileCount(zone) });
  }
  return out;
}

/** Preuves confidentielles du producteur d'une zone lue par readDepositZones (0 pour une zone construite ailleurs). */
function producerFilesOf(z: PageEvidenceZone): number {
  return 'producerFiles' in z && typeof z.producerFiles === 'number' ? z.producerFiles : 0;
}

/**
 * Une zone a sa preuve : un fichier déposé, des preuves confidentielles du producteur, ou un dépôt confirmé
 * (champ désactivé : plus rien ne peut y être déposé). Règle unique de la garde et du résumé.
 */
export function zoneHasEvidence(z: PageEvidenceZone): boolean {
  return z.files.length > 0 || z.locked || producerFilesOf(z) > 0;
}

/** Les zones de dépôt d'une page lue : celles de ses critères, ou celles d'une page de dépôt. */
export function evidenceZonesOf(model: PageModel): PageEvidenceZone[] {
  if (model.type === 'criteria') return model.criteria.flatMap((c) => c.evidence);
  return model.type === 'deposits' ? model.zones : [];
}

/** Les types de preuve qu'une page attend encore : zone avec un champ de fichier et sans fichier déposé. */
export function missingEvidenceTypes(model: PageModel): string[] {
  return [...new Set(evidenceZonesOf(model).filter((z) => z.input && !zoneHasEvidence(z)).map((z) => z.type))];
}
