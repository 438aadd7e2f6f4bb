/** Actions de l'utilisateur et des vérificateurs : chacune passe par update(). */
import type { LevelKey, QuestionnaireKey } from './data/types.ts';
import { QUESTIONNAIRE_TITLES, SHARED_KEYS } from './data/index.ts';
import { getState, update } from './store.ts';
import {
  applicableQuestionnaires, candidatureErrors, commentError, dossierGenerationErrors, ficheErrors, makeDossierRef, orientationMissing,
  producerData, productFormErrors, productName, pruneOrientation, questionnaireMissing, whiteLabelContext, whiteLabelErrors,
  whiteLabelFromDraft, type WhiteLabelDraft,
} from './rules.ts';
import { emptyProductForm, newDemarche } from './scenarios.ts';
import type { CriterionAnswer, Demarche, FileEntry, Product, ProductForm, SimState } from './types.ts';

const now = () => new Date().toISOString();

function findProduct(s: SimState, id: number): Product {
  const p = s.products.find((x) => x.id === id);
  if (!p) throw new Error(`Produit ${id} introuvable`);
  return p;
}
function dem(s: SimState, id: number): Demarche {
  const d = findProduct(s, id).demarche;
  if (!d) throw new Error(`Le produit ${id} n'est pas rattaché à la démarche`);
  return d;
}

function refuse(s: SimState, page: string, productId: number | null, questionnaire: string | null, reasons: string[]): void {
  s.lastRefusal = { at: now(), page, productId, questionnaire, reasons };
}

/** Enregistre un refus (hors mutation en cours) et renvoie les raisons. */
function refused(page: string, productId: number | null, questionnaire: string | null, reasons: string[]): string[] {
  update((s) => refuse(s, page, productId, questionnaire, reasons));
  return reasons;
}

// ----- Produit --------------------------------------------------------------------------------

export function setProductDraft(patch: Partial<ProductForm>): void {
  update((s) => {
    s.productDraft = { ...s.productDraft, ...patch };
  });
}

export function checkProductDraft(): string[] {
  const errors = Object.values(productFormErrors(getState().productDraft));
  return errors.length ? refused('produit-formulaire', null, null, errors) : [];
}

export function createProduct(): number | string[] {
  const errs = checkProductDraft();
  if (errs.length) return errs;
  let id = 0;
  update((s) => {
    id = s.nextProductId++;
    s.products.push({ id, editeur: 'Mon entreprise', form: { ...s.productDraft }, createdAt: now(), demarche: null });
    s.productDraft = emptyProductForm();
  });
  return id;
}

export function attachDemarche(productId: number, draft: WhiteLabelDraft): string[] {
  const s0 = getState();
  const pre = s0.products.filter((p) => p.demarche?.whiteLabel.role === 'producteur' && p.demarche.preReferenced).map((p) => p.id);
  const errs = whiteLabelErrors(draft, pre);
  if (errs.length) return refused('marque-blanche', productId, null, errs);
  update((s) => {
    const p = findProduct(s, productId);
    const wl = whiteLabelFromDraft(draft);
    p.demarche = newDemarche(wl);
    if (wl.role === 'distributeur' && wl.producerProductId !== undefined) {
      const producer = findProduct(s, wl.producerProductId);
      s.notifications.push({
        id: Math.max(0, ...s.notifications.map((n) => n.id)) + 1,
        emetteur: s.user, productId, producerProductId: producer.id, type: 'Solution marque blanche',
        contenu: `Demande de rattachement à la solution de l'éditeur producteur ${productName(producer)}`,
        receivedAt: now(), status: 'nouvelle',
      });
    }
  });
  return [];
}

// ----- Fiche administrative -------------------------------------------------------------------

export function setFicheValue(productId: number, field: string, value: string): void {
  update((s) => {
    const d = dem(s, productId);
    if (d.ficheAdmin.status === 'transmise') return;
    d.ficheAdmin.values[field] = value;
  });
}
export function saveFicheDraft(productId: number): void {
  update((s) => {
    dem(s, productId).ficheAdmin.status = 'brouillon';
  });
}
export function checkFiche(productId: number): string[] {
  const s = getState();
  const p = findProduct(s, productId);
  const errs = ficheErrors(dem(s, productId).ficheAdmin.values, p);
  return errs.length ? refused('fiche-administrative', productId, null, errs) : [];
}
export function transmitFiche(productId: number): string[] {
  const errs = checkFiche(productId);
  if (errs.length) return errs;
  update((s) => {
    const d = dem(s, productId);
    d.ficheAdmin.status = 'transmise';
    d.ficheAdmin.transmittedAt = now();
    d.convention = 'en-attente-envoi';
  });
  return [];
}

// ----- Vérificateurs (outils du simulateur) ---------------------------------------------------

