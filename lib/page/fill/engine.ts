/**
 * Moteur de remplissage générique : une cible par champ de la page (niveau d'un critère, commentaire,
 * question d'orientation, champ de formulaire). Ne remplace jamais une valeur déjà saisie : elle est
 * signalée en conflit et peut être écrasée ensuite, à la demande. Chaque écriture est relue.
 *
 * Ordre des gestes et des attentes (pourquoi c'est sûr, et rapide) :
 * 1. Plan : chaque cible est lue une fois ; identique, conflit (jamais écrasé) ou à écrire, avec ses gestes.
 * 2. Vague 1 : le premier geste de chaque champ, à la suite, dans la même tâche et dans l'ordre du document,
 *    chacun avec sa séquence complète d'événements (clic réel ; touches, valeur native, input, change). Des champs
 *    différents ne dépendent pas l'un de l'autre : la page les enregistre comme une frappe rapide, et son
 *    framework ne rend qu'une fois. Sans focus ni sortie de champ à ce stade (voir 4).
 * 3. Vagues suivantes : les gestes qui dépendent du rendu du précédent (plusieurs cases d'un même groupe dont le
 *    gestionnaire lit la liste du dernier rendu) sont rejoués vague par vague, avec une seule attente entre deux
 *    vagues : une tâche (settle), le temps que le framework rende — jamais un délai fixe ni une attente par champ.
 * 4. Une attente, puis la visite des champs écrits (focus, blur) : une validation « à la sortie du champ » lit
 *    alors l'état rendu, qui contient la valeur (dans la même tâche que la frappe, elle verrait l'ancien état).
 * 5. Une attente, puis une relecture de chaque champ écrit : la valeur tenue est « remplie ». Un champ qui ne la
 *    tient pas (page qui perd des mises à jour groupées, état partagé lu du dernier rendu) est repris seul, geste
 *    complet (focus, frappe, sortie) puis attente, un champ à la fois : lent, mais seulement pour ceux-là.
 * Les questions révélées par une réponse et les sections rendues tard sont l'affaire de run.ts : une nouvelle
 * lecture de la page, puis un nouveau tour pour elles seules.
 */
import { foldText } from '../../text/normalize';
import { visitControl } from './events';
import type { FieldValue } from '../plan/fill-plan';

/** Un geste synchrone (clic, frappe) avec sa séquence d'événements ; rend faux si la page l'a refusé. */
export interface Gesture {
  run(): boolean;
  /** Le même geste en entier pour une reprise champ par champ (focus, frappe, sortie), s'il diffère. */
  alone?(): boolean;
  /** Le contrôle touché, visité (focus, blur) une fois la page rendue. */
  control: HTMLElement;
}

export interface FillTarget {
  /** Clé stable, p. ex. « A08.5.23#niveau » ou « fiche#siret ». */
  key: string;
  /** Libellé pour le rapport (« A08.5.23 — niveau »). */
  label: string;
  /** Valeur actuelle de la page (null ou '' ou [] = vide). */
  read(): FieldValue | null;
  /**
   * Les gestes qui écrivent la valeur, dans l'ordre ; chacun dépend du rendu qui suit le précédent.
   * null : la page n'offre pas cette valeur (option absente).
   */
  gestures(value: FieldValue): Gesture[] | null;
  /** Affichage d'une valeur dans le rapport. */
  display?(value: FieldValue | null): string;
  /** Vrai si la cible peut être vidée (les boutons radio ne le peuvent pas). */
  clearable: boolean;
}

export type FillStatus = 'filled' | 'unchanged' | 'conflict' | 'refused' | 'not-found';

export interface FillReportEntry {
  key: string;
  label: string;
  status: FillStatus;
  pageValue: string;
  libraryValue: string;
  detail?: string;
}

export interface UndoEntry {
  key: string;
  label: string;
  previous: FieldValue | null;
  /** Ce que le remplissage a écrit : l'annulation ne touche pas un champ modifié depuis. */
  written: FieldValue | null;
}

/**
 * Laisse la page réagir (rendu de son framework, questions révélées) : une tâche, sans l'attente
 * minimale de setTimeout. Les rendus programmés en microtâche (Preact, React, Vue) sont faits avant.
 */
