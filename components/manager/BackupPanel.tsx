import { useEffect, useRef, useState } from 'preact/hooks';
import { useAction, useManager } from './context';
import { downloadBlob, formatDate, formatSize } from './files';
import { downloadBackup, sendBackup } from './backup-transfer';
import type { RestorePreview } from './backup-transfer';
import { ConfirmButtons, FileField, PreviewSection, PreviewTable, useFileChoice } from './PreviewParts';
import { t } from './strings';

const TABLES = ['products', 'variants', 'companies', 'criteria', 'answers', 'files'] as const;

/** « Sauvegarde complète » (téléchargement) et « Restaurer une sauvegarde » (fichier → aperçu vérifié → confirmation). */
export function BackupPanel() {
  const { send, author, announce, changed, clearError } = useManager();
  const [busy, run] = useAction();
  const [progress, setProgress] = useState('');
  const [preview, setPreview] = useState<{ file: File; data: RestorePreview } | null>(null);
  const file = useFileChoice(() => setPreview(null));
  const previewHeading = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    if (preview) previewHeading.current?.focus();
  }, [preview]);
  // Après « Restaurer » ou « Annuler », le focus revient au champ du fichier, une fois le nouveau champ rendu.
  const focusFile = useRef(false);
  useEffect(() => {
    if (!focusFile.current) return;
    focusFile.current = false;
    file.inputRef.current?.focus();
  }, [file.inputKey]);

  const backup = () =>
    void run(async () => {
      try {
        const r = await downloadBackup(send, (done, total) => setProgress(t('backupProgress', { done, total })));
        downloadBlob(r.fileName, r.file);
        announce(t('backupDone', { name: r.fileName, products: r.counts.products ?? 0, answers: r.counts.answers ?? 0, files: r.counts.files ?? 0, size: formatSize(r.file.size) }));
      } finally {
        setProgress('');
      }
    });

  const reset = () => {
    setPreview(null);
    file.clear();
    focusFile.current = true;
  };

  const check = (ev: Event) => {
    ev.preventDefault();
    const chosen = file.take();
    setPreview(null);
    if (!chosen) return;
    void run(async () => {
      setProgress(t('restoreReading'));
      try {
        const r = await sendBackup(send, chosen, chosen.name, 'apercu', author, (done, total) => setProgress(t('restoreVerifying', { done, total })));
        setPreview({ file: chosen, data: r.preview });
        announce(t('restorePreviewReady', { name: chosen.name }));
      } finally {
        setProgress('');
      }
    });
  };

  const restore = () =>
    void run(async () => {
      if (!preview) return;
      const chosen = preview.file;
      setProgress(t('restoreReading'));
      try {
        // Le fichier est relu et revérifié : l'aperçu n'a rien gardé dans l'arrière-plan.
        const r = await sendBackup(send, chosen, chosen.name, 'restauration', author, (done, total) => setProgress(t('restoreWriting', { done, total })));
        const tb = r.preview.tables;
        announce(t('restoreDone', { name: chosen.name, products: tb.products.backup, answers: tb.answers.backup, files: tb.files.backup }));
        reset();
        changed();
      } finally {
        setProgress('');
      }
    });

  const cancel = () => {
    clearError();
    announce(t('restoreCancelled'));
    reset();
  };

  const p = preview?.data;
  return (
    <>
      <section aria-labelledby="mgr-sauvegarde" class="mgr-subsection">
        <h3 id="mgr-sauvegarde">{t('backupTitle')}</h3>
        <p class="mgr-hint">{t('backupHint')}</p>
        <p class="mgr-hint">{t('backupKeyNote')}</p>
        <button type="button" class="btn secondary" disabled={busy} onClick={backup}>
          {t('backupDownload')}
        </button>
      </section>
      <section aria-labelledby="mgr-restauration" class="mgr-subsection">
        <form class="mgr-form" noValidate onSubmit={check} aria-labelledby="mgr-restauration">
          <h3 id="mgr-restauration">{t('restoreTitle')}</h3>
          <p class="mgr-hint">{t('restoreHint')}</p>
          <FileField id="mgr-restauration-fichier" label={t('fRestoreFile')} accept=".json,application/json" {...file.field} submitLabel={t('restoreCheck')} busy={busy} />
        </form>
        <p class="mgr-hint" aria-live="polite">
          {progress}
        </p>
        {preview && p && (
          <PreviewSection id="mgr-restauration-apercu" title={t('restorePreviewTitle', { name: p.fileName })} headingRef={previewHeading}>
            <p>{t('restoreVerified', { date: formatDate(p.createdAt, true), blobs: p.blobs, size: formatSize(p.blobBytes) })}</p>
            <p class="mgr-confirm">{t('restoreWarning')}</p>
            <PreviewTable caption={t('restoreCaption')} columns={[t('colData'), t('colInBackup'), t('colRestoreAdded'), t('colReplaced'), t('colIdentical'), t('colRemoved')]}>
              {TABLES.map((k) => {
                const c = p.tables[k];
                return (
                  <tr key={k}>
                    <th scope="row">{t(`table_${k}`)}</th>
                    <td>{c.backup}</td>
                    <td>{c.created}</td>
                    <td>{c.changed}</td>
                    <td>{c.unchanged}</td>
                    <td>{c.removed}</td>
                  </tr>
                );
              })}
            </PreviewTable>
            <p>{t('restoreJournal', { count: p.operations })}</p>
            {p.sharing === null ? (
              <p>{t('restoreSharingV1')}</p>
            ) : (
              <>
                <p>{t('restorePackages', { backup: p.packages.backup, current: p.packages.current })}</p>
                <p>{t('restoreSharing', { count: p.sharing })}</p>
              </>
            )}
            <ul class="mgr-plain">
              {p.productNames.created.length > 0 && <li>{t('restoreProductsAdded', { names: p.productNames.created.join(', ') })}</li>}
              {p.productNames.changed.length > 0 && <li>{t('restoreProductsReplaced', { names: p.productNames.changed.join(', ') })}</li>}
              {p.productNames.removed.length > 0 && <li>{t('restoreProductsRemoved', { names: p.productNames.removed.join(', ') })}</li>}
            </ul>
            <ConfirmButtons busy={busy} confirmLabel={t('doRestore')} danger onConfirm={restore} onCancel={cancel} />
          </PreviewSection>
        )}
      </section>
    </>
  );
}
