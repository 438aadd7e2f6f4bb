/**
 * Moteur de remplissage générique : une cible par champ de la page (niveau d'un critère, commentaire,
 * question d'orientation, champ de formulaire). Ne remplace jamais une valeur déjà saisie : elle est
 * signalée en conflit et peut être écrasée ensuite, à la demande. Chaque écriture est relue.
 */
import { foldText } from '../../text/normalize';

/** Valeur canonique d'un champ : texte, code (niveau « 2 », « conforme », libellé d'option), ou liste. */
export type FieldValue = string | string[];

export interface FillTarget {
  /** Clé stable, p. ex. « A08.5.23#niveau » ou « fiche#siret ». */
  key: string;
  /** Libellé pour le rapport (« A08.5.23 — niveau »). */
  label: string;
  /** Valeur actuelle de la page (null ou '' ou [] = vide). */
  read(): FieldValue | null;
  /** Écrit avec de vrais événements, en laissant la page réagir entre deux gestes ; rend faux si la page a refusé. */
  write(value: FieldValue): Promise<boolean>;
  /** Affichage d'une valeur dans le rapport. */
  display?(value: FieldValue | null): string;
  /** Vrai si la cible peut être vidée (les boutons radio ne le peuvent pas). */
  clearable: boolean;
}

export type FillStatus = 'filled' | 'identical' | 'conflict' | 'refused' | 'not-found';

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
 * minimale de setTimeout. Un humain ne clique jamais deux fois dans la même tâche.
 */
export function settle(): Promise<void> {
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

export function isEmptyValue(v: FieldValue | null): boolean {
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

/**
 * Remplit les cibles à partir des valeurs voulues (clé → valeur). Les cibles sans valeur voulue sont
 * ignorées ; les valeurs voulues sans cible sont rapportées « introuvable ».
 */
export async function fillTargets(
  targets: FillTarget[],
  wanted: Map<string, { value: FieldValue; label?: string }>,
  opts: { overwrite?: ReadonlySet<string> } = {},
): Promise<{ report: FillReportEntry[]; undo: UndoEntry[] }> {
  const report: FillReportEntry[] = [];
  const undo: UndoEntry[] = [];
  const seen = new Set<string>();
  for (const t of targets) {
    const want = wanted.get(t.key);
    if (!want) continue;
    seen.add(t.key);
    const before = t.read();
    const base = { key: t.key, label: want.label ?? t.label, pageValue: show(t, before), libraryValue: show(t, want.value) };
    if (sameValue(before, want.value)) {
      report.push({ ...base, status: 'identical' });
      continue;
    }
    if (!isEmptyValue(before) && !opts.overwrite?.has(t.key)) {
      report.push({ ...base, status: 'conflict', detail: 'Valeur déjà saisie sur la page, laissée telle quelle.' });
      continue;
    }
    const ok = await t.write(want.value);
    await settle();
    const after = t.read();
    if (ok && sameValue(after, want.value)) {
      undo.push({ key: t.key, label: t.label, previous: before, written: after });
      report.push({ ...base, status: 'filled', pageValue: show(t, after) });
    } else {
      if (!sameValue(after, before)) undo.push({ key: t.key, label: t.label, previous: before, written: after });
      report.push({ ...base, status: 'refused', pageValue: show(t, after), detail: 'La page n\'a pas accepté la valeur.' });
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

/** Rétablit ce que la page contenait avant un remplissage. Rend les clés qui n'ont pas pu l'être. */
export async function undoFill(
  targets: FillTarget[],
  undo: UndoEntry[],
): Promise<{ restored: string[]; impossible: { key: string; label: string; reason: string }[] }> {
  const byKey = new Map(targets.map((t) => [t.key, t]));
  const restored: string[] = [];
  const impossible: { key: string; label: string; reason: string }[] = [];
  for (const u of [...undo].reverse()) {
    const t = byKey.get(u.key);
    if (!t) {
      impossible.push({ key: u.key, label: u.label, reason: UNDO_GONE });
      continue;
    }
    if (!sameValue(t.read(), u.written)) {
      impossible.push({ key: u.key, label: u.label, reason: UNDO_CHANGED });
      continue;
    }
    if (isEmptyValue(u.previous) && !t.clearable) {
      impossible.push({ key: u.key, label: u.label, reason: UNDO_RADIO });
      continue;
    }
    const ok = await t.write(u.previous ?? (Array.isArray(t.read()) ? [] : ''));
    await settle();
    if (ok) restored.push(u.key);
    else impossible.push({ key: u.key, label: u.label, reason: UNDO_REFUSED });
  }
  return { restored, impossible };
}
