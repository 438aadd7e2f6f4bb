import type { ComponentChildren } from 'preact';
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

/** Met le focus sur le premier champ en erreur d'un formulaire. */
export function focusFirstInvalid(form: HTMLFormElement | null): void {
  const el = form?.querySelector<HTMLElement>('[aria-invalid="true"]');
  el?.focus();
}
