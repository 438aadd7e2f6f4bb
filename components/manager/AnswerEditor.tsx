import { useEffect, useRef, useState } from 'preact/hooks';
import { LEVELS, formatConformity, formatLevel, formatLevelList, type Conformity, type Level } from '../../lib/domain/levels';
import type { AnswerValue, Criterion } from '../../lib/domain/schemas';
import { formatAnswerValue } from '../../lib/domain/values';
import { isIsoDate, isOwn, levelBelowMinimum } from '../../lib/library/answer-edit';
import type { ResponseOf } from '../../lib/messages/protocol';
import { isMandatory, natureOf } from '../../lib/rules/criterion-predicates';
import { useAction, useManager } from './context';
import { te } from './edit-strings';
import { FieldError } from './fields';
import type { Scope } from './types';

export type Resolved = ResponseOf<'answers.resolved'>['answers'][number];
export type EditContext = ResponseOf<'answers.editContext'>;

/** Identifiant sûr pour le DOM tiré d'une clé de critère (« interoperabilite/A08.5.23 »). */
export const domKey = (key: string) => key.replace(/[^A-Za-z0-9_-]/g, '_');

/** Ce qui se choisit pour la valeur : un niveau, une conformité, « sans réponse » ('') ; null : la valeur ne se modifie pas ici. */
type Choice = Level | Conformity | '';
type ValueKind = 'niveau' | 'conformite' | null;

function valueKind(r: Resolved, c: Criterion | undefined): ValueKind {
  const k = r.answer.value?.kind ?? c?.kind;
  return k === 'niveau' || k === 'conformite' ? k : null;
}

function choiceOf(v: AnswerValue | null): Choice {
  if (v?.kind === 'niveau') return v.level;
  if (v?.kind === 'conformite') return v.conformity;
  return '';
}

interface EditorProps {
  scope: Scope;
  row: Resolved;
  criterion: Criterion | undefined;
  context: EditContext;
  /** Fermé (enregistré ou annulé) : le focus revient au bouton « Modifier ». */
  onClose(): void;
}

/**
 * Édition d'une réponse en ligne (formulaire sous la ligne du tableau) : niveau ou conformité avec les niveaux
 * acceptables, le repère « sous le minimum » dès le choix (avant d'enregistrer), commentaire, « valide jusqu'au »,
 * marque « confidentiel ». Échap ou « Annuler » ferment sans rien écrire.
 */
