import { useEffect, useRef, useState } from 'preact/hooks';
import { variantDisplayName } from '../../lib/domain/naming';
import type { Variant } from '../../lib/domain/schemas';
import { useAction, useManager } from './context';
import type { ProductEntry, View } from './types';
import { ProductForm } from './ProductForm';
import { ProductCompany } from './ProductCompany';
import { tc } from './company-strings';
import { t } from './strings';
import { VariantForm } from './VariantForm';

/**
 * Après un enregistrement, le formulaire est recréé avec les valeurs relues (clé = date de modification) :
 * le focus va alors sur le titre de la section, pour ne pas le perdre.
 */
function useFocusAfterSave(headingId: string, savedKey: string): () => void {
  const pending = useRef(false);
  useEffect(() => {
    if (!pending.current) return;
    pending.current = false;
    document.getElementById(headingId)?.focus();
  }, [headingId, savedKey]);
  return () => {
    pending.current = true;
  };
}

interface ConfirmDeleteProps {
  id: string;
  trigger: string;
  question: string;
  onConfirm(): Promise<void>;
}

/** Suppression en deux temps : la question apparaît à côté du bouton, le focus va sur « Confirmer ». */
export function ConfirmDelete({ id, trigger, question, onConfirm }: ConfirmDeleteProps) {
  const [asking, setAsking] = useState(false);
  const [busy, run] = useAction();
  const triggerRef = useRef<HTMLButtonElement>(null);
  const confirmRef = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (asking) confirmRef.current?.focus();
  }, [asking]);
  if (!asking)
    return (
      <button ref={triggerRef} type="button" class="btn danger" onClick={() => setAsking(true)}>
        {trigger}
      </button>
    );
  return (
    <div class="mgr-confirm" role="group" aria-labelledby={`${id}-question`}>
      <p id={`${id}-question`}>{question}</p>
      <p class="mgr-hint">{t('deleteUndoHint')}</p>
      <div class="mgr-buttons">
        <button ref={confirmRef} type="button" class="btn danger" disabled={busy} aria-describedby={`${id}-question`} onClick={() => void run(onConfirm)}>
          {t('confirmDelete')}
        </button>
        <button
          type="button"
          class="btn secondary"
          onClick={() => {
            setAsking(false);
            setTimeout(() => triggerRef.current?.focus(), 0);
          }}
        >
          {t('keep')}
        </button>
      </div>
    </div>
  );
}

interface ProductSettingsProps {
  entry: ProductEntry;
  entries: readonly ProductEntry[];
  onNavigate(view: View): void;
}

