/**
 * Règles du simulateur, en fonctions pures (testées dans tests/unit/simulator).
 * Le simulateur n'impose que la complétude, comme la plateforme : les niveaux minimums
 * ne bloquent jamais « Valider » (c'est l'extension qui avertit).
 */
import type {
  Condition, DepositQuestionnaireDef, EthiqueCriterion, EthiqueQuestionnaireDef, LevelCriterion,
  LevelKey, LevelQuestionnaireDef, LevelWording, QuestionnaireKey,
} from './data/types.ts';
import { LEVEL_ORDER } from './data/types.ts';
import { ORIENTATION_QUESTIONS, type OrientationQuestion } from './data/orientation.ts';
import { ETHIQUE, QUESTIONNAIRE_KEYS, QUESTIONNAIRE_TITLES, depositQuestionnaire, levelQuestionnaire } from './data/index.ts';
import { AUCUN_DISPOSITIF, FICHE_FIELDS } from './data/forms.ts';
import type {
  CriterionAnswer, Demarche, FileEntry, OrientationAnswers, Product, ProductForm, QuestionnaireState, SimState, WhiteLabel,
} from './types.ts';

// ---------------------------------------------------------------------------------------------
// Produits

export function productName(p: Pick<Product, 'id' | 'form'>): string {
  return `${p.form.nom} - ${p.form.version} - ${p.id}`;
}

export type FieldErrors = Record<string, string>;

export function productFormErrors(f: ProductForm): FieldErrors {
  const e: FieldErrors = {};
  if (!f.nom.trim()) e.nom = 'Le champ « Nom du produit » est obligatoire.';
  if (!f.version.trim()) e.version = 'Le champ « Version » est obligatoire.';
  if (!f.type) e.type = 'Veuillez sélectionner le type de produit.';
  if (!f.responsable.trim()) e.responsable = 'Le champ « Responsable » est obligatoire.';
  if (!f.description.trim()) e.description = 'Le champ « Description de produit » est obligatoire.';
  if (f.interets.length === 0) e.interets = 'Veuillez sélectionner au moins un dispositif (ou « Aucun dispositif identifié pour le moment »).';
  return e;
}

/** Cases à cocher avec une option exclusive (« Aucune réponse correspondante », « Aucun dispositif… »). */
export function toggleOption(current: string[], option: string, checked: boolean, exclusive?: string): string[] {
  if (!checked) return current.filter((o) => o !== option);
  if (exclusive && option === exclusive) return [option];
  const base = exclusive ? current.filter((o) => o !== exclusive) : current;
  return base.includes(option) ? base : [...base, option];
}
export const toggleInteret = (current: string[], option: string, checked: boolean) => toggleOption(current, option, checked, AUCUN_DISPOSITIF);

// ---------------------------------------------------------------------------------------------
// Fenêtre marque blanche

export interface WhiteLabelDraft {
  marqueBlanche: '' | 'Oui' | 'Non';
  role: '' | 'producteur' | 'distributeur';
  producerProductId: string;
  pourTiers: '' | 'Oui' | 'Non';
}

export function whiteLabelErrors(d: WhiteLabelDraft, preReferencedIds: number[]): string[] {
  const e: string[] = [];
  if (!d.marqueBlanche) {
    e.push("Veuillez indiquer si vous souhaitez évaluer votre produit en tant qu'éditeur producteur ou éditeur distributeur d'une solution en marque blanche.");
    return e;
  }
  if (d.marqueBlanche === 'Non') return e;
  if (!d.role) e.push("Veuillez indiquer si votre produit est une solution d'un éditeur producteur ou d'un éditeur distributeur.");
  if (d.role === 'distributeur') {
    if (!d.producerProductId || !preReferencedIds.includes(Number(d.producerProductId))) {
      e.push("Veuillez indiquer la solution de l'éditeur producteur pré-référencée à laquelle votre produit est rattaché.");
    }
    if (!d.pourTiers) e.push('Veuillez indiquer si vous évaluez le produit pour le compte d\'un tiers.');
  }
  return e;
}

