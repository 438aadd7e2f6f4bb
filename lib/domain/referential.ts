/**
 * Changements du référentiel Convergence (issue 11 §3), purs et sans base : ce qu'est un changement qui
 * compte, en UN seul endroit. Une page (ou un fichier) montre un critère ; on le compare à ce que le
 * catalogue en savait. Compte : niveaux acceptables (minimum), nature (Obligation / Option), intitulé au-delà
 * des espaces, de la casse, des accents et de la ponctuation, libellés des niveaux, types de preuve attendus.
 * Ce que la page ne dit pas (champ absent) n'est jamais un changement : seul ce qui est connu des deux côtés
 * se compare. Une réponse donnée avant un changement est « à revoir » jusqu'à ce que la personne la revoie.
 */
import { formatLevel, parseLevel, sortLevels } from './levels';
import type { Level } from './levels';
import type { CriterionInput } from './schemas';
import type { Criterion, CriterionSnapshot, Provenance, ReferentialChange } from './schemas';
import { foldText } from '../text/normalize';

export const REFERENTIAL_ASPECTS = ['minimum', 'obligation', 'intitule', 'niveaux', 'preuves'] as const;
export type ReferentialAspect = (typeof REFERENTIAL_ASPECTS)[number];

/** Les mots de chaque sorte de changement, en français (outil en ligne de commande ; l'interface a les siens, traduits). */
export const ASPECT_LABELS_FR: Record<ReferentialAspect, string> = {
  minimum: 'minimum',
  obligation: 'nature (Obligation / Option)',
  intitule: 'intitulé',
  niveaux: 'libellés des niveaux',
  preuves: 'preuves attendues',
};

/** Historique borné : les plus anciens changements d'un critère sont oubliés au-delà. */
export const MAX_CHANGES = 5;

