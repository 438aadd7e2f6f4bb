/** Valeurs de réponse : écriture en français, lecture tolérante (partagée par la page et les imports), comparaison. */
import { formatConformity, formatLevel, parseConformity, parseLevel } from './levels';
import type { LevelScale } from './levels';
import type { Answer, AnswerInput, AnswerValue, CriterionKind, EvidenceRef } from './schemas';
import { normalizeText } from './text';

export function formatAnswerValue(value: AnswerValue | null, scale: LevelScale = 'niveau'): string {
  if (!value) return '';
  switch (value.kind) {
    case 'niveau':
      return formatLevel(value.level, scale);
    case 'conformite':
      return formatConformity(value.conformity);
    case 'choix':
      return value.choices.join(' ; ');
    case 'texte':
      return value.text;
    case 'preuves':
      return 'Documents déposés';
  }
}

type ValueParse = { ok: true; value: AnswerValue | null } | { ok: false; reason: string };

/**
 * Lit le texte d'une réponse pour un critère de nature connue. Sans nature, un niveau ou une conformité est
 * reconnu ; le reste est refusé (l'appelant décide de ce que vaut un texte inconnu).
 */
export function parseAnswerValue(input: string, kind?: CriterionKind): ValueParse {
  const raw = input.trim();
  if (!raw) return { ok: true, value: null };
  switch (kind) {
    case 'niveau': {
      const level = parseLevel(raw);
      return level ? { ok: true, value: { kind: 'niveau', level } } : { ok: false, reason: `niveau inconnu « ${raw} »` };
    }
    case 'conformite': {
      const c = parseConformity(raw);
      return c ? { ok: true, value: { kind: 'conformite', conformity: c } } : { ok: false, reason: `conformité inconnue « ${raw} » (attendu : Conforme ou Non conforme)` };
    }
    case 'choix-unique':
    case 'choix-multiple':
      return { ok: true, value: { kind: 'choix', choices: splitChoices(raw) } };
    case 'texte':
      return { ok: true, value: { kind: 'texte', text: raw } };
    case 'preuves':
      return { ok: true, value: { kind: 'preuves' } };
    case undefined: {
      const level = parseLevel(raw);
      if (level) return { ok: true, value: { kind: 'niveau', level } };
      const c = parseConformity(raw);
      if (c) return { ok: true, value: { kind: 'conformite', conformity: c } };
      if (normalizeText(raw) === 'documents deposes') return { ok: true, value: { kind: 'preuves' } };
      return { ok: false, reason: `réponse non reconnue « ${raw} » (niveau ou conformité attendu)` };
    }
  }
}

export function splitChoices(raw: string): string[] {
  return raw
    .split(/\s*;\s*|\n/)
    .map((s) => s.trim())
    .filter(Boolean);
}

/** Nature de critère qu'implique une valeur (quand un fichier donne des réponses sans la nature du critère). */
export function kindOfValue(value: AnswerValue): CriterionKind {
  switch (value.kind) {
    case 'niveau':
      return 'niveau';
    case 'conformite':
      return 'conformite';
    case 'choix':
      return value.choices.length > 1 ? 'choix-multiple' : 'choix-unique';
    case 'texte':
      return 'texte';
    case 'preuves':
      return 'preuves';
  }
}

/** « Type : nom.pdf (sha256:abcd…) », une par ligne. */
export function formatEvidenceRefs(refs: readonly EvidenceRef[]): string {
  return refs
    .map((r) => `${r.evidenceType ? `${r.evidenceType} : ` : ''}${r.name}${r.hash ? ` (sha256:${r.hash})` : ''}`)
    .join('\n');
}

export function parseEvidenceRefs(raw: string): EvidenceRef[] {
  return raw
    .split(/\n|\s;\s/)
    .map((l) => l.trim())
    .filter(Boolean)
    .map((line) => {
      const hashMatch = /\s*\(sha256:([0-9a-f]{64})\)$/.exec(line);
      const body = hashMatch ? line.slice(0, hashMatch.index) : line;
      const sep = body.indexOf(' : ');
      const ref: EvidenceRef =
        sep >= 0 ? { evidenceType: body.slice(0, sep).trim(), name: body.slice(sep + 3).trim() } : { evidenceType: '', name: body };
      if (hashMatch?.[1]) ref.hash = hashMatch[1];
      return ref;
    });
}

export function sameValue(a: AnswerValue | null, b: AnswerValue | null): boolean {
  if (!a || !b) return a === b;
  if (a.kind !== b.kind) return false;
  switch (a.kind) {
    case 'niveau':
      return b.kind === 'niveau' && a.level === b.level;
    case 'conformite':
      return b.kind === 'conformite' && a.conformity === b.conformity;
    case 'choix':
      return b.kind === 'choix' && a.choices.join('\u0001') === b.choices.join('\u0001');
    case 'texte':
      return b.kind === 'texte' && a.text === b.text;
    case 'preuves':
      return true;
  }
}

/** Vrai quand deux réponses disent la même chose (valeur, commentaire, preuves, spécificité, date de revue) : rien à réécrire. */
export function sameAnswerContent(a: AnswerContent, b: AnswerContent): boolean {
  return (
    sameValue(a.value, b.value) &&
    a.comment === b.comment &&
    a.specificite === b.specificite &&
    a.validUntil === b.validUntil &&
    JSON.stringify(a.evidence.map(evKey).sort()) === JSON.stringify(b.evidence.map(evKey).sort())
  );
}

function evKey(r: EvidenceRef): string {
  return `${r.evidenceType}\u0001${r.name}\u0001${r.hash ?? ''}`;
}

export type AnswerContent = Pick<Answer, 'value' | 'comment' | 'evidence' | 'specificite' | 'validUntil'>;

/** Ce que dit une réponse une fois l'entrée appliquée sur l'enregistrée (un champ absent garde la valeur enregistrée : rien n'est effacé par omission). */
export function applyAnswerInput(existing: Answer | undefined, input: AnswerInput): AnswerContent {
  const out: AnswerContent = {
    value: input.value !== undefined ? input.value : (existing?.value ?? null),
    comment: input.comment ?? existing?.comment ?? '',
    evidence: input.evidence ?? existing?.evidence ?? [],
  };
  const spec = input.specificite ?? existing?.specificite;
  if (spec) out.specificite = spec;
  const until = input.validUntil ?? existing?.validUntil;
  if (until) out.validUntil = until;
  return out;
}