export function whiteLabelFromDraft(d: WhiteLabelDraft): WhiteLabel {
  if (d.marqueBlanche !== 'Oui') return { marqueBlanche: 'Non' };
  if (d.role === 'producteur') return { marqueBlanche: 'Oui', role: 'producteur' };
  return {
    marqueBlanche: 'Oui', role: 'distributeur', producerProductId: Number(d.producerProductId),
    pourTiers: d.pourTiers === 'Oui' ? 'Oui' : 'Non', attachment: 'en-attente',
  };
}

// ---------------------------------------------------------------------------------------------
// Fiche administrative

export function ficheValue(values: Record<string, string>, product: Pick<Product, 'form'>, id: string): string {
  const f = FICHE_FIELDS.find((x) => x.id === id);
  if (f?.fromProduct) return product.form[f.fromProduct];
  return values[id] ?? '';
}

export interface Progress {
  answered: number;
  total: number;
  percent: number;
  remaining: string[];
}

export function ficheProgress(values: Record<string, string>, product: Pick<Product, 'form'>): Progress {
  const remaining = FICHE_FIELDS.filter((f) => !ficheValue(values, product, f.id).trim()).map((f) => f.label);
  const total = FICHE_FIELDS.length;
  const answered = total - remaining.length;
  return { answered, total, percent: Math.floor((answered * 100) / total), remaining };
}

export function ficheErrors(values: Record<string, string>, product: Pick<Product, 'form'>): string[] {
  const errors = ficheProgress(values, product).remaining.map((l) => `Le champ « ${l} » est obligatoire.`);
  const siret = (values.siret ?? '').replace(/\s/g, '');
  if (siret && !/^\d{14}$/.test(siret)) errors.push('Le SIRET doit comporter 14 chiffres.');
  const email = values.email ?? '';
  if (email && !/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(email)) errors.push("L'adresse e-mail n'est pas valide.");
  return errors;
}

// ---------------------------------------------------------------------------------------------
// Questionnaire d'orientation

function answerOf(answers: OrientationAnswers, id: string): string[] {
  const a = answers[id];
  if (a === undefined) return [];
  return Array.isArray(a) ? a : a.trim() ? [a] : [];
}

export function isQuestionVisible(q: OrientationQuestion, answers: OrientationAnswers): boolean {
  const r = q.revealedBy;
  if (!r) return true;
  const parent = ORIENTATION_QUESTIONS.find((p) => p.id === r.question);
  if (!parent || !isQuestionVisible(parent, answers)) return false;
  const a = answerOf(answers, r.question);
  if (r.equals !== undefined) return a.length === 1 && a[0] === r.equals;
  if (r.oneOf) return a.some((x) => r.oneOf?.includes(x));
  if (r.includesAny) return a.some((x) => r.includesAny?.includes(x));
  return a.length > 0;
}

export function visibleQuestions(answers: OrientationAnswers): OrientationQuestion[] {
  return ORIENTATION_QUESTIONS.filter((q) => isQuestionVisible(q, answers));
}

export function isAnswered(q: OrientationQuestion, answers: OrientationAnswers): boolean {
  return answerOf(answers, q.id).length > 0;
}

/** Titre tronqué de la liste « Questions restantes » : « 1. Le service, pour lequel vous can... » */
export function truncateTitle(title: string, max = 32): string {
  return title.length <= max ? title : `${title.slice(0, max)}...`;
}

export function orientationProgress(answers: OrientationAnswers): Progress {
  const vis = visibleQuestions(answers);
  const remaining = vis.filter((q) => !isAnswered(q, answers)).map((q) => `${q.number}. ${truncateTitle(q.title)}`);
  const total = vis.length;
  const answered = total - remaining.length;
  return { answered, total, percent: total ? Math.floor((answered * 100) / total) : 0, remaining };
}