function settle(): Promise<void> {
  return new Promise((resolve) => {
    if (typeof MessageChannel === 'function') {
      const ch = new MessageChannel();
      ch.port1.onmessage = () => {
        ch.port1.close();
        resolve();
      };
      ch.port2.postMessage(0);
    } else setTimeout(resolve, 0);
  });
}

function isEmptyValue(v: FieldValue | null): boolean {
  return v === null || (typeof v === 'string' ? v.trim() === '' : v.length === 0);
}

export function sameValue(a: FieldValue | null, b: FieldValue | null): boolean {
  if (isEmptyValue(a) || isEmptyValue(b)) return isEmptyValue(a) && isEmptyValue(b);
  const norm = (v: FieldValue) => (typeof v === 'string' ? [foldText(v)] : v.map((x) => foldText(x)).sort());
  const x = norm(a as FieldValue);
  const y = norm(b as FieldValue);
  return x.length === y.length && x.every((v, i) => v === y[i]);
}

function show(t: FillTarget, v: FieldValue | null): string {
  if (t.display) return t.display(v);
  if (v === null) return '';
  return typeof v === 'string' ? v : v.join(' ; ');
}

/** Une écriture à faire : la cible, la valeur voulue, et ses gestes. */
interface Write {
  target: FillTarget;
  value: FieldValue;
  gestures: Gesture[];
  /** Faux dès qu'un geste a été refusé. */
  accepted: boolean;
}

/**
 * Écrit toutes les valeurs selon l'ordre décrit en tête de fichier ; rend, pour chaque écriture, si la page
 * tient la valeur à la fin. L'annulation et le remplissage passent par ici.
 */
async function applyWrites(writes: Write[]): Promise<Map<Write, boolean>> {
  // 2–3. Vagues : le k-ième geste de chaque champ, une attente entre deux vagues seulement.
  const depth = Math.max(0, ...writes.map((w) => w.gestures.length));
  for (let k = 0; k < depth; k++) {
    if (k > 0) await settle();
    for (const w of writes) {
      const g = w.gestures[k];
      if (g && !g.run()) w.accepted = false;
    }
  }
  // 4. Visite des champs écrits, une fois la page rendue (validations à la sortie du champ).
  await settle();
  const visited = new Set<HTMLElement>();
  for (const w of writes) {
    for (const g of w.gestures) {
      if (visited.has(g.control)) continue;
      visited.add(g.control);
      visitControl(g.control);
    }
  }
  // 5. Relecture ; reprise champ par champ de ce que la page n'a pas gardé.
  await settle();
  const held = new Map<Write, boolean>();
  for (const w of writes) held.set(w, w.accepted && sameValue(w.target.read(), w.value));
  for (const w of writes) {
    if (held.get(w) || w.gestures.length === 0) continue;
    const again = w.target.gestures(w.value);
    if (!again) continue;
    let ok = true;
    for (const g of again) {
      ok = (g.alone ?? g.run)() && ok;
      await settle();
    }
    held.set(w, ok && sameValue(w.target.read(), w.value));
  }
  return held;
}

/**
 * Remplit les cibles à partir des valeurs voulues (clé → valeur). Les cibles sans valeur voulue sont
 * ignorées ; les valeurs voulues sans cible sont rapportées « introuvable ».
 */