export function AnswerEditor({ scope, row, criterion, context, onClose }: EditorProps) {
  const { send, author, announce, changed } = useManager();
  const [busy, run] = useAction();
  const kind = valueKind(row, criterion);
  const [choice, setChoice] = useState<Choice>(choiceOf(row.answer.value));
  const [comment, setComment] = useState(row.answer.comment);
  const [until, setUntil] = useState(row.answer.validUntil ?? '');
  const [confidential, setConfidential] = useState(context.confidential.includes(row.criterionKey));
  const [dateError, setDateError] = useState('');
  const heading = useRef<HTMLHeadingElement>(null);
  const id = row.answer.criterionId;
  const base = `mgr-edit-${domKey(row.criterionKey)}`;
  const scale = criterion?.scale ?? 'niveau';
  const acceptable = criterion?.acceptableLevels ?? [];
  const own = isOwn(row, scope.variantId);
  // La réponse telle qu'elle était à l'ouverture : une relecture (retour sur la page) ne doit pas effacer le contrôle.
  const [opened] = useState(() => ({ own, updatedAt: row.answer.updatedAt }));

  useEffect(() => heading.current?.focus(), []);

  const below = kind === 'niveau' && choice !== '' && levelBelowMinimum(criterion, choice as Level);
  const nonConforme = kind === 'conformite' && choice === 'non-conforme' && !!criterion && isMandatory(natureOf(criterion));
  const flag = below ? te('belowMinimum', { level: formatLevel(choice as Level, scale), levels: formatLevelList(acceptable) }) : nonConforme ? te('nonConformeMandatory') : '';

  const submit = (e: Event) => {
    e.preventDefault();
    if (until && !isIsoDate(until)) {
      setDateError(te('badDate'));
      document.getElementById(`${base}-until`)?.focus();
      return;
    }
    setDateError('');
    void run(async () => {
      const value: AnswerValue | null | undefined =
        kind === null ? undefined : choice === '' ? null : kind === 'niveau' ? { kind: 'niveau', level: choice as Level } : { kind: 'conformite', conformity: choice as Conformity };
      const r = await send('answers.edit', {
        ...scope,
        questionnaire: row.answer.questionnaire,
        criterionId: id,
        // « Sans réponse » n'est envoyé que là où il est proposé (rien d'hérité ne reviendrait).
        ...(value !== undefined && (choice !== '' || context.allowEmpty) ? { value } : {}),
        comment,
        validUntil: until,
        confidential,
        // Réponse propre montrée : refus si elle a changé depuis (une capture dans un autre onglet).
        ...(opened.own ? { expectedUpdatedAt: opened.updatedAt } : {}),
        author,
      });
      const wasConfidential = context.confidential.includes(row.criterionKey);
      const parts: string[] = [];
      if (r.outcome !== 'unchanged') parts.push(r.outcome === 'created' && !own ? te('savedCreated', { id }) : te('saved', { id }));
      if (r.confidential !== wasConfidential) parts.push(te(r.confidential ? 'confidentialOn' : 'confidentialOff', { id }));
      if (parts.length === 0) parts.push(te('unchanged', { id }));
      announce(parts.join(' '));
      changed();
      onClose();
    });
  };

  const options: { value: Choice; label: string; ok: boolean }[] =
    kind === 'niveau'
      ? LEVELS.map((l) => ({ value: l, label: formatLevel(l, scale), ok: acceptable.includes(l) }))
      : kind === 'conformite'
        ? (['conforme', 'non-conforme'] as const).map((c) => ({ value: c, label: formatConformity(c), ok: false }))
        : [];
  if (kind !== null && context.allowEmpty) options.push({ value: '', label: te('noAnswer'), ok: false });

  return (
    <form
      class="mgr-preview mgr-answer-editor"
      aria-labelledby={`${base}-title`}
      onSubmit={submit}
      onKeyDown={(e) => {
        if (e.key === 'Escape') {
          e.preventDefault();
          onClose();
        }
      }}
    >
      <h4 id={`${base}-title`} ref={heading} tabIndex={-1}>
        {te('editTitle', { id })}
      </h4>
      {criterion?.title && <p class="mgr-hint">{criterion.title}</p>}
      {!own && <p class="mgr-hint">{row.source === 'producteur' ? te('inheritedProducer') : te('inheritedFamily')}</p>}
      {kind !== null ? (
        <fieldset class="mgr-fieldset" aria-describedby={`${base}-levels ${base}-flag`}>
          <legend>{kind === 'niveau' ? te('levelLegend') : te('conformityLegend')}</legend>
          {kind === 'niveau' && (
            <p id={`${base}-levels`} class="mgr-hint">
              {acceptable.length ? te('acceptableLevels', { levels: formatLevelList(acceptable) }) : te('noMinimum')}
            </p>
          )}
          {options.map((o) => (
            <label key={o.value} class="mgr-block-label">
              <input type="radio" name={`${base}-value`} value={o.value} checked={choice === o.value} onChange={() => setChoice(o.value)} /> {o.label}
              {o.ok && <span class="mgr-count"> ✓ {te('acceptableMark')}</span>}
            </label>
          ))}
          {/* Annoncé dès le choix, avant d'enregistrer. */}
          <p id={`${base}-flag`} class="mgr-flag" aria-live="polite">
            {flag && <strong>{flag}</strong>}
          </p>
        </fieldset>
      ) : (
        <p>{te('valueFixed', { value: formatAnswerValue(row.answer.value, scale) || te('historyEmptyValue') })}</p>
      )}
      <div class="mgr-field">
        <label for={`${base}-comment`}>{te('comment')}</label>
        <textarea id={`${base}-comment`} rows={4} value={comment} onInput={(e) => setComment(e.currentTarget.value)} />
      </div>
      <div class="mgr-field">
        <label for={`${base}-until`}>{te('validUntil')}</label>
        <p id={`${base}-until-hint`} class="mgr-hint">
          {te('validUntilHint')}
        </p>
        <input
          id={`${base}-until`}
          type="date"
          value={until}
          aria-invalid={dateError ? true : undefined}
          aria-describedby={`${base}-until-hint${dateError ? ` ${base}-until-error` : ''}`}
          onInput={(e) => setUntil(e.currentTarget.value)}
        />
        <FieldError id={`${base}-until-error`} error={dateError} />
      </div>
      <label class="mgr-block-label">
        <input type="checkbox" checked={confidential} onChange={(e) => setConfidential(e.currentTarget.checked)} /> {te('confidential')}
      </label>
      <p>
        <button type="submit" class="btn" disabled={busy}>
          {te('save')}
        </button>{' '}
        <button type="button" class="btn secondary" onClick={onClose}>
          {te('cancel')}
        </button>
      </p>
    </form>
  );
}
