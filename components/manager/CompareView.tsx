import { useEffect, useState } from 'preact/hooks';
import { QUESTIONNAIRE_LABELS } from '../../lib/domain/questionnaires';
import type { QuestionnaireId } from '../../lib/domain/questionnaires';
import type { ResponseOf } from '../../lib/messages/protocol';
import { tc } from './compare-strings';
import { useAction, useLoad, useManager } from './context';
import { QuestionnaireSelect } from './fields';
import { base64ToBlob, downloadBlob, XLSX_MIME } from './files';
import type { Scope } from './types';

type Matrix = ResponseOf<'compare.get'>;
type Column = Matrix['columns'][number];
type Row = Matrix['rows'][number];
type Entry = Row['entries'][number];

const rowHeaderId = (key: string) => `mgr-cmp-${key}`;

/**
 * Onglet « Comparer » : un questionnaire, la famille et ses variantes (et le producteur d'un distributeur) côte à
 * côte. Un écart se voit par un texte (« Écart à revoir », « écart avec la famille »), pas seulement par la couleur.
 */
export function CompareView({ scope }: { scope: Scope }) {
  const { send, version, author, announce, changed } = useManager();
  const [busy, run] = useAction();
  const [chosen, setChosen] = useState<QuestionnaireId | null>(null);
  const [onlyDiff, setOnlyDiff] = useState(false);
  /** Après « Aligner », le bouton disparaît : le focus va à l'en-tête de la ligne. */
  const [focusId, setFocusId] = useState<string | null>(null);

  const list = useLoad(() => send('compare.questionnaires', { productId: scope.productId }), [scope.productId, version]);
  const questionnaires = list.data?.questionnaires ?? [];
  const questionnaire = chosen && questionnaires.includes(chosen) ? chosen : (questionnaires[0] ?? null);
  const loaded = useLoad(
    async () => (questionnaire ? send('compare.get', { productId: scope.productId, questionnaire }) : null),
    [scope.productId, questionnaire, version],
  );

  useEffect(() => {
    if (!focusId || loaded.loading) return;
    document.getElementById(focusId)?.focus();
    setFocusId(null);
  }, [focusId, loaded.loading, loaded.data]);

  const exportXlsx = () =>
    void run(async () => {
      const r = await send('compare.xlsx', { productId: scope.productId });
      downloadBlob(r.fileName, base64ToBlob(r.contentBase64, XLSX_MIME));
      announce(tc('exported', { name: r.fileName }));
    });

  const matrix = loaded.data ?? null;
  const distributor = !!matrix?.columns.some((c) => c.kind === 'producteur');

  const align = (row: Row, column: Column) =>
    void run(async () => {
      await send('compare.align', { productId: column.productId, variantId: column.variantId, criterionKey: row.criterionKey, author });
      setFocusId(rowHeaderId(row.criterionKey));
      announce(tc('aligned', { id: row.criterionId, name: column.name }));
      changed();
    });
  const keep = (row: Row, column: Column, value: boolean) =>
    void run(async () => {
      if (!questionnaire) return;
      await send('compare.keep', { productId: column.productId, variantId: column.variantId, criterionKey: row.criterionKey, questionnaire, keep: value });
      announce(tc(value ? 'kept' : 'unkept', { id: row.criterionId, name: column.name }));
      changed();
    });

  const rows = matrix ? matrix.rows.filter((r) => !onlyDiff || r.differs) : [];

  return (
    <section class="mgr-compare" aria-labelledby="mgr-cmp-title">
      <h3 id="mgr-cmp-title">{distributor ? tc('titleDistributor') : tc('title')}</h3>
      <p class="mgr-hint">{tc('hint')}</p>
      {list.error && <p class="mgr-error-text">{list.error}</p>}
      {!list.loading && !list.error && questionnaires.length === 0 && <p>{tc('none')}</p>}
      {questionnaires.length > 0 && (
        <div class="mgr-compare-tools">
          <QuestionnaireSelect id="mgr-cmp-q" label={tc('questionnaire')} value={questionnaire} questionnaires={questionnaires} onChange={(q) => q && setChosen(q)} />
          <label class="mgr-block-label">
            <input type="checkbox" checked={onlyDiff} onChange={(e) => setOnlyDiff(e.currentTarget.checked)} /> {tc('onlyDifferences')}
          </label>
          <div class="mgr-buttons">
            <button type="button" class="btn secondary" disabled={busy} onClick={exportXlsx} aria-describedby="mgr-cmp-export-hint">
              {tc('export')}
            </button>
          </div>
          <p id="mgr-cmp-export-hint" class="mgr-hint">
            {tc('exportHint')}
          </p>
        </div>
      )}
      {loaded.error && <p class="mgr-error-text">{loaded.error}</p>}
      {matrix && matrix.columns.length < 2 && <p>{tc('noVariant')}</p>}
      {matrix && (
        <>
          <p class="mgr-hint">{tc('counts', matrix.counts)}</p>
          {rows.length === 0 ? (
            <p>{tc('noRows')}</p>
          ) : (
            <div class="mgr-table-wrap">
              <table class="mgr-table mgr-compare-table">
                <caption>{tc('caption', { questionnaire: QUESTIONNAIRE_LABELS[matrix.questionnaire] })}</caption>
                <thead>
                  <tr>
                    <th scope="col">{tc('colId')}</th>
                    <th scope="col">{tc('colCriterion')}</th>
                    {matrix.columns.map((c) => (
                      <th scope="col" key={c.id}>
                        {c.name}
                        <span class="mgr-sub">{tc(`kind_${c.kind}`)}</span>
                      </th>
                    ))}
                    <th scope="col">{tc('colGap')}</th>
                  </tr>
                </thead>
                <tbody>
                  {rows.map((r) => (
                    <tr key={r.criterionKey} class={r.toReview ? 'mgr-compare-ecart' : r.differs ? 'mgr-compare-garde' : undefined}>
                      <th scope="row" id={rowHeaderId(r.criterionKey)} tabIndex={-1}>
                        <code>{r.criterionId}</code>
                      </th>
                      <td>{r.title}</td>
                      {r.entries.map((e, i) => (
                        <CompareCellView key={matrix.columns[i]!.id} row={r} entry={e} column={matrix.columns[i]!} busy={busy} onAlign={align} onKeep={keep} />
                      ))}
                      <td>
                        {r.toReview ? (
                          <strong class="mgr-flag">
                            <span aria-hidden="true">⚠ </span>
                            {tc('gapToReview')}
                          </strong>
                        ) : r.differs ? (
                          <span>
                            <span aria-hidden="true">✓ </span>
                            {tc('gapKept')}
                          </span>
                        ) : (
                          <span class="mgr-muted">{tc('gapNone')}</span>
                        )}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </>
      )}
    </section>
  );
}

interface CellProps {
  row: Row;
  entry: Entry;
  column: Column;
  busy: boolean;
  onAlign(row: Row, column: Column): void;
  onKeep(row: Row, column: Column, keep: boolean): void;
}

function CompareCellView({ row, entry, column, busy, onAlign, onKeep }: CellProps) {
  const c = entry.cell;
  const keepAction = column.kind === 'variante' ? tc('keepVariant') : tc('keepProduct');
  const ref = { id: row.criterionId, name: column.name };
  return (
    <td class={entry.differs && !entry.kept ? 'mgr-compare-diff' : undefined}>
      {c ? (
        <>
          <span class="mgr-compare-value">{c.display || tc('noValue')}</span>
          {c.origin !== 'propre' && <span class="mgr-sub">{c.origin === 'producteur' ? tc('inheritedProducer') : tc('inheritedFamily')}</span>}
          {c.comment && <span class="mgr-comment mgr-sub">{c.comment}</span>}
          {c.evidenceCount > 0 && <span class="mgr-sub">{tc('evidence', { count: c.evidenceCount })}</span>}
          {c.inheritedEvidenceTypes.length > 0 && <span class="mgr-sub">{tc('producerEvidence', { types: c.inheritedEvidenceTypes.join(', ') })}</span>}
        </>
      ) : (
        <span class="mgr-muted">{tc('noAnswer')}</span>
      )}
      {entry.differs && (
        <span class={entry.kept ? 'mgr-sub' : 'mgr-sub mgr-flag'}>
          <span aria-hidden="true">{entry.kept ? '✓ ' : '⚠ '}</span>
          {entry.kept ? tc('keptMark') : column.kind === 'famille' ? tc('differsProducer') : tc('differsFamily')}
        </span>
      )}
      {(entry.canAlign || entry.canKeep) && (
        <span class="mgr-buttons">
          {entry.canAlign && (
            <button type="button" class="btn small secondary" disabled={busy} aria-label={tc('alignLabel', ref)} onClick={() => onAlign(row, column)}>
              {tc('align')}
            </button>
          )}
          {entry.canKeep && (
            <button
              type="button"
              class="btn small secondary"
              disabled={busy}
              aria-label={tc('keepLabel', { ...ref, action: entry.kept ? tc('unkeep') : keepAction })}
              onClick={() => onKeep(row, column, !entry.kept)}
            >
              {entry.kept ? tc('unkeep') : keepAction}
            </button>
          )}
        </span>
      )}
    </td>
  );
}