export function envoyerConvention(productId: number): void {
  update((s) => {
    const d = dem(s, productId);
    if (d.convention === 'en-attente-envoi') d.convention = 'a-signer';
  });
}
export function validerConvention(productId: number): void {
  update((s) => {
    const d = dem(s, productId);
    if (d.convention === 'en-attente-envoi' || d.convention === 'a-signer') d.convention = 'validee';
  });
}
export function preReferencer(productId: number): void {
  update((s) => {
    const d = dem(s, productId);
    if (d.whiteLabel.role === 'producteur') d.preReferenced = true;
  });
}
export function referencer(productId: number): void {
  update((s) => {
    const d = dem(s, productId);
    if (d.candidature) d.referencedAt = now();
  });
}

// ----- Orientation ----------------------------------------------------------------------------

export function setOrientationAnswer(productId: number, qid: string, value: string | string[]): void {
  update((s) => {
    const o = dem(s, productId).orientation;
    o.answers = pruneOrientation({ ...o.answers, [qid]: value });
  });
}
export function orientationButton(productId: number, action: 'brouillon' | 'demande' | 'valider'): string[] {
  if (action === 'valider') {
    const errs = orientationMissing(dem(getState(), productId).orientation.answers);
    if (errs.length) return refused('orientation', productId, 'orientation', errs);
  }
  update((s) => {
    const o = dem(s, productId).orientation;
    if (action === 'brouillon') {
      o.status = 'brouillon';
      o.draftSavedAt = now();
    } else if (action === 'demande') o.status = 'validation-demandee';
    else {
      o.status = 'termine';
      o.validatedAnswers = structuredClone(o.answers);
    }
  });
  return [];
}

// ----- Questionnaires d'évaluation ------------------------------------------------------------

function touch(d: Demarche, key: QuestionnaireKey): void {
  const q = d.questionnaires[key];
  if (q.validated) q.modifiedSinceValidation = true;
}

export function setCriterion(productId: number, key: QuestionnaireKey, critId: string, patch: Partial<CriterionAnswer>): void {
  update((s) => {
    const d = dem(s, productId);
    const q = d.questionnaires[key];
    const prev = q.answers[critId] ?? { comment: '' };
    const next: CriterionAnswer = { ...prev, ...patch };
    if (('level' in patch || 'conformite' in patch || 'comment' in patch) && !('fromProducer' in patch)) delete next.fromProducer;
    q.answers[critId] = next;
    touch(d, key);
  });
}

/**
 * Vérifie un commentaire à la sortie du champ (grand questionnaire) : pose ou retire l'erreur du critère.
 * `comment` est celui que le composant a reçu à son dernier rendu (voir Niveaux.tsx).
 */
export function validateComment(productId: number, key: QuestionnaireKey, critId: string, comment: string): void {
  const err = commentError(comment);
  if ((dem(getState(), productId).questionnaires[key].commentErrors?.[critId] ?? null) === err) return;
  update((s) => {
    const q = dem(s, productId).questionnaires[key];
    const errors = { ...(q.commentErrors ?? {}) };
    if (err) errors[critId] = err;
    else delete errors[critId];
    q.commentErrors = errors;
  });
}

export function setLevel(productId: number, key: QuestionnaireKey, critId: string, level: LevelKey): void {
  setCriterion(productId, key, critId, { level });
}

export function takeProducerAnswer(productId: number, key: QuestionnaireKey, critId: string): void {
  const s0 = getState();
  const pd = producerData(s0, findProduct(s0, productId), key);
  const a = pd?.answers[critId];
  if (!a || a.specificite === 'Oui') return;
  update((s) => {
    const d = dem(s, productId);
    const copy: CriterionAnswer = { comment: a.comment, fromProducer: true };
    if (a.level) copy.level = a.level;
    if (a.conformite) copy.conformite = a.conformite;
    d.questionnaires[key].answers[critId] = copy;
    touch(d, key);
  });
}

export function addFiles(productId: number, key: QuestionnaireKey, zone: string, files: FileEntry[]): void {
  if (!files.length) return;
  update((s) => {
    const d = dem(s, productId);
    const q = d.questionnaires[key];
    if (q.locked[zone]) return;
    q.files[zone] = [...(q.files[zone] ?? []), ...files];
    touch(d, key);
  });
}

/** Dépôt unique (Questionnaire RGPD) : remplace et verrouille la zone. */
export function confirmSingleDeposit(productId: number, key: QuestionnaireKey, zone: string, file: FileEntry): void {
  update((s) => {
    const d = dem(s, productId);
    const q = d.questionnaires[key];
    if (q.locked[zone]) return;
    q.files[zone] = [file];
    q.locked[zone] = true;
    touch(d, key);
  });
}

