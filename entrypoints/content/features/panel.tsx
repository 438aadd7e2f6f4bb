import { base64ToBytes } from '../../../lib/text/base64';
import type { ParsedRequestOf, ResponseOf } from '../../../lib/messages/protocol';
import { captureFromPage } from '../../../lib/page/plan/capture';
import { attachFiles } from '../../../lib/page/fill/events';
import { mergeUndo, undoFill, UNDO_RADIO, type UndoEntry } from '../../../lib/page/fill/engine';
import { explainFill } from '../../../lib/page/fill/explain';
import { fillPage, targetsOf } from '../../../lib/page/fill/run';
import { readPage } from '../../../lib/page/by-kind/read';
import { evidenceZonesOf, missingEvidenceTypes } from '../../../lib/page/read/zones';
import { summarise } from '../../../lib/page/guard/summary';
import { platform } from '../../../lib/platform';
import type { Feature, FeatureContext } from '../feature';

/** L'élément hôte du panneau : sa racine fantôme est fermée, la page n'en voit que le cadre (autre origine). */
export const PANEL_HOST_TAG = 'assistant-convergence';

/** Le cadre du panneau en tête de page, dans une racine fantôme fermée. */
function mountFrame(doc: Document): { host: HTMLElement; frame: HTMLIFrameElement } {
  const host = doc.createElement(PANEL_HOST_TAG);
  const shadow = host.attachShadow({ mode: 'closed' });
  const style = doc.createElement('style');
  style.textContent = ':host{all:initial;display:block}iframe{display:block;width:100%;border:0;height:120px;color-scheme:normal}';
  const frame = doc.createElement('iframe');
  frame.src = platform.extensionUrl('/panel.html');
  frame.title = 'Assistant Convergence';
  frame.setAttribute('allow', '');
  shadow.append(style, frame);
  doc.body.prepend(host);
  return { host, frame };
}

/**
 * Le panneau sur la page : un cadre vers la page d'extension panel.html. Le script de contenu ne fait que lire
 * et remplir la page à la demande du panneau (messages « panel.* », reçus seulement d'une page de
 * l'extension) ; il prévient le panneau quand la page change.
 */
