import { useAction, useManager } from './context';
import { base64ToBlob, downloadBlob, XLSX_MIME } from './files';
import { ImportPanel } from './ImportPanel';
import { SharePanel } from './PackagePanels';
import type { ProductEntry, Scope } from './types';
import { t } from './strings';

/** Onglet « Import / export » d'une famille ou d'une variante. */
export function ExchangeView({ scope, scopeName, entries }: { scope: Scope; scopeName: string; entries: readonly ProductEntry[] }) {
  const { send, announce } = useManager();
  const [busy, run] = useAction();
  const family = entries.find((e) => e.product.id === scope.productId)?.product.name ?? '';

  const exportJson = () =>
    void run(async () => {
      const r = await send('export.json', { productIds: [scope.productId] });
      downloadBlob(r.fileName, new Blob([r.json], { type: 'application/json' }));
      announce(t('exported', { name: r.fileName }));
    });
  const exportXlsx = () =>
    void run(async () => {
      const r = await send('export.xlsx', scope);
      downloadBlob(r.fileName, base64ToBlob(r.contentBase64, XLSX_MIME));
      announce(t('exported', { name: r.fileName }));
    });

  return (
    <div class="mgr-exchange">
      <ImportPanel id="mgr-import-portee" target={scope} targetName={scopeName} />
      <section aria-labelledby="mgr-export-portee" class="mgr-subsection">
        <h3 id="mgr-export-portee">{t('exportTitle')}</h3>
        <p class="mgr-hint">{t('exportHint')}</p>
        <div class="mgr-buttons">
          <button type="button" class="btn secondary" disabled={busy} onClick={exportXlsx}>
            {t('exportXlsx', { name: scopeName })}
          </button>
          <button type="button" class="btn secondary" disabled={busy} onClick={exportJson}>
            {t('exportProductJson', { name: family })}
          </button>
        </div>
      </section>
      <SharePanel scope={scope} />
    </div>
  );
}
