/**
 * Ce que fait le panneau, depuis sa page d'extension (cadre dans une racine fantôme fermée) : il demande au
 * script de contenu de l'onglet de lire ou de remplir la page, et à l'arrière-plan de lire ou d'écrire la
 * bibliothèque. Le script de contenu, lui, n'écrit jamais dans la bibliothèque : une page hostile qui le
 * tromperait n'obtiendrait rien qu'une personne n'ait demandé dans ce panneau.
 */
import type { Send } from '../../lib/messages/client';
import type { ResponseOf } from '../../lib/messages/protocol';
import { mergeCompany, withoutInherited } from '../../lib/page/capture';
import { sameEvidenceType } from '../../lib/page/evidence';
import { UNDO_CHANGED, UNDO_GONE, UNDO_RADIO, UNDO_REFUSED } from '../../lib/page/fill/engine';
import { scopeName, type Scope } from '../../lib/page/identity';
import { foldText } from '../../lib/text/normalize';
import type { EvidenceOffer, PanelApi } from '../Panel';
import { t } from '../strings';

const AUTHOR = 'Assistant Convergence (page)';

export type PanelView = ResponseOf<'panel.view'>;

/**
 * @param send messages à l'arrière-plan (le panneau est une page de l'extension : il a tous les droits)
 * @param toPage messages au script de contenu du cadre principal de l'onglet qui contient le panneau
 * @param view la dernière vue lue par le script de contenu
 */
