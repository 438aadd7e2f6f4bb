import { useState } from 'preact/hooks';
import { scopeDisplayName } from '../../lib/domain/naming';
import { AnswersView } from './AnswersView';
import { CompareView } from './CompareView';
import { DossierView } from './DossierView';
import { EvidenceView } from './EvidenceView';
import { ExchangeView } from './ExchangeView';
import { PackageBanner } from './PackagePanels';
import { roleLabel } from './labels';
import { ViewSection } from './ViewSection';
import type { ProductEntry, View } from './types';
import { ProductSettings, VariantSettings } from './ProductSettings';
import { ReadinessView } from './ReadinessView';
import { ReferentialChanges } from './ReferentialChanges';
import { t } from './strings';
import { Tabs } from './Tabs';

const TAB_IDS = ['reponses', 'preparation', 'dossier', 'comparer', 'preuves', 'echanges', 'produit'] as const;
type TabId = (typeof TAB_IDS)[number];

interface ProductViewProps {
  entry: ProductEntry;
  entries: readonly ProductEntry[];
  /** '' = la famille ; sinon une variante OS. */
  variantId: string;
  onNavigate(view: View): void;
}

/** Un produit (famille) ou une de ses variantes : réponses, préparation, preuves, échanges, fiche. */
export function ProductView({ entry, entries, variantId, onNavigate }: ProductViewProps) {
  const [tab, setTab] = useState<TabId>('reponses');
  const { product } = entry;
  const variant = variantId ? entry.variants.find((v) => v.id === variantId) : undefined;
  const title = variant ? entry.displayNames[variant.id] ?? product.name : product.name;
  const producer = product.role.kind === 'distributeur' ? entries.find((e) => e.product.id === (product.role as { producerProductId: string }).producerProductId) : undefined;
  const scope = { productId: product.id, variantId: variant?.id ?? '' };
  const tabs = TAB_IDS.map((id) => ({ id, label: id === 'produit' ? (variant ? t('tabVariant') : t('tabProduct')) : t(`tab_${id}`) }));

  return (
    <ViewSection
      class="mgr-product-view"
      title={
        <>
          {title} <span class="mgr-version">{product.version}</span>
        </>
      }
    >
      <p class="mgr-scope-line">
        {variant ? t('scopeVariant', { family: product.name }) : t('scopeFamily', { count: entry.variants.length })}
        {' · '}
        {roleLabel(product.role, producer?.product.name)}
        {(variant?.convergenceNumber ?? product.convergenceNumber) && (
          <>
            {' · '}
            {t('convergenceNumberShort', { number: (variant ? variant.convergenceNumber : product.convergenceNumber) ?? '' })}
          </>
        )}
      </p>
      <PackageBanner scope={scope} entry={entry} />
      <Tabs idPrefix="mgr-produit" label={t('tabsLabel', { name: title })} tabs={tabs} selected={tab} onSelect={(id) => setTab(id as TabId)}>
        {tab === 'reponses' && (
          <>
            <ReferentialChanges scope={scope} />
            <AnswersView scope={scope} product={product} />
          </>
        )}
        {tab === 'preparation' && <ReadinessView scope={scope} />}
        {tab === 'dossier' && <DossierView scope={scope} />}
        {tab === 'comparer' && <CompareView scope={scope} />}
        {tab === 'preuves' && <EvidenceView scope={scope} hasVariant={!!variant} />}
        {tab === 'echanges' && <ExchangeView scope={scope} scopeName={scopeDisplayName(product, variant)} entries={entries} />}
        {tab === 'produit' &&
          (variant ? (
            <VariantSettings entry={entry} variant={variant} onNavigate={onNavigate} />
          ) : (
            <ProductSettings entry={entry} entries={entries} onNavigate={onNavigate} />
          ))}
      </Tabs>
    </ViewSection>
  );
}
