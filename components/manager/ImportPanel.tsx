import { useEffect, useRef, useState } from 'preact/hooks';
import { UserError } from '../../lib/domain/errors';
import { QUESTIONNAIRE_LABELS } from '../../lib/domain/questionnaires';
import type { ResponseOf } from '../../lib/messages/protocol';
import { useAction, useManager } from './context';
import { fileToBase64, formatSize } from './files';
import type { ProductEntry, Scope } from './types';
import { ConfirmButtons, FileField, PreviewSection, PreviewTable, useFileChoice } from './PreviewParts';
import { t } from './strings';

type Preview = ResponseOf<'import.preview'>;

/** La limite de l'import (docs/formats.md) : 10 Mo. */
export const MAX_IMPORT_BYTES = 10 * 1024 * 1024;
/** Lignes de l'aperçu affichées (les compteurs portent sur tout le fichier). */
const MAX_ROWS = 300;

interface ImportPanelProps {
  id: string;
  /** Portée qui reçoit les réponses d'un tableur ; absente = choix dans la liste (ou fichier JSON). */
  target?: Scope;
  targetName?: string;
  entries?: readonly ProductEntry[];
}

/** Import d'un tableur ou d'un JSON : aperçu (rien n'est écrit), puis « Importer » ou « Annuler ». */
export function ImportPanel({ id, target, targetName, entries }: ImportPanelProps) {
  const { send, author, announce, changed, fail, clearError } = useManager();
  const [busy, run] = useAction();
  const [preview, setPreview] = useState<Preview | null>(null);
  const [conflicts, setConflicts] = useState<'garder' | 'remplacer'>('garder');
  const [chosenTarget, setChosenTarget] = useState('');
  const file = useFileChoice(() => setPreview(null));
  const previewHeading = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    if (preview) previewHeading.current?.focus();
  }, [preview]);

  const effectiveTarget = (): Scope | undefined => {
    if (target) return target;
    if (!chosenTarget) return undefined;
    const [productId = '', variantId = ''] = chosenTarget.split('|');
    return { productId, variantId };
  };

  const doPreview = (ev: Event) => {
    ev.preventDefault();
    const chosen = file.take();
    setPreview(null);
    if (!chosen) return;
    if (chosen.size > MAX_IMPORT_BYTES) {
      fail(new UserError(t('errImportTooBig', { name: chosen.name, max: formatSize(MAX_IMPORT_BYTES) })));
      return;
    }
    void run(async () => {
      const tgt = effectiveTarget();
      const p = await send('import.preview', { fileName: chosen.name, contentBase64: await fileToBase64(chosen), ...(tgt ? { target: tgt } : {}) });
      setConflicts('garder');
      setPreview(p);
      announce(t('previewReady', { name: p.fileName }));
    });
  };

  const reset = () => {
    setPreview(null);
    file.clear();
  };

  const commit = () =>
    void run(async () => {
      if (!preview) return;
      const r = await send('import.commit', { previewId: preview.previewId, conflicts, author });
      announce(
        t('importDone', {
          name: preview.fileName,
          created: r.answers.created,
          changed: r.answers.changed,
          unchanged: r.answers.unchanged,
          criteria: r.criteria.created + r.criteria.changed,
        }),
      );
      reset();
      changed();
      setTimeout(() => file.inputRef.current?.focus(), 0);
    });

  const cancel = () => {
    clearError();
    announce(t('importCancelled'));
    reset();
    setTimeout(() => file.inputRef.current?.focus(), 0);
  };

  return (
    <div class="mgr-import">
      <form class="mgr-form" noValidate onSubmit={doPreview} aria-labelledby={`${id}-title`}>
        <h3 id={`${id}-title`}>{t('importTitle')}</h3>
        <p class="mgr-hint">{target ? t('importHintTarget', { name: targetName ?? '' }) : t('importHintLibrary')}</p>
        {!target && entries && (
          <div class="mgr-field">
            <label for={`${id}-cible`}>{t('fImportTarget')}</label>
            <select id={`${id}-cible`} value={chosenTarget} onChange={(e) => setChosenTarget(e.currentTarget.value)}>
              <option value="">{t('importTargetNone')}</option>
              {entries.map((e) => [
                <option key={e.product.id} value={`${e.product.id}|`}>
                  {t('familyOption', { name: e.product.name })}
                </option>,
                ...e.variants.map((v) => (
                  <option key={v.id} value={`${e.product.id}|${v.id}`}>
                    {e.displayNames[v.id] ?? v.id}
                  </option>
                )),
              ])}
            </select>
          </div>
        )}
        <FileField id={`${id}-fichier`} label={t('fImportFile')} accept=".xlsx,.xlsm,.xls,.ods,.csv,.json" {...file.field} submitLabel={t('previewImport')} busy={busy} />
      </form>

      {preview && (
        <PreviewSection id={`${id}-apercu`} title={t('previewTitle', { name: preview.fileName })} headingRef={previewHeading}>
          <p class="mgr-hint">{t('previewNothingWritten')}</p>
          <dl class="mgr-counts">
            <div>
              <dt>{t('countCreated')}</dt>
              <dd>{preview.counts.created}</dd>
            </div>
            <div>
              <dt>{t('countChanged')}</dt>
              <dd>{preview.counts.changed}</dd>
            </div>
            <div>
              <dt>{t('countUnchanged')}</dt>
              <dd>{preview.counts.unchanged}</dd>
            </div>
            <div>
              <dt>{t('countConflict')}</dt>
              <dd>{preview.counts.conflict}</dd>
            </div>
            <div>
              <dt>{t('countCriteria')}</dt>
              <dd>{t('createdAndChanged', preview.criteria)}</dd>
            </div>
            {preview.source === 'json' && (
              <div>
                <dt>{t('countProducts')}</dt>
                <dd>{t('createdAndChanged', preview.products)}</dd>
              </div>
            )}
          </dl>
          {preview.skippedSheets.length > 0 && (
            <>
              <h5>{t('skippedSheets')}</h5>
              <ul>
                {preview.skippedSheets.map((s) => (
                  <li key={s.name}>
                    <strong>{s.name}</strong> : {s.reason}
                  </li>
                ))}
              </ul>
            </>
          )}
          {preview.items.length > 0 && (
            <PreviewTable
              caption={t('previewItemsCaption', { shown: Math.min(MAX_ROWS, preview.items.length), total: preview.items.length })}
              columns={[t('colWhere'), t('colQuestionnaire'), t('colId'), t('colStatus'), t('colBefore'), t('colAfter')]}
            >
              {preview.items.slice(0, MAX_ROWS).map((it, i) => (
                <tr key={i} class={`mgr-status-${it.status}`}>
                  <td>{it.where}</td>
                  <td>{QUESTIONNAIRE_LABELS[it.questionnaire]}</td>
                  <th scope="row">
                    <code>{it.criterionId}</code>
                  </th>
                  <td>{t(`status_${it.status}`)}</td>
                  <td>{it.before}</td>
                  <td>{it.after}</td>
                </tr>
              ))}
            </PreviewTable>
          )}
          {preview.counts.conflict > 0 && (
            <fieldset class="mgr-fieldset">
              <legend>{t('conflictsLegend', { count: preview.counts.conflict })}</legend>
              <label class="mgr-block-label">
                <input type="radio" name={`${id}-conflits`} checked={conflicts === 'garder'} onChange={() => setConflicts('garder')} /> {t('conflictsKeep')}
              </label>
              <label class="mgr-block-label">
                <input type="radio" name={`${id}-conflits`} checked={conflicts === 'remplacer'} onChange={() => setConflicts('remplacer')} /> {t('conflictsReplace')}
              </label>
            </fieldset>
          )}
          <ConfirmButtons busy={busy} confirmLabel={t('doImport')} onConfirm={commit} onCancel={cancel} />
        </PreviewSection>
      )}
    </div>
  );
}