export function panelActions(send: Send, toPage: Send, view: () => PanelView): PanelApi {
  const productText = () => {
    const p = view().product;
    return p ? `${p.name} - ${p.version} - ${p.number}` : '';
  };

  /** La bibliothèque où enregistrer, ou la raison pour laquelle il n'y en a pas (jamais un échec muet). */
  const captureTarget = async (): Promise<{ scope: Scope; name: string } | { refused: 'captureNoProduct' | 'captureVariantFirst' }> => {
    const ctx = await send('page.context', { pageProduct: view().product });
    let scope = ctx.current;
    if (!scope) {
      const shown = ctx.identity.product;
      if (!shown) return { refused: 'captureNoProduct' };
      // Un nom de variante d'une famille connue : la personne choisit (variante ou produit distinct), on ne devine pas.
      if (ctx.variantCandidate) return { refused: 'captureVariantFirst' };
      scope = await send('page.link', { pageProduct: shown, author: AUTHOR });
    }
    const list = await send('products.list', {});
    return { scope, name: scopeName(list.products, scope) };
  };

  return {
    context: () => send('page.context', { pageProduct: view().product }),

    async capture() {
      const cap = await toPage('panel.capture', {});
      // Provenance lisible : le titre de la page et le produit affiché (l'URL n'apprend rien à une personne).
      const title = [cap.title, productText()].filter(Boolean).join(' — ').slice(0, 2000);
      if (cap.model === 'form' && cap.form === 'fiche-administrative') {
        if (!cap.company) return [t('captureNothing')];
        const current = await send('company.get', {});
        await send('company.put', { company: mergeCompany(current, cap.company), author: AUTHOR });
        return [t('captureCompany', { count: Object.keys(cap.company).filter((k) => k !== 'extra').length + Object.keys(cap.company.extra ?? {}).length })];
      }
      if (cap.product && Object.keys(cap.product).length > 0) {
        // Formulaire « Ajouter un nouveau produit » : la bibliothèque de même nom et version, sinon une nouvelle.
        // (Jamais la source choisie pour remplir : enregistrer un autre produit ne doit pas la renommer.)
        const p = cap.product;
        if (!p.name || !p.version) return [t('captureProductIncomplete')];
        const same = (await send('products.list', {})).products.find(
          (e) => foldText(e.product.name) === foldText(p.name) && foldText(e.product.version) === foldText(p.version),
        );
        if (same) {
          const updated = await send('product.update', { id: same.product.id, patch: p, author: AUTHOR });
          return [t('captureProduct', { library: `${updated.name} ${updated.version}` })];
        }
        const created = await send('product.create', {
          product: { name: p.name, version: p.version, type: p.type ?? 'socle', nil: p.nil, responsable: p.responsable ?? '', description: p.description ?? '', certifications: p.certifications, interests: p.interests ?? [] },
          author: AUTHOR,
        });
        return [t('captureProductCreated', { library: `${created.name} ${created.version}` })];
      }
      if (cap.model === 'none') return [t('captureNothingReadable')];
      const empty = () => (cap.empty.length > 0 ? t('captureAllEmpty', { count: cap.empty.length }) : t('captureNothing'));
      const target = await captureTarget();
      if ('refused' in target) {
        // Sans réponse lue, rien n'est perdu : seulement le dire. Avec des réponses, dire pourquoi elles attendent.
        if (cap.answers.length === 0) return [empty()];
        return [t(target.refused, { count: cap.answers.length })];
      }
      if (cap.criteria.length > 0) await send('criteria.learn', { criteria: cap.criteria, source: { ref: title }, author: AUTHOR });
      // Page sans réponse : le produit est relié à sa bibliothèque (et le catalogue appris), rien d'autre.
      if (cap.answers.length === 0) return [empty(), t('captureLinked', { library: target.name })];
      let answers = cap.answers;
      let inherited = 0;
      if (target.scope.variantId) {
        const resolved = await send('answers.resolved', { productId: target.scope.productId, variantId: target.scope.variantId });
        ({ answers, inherited } = withoutInherited(cap.answers, resolved.answers.filter((r) => r.source !== 'variante').map((r) => r.answer)));
      }
      const saved = answers.length
        ? await send('answers.saveCaptured', { productId: target.scope.productId, variantId: target.scope.variantId, answers, source: { kind: 'page', ref: title }, author: AUTHOR })
        : { counts: { created: 0, changed: 0, unchanged: 0 } };
      const { created, changed, unchanged } = saved.counts;
      const messages: string[] = [];
      // Tout lu, rien de différent : le dire (et non « aucune réponse »).
      if (created + changed === 0) messages.push(t('captureSame', { count: cap.answers.length, library: target.name }));
      else messages.push(t('captureDone', { library: target.name, created, changed, unchanged, empty: cap.empty.length }));
      if (inherited > 0) messages.push(t('captureInherited', { count: inherited }));
      return messages;
    },

    async fill(source, opts) {
      const [resolved, list, company] = await Promise.all([
        send('answers.resolved', { productId: source.productId, variantId: source.variantId }),
        send('products.list', {}),
        send('company.get', {}),
      ]);
      const product = list.products.find((e) => e.product.id === source.productId)?.product;
      const result = await toPage('panel.fill', {
        answers: resolved.answers.map((r) => r.answer),
        review: resolved.answers.filter((r) => r.reviewFlag).map((r) => r.answer.criterionId),
        ...(product ? { product } : {}),
        ...(company ? { company } : {}),
        // Les libellés du rapport dans la langue de l'interface.
        words: { level: t('fillWordLevel'), comment: t('fillWordComment'), specificite: t('fillWordSpecificite'), review: t('fillWordReview') },
        ...(opts?.overwrite ? { overwrite: [...opts.overwrite] } : {}),
        ...(opts?.only ? { only: [...opts.only] } : {}),
      });
      if (!opts?.only) await send('source.used', { scope: source });
      return result;
    },

    async choose(choice) {
      await send('page.choose', { choice, author: AUTHOR });
    },

    async linkVariant() {
      const ctx = await send('page.context', { pageProduct: view().product });
      if (ctx.identity.product) await send('page.linkVariant', { pageProduct: ctx.identity.product, author: AUTHOR });
    },

    async keepSeparate() {
      const ctx = await send('page.context', { pageProduct: view().product });
      if (ctx.identity.product) await send('page.link', { pageProduct: ctx.identity.product, author: AUTHOR });
    },

    async undo() {
      const r = await toPage('panel.undo', {});
      const out = [t('undoDone', { restored: r.restored })];
      const by = (reason: string) => r.impossible.filter((i) => i.reason === reason);
      const list = (xs: { label: string }[]) => xs.map((i) => i.label).join(', ');
      if (by(UNDO_RADIO).length) out.push(t('undoImpossible', { count: by(UNDO_RADIO).length, fields: list(by(UNDO_RADIO)) }));
      if (by(UNDO_CHANGED).length) out.push(t('undoChanged', { count: by(UNDO_CHANGED).length, fields: list(by(UNDO_CHANGED)) }));
      if (by(UNDO_GONE).length) out.push(t('undoGone', { count: by(UNDO_GONE).length, fields: list(by(UNDO_GONE)) }));
      if (by(UNDO_REFUSED).length) out.push(t('undoRefused', { count: by(UNDO_REFUSED).length, fields: list(by(UNDO_REFUSED)) }));
      return out;
    },

    canUndo: () => view().canUndo,

    async evidenceOffers() {
      // Seulement la bibliothèque reliée au produit de l'onglet (l'arrière-plan décide), jamais la source
      // choisie pour remplir : les preuves d'un éditeur producteur restent confidentielles chez un distributeur.
      const { zones } = await toPage('panel.zones', {});
      if (zones.length === 0) return [];
      const { files } = await send('page.evidence.list', { pageProduct: view().product });
      const offers: EvidenceOffer[] = [];
      for (const zone of zones) {
        for (const file of files.filter((x) => sameEvidenceType(x.evidenceType, zone))) offers.push({ fileId: file.id, fileName: file.name, zone });
      }
      return offers;
    },

    async attach(offer) {
      const { meta, contentBase64 } = await send('page.evidence.get', { pageProduct: view().product, fileId: offer.fileId });
      const { attached } = await toPage('panel.attach', { zone: offer.zone, name: meta.name, type: meta.type, contentBase64 });
      return attached ? t('evidenceAttached', { file: offer.fileName, zone: offer.zone }) : t('evidenceRefused', { file: offer.fileName, zone: offer.zone });
    },
  };
}
