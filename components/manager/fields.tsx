import type { ComponentChildren } from 'preact';
import { QUESTIONNAIRE_LABELS, type QuestionnaireId } from '../../lib/domain/questionnaires';
import { t } from './strings';

interface TextFieldProps {
  id: string;
  label: string;
  value: string;
  onInput(value: string): void;
  required?: boolean;
  error?: string | undefined;
  hint?: string;
  multiline?: boolean;
  type?: 'text' | 'email' | 'tel' | 'url' | 'date';
  inputMode?: 'numeric' | 'text';
  list?: string;
  autoComplete?: string;
}

/** Champ de texte étiqueté ; l'erreur et l'aide sont reliées par aria-describedby. */
export function TextField({ id, label, value, onInput, required, error, hint, multiline, type = 'text', inputMode, list, autoComplete }: TextFieldProps) {
  const describedBy = [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined;
  const common = {
    id,
    name: id,
    value,
    'aria-required': required ? true : undefined,
    'aria-invalid': error ? true : undefined,
    'aria-describedby': describedBy,
  };
  return (
    <div class="mgr-field">
      <label for={id}>
        {label}
        {required && <RequiredMark />}
      </label>
      {hint && (
        <p id={`${id}-hint`} class="mgr-hint">
          {hint}
        </p>
      )}
      {multiline ? (
        <textarea {...common} rows={4} onInput={(e) => onInput(e.currentTarget.value)} />
      ) : (
        <input {...common} type={type} inputMode={inputMode} list={list} autoComplete={autoComplete} onInput={(e) => onInput(e.currentTarget.value)} />
      )}
      <FieldError id={`${id}-error`} error={error} />
    </div>
  );
}

export function RequiredMark() {
  return (
    <span class="mgr-required">
      {' '}
      <span aria-hidden="true">*</span>
      <span class="sr-only">{t('requiredSuffix')}</span>
    </span>
  );
}

export function FieldError({ id, error }: { id: string; error?: string | undefined }) {
  if (!error) return null;
  return (
    <p id={id} class="mgr-field-error">
      {error}
    </p>
  );
}

export function Fieldset({ legend, children, class: cls }: { legend: ComponentChildren; children: ComponentChildren; class?: string }) {
  return (
    <fieldset class={`mgr-fieldset ${cls ?? ''}`}>
      <legend>{legend}</legend>
      {children}
    </fieldset>
  );
}

/** Les boutons d'un formulaire : enregistrer (inactif pendant l'écriture), et annuler quand le formulaire peut se refermer. */
export function FormButtons({ submit, busy, onCancel }: { submit: string; busy: boolean; onCancel?: (() => void) | undefined }) {
  return (
    <div class="mgr-buttons">
      <button type="submit" class="btn" disabled={busy}>
        {submit}
      </button>
      {onCancel && (
        <button type="button" class="btn secondary" onClick={onCancel}>
          {t('cancel')}
        </button>
      )}
    </div>
  );
}

interface QuestionnaireSelectProps {
  id: string;
  label: string;
  value: QuestionnaireId | '' | null | undefined;
  questionnaires: readonly QuestionnaireId[];
  /** Le questionnaire choisi, ou '' pour le premier choix « tous » (`all`). */
  onChange(value: QuestionnaireId | ''): void;
  /** Libellé d'un premier choix vide : tous les questionnaires. */
  all?: string;
}

/** Choix d'un questionnaire parmi ceux proposés, sous leur nom du domaine. */
export function QuestionnaireSelect({ id, label, value, questionnaires, onChange, all }: QuestionnaireSelectProps) {
  const chosen = (v: string): QuestionnaireId | '' => questionnaires.find((q) => q === v) ?? '';
  return (
    <div class="mgr-field">
      <label for={id}>{label}</label>
      <select id={id} value={value ?? ''} onChange={(e) => onChange(chosen(e.currentTarget.value))}>
        {all !== undefined && <option value="">{all}</option>}
        {questionnaires.map((q) => (
          <option key={q} value={q}>
            {QUESTIONNAIRE_LABELS[q]}
          </option>
        ))}
      </select>
    </div>
  );
}

/** Met le focus sur le premier champ en erreur d'un formulaire. */
export function focusFirstInvalid(form: HTMLFormElement | null): void {
  const el = form?.querySelector<HTMLElement>('[aria-invalid="true"]');
  el?.focus();
}
