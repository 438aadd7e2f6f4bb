import { BackupPanel } from './BackupPanel';
import { useAction, useLoad, useManager } from './context';
import { downloadBlob, formatDate, formatSize } from './files';
import { ImportPanel } from './ImportPanel';
import { KeyPanel, PackageImportPanel } from './PackagePanels';
import { ViewSection } from './ViewSection';
import type { ProductEntry } from './types';
import { t } from './strings';
import { LoadStatus } from './LoadStatus';

/**
 * La bibliothèque entière : import (JSON ou tableur vers un produit choisi), export JSON, sauvegarde complète
 * et restauration, journal des opérations avec jusqu'où l'annulation remonte.
 */
export function LibraryView({ entries }: { entries: readonly ProductEntry[] }) {
  const { send, announce, version } = useManager();
  const [busy, run] = useAction();
  const journal = useLoad(() => send('operations.list', { limit: 20 }), [version]);
  const reach = useLoad(() => send('operations.reach', {}), [version]);

  const exportAll = () =>
    void run(async () => {
      const r = await send('export.json', {});
      downloadBlob(r.fileName, new Blob([r.json], { type: 'application/json' }));
      announce(t('exported', { name: r.fileName }));
    });

  const ops = journal.data?.operations ?? [];
  return (
    <ViewSection title={t('libraryTitle')} class="mgr-library">
      <ImportPanel id="mgr-import-bibliotheque" entries={entries} />
      <PackageImportPanel entries={entries} />
      <KeyPanel />
      <section aria-labelledby="mgr-export-bibliotheque" class="mgr-subsection">
        <h3 id="mgr-export-bibliotheque">{t('exportTitle')}</h3>
        <p class="mgr-hint">{t('exportLibraryHint')}</p>
        <button type="button" class="btn secondary" disabled={busy} onClick={exportAll}>
          {t('exportLibraryJson')}
        </button>
      </section>
      <BackupPanel />
      <section aria-labelledby="mgr-journal" class="mgr-subsection">
        <h3 id="mgr-journal">{t('journalTitle')}</h3>
        <p class="mgr-hint">{t('journalHint')}</p>
        {reach.data && (
          <p class="mgr-undo-reach">
            {reach.data.since ? t('undoReach', { date: formatDate(reach.data.since, true), count: reach.data.operations }) : t('undoReachNone')}
            {reach.data.stoppedByRestore && ` ${t('undoReachRestore', { date: formatDate(reach.data.stoppedByRestore, true) })}`}
          </p>
        )}
        {reach.data && (
          <p class="mgr-hint">
            {t('journalBounds', {
              max: reach.data.limits.maxOperations,
              size: formatSize(reach.data.limits.maxJournalBlobBytes),
              ops: reach.data.journalOperations,
              used: formatSize(reach.data.journalBlobBytes),
            })}
          </p>
        )}
        <LoadStatus loaded={journal} empty={ops.length === 0 && t('journalEmpty')} />
        {ops.length > 0 && (
          <div class="mgr-table-wrap">
            <table class="mgr-table" aria-labelledby="mgr-journal">
              <thead>
                <tr>
                  <th scope="col">{t('colDate')}</th>
                  <th scope="col">{t('colOperation')}</th>
                  <th scope="col">{t('colAuthor')}</th>
                  <th scope="col">{t('colState')}</th>
                </tr>
              </thead>
              <tbody>
                {ops.map((op) => (
                  <tr key={op.id}>
                    <td>{formatDate(op.at, true)}</td>
                    <th scope="row">{op.label}</th>
                    <td>{op.author}</td>
                    <td>{op.undone ? t('opUndone') : journal.data?.nextUndo?.id === op.id ? t('opNextUndo') : ''}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
    </ViewSection>
  );
}
