import { render } from 'preact';
import { createShadowRootUi } from 'wxt/utils/content-script-ui/shadow-root';
import '../../../components/panel.css';
import { Panel, type EvidenceOffer, type PanelApi, type PanelView } from '../../../components/Panel';
import { t } from '../../../components/strings';
import { base64ToBytes } from '../../../lib/messages/base64';
import type { RequestOf, ResponseOf } from '../../../lib/messages/protocol';
import { captureFromPage } from '../../../lib/page/capture';
import type { PageRecognition } from '../../../lib/page/detect';
import { attachFiles } from '../../../lib/page/fill/events';
import { mergeUndo, undoFill, UNDO_CHANGED, UNDO_GONE, UNDO_RADIO, UNDO_REFUSED, type FillReportEntry, type UndoEntry } from '../../../lib/page/fill/engine';
import { fillPage, targetsOf } from '../../../lib/page/fill/run';
import { readPage, type PageReading } from '../../../lib/page/read/page';
import { summarise } from '../../../lib/page/summary';
import { sameEvidenceType } from '../../../lib/page/evidence';
import { foldText } from '../../../lib/text/normalize';
import { explainFill } from '../../../lib/page/fill/explain';
import { zoneHasEvidence } from '../../../lib/page/read/zones';
import { scopeName } from '../../../lib/page/identity';
import { applyAnswerInput, sameAnswerContent } from '../../../lib/domain/values';
import type { Feature, FeatureContext } from '../feature';

type Scope = { productId: string; variantId: string };
const AUTHOR = 'Assistant Convergence (page)';

/** Nom de la portée dans la liste des produits (même règle que le gestionnaire). */
function nameOf(products: ResponseOf<'products.list'>['products'], s: Scope): string {
  return scopeName(products, s);
}