export const panel: Feature = {
  name: 'panneau',
  start(f) {
    // Annulation valable pour la page où le remplissage a eu lieu seulement.
    let lastUndo: UndoEntry[] = [];
    let undoPage = '';
    const undoHere = () => {
      if (undoPage !== location.href) lastUndo = [];
      return lastUndo;
    };
    const reading = () => readPage(f.doc, f.recognition());
    const { host, frame } = mountFrame(f.doc);

    // Le type de modèle de la dernière lecture : les champs texte ne comptent dans le résumé que d'un formulaire.
    let modelType = '';
    const view = (): ResponseOf<'panel.view'> => {
      const r = f.recognition();
      const read = readPage(f.doc, r);
      modelType = read.model.type;
      return {
        recognition: r.recognised ? { recognised: true, kind: r.kind, because: r.because } : { recognised: false, reason: r.reason },
        product: read.product,
        summary: summarise(read.model, read.model.type === 'criteria' ? f.known(read.model.questionnaire) : undefined),
        problems: read.problems,
        canUndo: undoHere().length > 0,
        url: location.href,
      };
    };

    const stopHandling = f.handle({
      'panel.view': async () => view(),

      'panel.capture': async (): Promise<ResponseOf<'panel.capture'>> => {
        const r = reading();
        const cap = captureFromPage(r.model);
        const heading = r.model.type === 'criteria' || r.model.type === 'deposits' ? r.model.title : (f.doc.querySelector('h1')?.textContent ?? f.doc.title);
        return {
          model: r.model.type,
          ...(r.model.type === 'form' ? { form: r.model.form } : {}),
          title: heading.replace(/\s+/g, ' ').trim().slice(0, 2000),
          criteria: cap.criteria,
          answers: cap.answers,
          ...(cap.product ? { product: cap.product } : {}),
          ...(cap.company ? { company: cap.company } : {}),
          empty: cap.empty,
        };
      },

      'panel.fill': async (req: ParsedRequestOf<'panel.fill'>) => {
        const src = { answers: req.answers, review: new Set(req.review), product: req.product, company: req.company, words: req.words };
        const opts = { overwrite: req.overwrite ? new Set(req.overwrite) : undefined, only: req.only ? new Set(req.only) : undefined };
        const result = await f.runFill(() => fillPage(f.doc, f.recognition(), src, opts));
        lastUndo = mergeUndo(undoHere(), result.undo);
        undoPage = location.href;
        const explanation = explainFill(result.model, result.report, { answers: req.answers, hasProduct: !!req.product, hasCompany: !!req.company });
        return { report: result.report, explanation };
      },

      'panel.undo': async () => {
        const r = await undoFill(targetsOf(reading().model), undoHere());
        // Un choix non décochable reste annulable plus tard (après rechargement, il n'y a plus rien à faire).
        lastUndo = lastUndo.filter((u) => r.impossible.some((i) => i.key === u.key && i.reason === UNDO_RADIO));
        notify();
        return { restored: r.restored.length, impossible: r.impossible.map(({ label, reason }) => ({ label, reason })), canUndo: lastUndo.length > 0 };
      },

      'panel.zones': async () => {
        return { zones: missingEvidenceTypes(reading().model) };
      },

      'panel.attach': async (req: ParsedRequestOf<'panel.attach'>) => {
        const zone = evidenceZonesOf(reading().model).find((z) => z.type === req.zone && z.input);
        if (!zone?.input) return { attached: false };
        const file = new File([base64ToBytes(req.contentBase64) as BlobPart], req.name, { type: req.type });
        return { attached: attachFiles(zone.input, [file]) };
      },

      'panel.resize': async ({ height }: ParsedRequestOf<'panel.resize'>) => {
        frame.style.height = `${height}px`;
        return {};
      },
    });

    // Le panneau relit la page quand elle change : une fois par salve, quand le navigateur est libre
    // (relire une grande page coûte ; pas pendant la saisie), jamais pendant un remplissage.
    let idle: number | undefined;
    const notify = () => {
      const w = f.doc.defaultView;
      if (!w || idle !== undefined) return;
      const run = () => {
        idle = undefined;
        f.send('panel.changed', {}).catch(() => undefined);
      };
      idle = typeof w.requestIdleCallback === 'function' ? w.requestIdleCallback(run, { timeout: 800 }) : w.setTimeout(run, 50);
    };
    // Une saisie (input/change) ne modifie pas le DOM : suivie aussi, mais seulement celle d'une personne.
    // Le résumé ne dépend d'un champ texte que dans un formulaire, et seulement par son vide ou plein (champ requis
    // vide) : une frappe qui ne change pas cela ne relit pas la page (relire 250 critères à chaque touche se sentirait).
    let timer: ReturnType<typeof setTimeout> | undefined;
    const emptiness = new WeakMap<EventTarget, boolean>();
    const isText = (t: EventTarget | null): t is HTMLInputElement | HTMLTextAreaElement =>
      t instanceof HTMLTextAreaElement || (t instanceof HTMLInputElement && !['radio', 'checkbox', 'file', 'submit', 'button'].includes(t.type));
    const onFocus = (e: Event) => {
      if (isText(e.target)) emptiness.set(e.target, e.target.value.trim() === '');
    };
    const onEdit = (e: Event) => {
      if (!f.trusted(e) || f.filling()) return;
      if (isText(e.target)) {
        // Un commentaire de critère ne change ni le compte ni les critères à risque : rien à relire.
        if (modelType !== 'form') return;
        const empty = e.target.value.trim() === '';
        if (emptiness.get(e.target) === empty) return;
        emptiness.set(e.target, empty);
      }
      clearTimeout(timer);
      timer = setTimeout(notify, 200);
    };
    f.doc.addEventListener('focusin', onFocus, true);
    f.doc.addEventListener('change', onEdit, true);
    f.doc.addEventListener('input', onEdit, true);
    const stop = f.onPageChange(notify);
    // Une application qui réécrit tout le corps de la page retire le panneau : il est remis en tête.
    const keep = new MutationObserver(() => {
      if (!host.isConnected) f.doc.body.prepend(host);
    });
    keep.observe(f.doc.body, { childList: true });
    return () => {
      stop();
      stopHandling();
      keep.disconnect();
      clearTimeout(timer);
      const w = f.doc.defaultView;
      if (idle !== undefined && w) {
        if (typeof w.cancelIdleCallback === 'function') w.cancelIdleCallback(idle);
        else w.clearTimeout(idle);
      }
      f.doc.removeEventListener('change', onEdit, true);
      f.doc.removeEventListener('input', onEdit, true);
      f.doc.removeEventListener('focusin', onFocus, true);
      host.remove();
    };
  },
};

export type { FeatureContext };
