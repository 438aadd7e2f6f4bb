/**
 * Les pièces communes des parcours « fichier → aperçu → confirmer ou annuler » (import, restauration) :
 * écrites une fois, pour que les deux gardent la même accessibilité (libellé et erreur reliés, titre de
 * l'aperçu qui reçoit le focus, tableau légendé aux en-têtes de colonnes).
 */
import type { ComponentChildren, RefObject } from 'preact';
import { useRef, useState } from 'preact/hooks';
import { FieldError } from './fields';
import { t } from './strings';

/**
 * Le fichier choisi : take() le rend, ou dit « aucun fichier » sous le champ et y met le focus ; clear() vide
 * le champ (un nouveau champ est rendu). onChange : un autre fichier choisi, l'aperçu précédent ne vaut plus.
 */
export function useFileChoice(onChange: () => void) {
  const [error, setError] = useState('');
  const [inputKey, setInputKey] = useState(0);
  const inputRef = useRef<HTMLInputElement>(null);
  return {
    inputRef,
    inputKey,
    take(): File | undefined {
      const file = inputRef.current?.files?.[0];
      setError(file ? '' : t('errNoFile'));
      if (!file) inputRef.current?.focus();
      return file;
    },
    clear: () => setInputKey((k) => k + 1),
    field: {
      inputKey,
      inputRef,
      error,
      onChange: () => {
        onChange();
        setError('');
      },
    },
  };
}

interface FileFieldProps {
  id: string;
  label: string;
  accept: string;
  /** Changé pour vider le champ (un nouveau champ est rendu). */
  inputKey: number;
  inputRef: RefObject<HTMLInputElement>;
  error: string;
  onChange(): void;
  /** Le bouton qui demande l'aperçu (envoi du formulaire). */
  submitLabel: string;
  busy: boolean;
}

/** Champ fichier étiqueté, son erreur reliée par aria-describedby, puis le bouton qui demande l'aperçu. */
export function FileField({ id, label, accept, inputKey, inputRef, error, onChange, submitLabel, busy }: FileFieldProps) {
  return (
    <>
      <div class="mgr-field">
        <label for={id}>{label}</label>
        <input
          key={inputKey}
          ref={inputRef}
          id={id}
          type="file"
          accept={accept}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? `${id}-error` : undefined}
          onChange={onChange}
        />
        <FieldError id={`${id}-error`} error={error} />
      </div>
      <div class="mgr-buttons">
        <button type="submit" class="btn secondary" disabled={busy}>
          {submitLabel}
        </button>
      </div>
    </>
  );
}

interface PreviewSectionProps {
  id: string;
  title: string;
  /** Le titre reçoit le focus quand l'aperçu paraît. */
  headingRef: RefObject<HTMLHeadingElement>;
  children: ComponentChildren;
}

/** L'aperçu : une section nommée par son titre. */
export function PreviewSection({ id, title, headingRef, children }: PreviewSectionProps) {
  return (
    <section class="mgr-preview" aria-labelledby={id}>
      <h4 id={id} ref={headingRef} tabIndex={-1}>
        {title}
      </h4>
      {children}
    </section>
  );
}

interface PreviewTableProps {
  caption: string;
  columns: readonly string[];
  children: ComponentChildren;
}

/** Tableau de l'aperçu : légende, en-têtes de colonnes (scope="col") ; les lignes viennent de l'appelant. */
export function PreviewTable({ caption, columns, children }: PreviewTableProps) {
  return (
    <div class="mgr-table-wrap">
      <table class="mgr-table">
        <caption>{caption}</caption>
        <thead>
          <tr>
            {columns.map((c) => (
              <th key={c} scope="col">
                {c}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>{children}</tbody>
      </table>
    </div>
  );
}

interface ConfirmButtonsProps {
  busy: boolean;
  confirmLabel: string;
  /** Restaurer remplace toute la bibliothèque : bouton « danger ». */
  danger?: boolean;
  onConfirm(): void;
  onCancel(): void;
}

/** Confirmer (écrire) ou annuler l'aperçu. */
export function ConfirmButtons({ busy, confirmLabel, danger, onConfirm, onCancel }: ConfirmButtonsProps) {
  return (
    <div class="mgr-buttons">
      <button type="button" class={danger ? 'btn danger' : 'btn'} disabled={busy} onClick={onConfirm}>
        {confirmLabel}
      </button>
      <button type="button" class="btn secondary" disabled={busy} onClick={onCancel}>
        {t('cancel')}
      </button>
    </div>
  );
}
