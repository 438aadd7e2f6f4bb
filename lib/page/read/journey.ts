/**
 * Où en est la démarche, d'après ce que la page affiche (issue 11 § 4) : le fil des étapes (« Étape 1 Fiche
 * administrative (complétée) — Étape 2 Convention (en attente) — Étape 3 Questionnaires », guide 4.3 et 5.1),
 * et sur la page des dossiers : les références de dossier d'évaluation et le dossier candidat. Le statut est
 * rendu tel qu'affiché ; ce que la page ne montre pas n'est pas rendu (jamais supposé).
 */
import { visibleText } from '../dom/name';
import { isHiddenElement } from './signals';
import { foldText } from '../../text/normalize';

interface ShownStep {
  /** Tel qu'affiché (« complétée », « En attente », « ✓ »). */
  status: string;
  done: boolean;
}

interface ShownJourney {
  fiche?: ShownStep;
  convention?: ShownStep;
  dossier?: ShownStep;
  candidature?: ShownStep;
}

const STEP = /[ÉéEe]tape\s*(\d)\s*[:.\-–]?\s*(Fiche administrative|Convention|Questionnaires)\s*(?:\(([^)]{1,60})\)|(✓|✔)|(\?))?/gi;
const DONE = /^(complete|completee|transmise|validee|terminee?|faite?|✓|✔)$/;
const DOSSIER_REF = /\bN\d{10,20}\b/g;

/** Le plus petit bloc visible qui porte tout le fil des étapes. */
function stepperText(root: Element): string | null {
  let best: string | null = null;
  for (const el of Array.from(root.querySelectorAll('ol,ul,nav,[role="list"],p,div'))) {
    // Les conteneurs de toute la page sont écartés par la longueur brute (native), avant le texte visible,
    // qui parcourrait chaque fois tout leur sous-arbre : la lecture resterait quadratique sur une grande page.
    if ((el.textContent?.length ?? 0) > 4000) continue;
    const text = visibleText(el);
    if (text.length > 400 || (best !== null && text.length >= best.length)) continue;
    const f = foldText(text);
    if (!/etape\s*1/.test(f) || !f.includes('fiche administrative') || !f.includes('convention')) continue;
    if (isHiddenElement(el)) continue;
    best = text;
  }
  return best;
}

function stepStatus(m: RegExpExecArray): ShownStep | null {
  const raw = (m[3] ?? m[4] ?? m[5] ?? '').trim();
  if (!raw) return null;
  return { status: raw, done: DONE.test(foldText(raw)) };
}

/** Le premier texte visible de `root` dont la forme repliée commence par `start`. */
function sentence(root: Element, start: RegExp): string | null {
  for (const el of Array.from(root.querySelectorAll('p,li,td,div,span,strong'))) {
    if (el.querySelector('p,li,div')) continue;
    const text = visibleText(el).trim();
    if (text.length > 300 || !start.test(foldText(text)) || isHiddenElement(el)) continue;
    return text;
  }
  return null;
}

/** Le fil des étapes (toute page de la démarche qui l'affiche) et, sur la page des dossiers, dossier et candidature. */
export function readShownJourney(root: Element, opts: { dossierPage: boolean }): ShownJourney {
  const out: ShownJourney = {};
  const stepper = stepperText(root);
  if (stepper) {
    for (const m of stepper.matchAll(STEP)) {
      const s = stepStatus(m);
      const which = foldText(m[2] ?? '');
      if (!s) continue;
      if (which === 'fiche administrative') out.fiche ??= s;
      else if (which === 'convention') out.convention ??= s;
    }
  }
  if (!opts.dossierPage) return out;
  const refs = new Set<string>();
  for (const cell of Array.from(root.querySelectorAll('th,td'))) {
    if (isHiddenElement(cell)) continue;
    for (const m of visibleText(cell).matchAll(DOSSIER_REF)) refs.add(m[0]);
  }
  if (refs.size > 0) out.dossier = { status: [...refs].join(', ').slice(0, 300), done: true };
  else {
    const none = sentence(root, /^aucun dossier d'evaluation/);
    if (none) out.dossier = { status: none, done: false };
  }
  const referenced = sentence(root, /^felicitations ! votre produit a ete reference/);
  const candidate = sentence(root, /^vous candidatez avec le dossier/);
  if (referenced || candidate) out.candidature = { status: (referenced ?? candidate)!, done: true };
  return out;
}