function createApi(f: FeatureContext, reading: () => PageReading): PanelApi {
  // Annulation valable pour la page où le remplissage a eu lieu seulement.
  let lastUndo: UndoEntry[] = [];
  let undoPage = '';
  const undoHere = () => {
    if (undoPage !== location.href) lastUndo = [];
    return lastUndo;
  };

  /**
   * La bibliothèque où enregistrer : celle reliée au produit retenu (lu, page précédente, choix) ; sinon
   * reliée maintenant par son n°. Rend la raison quand il n'y en a pas (jamais un échec muet).
   */
  const captureTarget = async (): Promise<{ scope: Scope; name: string } | { refused: string }> => {
    const { product } = reading();
    const ctx = await f.send('page.context', { pageProduct: product });
    let scope = ctx.current;
    if (!scope) {
      const shown = ctx.identity.product;
      if (!shown) return { refused: 'captureNoProduct' };
      // Un nom de variante d'une famille connue : la personne choisit (variante ou produit distinct), on ne devine pas.
      if (ctx.variantCandidate) return { refused: 'captureVariantFirst' };
      scope = await f.send('page.link', { pageProduct: shown, author: AUTHOR });
    }
    const list = await f.send('products.list', {});
    return { scope, name: nameOf(list.products, scope) };
  };

  const sourceData = async (source: Scope) => {
    const [resolved, list, company] = await Promise.all([
      f.send('answers.resolved', { productId: source.productId, variantId: source.variantId }),
      f.send('products.list', {}),
      f.send('company.get', {}),
    ]);
    return {
      answers: resolved.answers.map((r) => r.answer),
      review: new Set(resolved.answers.filter((r) => r.reviewFlag).map((r) => r.answer.criterionId)),
      product: list.products.find((e) => e.product.id === source.productId)?.product,
      company: company ?? undefined,
      // Les libellés du rapport dans la langue de l'interface.
      words: { level: t('fillWordLevel'), comment: t('fillWordComment'), specificite: t('fillWordSpecificite'), review: t('fillWordReview') },
    };
  };

  return {
    async context() {
      return f.send('page.context', { pageProduct: reading().product });
    },

    async capture() {
      const r = reading();
      const cap = captureFromPage(r.model);
      const messages: string[] = [];
      // Provenance lisible : le titre de la page et le produit affiché (l'URL n'apprend rien à une personne).
      const heading = r.model.type === 'criteria' || r.model.type === 'deposits' ? r.model.title : (f.doc.querySelector('h1')?.textContent ?? f.doc.title);
      const title = [heading.replace(/\s+/g, ' ').trim(), r.product ? `${r.product.name} - ${r.product.version} - ${r.product.number}` : ''].filter(Boolean).join(' — ');
      if (r.model.type === 'form' && r.model.form === 'fiche-administrative') {
        if (!cap.company) return [t('captureNothing')];
        const current = await f.send('company.get', {});
        const company: RequestOf<'company.put'>['company'] = {
          ...(current ?? { id: 'entreprise', denomination: '', extra: {} }),
          ...cap.company,
          extra: { ...(current?.extra ?? {}), ...(cap.company.extra ?? {}) },
        };
        delete (company as { updatedAt?: string }).updatedAt;
        await f.send('company.put', { company, author: AUTHOR });
        messages.push(t('captureCompany', { count: Object.keys(cap.company).length - 1 + Object.keys(cap.company.extra ?? {}).length }));
        return messages;
      }
      if (cap.product && Object.keys(cap.product).length > 0) {
        // Formulaire « Ajouter un nouveau produit » : la bibliothèque de même nom et version, sinon une nouvelle.
        // (Jamais la source choisie pour remplir : enregistrer un autre produit ne doit pas la renommer.)
        const p = cap.product;
        if (!p.name || !p.version) return [t('captureProductIncomplete')];
        const same = (await f.send('products.list', {})).products.find(
          (e) => foldText(e.product.name) === foldText(p.name) && foldText(e.product.version) === foldText(p.version),
        );
        if (same) {
          const updated = await f.send('product.update', { id: same.product.id, patch: p, author: AUTHOR });
          return [t('captureProduct', { library: `${updated.name} ${updated.version}` })];
        }
        const created = await f.send('product.create', {
          product: { name: p.name, version: p.version, type: p.type ?? 'socle', nil: p.nil, responsable: p.responsable ?? '', description: p.description ?? '', certifications: p.certifications, interests: p.interests ?? [] },
          author: AUTHOR,
        });
        return [t('captureProductCreated', { library: `${created.name} ${created.version}` })];
      }
      if (r.model.type === 'none') return [t('captureNothingReadable')];
      const empty = () => (cap.empty.length > 0 ? t('captureAllEmpty', { count: cap.empty.length }) : t('captureNothing'));
      const target = await captureTarget();
      if ('refused' in target) {
        // Sans réponse lue, rien n'est perdu : seulement le dire. Avec des réponses, dire pourquoi elles attendent.
        if (cap.answers.length === 0) return [empty()];
        return [target.refused === 'captureVariantFirst' ? t('captureVariantFirst', { count: cap.answers.length }) : t('captureNoProduct', { count: cap.answers.length })];
      }
      if (cap.criteria.length > 0) {
        await f.send('criteria.learn', { criteria: cap.criteria, source: { ref: title.slice(0, 2000) }, author: AUTHOR });
      }
      // Sur une variante d'OS, une réponse identique à celle héritée (famille, producteur) n'est pas recopiée :
      // sinon elle deviendrait une surcharge et ne suivrait plus les changements de la famille.
      let answers = cap.answers;
      let inherited = 0;
      if (target.scope.variantId) {
        const resolved = await f.send('answers.resolved', { productId: target.scope.productId, variantId: target.scope.variantId });
        const byId = new Map(resolved.answers.filter((r) => r.source !== 'variante').map((r) => [`${r.answer.questionnaire}/${r.answer.criterionId}`, r.answer]));
        answers = cap.answers.filter((a) => {
          const from = byId.get(`${a.questionnaire}/${a.criterionId}`);
          const same = from && sameAnswerContent(from, applyAnswerInput(from, a));
          if (same) inherited++;
          return !same;
        });
      }
      // Page sans réponse : le produit est relié à sa bibliothèque (et le catalogue appris), rien d'autre.
      if (cap.answers.length === 0) return [empty(), t('captureLinked', { library: target.name })];
      const saved = answers.length
        ? await f.send('answers.saveCaptured', {
            productId: target.scope.productId,
            variantId: target.scope.variantId,
            answers,
            source: { kind: 'page', ref: title.slice(0, 2000) },
            author: AUTHOR,
          })
        : { counts: { created: 0, changed: 0, unchanged: 0 } };
      const { created, changed, unchanged } = saved.counts;
      // Tout lu, rien de différent : le dire (et non « aucune réponse »).
      if (created + changed === 0) messages.push(t('captureSame', { count: cap.answers.length, library: target.name }));
      else messages.push(t('captureDone', { library: target.name, created, changed, unchanged, empty: cap.empty.length }));
      if (inherited > 0) messages.push(t('captureInherited', { count: inherited }));
      return messages;
    },

    async fill(source, opts) {
      const data = await sourceData(source);
      const result = await f.runFill(() => fillPage(f.doc, f.recognition(), data, opts));
      lastUndo = mergeUndo(undoHere(), result.undo);
      undoPage = location.href;
      if (!opts?.only) await f.send('source.used', { scope: source });
      const explanation = explainFill(reading().model, result.report, { answers: data.answers, hasProduct: !!data.product, hasCompany: !!data.company });
      return { report: result.report, explanation };
    },

    async choose(choice) {
      await f.send('page.choose', { choice, author: AUTHOR });
    },

    async linkVariant() {
      const ctx = await f.send('page.context', { pageProduct: reading().product });
      const shown = ctx.identity.product;
      if (!shown) return;
      await f.send('page.linkVariant', { pageProduct: shown, author: AUTHOR });
    },

    async keepSeparate() {
      const ctx = await f.send('page.context', { pageProduct: reading().product });
      const shown = ctx.identity.product;
      if (!shown) return;
      await f.send('page.link', { pageProduct: shown, author: AUTHOR });
    },

    async undo() {
      const targets = targetsOf(readPage(f.doc, f.recognition()).model);
      const r = await undoFill(targets, undoHere());
      // Un choix non décochable reste annulable plus tard (après rechargement, il n'y a plus rien à faire).
      lastUndo = lastUndo.filter((u) => r.impossible.some((i) => i.key === u.key && i.reason === UNDO_RADIO));
      const out = [t('undoDone', { restored: r.restored.length })];
      const by = (reason: string) => r.impossible.filter((i) => i.reason === reason);
      const list = (xs: { label: string }[]) => xs.map((i) => i.label).join(', ');
      if (by(UNDO_RADIO).length) out.push(t('undoImpossible', { count: by(UNDO_RADIO).length, fields: list(by(UNDO_RADIO)) }));
      if (by(UNDO_CHANGED).length) out.push(t('undoChanged', { count: by(UNDO_CHANGED).length, fields: list(by(UNDO_CHANGED)) }));
      if (by(UNDO_GONE).length) out.push(t('undoGone', { count: by(UNDO_GONE).length, fields: list(by(UNDO_GONE)) }));
      if (by(UNDO_REFUSED).length) out.push(t('undoRefused', { count: by(UNDO_REFUSED).length, fields: list(by(UNDO_REFUSED)) }));
      return out;
    },

    canUndo: () => undoHere().length > 0,

    async evidenceOffers() {
      // Seulement la bibliothèque reliée au produit affiché, jamais la source choisie pour remplir :
      // les preuves d'un éditeur producteur restent confidentielles sur la page d'un distributeur.
      const { model, product } = reading();
      const zones =
        model.type === 'criteria' ? model.criteria.flatMap((c) => c.evidence) : model.type === 'deposits' ? model.zones : [];
      const open = zones.filter((z) => z.input && !zoneHasEvidence(z));
      if (open.length === 0) return [];
      const { files } = await f.send('page.evidence.list', { pageProduct: product });
      const offers: EvidenceOffer[] = [];
      for (const z of open) {
        for (const file of files.filter((x) => sameEvidenceType(x.evidenceType, z.type))) {
          offers.push({ fileId: file.id, fileName: file.name, zone: z.type });
        }
      }
      return offers;
    },

    async attach(offer) {
      const { model, product } = reading();
      const { meta, contentBase64 } = await f.send('page.evidence.get', { pageProduct: product, fileId: offer.fileId });
      const zones = model.type === 'criteria' ? model.criteria.flatMap((c) => c.evidence) : model.type === 'deposits' ? model.zones : [];
      const zone = zones.find((z) => z.type === offer.zone && z.input);
      if (!zone?.input) return t('evidenceRefused', { file: offer.fileName, zone: offer.zone });
      const file = new File([base64ToBytes(contentBase64) as BlobPart], meta.name, { type: meta.type });
      return attachFiles(zone.input, [file])
        ? t('evidenceAttached', { file: offer.fileName, zone: offer.zone })
        : t('evidenceRefused', { file: offer.fileName, zone: offer.zone });
    },
  };
}

