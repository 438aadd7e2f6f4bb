import { useEffect, useRef, useState } from 'preact/hooks';
import { QUESTIONNAIRES } from '../../lib/domain/questionnaires';
import type { Criterion } from '../../lib/domain/schemas';
import { filterRows, isIsoDate, type EditFilter } from '../../lib/library/answer-edit';
import type { ResponseOf } from '../../lib/messages/protocol';
import type { Resolved } from './AnswerEditor';
import { useAction, useManager } from './context';
import { te } from './edit-strings';
import { FieldError, QuestionnaireSelect } from './fields';
import { formatDate } from './files';
import type { Scope } from './types';

type Preview = ResponseOf<'answers.bulkEdit'>;
type ActionKind = 'validUntil' | 'replace';

interface BulkProps {
  scope: Scope;
  rows: readonly Resolved[];
  criteria: ReadonlyMap<string, Criterion>;
  today: string;
}

/**
 * Modifier plusieurs réponses : filtrer (questionnaire, à revoir, sous le minimum, périmé, texte), choisir les
 * critères (ou tous les filtrés), puis fixer une date de revue ou remplacer une phrase dans les commentaires.
 * L'aperçu liste chaque changement avant → après ; « Appliquer » écrit tout en UNE opération annulable.
 */
export function BulkEdit({ scope, rows, criteria, today }: BulkProps) {
  const { send, author, announce, changed } = useManager();
  const [busy, run] = useAction();
  const [open, setOpen] = useState(false);
  const [filter, setFilterState] = useState<EditFilter>({ questionnaire: '' });
  const [selected, setSelectedState] = useState<Set<string>>(new Set());
  const [action, setActionState] = useState<ActionKind>('validUntil');
  const [date, setDate] = useState('');
  const [find, setFind] = useState('');
  const [replace, setReplace] = useState('');
  const [errors, setErrors] = useState<{ selection?: string; date?: string; find?: string }>({});
  const [preview, setPreview] = useState<Preview | null>(null);
  const previewHeading = useRef<HTMLHeadingElement>(null);
  const title = useRef<HTMLHeadingElement>(null);
  const base = 'mgr-lot';
  // Le focus suit ce qui vient d'apparaître : l'aperçu, ou le titre à l'ouverture.
  useEffect(() => {
    if (preview) previewHeading.current?.focus();
  }, [preview]);
  useEffect(() => {
    if (open) title.current?.focus();
  }, [open]);

  // Tout changement rend l'aperçu caduc : il disparaît plutôt que de montrer un plan qui ne serait plus appliqué.
  const stale = <T,>(set: (v: T) => void) => (v: T) => {
    set(v);
    setPreview(null);
  };
  const setFilter = (f: Partial<EditFilter>) => setFilterState((cur) => ({ ...cur, ...f }));
  const setSelected = stale(setSelectedState);
  const setAction = stale(setActionState);

  const questionnaires = QUESTIONNAIRES.filter((q) => rows.some((r) => r.answer.questionnaire === q));
  const filtered = filterRows(rows, filter, criteria, today);

  const actionRequest = () => (action === 'validUntil' ? { kind: 'validUntil' as const, date } : { kind: 'replace' as const, find, replace });

  const askPreview = (e: Event) => {
    e.preventDefault();
    const next: typeof errors = {};
    if (selected.size === 0) next.selection = te('bulkNothingSelected');
    if (action === 'validUntil' && !isIsoDate(date)) next.date = te('bulkNoDate');
    if (action === 'replace' && find === '') next.find = te('bulkNoFind');
    setErrors(next);
    const first = next.selection ? `${base}-tous` : next.date ? `${base}-date` : next.find ? `${base}-find` : '';
    if (first) {
      document.getElementById(first)?.focus();
      return;
    }
    void run(async () => {
      setPreview(await send('answers.bulkEdit', { ...scope, keys: [...selected], action: actionRequest(), apply: false, author }));
    });
  };

  const apply = () =>
    void run(async () => {
      if (!preview) return;
      const r = await send('answers.bulkEdit', { ...scope, keys: [...selected], action: actionRequest(), apply: true, signature: preview.signature, author });
      announce(te('bulkApplied', { count: r.applied }));
      setPreview(null);
      changed();
      title.current?.focus();
    });

  if (!open)
    return (
      <p>
        <button type="button" id={`${base}-ouvrir`} class="btn secondary" aria-expanded="false"
          onClick={() => setOpen(true)}
        >
          {te('bulkOpen')}
        </button>
      </p>
    );

  const shown = (field: string, v: string) => (v === '' ? te('bulkEmptyValue') : field === 'validUntil' ? formatDate(v) : v);

  return (
    <section class="mgr-subsection mgr-bulk" aria-labelledby={`${base}-title`}>
      <h3 id={`${base}-title`} ref={title} tabIndex={-1}>
        {te('bulkTitle')}
      </h3>
      <form onSubmit={askPreview}>
        <fieldset class="mgr-fieldset">
          <legend>{te('bulkFilters')}</legend>
          <QuestionnaireSelect
            id={`${base}-q`}
            label={te('bulkQuestionnaire')}
            value={filter.questionnaire}
            questionnaires={questionnaires}
            onChange={(questionnaire) => setFilter({ questionnaire })}
            all={te('bulkAllQuestionnaires')}
          />
          <label class="mgr-block-label">
            <input type="checkbox" checked={!!filter.toReview} onChange={(e) => setFilter({ toReview: e.currentTarget.checked })} /> {te('bulkToReview')}
          </label>
          <label class="mgr-block-label">
            <input type="checkbox" checked={!!filter.belowMinimum} onChange={(e) => setFilter({ belowMinimum: e.currentTarget.checked })} /> {te('bulkBelow')}
          </label>
          <label class="mgr-block-label">
            <input type="checkbox" checked={!!filter.stale} onChange={(e) => setFilter({ stale: e.currentTarget.checked })} /> {te('bulkStale')}
          </label>
          <div class="mgr-field">
            <label for={`${base}-texte`}>{te('bulkText')}</label>
            <input id={`${base}-texte`} type="search" value={filter.text ?? ''} onInput={(e) => setFilter({ text: e.currentTarget.value })} />
          </div>
        </fieldset>

        <p id={`${base}-compte`} aria-live="polite">
          {te('bulkMatching', { count: filtered.length, selected: selected.size })}
        </p>
        <p>
          <button
            type="button"
            id={`${base}-tous`}
            class="btn secondary small"
            disabled={filtered.length === 0}
            aria-describedby={errors.selection ? `${base}-selection-error` : undefined}
            onClick={() => setSelected(new Set([...selected, ...filtered.map((r) => r.criterionKey)]))}
          >
            {te('bulkSelectAll', { count: filtered.length })}
          </button>{' '}
          <button type="button" class="btn secondary small" disabled={selected.size === 0} onClick={() => setSelected(new Set())}>
            {te('bulkClear')}
          </button>
        </p>
        <FieldError id={`${base}-selection-error`} error={errors.selection} />
        {filtered.length > 0 && (
          <fieldset class="mgr-fieldset checks mgr-bulk-list">
            <legend>{te('bulkList')}</legend>
            {filtered.map((r) => (
              <label key={r.criterionKey} class="mgr-block-label">
                <input
                  type="checkbox"
                  checked={selected.has(r.criterionKey)}
                  onChange={(e) => {
                    const next = new Set(selected);
                    if (e.currentTarget.checked) next.add(r.criterionKey);
                    else next.delete(r.criterionKey);
                    setSelected(next);
                  }}
                />{' '}
                <code>{r.answer.criterionId}</code> {criteria.get(r.criterionKey)?.title ?? ''}
              </label>
            ))}
          </fieldset>
        )}

        <fieldset class="mgr-fieldset">
          <legend>{te('bulkAction')}</legend>
          <label class="mgr-block-label">
            <input type="radio" name={`${base}-action`} checked={action === 'validUntil'} onChange={() => setAction('validUntil')} /> {te('bulkSetDate')}
          </label>
          {action === 'validUntil' && (
            <div class="mgr-field mgr-subfields">
              <label for={`${base}-date`}>{te('bulkDate')}</label>
              <input
                id={`${base}-date`}
                type="date"
                value={date}
                aria-invalid={errors.date ? true : undefined}
                aria-describedby={errors.date ? `${base}-date-error` : undefined}
                onInput={(e) => stale(setDate)(e.currentTarget.value)}
              />
              <FieldError id={`${base}-date-error`} error={errors.date} />
            </div>
          )}
          <label class="mgr-block-label">
            <input type="radio" name={`${base}-action`} checked={action === 'replace'} onChange={() => setAction('replace')} /> {te('bulkReplace')}
          </label>
          {action === 'replace' && (
            <div class="mgr-subfields">
              <p id={`${base}-find-hint`} class="mgr-hint">
                {te('bulkFindHint')}
              </p>
              <div class="mgr-field">
                <label for={`${base}-find`}>{te('bulkFind')}</label>
                <input
                  id={`${base}-find`}
                  value={find}
                  aria-invalid={errors.find ? true : undefined}
                  aria-describedby={`${base}-find-hint${errors.find ? ` ${base}-find-error` : ''}`}
                  onInput={(e) => stale(setFind)(e.currentTarget.value)}
                />
                <FieldError id={`${base}-find-error`} error={errors.find} />
              </div>
              <div class="mgr-field">
                <label for={`${base}-with`}>{te('bulkWith')}</label>
                <input id={`${base}-with`} value={replace} onInput={(e) => stale(setReplace)(e.currentTarget.value)} />
              </div>
            </div>
          )}
        </fieldset>
        <p>
          <button type="submit" class="btn" disabled={busy}>
            {te('bulkPreview')}
          </button>
        </p>
      </form>

      {preview && (
        <div class="mgr-preview">
          <h4 ref={previewHeading} tabIndex={-1}>
            {te('bulkPreviewTitle', { count: preview.changes.length })}
          </h4>
          {preview.changes.length === 0 ? (
            <p>{te('bulkPreviewNone')}</p>
          ) : (
            <div class="mgr-table-wrap">
              <table class="mgr-table">
                <caption>{te('bulkCaption')}</caption>
                <thead>
                  <tr>
                    <th scope="col">{te('bulkColCriterion')}</th>
                    <th scope="col">{te('bulkColField')}</th>
                    <th scope="col">{te('bulkColBefore')}</th>
                    <th scope="col">{te('bulkColAfter')}</th>
                  </tr>
                </thead>
                <tbody>
                  {preview.changes.map((c) => (
                    <tr key={c.criterionKey}>
                      <th scope="row">
                        <code>{c.criterionId}</code>
                        {c.inherited && <span class="mgr-sub">{te('bulkInherited')}</span>}
                      </th>
                      <td>{c.field === 'validUntil' ? te('bulkFieldDate') : te('bulkFieldComment')}</td>
                      <td class="mgr-comment">{shown(c.field, c.before)}</td>
                      <td class="mgr-comment">{shown(c.field, c.after)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
          <p>
            {preview.changes.length > 0 && (
              <>
                <button type="button" class="btn" disabled={busy} onClick={apply}>
                  {te('bulkApply', { count: preview.changes.length })}
                </button>{' '}
              </>
            )}
            <button type="button" class="btn secondary" onClick={() => setPreview(null)}>
              {te('bulkClose')}
            </button>
          </p>
        </div>
      )}
      <p>
        <button
          type="button"
          class="btn secondary small"
          aria-expanded="true"
          onClick={() => {
            setOpen(false);
            setPreview(null);
            setTimeout(() => document.getElementById(`${base}-ouvrir`)?.focus(), 0);
          }}
        >
          {te('bulkHide')}
        </button>
      </p>
    </section>
  );
}
