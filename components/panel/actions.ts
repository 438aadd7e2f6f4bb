/**
 * Ce que fait le panneau, depuis sa page d'extension (cadre dans une racine fantôme fermée) : il demande au
 * script de contenu de l'onglet de lire ou de remplir la page, et à l'arrière-plan de lire ou d'écrire la
 * bibliothèque. Le script de contenu, lui, n'écrit jamais dans la bibliothèque : une page hostile qui le
 * tromperait n'obtiendrait rien qu'une personne n'ait demandé dans ce panneau.
 */
import type { Send } from '../../lib/messages/client';
import type { ResponseOf } from '../../lib/messages/protocol';
import type { CaptureOutcome } from '../../lib/page-session/capture';
import { sameEvidenceType } from '../../lib/page/read/evidence';
import { UNDO_CHANGED, UNDO_GONE, UNDO_RADIO, UNDO_REFUSED } from '../../lib/page/fill/engine';
import type { EvidenceOffer, PanelApi, PanelReportEntry } from '../Panel';
import { holdText } from '../referential-strings';
import { t } from '../strings';

const AUTHOR = 'Assistant Convergence (page)';

export type PanelView = ResponseOf<'panel.view'>;

/**
 * @param send messages à l'arrière-plan (le panneau est une page de l'extension : il a tous les droits)
 * @param toPage messages au script de contenu du cadre principal de l'onglet qui contient le panneau
 * @param view la dernière vue lue par le script de contenu
 */
export function panelActions(send: Send, toPage: Send, view: () => PanelView): PanelApi {
  return {
    context: () => send('page.context', { pageProduct: view().product }),

    async capture() {
      // Un seul message à l'arrière-plan : il décide où enregistrer et rend ce qui s'est passé, avec le contexte à jour.
      const captured = await toPage('panel.capture', {});
      const { outcome, context } = await send('page.capture', { pageProduct: view().product, captured });
      return { messages: captureMessages(outcome), context };
    },

    async fill(source, opts) {
      // Les critères que la page montre (lecture seule) : un niveau que Convergence a rendu inacceptable n'est pas rempli.
      // Une lecture impossible ne bloque pas le remplissage : il se fait alors sans cette vérification.
      const criteria = view().summary.type === 'criteria' ? ((await toPage('panel.capture', {}).catch(() => null))?.criteria ?? []) : [];
      // Un seul message à l'arrière-plan : réponses, fiches et nom de la source ; il note la source utilisée (sauf « Remplacer »).
      const src = await send('page.fillSource', { source, partial: !!opts?.only, ...(criteria.length ? { criteria } : {}) });
      const result = await toPage('panel.fill', {
        answers: src.answers,
        review: src.review,
        ...(src.product ? { product: src.product } : {}),
        ...(src.company ? { company: src.company } : {}),
        // Les libellés du rapport dans la langue de l'interface.
        words: { level: t('fillWordLevel'), comment: t('fillWordComment'), specificite: t('fillWordSpecificite'), review: t('fillWordReview') },
        ...(opts?.overwrite ? { overwrite: [...opts.overwrite] } : {}),
        ...(opts?.only ? { only: [...opts.only] } : {}),
      });
      // Critère modifié : « ✗ critère modifié » et pourquoi, jamais un remplissage silencieux.
      const held: PanelReportEntry[] = (src.held ?? [])
        .filter((i) => i.hold && (!opts?.only || opts.only.has(`${i.criterionId}#niveau`)))
        .map((i) => ({
          key: `${i.criterionId}#niveau`,
          label: `${i.criterionId} — ${t('fillWordLevel')}`,
          status: 'refused',
          pageValue: '',
          libraryValue: i.hold ? i.hold.level : '',
          modified: i.hold ? holdText(i.hold) : '',
        }));
      // Seuls des critères modifiés retenus : le rapport dit pourquoi, pas une « source sans réponse ».
      const explanation = held.length && result.report.length === 0 ? null : result.explanation;
      return { ...result, explanation, report: [...result.report, ...held], sourceName: src.sourceName };
    },

    async referentialChanges(scope) {
      const { criteria } = await toPage('panel.capture', {});
      if (criteria.length === 0) return [];
      return (await send('referential.page', { criteria, scope })).items;
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
      // choisie pour remplir ; d'un producteur, seulement les preuves dont son paquet porte le contenu.
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
      const { meta, contentBase64 } = await send('page.evidence.get', { pageProduct: view().product, fileId: offer.fileId, zone: offer.zone });
      const { attached } = await toPage('panel.attach', { zone: offer.zone, name: meta.name, type: meta.type, contentBase64 });
      return attached ? t('evidenceAttached', { file: offer.fileName, zone: offer.zone }) : t('evidenceRefused', { file: offer.fileName, zone: offer.zone });
    },
  };
}

/** Ce qu'un enregistrement a fait, dans la langue de l'interface (jamais un échec muet). */
export function captureMessages(o: CaptureOutcome): string[] {
  switch (o.code) {
    case 'rien-lisible':
      return [t('captureNothingReadable')];
    case 'rien':
      return [t('captureNothing')];
    case 'tout-vide':
      return [t('captureAllEmpty', { count: o.empty })];
    case 'fiche-administrative':
      return [t('captureCompany', { count: o.fields })];
    case 'produit-incomplet':
      return [t('captureProductIncomplete')];
    case 'produit-modifie':
      return [t('captureProduct', { library: o.library })];
    case 'produit-cree':
      return [t('captureProductCreated', { library: o.library })];
    case 'sans-produit':
      return [t('captureNoProduct', { count: o.answers })];
    case 'variante-d-abord':
      return [t('captureVariantFirst', { count: o.answers })];
    case 'relie':
      return [o.empty > 0 ? t('captureAllEmpty', { count: o.empty }) : t('captureNothing'), t('captureLinked', { library: o.library })];
    case 'enregistre': {
      // Tout lu, rien de différent : le dire (et non « aucune réponse »).
      const out = [
        o.created + o.changed === 0
          ? t('captureSame', { count: o.read, library: o.library })
          : t('captureDone', { library: o.library, created: o.created, changed: o.changed, unchanged: o.unchanged, empty: o.empty }),
      ];
      if (o.inherited > 0) out.push(t('captureInherited', { count: o.inherited }));
      return out;
    }
  }
}