/** Retire les réponses des questions devenues invisibles (les réponses révélées sont effacées). */
export function pruneOrientation(answers: OrientationAnswers): OrientationAnswers {
  const out: OrientationAnswers = {};
  for (const q of visibleQuestions(answers)) {
    const a = answers[q.id];
    if (a !== undefined) out[q.id] = a;
  }
  return out;
}

export function orientationMissing(answers: OrientationAnswers): string[] {
  return visibleQuestions(answers)
    .filter((q) => !isAnswered(q, answers))
    .map((q) => `Question ${q.number} : ${q.title}`);
}

// ---------------------------------------------------------------------------------------------
// Applicabilité

export function conditionMet(c: Condition, answers: OrientationAnswers | null): boolean {
  if ('always' in c) return true;
  if (!answers) return false;
  const a = answerOf(answers, c.question);
  if ('equals' in c) return a.length === 1 && a[0] === c.equals;
  return a.includes(c.includes);
}

export function conditionText(c: Condition): string {
  if ('always' in c) return "Ce critère s'affiche quelles que soient vos réponses au questionnaire d'orientation.";
  if ('equals' in c) return `Ce critère s'affiche car vous avez répondu « ${c.equals} » à la question ${c.question} du questionnaire d'orientation.`;
  return `Ce critère s'affiche car vous avez coché « ${c.includes} » à la question ${c.question} du questionnaire d'orientation.`;
}

/** Questionnaires applicables d'après l'orientation validée (aucun tant qu'elle ne l'est pas). */
export function applicableQuestionnaires(orientation: OrientationAnswers | null): QuestionnaireKey[] {
  if (!orientation) return [];
  return QUESTIONNAIRE_KEYS.filter((k) => k !== 'securite-echanges' || conditionMet({ question: '11', equals: 'Oui' }, orientation));
}

/** Critère révélé par une réponse de la page (section complémentaire) : sa condition est-elle remplie ? */
export function revealedMet(c: LevelCriterion, answers: Record<string, CriterionAnswer> = {}): boolean {
  if (!c.revealedBy) return true;
  const level = answers[c.revealedBy.criterion]?.level;
  return level !== undefined && c.revealedBy.levels.includes(level);
}

/**
 * Critères applicables d'après l'orientation validée et, pour ceux d'une section complémentaire,
 * d'après les réponses de la page (sans réponses : ces critères sont masqués).
 */
export function applicableLevelCriteria(
  def: LevelQuestionnaireDef, orientation: OrientationAnswers | null, answers?: Record<string, CriterionAnswer>,
): LevelCriterion[] {
  return def.criteria.filter((c) => conditionMet(c.condition, orientation) && revealedMet(c, answers));
}

/** Texte « Conditions d'affichage » d'un critère à niveaux (orientation, ou réponse de la page). */
export function levelConditionText(c: LevelCriterion): string {
  if (!c.revealedBy) return conditionText(c.condition);
  const lv = c.revealedBy.levels;
  const names = lv.length === 1 ? `le niveau ${lv[0]}` : `le niveau ${lv.slice(0, -1).join(', ')} ou ${lv[lv.length - 1]}`;
  return `Ce critère s'affiche car vous avez choisi ${names} au critère ${c.revealedBy.criterion}.`;
}

/** Longueur minimale d'un commentaire du grand questionnaire, vérifiée à la sortie du champ. */
export const COMMENT_MIN = 10;
export const COMMENT_TOO_SHORT = `Le commentaire doit compter au moins ${COMMENT_MIN} caractères.`;

/** Erreur du commentaire (null : valide). Un commentaire vide est aussi trop court. */
export function commentError(comment: string): string | null {
  return comment.trim().length < COMMENT_MIN ? COMMENT_TOO_SHORT : null;
}
export function applicableEthique(orientation: OrientationAnswers | null, def: EthiqueQuestionnaireDef = ETHIQUE): EthiqueCriterion[] {
  return def.criteria.filter((c) => conditionMet(c.condition, orientation));
}