export function archiveFile(productId: number, key: QuestionnaireKey, zone: string, index: number): void {
  update((s) => {
    const d = dem(s, productId);
    const q = d.questionnaires[key];
    if (q.locked[zone]) return;
    const list = [...(q.files[zone] ?? [])];
    const [f] = list.splice(index, 1);
    if (!f) return;
    q.files[zone] = list;
    q.archived[zone] = [...(q.archived[zone] ?? []), { ...f, archivedAt: now() }];
    touch(d, key);
  });
}

export function questionnaireButton(productId: number, key: QuestionnaireKey, action: 'brouillon' | 'demande' | 'valider'): string[] {
  const s0 = getState();
  const p = findProduct(s0, productId);
  const d = dem(s0, productId);
  if (action === 'valider') {
    const ctx = whiteLabelContext(s0, p);
    const pd = producerData(s0, p, key);
    const errs = questionnaireMissing(key, d.orientation.validatedAnswers, d.questionnaires[key], { ...ctx, producerFiles: pd?.files }, d.grand);
    if (errs.length) return refused(key, productId, key, errs);
  }
  update((s) => {
    const dd = dem(s, productId);
    const q = dd.questionnaires[key];
    const t = now();
    if (action === 'brouillon') {
      q.status = 'brouillon';
      q.draftSavedAt = t;
    } else if (action === 'demande') q.status = 'validation-demandee';
    else {
      q.status = 'termine';
      q.validated = { at: t, answers: structuredClone(q.answers), files: structuredClone(q.files) };
      q.modifiedSinceValidation = false;
      q.history.push(t);
      const app = applicableQuestionnaires(dd.orientation.validatedAnswers);
      if (app.every((k) => dd.questionnaires[k].validated)) dd.completionModal = true;
    }
  });
  return [];
}

export function closeCompletionModal(productId: number): void {
  update((s) => {
    dem(s, productId).completionModal = false;
  });
}

// ----- Dossiers -------------------------------------------------------------------------------

export function generateDossier(productId: number): { ref?: string; errors: string[] } {
  const errs = dossierGenerationErrors(dem(getState(), productId));
  if (errs.length) return { errors: refused('dossier', productId, null, errs) };
  let ref = '';
  update((s) => {
    const d = dem(s, productId);
    const o = d.orientation.validatedAnswers ?? {};
    const applicable = applicableQuestionnaires(o);
    ref = makeDossierRef(s.nextDossierSeq++, new Date());
    const questionnaires: Demarche['dossiers'][number]['questionnaires'] = {};
    for (const k of applicable) {
      const v = d.questionnaires[k].validated;
      if (v) questionnaires[k] = structuredClone(v);
    }
    d.dossiers.push({ ref, creator: s.user, createdAt: now(), applicable, questionnaires, orientation: structuredClone(o) });
    d.completionModal = false;
  });
  return { ref, errors: [] };
}

export function candidater(productId: number, ref: string): string[] {
  const errs = candidatureErrors(dem(getState(), productId), ref);
  if (errs.length) return refused('dossier', productId, null, errs);
  update((s) => {
    dem(s, productId).candidature = { ref, at: now() };
  });
  return [];
}

export function annulerCandidature(productId: number): void {
  update((s) => {
    const d = dem(s, productId);
    d.candidature = null;
    d.referencedAt = null;
  });
}

// ----- Notifications --------------------------------------------------------------------------

export function answerNotification(id: number, accept: boolean): void {
  update((s) => {
    const n = s.notifications.find((x) => x.id === id);
    if (!n || n.status !== 'nouvelle') return;
    n.status = accept ? 'acceptee' : 'refusee';
    const dist = s.products.find((p) => p.id === n.productId);
    const wl = dist?.demarche?.whiteLabel;
    if (!dist?.demarche || !wl) return;
    wl.attachment = accept ? 'accepte' : 'refuse';
    if (!accept) return;
    // Les réponses déjà apportées par le distributeur sont remplacées par celles du producteur
    // pour les critères non spécifiques (question de spécificité = Non).
    const producer = s.products.find((p) => p.id === n.producerProductId);
    for (const key of SHARED_KEYS) {
      const src = producer?.demarche?.questionnaires[key];
      const srcAnswers = src?.validated?.answers ?? src?.answers ?? {};
      const q = dist.demarche.questionnaires[key];
      for (const id of Object.keys(q.answers)) {
        const a = srcAnswers[id];
        if (a && a.specificite === 'Non') {
          const copy: CriterionAnswer = { comment: a.comment, fromProducer: true };
          if (a.level) copy.level = a.level;
          if (a.conformite) copy.conformite = a.conformite;
          q.answers[id] = copy;
        }
      }
    }
  });
}

export const questionnaireTitle = (k: QuestionnaireKey) => QUESTIONNAIRE_TITLES[k];