/** Onglet « Produit » d'une famille : fiche produit, variantes OS, suppression. */
export function ProductSettings({ entry, entries, onNavigate }: ProductSettingsProps) {
  const { send, author, announce, changed } = useManager();
  const { product, variants, displayNames } = entry;
  const [adding, setAdding] = useState(false);
  const addButton = useRef<HTMLButtonElement>(null);
  const focusAfterSave = useFocusAfterSave('mgr-fiche-produit', product.updatedAt);

  return (
    <div class="mgr-settings">
      <section aria-labelledby="mgr-fiche-produit">
        <h3 id="mgr-fiche-produit" tabIndex={-1}>
          {t('productSheet')}
        </h3>
        <ProductForm
          key={product.updatedAt}
          entries={entries}
          initial={product}
          onSaved={(p) => {
            announce(t('productSaved', { name: p.name }));
            focusAfterSave();
            changed();
          }}
        />
      </section>
      <section aria-labelledby="mgr-entreprise-produit">
        <h3 id="mgr-entreprise-produit">{tc('productCompanyTitle')}</h3>
        <ProductCompany key={product.updatedAt} product={product} />
      </section>
      <section aria-labelledby="mgr-variantes">
        <h3 id="mgr-variantes">{t('variantsTitle')}</h3>
        <p class="mgr-hint">{t('variantsHint')}</p>
        {variants.length === 0 ? (
          <p>{t('noVariants')}</p>
        ) : (
          <table class="mgr-table">
            <caption class="sr-only">{t('variantsTitle')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('colAnsName')}</th>
                <th scope="col">{t('fCommercialName')}</th>
                <th scope="col">{t('colConvergenceNumber')}</th>
                <th scope="col">{t('colActions')}</th>
              </tr>
            </thead>
            <tbody>
              {variants.map((v: Variant) => (
                <tr key={v.id}>
                  <th scope="row">{displayNames[v.id]}</th>
                  <td>{v.commercialName}</td>
                  <td>{v.convergenceNumber}</td>
                  <td>
                    <button type="button" class="linkish" onClick={() => onNavigate({ kind: 'portee', productId: product.id, variantId: v.id })}>
                      {t('openVariant', { name: displayNames[v.id] ?? '' })}
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
        {adding ? (
          <section aria-labelledby="mgr-nouvelle-variante" class="mgr-subsection">
            <h4 id="mgr-nouvelle-variante">{t('newVariantForm')}</h4>
            <VariantForm
              product={product}
              onSaved={(v) => {
                setAdding(false);
                announce(t('variantCreated', { name: variantDisplayName(product, v) }));
                changed();
                onNavigate({ kind: 'portee', productId: product.id, variantId: v.id });
              }}
              onCancel={() => {
                setAdding(false);
                setTimeout(() => addButton.current?.focus(), 0);
              }}
            />
          </section>
        ) : (
          <button ref={addButton} type="button" class="btn secondary" onClick={() => setAdding(true)}>
            {t('addVariantButton')}
          </button>
        )}
      </section>
      <section aria-labelledby="mgr-supprimer-produit">
        <h3 id="mgr-supprimer-produit">{t('dangerZone')}</h3>
        <ConfirmDelete
          id="mgr-suppr-produit"
          trigger={t('deleteProduct')}
          question={t('deleteProductQuestion', { name: product.name, count: variants.length })}
          onConfirm={async () => {
            const r = await send('product.delete', { id: product.id, author });
            announce(t('productDeleted', { name: product.name, answers: r.deleted.answers, files: r.deleted.files }));
            changed();
            onNavigate({ kind: 'accueil' });
          }}
        />
      </section>
    </div>
  );
}

interface VariantSettingsProps {
  entry: ProductEntry;
  variant: Variant;
  onNavigate(view: View): void;
}

/** Onglet « Variante » : modifier ou supprimer une variante OS. */
export function VariantSettings({ entry, variant, onNavigate }: VariantSettingsProps) {
  const { send, author, announce, changed } = useManager();
  const name = entry.displayNames[variant.id] ?? variant.id;
  const focusAfterSave = useFocusAfterSave('mgr-fiche-variante', variant.updatedAt);
  return (
    <div class="mgr-settings">
      <section aria-labelledby="mgr-fiche-variante">
        <h3 id="mgr-fiche-variante" tabIndex={-1}>
          {t('variantSheet')}
        </h3>
        <p class="mgr-hint">{t('variantInheritHint', { family: entry.product.name })}</p>
        <VariantForm
          key={variant.updatedAt}
          product={entry.product}
          initial={variant}
          onSaved={() => {
            announce(t('variantSaved'));
            focusAfterSave();
            changed();
          }}
        />
      </section>
      <section aria-labelledby="mgr-supprimer-variante">
        <h3 id="mgr-supprimer-variante">{t('dangerZone')}</h3>
        <ConfirmDelete
          id="mgr-suppr-variante"
          trigger={t('deleteVariant')}
          question={t('deleteVariantQuestion', { name })}
          onConfirm={async () => {
            const r = await send('variant.delete', { id: variant.id, author });
            announce(t('variantDeleted', { name, answers: r.deleted.answers, files: r.deleted.files }));
            changed();
            onNavigate({ kind: 'portee', productId: entry.product.id, variantId: '' });
          }}
        />
      </section>
    </div>
  );
}