// ---------------------------------------------------------------------------------------------
// Niveaux

const MATURITE_LABELS: Record<Exclude<LevelKey, 'NA'>, string> = {
  '0': 'Maturité très faible', '1': 'Maturité faible', '2': 'Maturité moyenne', '3': 'Maturité forte',
};

export function levelLabel(k: LevelKey, wording: LevelWording): string {
  if (k === 'NA') return 'Niveau non applicable';
  return wording === 'maturite' ? MATURITE_LABELS[k] : `Niveau ${k}`;
}

export function acceptableLevels(c: LevelCriterion): LevelKey[] {
  const offered = LEVEL_ORDER.filter((k) => c.levels[k] !== undefined);
  if (c.minimum.kind === 'none') return offered;
  if (c.minimum.kind === 'acceptable') return offered.filter((k) => (c.minimum as { levels: LevelKey[] }).levels.includes(k));
  const min = Number(c.minimum.level);
  return offered.filter((k) => k !== 'NA' && Number(k) >= min);
}

export function isLevelAcceptable(c: LevelCriterion, level: LevelKey | undefined): boolean {
  return level !== undefined && acceptableLevels(c).includes(level);
}

/** « Les niveaux Non applicable (NA), 2 et 3 sont acceptables pour ce critère » */
export function acceptableSentence(levels: LevelKey[]): string {
  const names = levels.map((k) => (k === 'NA' ? 'Non applicable (NA)' : k));
  if (names.length === 1) return `Seul le niveau ${names[0]} est acceptable pour ce critère`;
  return `Les niveaux ${names.slice(0, -1).join(', ')} et ${names[names.length - 1]} sont acceptables pour ce critère`;
}

export function minimumText(c: LevelCriterion, wording: LevelWording = c.wording): string {
  if (c.minimum.kind === 'none') return 'Aucun niveau minimum requis pour cette démarche';
  if (c.minimum.kind === 'level') return `Niveau minimum requis : ${levelLabel(c.minimum.level, wording)}`;
  return acceptableSentence(c.minimum.levels);
}

// ---------------------------------------------------------------------------------------------
// Complétude des questionnaires (règle de « Valider »)

export interface WhiteLabelContext {
  role?: 'producteur' | 'distributeur';
  /** réponses et fichiers de l'éditeur producteur (distributeur rattaché) */
  producerAnswers?: Record<string, CriterionAnswer>;
  producerFiles?: Record<string, FileEntry[]>;
}

export function levelMissing(
  def: LevelQuestionnaireDef, orientation: OrientationAnswers | null, q: Pick<QuestionnaireState, 'answers'>, ctx: WhiteLabelContext = {},
): string[] {
  const out: string[] = [];
  for (const c of applicableLevelCriteria(def, orientation, q.answers)) {
    const a = q.answers[c.id];
    if (!a?.level) out.push(`${c.id} ${c.title} : niveau de maturité non sélectionné`);
    if (ctx.role === 'producteur' && !a?.specificite) out.push(`${c.id} ${c.title} : question de spécificité non renseignée`);
  }
  return out;
}

export function ethiqueKey(criterionId: string, evidenceId: string): string {
  return `${criterionId}::${evidenceId}`;
}

