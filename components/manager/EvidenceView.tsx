import { useRef, useState } from 'preact/hooks';
import { useAction, useLoad, useManager } from './context';
import { FieldError, RequiredMark } from './fields';
import { fileToBase64, formatDate, formatSize } from './files';
import type { Scope } from './types';
import { t } from './strings';
import { LoadStatus } from './LoadStatus';

/** Taille maximale d'une preuve (la limite du message est de 30 millions de caractères base64). */
export const MAX_EVIDENCE_BYTES = 20 * 1024 * 1024;

/** Preuves (fichiers) d'une famille ou d'une variante : liste et ajout. */
export function EvidenceView({ scope, hasVariant }: { scope: Scope; hasVariant: boolean }) {
  const { send, author, version, announce, changed } = useManager();
  const [busy, run] = useAction();
  const [evidenceType, setEvidenceType] = useState('');
  const [errors, setErrors] = useState<{ type?: string; file?: string }>({});
  const [inputKey, setInputKey] = useState(0);
  const fileInput = useRef<HTMLInputElement>(null);
  const typeInput = useRef<HTMLInputElement>(null);

  const loaded = useLoad(async () => {
    const [files, criteria] = await Promise.all([send('evidence.list', scope), send('criteria.list', {})]);
    const types = [...new Set(criteria.criteria.flatMap((c) => c.expectedEvidence))].sort((a, b) => a.localeCompare(b, 'fr'));
    return { files: files.files, types };
  }, [scope.productId, scope.variantId, version]);

  const submit = (ev: Event) => {
    ev.preventDefault();
    const file = fileInput.current?.files?.[0];
    const errs: typeof errors = {};
    if (!evidenceType.trim()) errs.type = t('errEvidenceType');
    if (!file) errs.file = t('errNoFile');
    else if (file.size > MAX_EVIDENCE_BYTES) errs.file = t('errEvidenceTooBig', { name: file.name, max: formatSize(MAX_EVIDENCE_BYTES) });
    setErrors(errs);
    if (errs.type) return typeInput.current?.focus();
    if (errs.file || !file) return fileInput.current?.focus();
    void run(async () => {
      const meta = await send('evidence.add', {
        ...scope,
        name: file.name,
        type: file.type,
        evidenceType: evidenceType.trim(),
        contentBase64: await fileToBase64(file),
        author,
      });
      announce(t('evidenceAdded', { name: meta.name, type: meta.evidenceType }));
      setEvidenceType('');
      setInputKey((k) => k + 1);
      changed();
    });
  };

  const files = loaded.data?.files ?? [];
  return (
    <div class="mgr-evidence">
      <h3 id="mgr-preuves-titre">{t('evidenceTitle')}</h3>
      <p class="mgr-hint">{hasVariant ? t('evidenceHintVariant') : t('evidenceHintFamily')}</p>
      <LoadStatus loaded={loaded} empty={files.length === 0 && t('noEvidence')} />
      {files.length > 0 && (
        <div class="mgr-table-wrap">
          <table class="mgr-table" aria-labelledby="mgr-preuves-titre">
            <thead>
              <tr>
                <th scope="col">{t('colFileName')}</th>
                <th scope="col">{t('colEvidenceType')}</th>
                <th scope="col">{t('colSize')}</th>
                <th scope="col">{t('colMime')}</th>
                <th scope="col">{t('colHash')}</th>
                {hasVariant && <th scope="col">{t('colScope')}</th>}
                <th scope="col">{t('colAdded')}</th>
              </tr>
            </thead>
            <tbody>
              {files.map((f) => (
                <tr key={f.id}>
                  <th scope="row">{f.name}</th>
                  <td>{f.evidenceType}</td>
                  <td>{formatSize(f.size)}</td>
                  <td>{f.type || t('unknownMime')}</td>
                  <td>
                    {/* aria-label est interdit sur <code> (ARIA 1.2) : l'empreinte entière est lue par un texte masqué. */}
                    <code title={f.hash}>
                      <span aria-hidden="true">{f.hash.slice(0, 12)}…</span>
                      <span class="sr-only">{t('hashLabel', { hash: f.hash })}</span>
                    </code>
                  </td>
                  {hasVariant && <td>{f.variantId ? t('scopeOwn') : t('scopeFamilyShort')}</td>}
                  <td>{formatDate(f.addedAt, true)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}

      <form class="mgr-form mgr-subsection" noValidate onSubmit={submit} aria-labelledby="mgr-ajout-preuve">
        <h4 id="mgr-ajout-preuve">{t('addEvidenceTitle')}</h4>
        <div class="mgr-field">
          <label for="mgr-preuve-type">
            {t('fEvidenceType')}
            <RequiredMark />
          </label>
          <p id="mgr-preuve-type-hint" class="mgr-hint">
            {t('fEvidenceTypeHint')}
          </p>
          <input
            ref={typeInput}
            id="mgr-preuve-type"
            list="mgr-types-preuves"
            value={evidenceType}
            aria-required
            aria-invalid={errors.type ? true : undefined}
            aria-describedby={`mgr-preuve-type-hint${errors.type ? ' mgr-preuve-type-error' : ''}`}
            onInput={(e) => setEvidenceType(e.currentTarget.value)}
          />
          <datalist id="mgr-types-preuves">
            {(loaded.data?.types ?? []).map((ty) => (
              <option key={ty} value={ty} />
            ))}
          </datalist>
          <FieldError id="mgr-preuve-type-error" error={errors.type} />
        </div>
        <div class="mgr-field">
          <label for="mgr-preuve-fichier">
            {t('fEvidenceFile')}
            <RequiredMark />
          </label>
          <input
            key={inputKey}
            ref={fileInput}
            id="mgr-preuve-fichier"
            type="file"
            aria-required
            aria-invalid={errors.file ? true : undefined}
            aria-describedby={errors.file ? 'mgr-preuve-fichier-error' : undefined}
          />
          <FieldError id="mgr-preuve-fichier-error" error={errors.file} />
        </div>
        <div class="mgr-buttons">
          <button type="submit" class="btn" disabled={busy}>
            {t('addEvidence')}
          </button>
        </div>
      </form>
    </div>
  );
}