/** Le panneau de l'extension sur la page, dans une racine fantôme ouverte. */
export const panel: Feature = {
  name: 'panneau',
  async start(f) {
    let container: HTMLElement | undefined;
    let reading: PageReading = { model: { type: 'none' }, product: null, problems: [] };
    // Les actions relisent toujours la page : une saisie ne produit pas de mutation du DOM.
    const api = createApi(f, () => readPage(f.doc, f.recognition()));
    const view = (r: PageRecognition): PanelView => ({
      recognition: r,
      summary: summarise(reading.model, reading.model.type === 'criteria' ? f.known(reading.model.questionnaire) : undefined),
      product: reading.product,
      problems: reading.problems,
    });
    const draw = (r: PageRecognition) => {
      reading = readPage(f.doc, r);
      if (container) render(<Panel view={view(r)} api={api} />, container);
    };
    // Relire une grande page coûte quelques centaines de ms : hors du chemin de la saisie, quand le
    // navigateur est libre (au plus tard après 800 ms), une seule fois par salve de changements.
    let idle: number | undefined;
    const scheduleDraw = () => {
      const w = f.doc.defaultView;
      if (!w || idle !== undefined) return;
      const run = () => {
        idle = undefined;
        draw(f.recognition());
      };
      idle = typeof w.requestIdleCallback === 'function' ? w.requestIdleCallback(run, { timeout: 800 }) : w.setTimeout(run, 50);
    };
    const ui = await createShadowRootUi(f.ctx, {
      name: 'assistant-convergence',
      mode: 'open',
      position: 'inline',
      anchor: 'body',
      append: 'first',
      isolateEvents: ['keydown', 'keyup', 'keypress', 'input', 'change'],
      onMount(uiContainer) {
        container = uiContainer;
        draw(f.recognition());
      },
      onRemove() {
        if (container) render(null, container);
      },
    });
    ui.autoMount();
    // Une saisie (input/change) ne modifie pas le DOM : on la suit aussi pour tenir le résumé à jour.
    let timer: ReturnType<typeof setTimeout> | undefined;
    const onEdit = (e: Event) => {
      if (f.filling() || (e.target as Element | null)?.closest?.('assistant-convergence')) return;
      clearTimeout(timer);
      timer = setTimeout(scheduleDraw, 200);
    };
    f.doc.addEventListener('change', onEdit, true);
    f.doc.addEventListener('input', onEdit, true);
    const stop = f.onPageChange(scheduleDraw);
    return () => {
      stop();
      clearTimeout(timer);
      const w = f.doc.defaultView;
      if (idle !== undefined && w) {
        if (typeof w.cancelIdleCallback === 'function') w.cancelIdleCallback(idle);
        else w.clearTimeout(idle);
      }
      f.doc.removeEventListener('change', onEdit, true);
      f.doc.removeEventListener('input', onEdit, true);
    };
  },
};

export type { FillReportEntry };