export function ethiqueMissing(
  orientation: OrientationAnswers | null, q: Pick<QuestionnaireState, 'answers' | 'files'>, ctx: WhiteLabelContext = {}, def: EthiqueQuestionnaireDef = ETHIQUE,
): string[] {
  const out: string[] = [];
  for (const c of applicableEthique(orientation, def)) {
    const a = q.answers[c.id];
    if (!a?.conformite) {
      out.push(`${c.id} ${c.title} : conformité non renseignée`);
    } else if (a.conformite === 'Conforme') {
      for (const ev of c.evidence) {
        const key = ethiqueKey(c.id, ev.id);
        const own = q.files[key]?.length ?? 0;
        const prod = a.fromProducer ? (ctx.producerFiles?.[key]?.length ?? 0) : 0;
        if (own + prod === 0) out.push(`${c.id} ${c.title} : aucune preuve déposée pour le type « ${ev.label} »`);
      }
    }
    if (ctx.role === 'producteur' && !a?.specificite) out.push(`${c.id} ${c.title} : question de spécificité non renseignée`);
  }
  return out;
}

export function depositMissing(def: DepositQuestionnaireDef, q: Pick<QuestionnaireState, 'files'>): string[] {
  return def.zones.filter((z) => (q.files[z.id]?.length ?? 0) === 0).map((z) => `Aucun document déposé pour « ${z.title} »`);
}

export interface QProgress {
  done: number;
  total: number;
  percent: number;
  unit: 'criteres' | 'documents';
}

function pct(done: number, total: number): number {
  return total ? Math.floor((done * 100) / total) : 0;
}

/** Avancement affiché : « Critères renseignés n/m » ou « Types de documents déposés n/m ». */
export function questionnaireProgress(
  key: QuestionnaireKey, orientation: OrientationAnswers | null, q: Pick<QuestionnaireState, 'answers' | 'files'>, grand = false,
): QProgress {
  if (key === 'rgpd' || key === 'securite-echanges') {
    const def = depositQuestionnaire(key);
    const done = def.zones.filter((z) => (q.files[z.id]?.length ?? 0) > 0).length;
    return { done, total: def.zones.length, percent: pct(done, def.zones.length), unit: 'documents' };
  }
  if (key === 'ethique') {
    const crit = applicableEthique(orientation);
    const done = crit.filter((c) => q.answers[c.id]?.conformite).length;
    return { done, total: crit.length, percent: pct(done, crit.length), unit: 'criteres' };
  }
  return levelProgress(applicableLevelCriteria(levelQuestionnaire(key, grand), orientation, q.answers), q.answers);
}

/** Avancement d'une liste de critères à niveaux (ceux affichés). */
export function levelProgress(crit: LevelCriterion[], answers: Record<string, CriterionAnswer>): QProgress {
  const done = crit.filter((c) => answers[c.id]?.level).length;
  return { done, total: crit.length, percent: pct(done, crit.length), unit: 'criteres' };
}

/** Raisons du refus de « Valider » (vide : le questionnaire peut être validé). */
export function questionnaireMissing(
  key: QuestionnaireKey, orientation: OrientationAnswers | null, q: QuestionnaireState, ctx: WhiteLabelContext = {}, grand = false,
): string[] {
  if (key === 'rgpd' || key === 'securite-echanges') return depositMissing(depositQuestionnaire(key), q);
  if (key === 'ethique') return ethiqueMissing(orientation, q, ctx);
  return levelMissing(levelQuestionnaire(key, grand), orientation, q, ctx);
}

/** « Niveau d'auto-évaluation » : Atteint si chaque critère obligatoire atteint son minimum / est conforme. */
export function questionnaireAttained(
  key: QuestionnaireKey, orientation: OrientationAnswers | null, snap: { answers: Record<string, CriterionAnswer>; files: Record<string, FileEntry[]> }, grand = false,
): boolean {
  if (key === 'rgpd' || key === 'securite-echanges') return depositMissing(depositQuestionnaire(key), snap).length === 0;
  if (key === 'ethique') {
    return applicableEthique(orientation).every((c) => c.nature === 'Option' || snap.answers[c.id]?.conformite === 'Conforme');
  }
  return applicableLevelCriteria(levelQuestionnaire(key, grand), orientation, snap.answers)
    .every((c) => c.nature === 'Option' || isLevelAcceptable(c, snap.answers[c.id]?.level));
}