/** Un texte pour comparer des libellés : sans casse, accents, ponctuation ni espaces en trop. */
export function wording(s: string | undefined): string {
  return foldText(s)
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

const sameList = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((x, i) => x === b[i]);
const sortedWords = (xs: readonly string[]) => [...new Set(xs.map(wording))].sort();

/**
 * Le texte de chaque niveau (« Niveau 2 : Le produit… » → 2 → « le produit… »). Un libellé sans texte après le
 * nom du niveau (« Niveau 2 » seul, nom accessible d'un bouton) ne dit rien de son sens : il n'est pas comparé.
 */
function levelMeanings(labels: readonly string[]): Map<Level, string> {
  const out = new Map<Level, string>();
  for (const label of labels) {
    const level = parseLevel(label);
    const [, ...rest] = label.split(/\s[:–—-]\s|\s*:\s/);
    const meaning = wording(rest.join(' '));
    if (level && meaning) out.set(level, meaning);
  }
  return out;
}

/** Vrai si un niveau montré des deux côtés, avec son texte, a changé de sens. */
function labelsDiffer(before: readonly string[], after: readonly string[]): boolean {
  const a = levelMeanings(before);
  const b = levelMeanings(after);
  for (const [level, meaning] of b) if (a.has(level) && a.get(level) !== meaning) return true;
  return false;
}

/** Ce qu'un critère du catalogue dit aujourd'hui, en instantané. */
export function snapshotOf(c: Criterion): CriterionSnapshot {
  const s: CriterionSnapshot = { title: c.title, acceptableLevels: [...c.acceptableLevels], expectedEvidence: [...c.expectedEvidence] };
  if (c.obligationKnown !== false) s.obligation = c.obligation;
  if (c.kind === 'niveau' && c.options?.length) s.levelLabels = [...c.options];
  return s;
}

/** Ce qui a changé entre ce que le catalogue savait et ce que la page montre (seulement ce qui est connu des deux). */
export function compareCriterion(before: Criterion, input: CriterionInput): ReferentialAspect[] {
  const out: ReferentialAspect[] = [];
  const levels = input.acceptableLevels;
  if (levels !== undefined && !sameList(sortLevels(levels), sortLevels(before.acceptableLevels))) out.push('minimum');
  if (input.obligation !== undefined && before.obligationKnown !== false && input.obligation !== before.obligation) out.push('obligation');
  const title = input.title?.trim();
  if (title && before.title.trim() && wording(title) !== wording(before.title)) out.push('intitule');
  if (input.options?.length && (input.kind ?? before.kind) === 'niveau' && before.kind === 'niveau' && before.options?.length && labelsDiffer(before.options, input.options))
    out.push('niveaux');
  if (input.expectedEvidence?.length && before.expectedEvidence.length && !sameList(sortedWords(input.expectedEvidence), sortedWords(before.expectedEvidence))) out.push('preuves');
  return out;
}

/**
 * Le critère fusionné, avec le changement noté s'il y en a un qui compte (avant / après, date, source), et
 * « vu le » pour une page. L'historique reste borné à MAX_CHANGES.
 */
export function withReferentialChange(existing: Criterion | undefined, merged: Criterion, input: CriterionInput, source: Provenance): Criterion {
  const out: Criterion = { ...merged };
  // Des libellés sans texte (« Niveau 2 » seul, nom accessible d'un autre balisage) n'effacent pas ceux qui disaient le sens.
  if (existing?.options?.length && input.options?.length && existing.kind === 'niveau' && levelMeanings(input.options).size === 0 && levelMeanings(existing.options).size > 0)
    out.options = existing.options;
  const seenAt = source.kind === 'page' ? source.at.slice(0, 10) : existing?.seenAt;
  let changes = existing?.changes;
  const aspects = existing ? compareCriterion(existing, input) : [];
  if (existing && aspects.length) changes = [...(changes ?? []), { at: source.at, source, aspects, before: snapshotOf(existing), after: snapshotOf(out) }].slice(-MAX_CHANGES);
  // Toujours dans le même ordre (seenAt puis changes) : une comparaison champ à champ sérialisée reste stable.
  if (seenAt) out.seenAt = seenAt;
  if (changes?.length) out.changes = changes;
  return out;
}

/** Le dernier changement qu'une réponse n'a pas vu (donnée avant, pas revue depuis), ou null. */
export function pendingChange(c: Pick<Criterion, 'changes'> | undefined, answer: { id: string; updatedAt: string }): ReferentialChange | null {
  const changes = c?.changes ?? [];
  for (let i = changes.length - 1; i >= 0; i--) {
    const ch = changes[i]!;
    if (ch.at <= answer.updatedAt) return null;
    if (!ch.reviewed?.includes(answer.id)) return ch;
  }
  return null;
}

/** Les changements d'un critère marqués revus pour ces réponses (« J'ai revu »). */
export function markReviewed(c: Criterion, answerIds: readonly string[]): Criterion {
  if (!c.changes?.length) return c;
  return {
    ...c,
    changes: c.changes.map((ch) => {
      const reviewed = new Set(ch.reviewed ?? []);
      answerIds.forEach((id) => reviewed.add(id));
      return { ...ch, reviewed: [...reviewed].slice(-5000) };
    }),
  };
}

/** Ce que la page montre, en instantané (champs inconnus repris du catalogue). */
export function snapshotOfInput(existing: Criterion, input: CriterionInput): CriterionSnapshot {
  const s = snapshotOf(existing);
  if (input.title?.trim()) s.title = input.title.trim();
  if (input.obligation !== undefined) s.obligation = input.obligation;
  if (input.acceptableLevels !== undefined) s.acceptableLevels = sortLevels(input.acceptableLevels);
  if (input.options?.length && existing.kind === 'niveau') s.levelLabels = [...input.options];
  if (input.expectedEvidence?.length) s.expectedEvidence = [...input.expectedEvidence];
  return s;
}

/** Pourquoi un niveau enregistré ne doit pas être rempli après un changement, ou null s'il peut l'être. */
export type FillHold =
  | { code: 'minimum'; level: Level; acceptable: Level[] }
  | { code: 'niveaux'; level: Level };

/**
 * Un niveau enregistré sous l'ancien référentiel : refusé si les niveaux acceptables ont changé et ne le
 * contiennent plus, ou si les libellés des niveaux ont changé de sens (le même numéro ne dit plus la même chose).
 */
export function fillHold(aspects: readonly ReferentialAspect[], after: CriterionSnapshot, level: Level): FillHold | null {
  if (aspects.includes('niveaux')) return { code: 'niveaux', level };
  if (aspects.includes('minimum') && after.acceptableLevels.length > 0 && !after.acceptableLevels.includes(level)) return { code: 'minimum', level, acceptable: after.acceptableLevels };
  return null;
}

/** « 2 », « 2 ou 3 », « NA, 2 ou 3 » : les niveaux tels qu'une personne les lit. */
export function levelsText(levels: readonly Level[], scale?: Criterion['scale']): string {
  const xs = levels.map((l) => formatLevel(l, scale));
  return xs.length <= 1 ? (xs[0] ?? '') : `${xs.slice(0, -1).join(', ')} ou ${xs[xs.length - 1]}`;
}