export async function fillTargets(
  targets: FillTarget[],
  wanted: Map<string, { value: FieldValue; label?: string }>,
  opts: { overwrite?: ReadonlySet<string> } = {},
): Promise<{ report: FillReportEntry[]; undo: UndoEntry[] }> {
  const seen = new Set<string>();
  // 1. Plan : chaque cible lue une fois, avant tout geste.
  const plan: { target: FillTarget; value: FieldValue; label: string; before: FieldValue | null; entry?: FillReportEntry; write?: Write }[] = [];
  for (const t of targets) {
    const want = wanted.get(t.key);
    if (!want) continue;
    seen.add(t.key);
    const before = t.read();
    const base = { key: t.key, label: want.label ?? t.label, pageValue: show(t, before), libraryValue: show(t, want.value) };
    const item: (typeof plan)[number] = { target: t, value: want.value, label: base.label, before };
    if (sameValue(before, want.value)) item.entry = { ...base, status: 'unchanged' };
    else if (!isEmptyValue(before) && !opts.overwrite?.has(t.key)) {
      item.entry = { ...base, status: 'conflict', detail: 'Valeur déjà saisie sur la page, laissée telle quelle.' };
    } else {
      const gestures = t.gestures(want.value);
      if (!gestures) item.entry = { ...base, status: 'refused', detail: "La page n'a pas accepté la valeur." };
      else item.write = { target: t, value: want.value, gestures, accepted: true };
    }
    plan.push(item);
  }
  const held = await applyWrites(plan.flatMap((p) => (p.write ? [p.write] : [])));

  const report: FillReportEntry[] = [];
  const undo: UndoEntry[] = [];
  for (const p of plan) {
    if (p.entry) {
      report.push(p.entry);
      continue;
    }
    const t = p.target;
    const after = t.read();
    const base = { key: t.key, label: p.label, pageValue: show(t, after), libraryValue: show(t, p.value) };
    if (held.get(p.write!)) {
      undo.push({ key: t.key, label: t.label, previous: p.before, written: after });
      report.push({ ...base, status: 'filled' });
    } else {
      if (!sameValue(after, p.before)) undo.push({ key: t.key, label: t.label, previous: p.before, written: after });
      report.push({ ...base, status: 'refused', detail: "La page n'a pas accepté la valeur." });
    }
  }
  for (const [key, w] of wanted) {
    if (!seen.has(key)) {
      report.push({ key, label: w.label ?? key, status: 'not-found', pageValue: '', libraryValue: typeof w.value === 'string' ? w.value : w.value.join(' ; '), detail: 'Champ absent de la page.' });
    }
  }
  return { report, undo };
}

/** Raisons pour lesquelles un champ n'est pas rétabli (clés stables, traduites par l'interface). */
export const UNDO_CHANGED = 'modifie-depuis';
export const UNDO_RADIO = 'choix-non-decochable';
export const UNDO_GONE = 'champ-absent';
export const UNDO_REFUSED = 'refuse';

/**
 * Fusionne les annulations de remplissages successifs sur la même page : pour un champ déjà rempli,
 * on garde la valeur d'avant le premier remplissage et ce que le dernier a écrit.
 */
export function mergeUndo(earlier: UndoEntry[], later: UndoEntry[]): UndoEntry[] {
  const byKey = new Map(earlier.map((u) => [u.key, u]));
  for (const u of later) {
    const first = byKey.get(u.key);
    byKey.set(u.key, first ? { ...first, written: u.written } : u);
  }
  return [...byKey.values()];
}

/** Rétablit ce que la page contenait avant un remplissage (mêmes vagues que le remplissage). Rend les clés qui n'ont pas pu l'être. */
export async function undoFill(
  targets: FillTarget[],
  undo: UndoEntry[],
): Promise<{ restored: string[]; impossible: { key: string; label: string; reason: string }[] }> {
  const byKey = new Map(targets.map((t) => [t.key, t]));
  const impossible: { key: string; label: string; reason: string }[] = [];
  const writes: { entry: UndoEntry; write: Write }[] = [];
  for (const u of [...undo].reverse()) {
    const t = byKey.get(u.key);
    if (!t) {
      impossible.push({ key: u.key, label: u.label, reason: UNDO_GONE });
      continue;
    }
    const now = t.read();
    if (!sameValue(now, u.written)) {
      impossible.push({ key: u.key, label: u.label, reason: UNDO_CHANGED });
      continue;
    }
    if (isEmptyValue(u.previous) && !t.clearable) {
      impossible.push({ key: u.key, label: u.label, reason: UNDO_RADIO });
      continue;
    }
    const value = u.previous ?? (Array.isArray(now) ? [] : '');
    const gestures = t.gestures(value);
    if (!gestures) {
      impossible.push({ key: u.key, label: u.label, reason: UNDO_REFUSED });
      continue;
    }
    writes.push({ entry: u, write: { target: t, value, gestures, accepted: true } });
  }
  const held = await applyWrites(writes.map((w) => w.write));
  const restored: string[] = [];
  for (const { entry, write } of writes) {
    if (held.get(write)) restored.push(entry.key);
    else impossible.push({ key: entry.key, label: entry.label, reason: UNDO_REFUSED });
  }
  return { restored, impossible };
}