// ---------------------------------------------------------------------------------------------
// Marque blanche

export function whiteLabelContext(state: Pick<SimState, 'products'>, product: Product): WhiteLabelContext {
  const wl = product.demarche?.whiteLabel;
  if (!wl || wl.marqueBlanche !== 'Oui') return {};
  if (wl.role === 'producteur') return { role: 'producteur' };
  return { role: 'distributeur' };
}

/** Réponses de l'éditeur producteur (dernière réponse validée, sinon réponses en cours) pour un distributeur rattaché. */
export function producerData(
  state: Pick<SimState, 'products'>, product: Product, key: QuestionnaireKey,
): { answers: Record<string, CriterionAnswer>; files: Record<string, FileEntry[]>; producer: Product } | null {
  const wl = product.demarche?.whiteLabel;
  if (wl?.role !== 'distributeur' || wl.attachment !== 'accepte') return null;
  const producer = state.products.find((p) => p.id === wl.producerProductId);
  const q = producer?.demarche?.questionnaires[key];
  if (!producer || !q) return null;
  return q.validated ? { answers: q.validated.answers, files: q.validated.files, producer } : { answers: q.answers, files: q.files, producer };
}

// ---------------------------------------------------------------------------------------------
// Dossiers d'évaluation

export const DOSSIER_MIN_KEYS: QuestionnaireKey[] = ['interoperabilite', 'urbanisation', 'maturite-securite'];

export function dossierGenerationErrors(d: Demarche): string[] {
  if (!d.orientation.validatedAnswers) return ["Le questionnaire d'orientation doit être validé avant de générer un dossier d'évaluation."];
  return DOSSIER_MIN_KEYS.filter((k) => !d.questionnaires[k].validated).map(
    (k) => `Le questionnaire « ${QUESTIONNAIRE_TITLES[k]} » doit être validé avant de générer un dossier d'évaluation.`,
  );
}

function pad(n: number, w = 2): string {
  return String(n).padStart(w, '0');
}

/** Référence « N » + 5 chiffres + aaaammjjhhmm (UTC), ex. N83970202407081627. */
export function makeDossierRef(seq: number, date: Date): string {
  const stamp = `${date.getUTCFullYear()}${pad(date.getUTCMonth() + 1)}${pad(date.getUTCDate())}${pad(date.getUTCHours())}${pad(date.getUTCMinutes())}`;
  return `N${pad(seq % 100000, 5)}${stamp}`;
}

export function candidatureErrors(d: Demarche, ref: string): string[] {
  if (!ref) return ['Veuillez sélectionner un dossier candidat.'];
  const dossier = d.dossiers.find((x) => x.ref === ref);
  if (!dossier) return [`Le dossier ${ref} est introuvable.`];
  if (d.candidature) {
    return [`Vous candidatez déjà avec le dossier ${d.candidature.ref}. Vous devez annuler ce dossier candidat avant de candidater avec un autre dossier.`];
  }
  return dossier.applicable
    .filter((k) => !dossier.questionnaires[k])
    .map((k) => `Le dossier ${ref} ne contient pas de réponse validée au questionnaire « ${QUESTIONNAIRE_TITLES[k]} ».`);
}

// ---------------------------------------------------------------------------------------------
// Dates (heure de Paris)

export function formatDate(iso: string): string {
  return new Intl.DateTimeFormat('fr-FR', { timeZone: 'Europe/Paris', day: '2-digit', month: '2-digit', year: 'numeric' }).format(new Date(iso));
}
export function formatTime(iso: string): string {
  return new Intl.DateTimeFormat('fr-FR', { timeZone: 'Europe/Paris', hour: '2-digit', minute: '2-digit' }).format(new Date(iso));
}
export function formatSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} o`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1).replace('.', ',')} Ko`;
  return `${(bytes / 1024 / 1024).toFixed(1).replace('.', ',')} Mo`;
}
