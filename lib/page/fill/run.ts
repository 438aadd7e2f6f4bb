/**
 * Remplit une page entière par tours : un tour lit la page, remplit tout ce qui est visible (engine.ts : gestes
 * groupés, une attente, une visite, une relecture), puis le tour suivant relit la page pour les questions
 * révélées par une réponse (orientation) et les sections rendues tard, remplies à leur tour.
 */
import type { PageRecognition } from '../by-kind/recognise';
import type { FillSource } from '../plan/fill-plan';
import { wantedFor } from '../plan/fill-plan';
import { readPage } from '../by-kind/read';
import { fillTargets, mergeUndo, sameValue, type FillReportEntry, type FillTarget, type UndoEntry } from './engine';
import { criterionTargets, formFieldTargets } from './targets';
import type { PageModel } from '../model/page';

export function targetsOf(model: PageModel): FillTarget[] {
  if (model.type === 'criteria') return model.criteria.flatMap(criterionTargets);
  if (model.type === 'form') return formFieldTargets(model.fields, model.form);
  return [];
}

/** Attend une mutation du document (au plus `ms` millisecondes). Rend vrai s'il y en a eu une. */
function nextMutation(doc: Document, ms: number): Promise<boolean> {
  return new Promise((resolve) => {
    const obs = new MutationObserver(() => {
      obs.disconnect();
      clearTimeout(timer);
      resolve(true);
    });
    const timer = setTimeout(() => {
      obs.disconnect();
      resolve(false);
    }, ms);
    obs.observe(doc.documentElement, { childList: true, subtree: true });
  });
}

interface PageFillResult {
  report: FillReportEntry[];
  undo: UndoEntry[];
  /** La dernière lecture de la page (pour expliquer un remplissage sans effet, sans relire). */
  model: PageModel;
}

/**
 * Observe les changements de structure de la page (éléments ajoutés ou retirés) pendant un tour : sans eux, pas de
 * question révélée ni de contrôle remplacé, et la relecture de toute la page peut être évitée. Nos propres hôtes
 * d'interface (<assistant-convergence…>) ne comptent pas.
 */
function watchStructure(doc: Document): { changed(): boolean; stop(): void } {
  let changed = false;
  const isElement = (n: Node) => n.nodeType === 1 && !(n as Element).tagName.startsWith('ASSISTANT-CONVERGENCE');
  const see = (records: MutationRecord[]) => {
    if (!changed) changed = records.some((r) => Array.from(r.addedNodes).some(isElement) || Array.from(r.removedNodes).some(isElement));
  };
  const obs = new MutationObserver(see);
  obs.observe(doc.documentElement, { childList: true, subtree: true });
  return {
    changed() {
      see(obs.takeRecords());
      return changed;
    },
    stop: () => obs.disconnect(),
  };
}

export async function fillPage(
  doc: Document,
  recognition: PageRecognition,
  src: FillSource,
  opts: { overwrite?: ReadonlySet<string>; only?: ReadonlySet<string>; maxRounds?: number; waitMs?: number } = {},
): Promise<PageFillResult> {
  // Une entrée par clé : un tour suivant remplace celle d'un tour précédent (champ repris).
  const report = new Map<string, FillReportEntry>();
  let undo: UndoEntry[] = [];
  const done = new Set<string>();
  let lastWanted = new Map<string, { value: string | string[]; label: string }>();
  let model: PageModel = { type: 'none' };
  let structure: ReturnType<typeof watchStructure> | null = null;
  try {
    for (let round = 0; round < (opts.maxRounds ?? 12); round++) {
      // Un tour précédent qui n'a rien ajouté ni retiré de la page, et plus rien d'attendu : inutile de relire.
      if (structure && !structure.changed() && [...lastWanted.keys()].every((k) => done.has(k))) break;
      structure?.stop();
      // Une lecture de toute la page par tour : elle trouve les questions révélées et les sections rendues tard,
      // et vérifie que chaque champ rempli au tour précédent tient toujours sa valeur (contrôle remplacé par un rendu).
      model = readPage(doc, recognition).model;
      structure = watchStructure(doc);
      const wanted = wantedFor(model, src);
      if (opts.only) for (const k of [...wanted.keys()]) if (!opts.only.has(k)) wanted.delete(k);
      lastWanted = wanted;
      const all = targetsOf(model).filter((t) => wanted.has(t.key));
      for (const t of all) {
        if (done.has(t.key) && report.get(t.key)?.status === 'filled' && !sameValue(t.read(), wanted.get(t.key)!.value)) done.delete(t.key);
      }
      const targets = all.filter((t) => !done.has(t.key));
      if (targets.length === 0) {
        // Plus rien à remplir de visible : si des valeurs attendent encore leur champ, laisser la page en révéler.
        const pending = [...wanted.keys()].some((k) => !done.has(k));
        if (!pending || !(await nextMutation(doc, opts.waitMs ?? 250))) break;
        structure.stop();
        structure = null; // la page a changé : relire
        continue;
      }
      const subset = new Map(targets.map((t) => [t.key, wanted.get(t.key)!]));
      const r = await fillTargets(targets, subset, { overwrite: opts.overwrite });
      for (const e of r.report) {
        done.add(e.key);
        // Un champ repris garde son premier statut « rempli » s'il ne change plus rien maintenant.
        if (!(e.status === 'unchanged' && report.get(e.key)?.status === 'filled')) report.set(e.key, e);
      }
      undo = mergeUndo(undo, r.undo);
    }
  } finally {
    structure?.stop();
  }
  for (const [key, w] of lastWanted) {
    if (!done.has(key)) {
      report.set(key, { key, label: w.label, status: 'not-found', pageValue: '', libraryValue: Array.isArray(w.value) ? w.value.join(' ; ') : w.value, detail: 'Champ absent de la page.' });
    }
  }
  return { report: [...report.values()], undo, model };
}
