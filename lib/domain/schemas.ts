/**
 * lib/domain — le modèle : schémas zod et types qui en sont déduits, niveaux, valeurs, catalogue, héritage.
 * Rien d'officiel n'est écrit en dur : les critères s'apprennent des pages et des fichiers importés.
 * N'importe de lib/ que : text (et zod) — ni db, exchange, rules, messages, page, ni API de navigateur.
 */
import { z } from 'zod';

import { CONFORMITIES, LEVELS, LEVEL_SCALES } from './levels';
import { QUESTIONNAIRES } from './questionnaires';

// Jamais de compilation à la volée (new Function) : interdite par la CSP des extensions, et une tentative
// rattrapée y est quand même signalée comme violation. zod valide alors sans générer de code.
z.config({ jitless: true });

// eslint-disable-next-line no-control-regex
const NO_CONTROL = /^[^\u0000-\u0008\u000b-\u001f\u007f]*$/;

/** Texte borné sans caractères de contrôle (tabulation et saut de ligne permis). */
export const text = (max: number) => z.string().max(max).regex(NO_CONTROL, { message: 'caractères de contrôle interdits' });
const nonEmpty = (max: number) => text(max).min(1);

export const IsoDateTimeSchema = z.iso.datetime({ offset: true });
export const IsoDateSchema = z.iso.date();

export const QuestionnaireIdSchema = z.enum(QUESTIONNAIRES);
export const LevelSchema = z.enum(LEVELS);
export const LevelScaleSchema = z.enum(LEVEL_SCALES);
export const ConformitySchema = z.enum(CONFORMITIES);
export const OuiNonSchema = z.enum(['oui', 'non']);

/** Identifiant de critère tel que Convergence l'affiche : A06.1.1, A08.5.23, 04.03, QUA.1.5, DEV.1.1, Q4… */
export const CriterionIdSchema = z
  .string()
  .min(1)
  .max(64)
  .regex(/^[A-Za-z0-9][A-Za-z0-9._-]*$/, { message: 'identifiant de critère invalide' });

export const CRITERION_KINDS = ['niveau', 'conformite', 'preuves', 'choix-unique', 'choix-multiple', 'texte'] as const;
export const CriterionKindSchema = z.enum(CRITERION_KINDS);
export const ObligationSchema = z.enum(['obligation', 'option']);

/** D'où vient une donnée, pour la provenance montrée et l'historique. */
export const ProvenanceSchema = z.strictObject({
  kind: z.enum(['page', 'import', 'saisie']),
  /** Titre ou adresse de la page, nom du fichier, ou « saisie manuelle ». */
  ref: text(2000),
  at: IsoDateTimeSchema,
});

/** Ce qu'une page (ou un fichier) montrait d'un critère à une date : ce que compare lib/domain/referential.ts. */
export const CriterionSnapshotSchema = z.strictObject({
  title: text(2000),
  /** Absent : la nature n'était pas connue. */
  obligation: ObligationSchema.optional(),
  acceptableLevels: z.array(LevelSchema).max(5),
  /** Libellés des niveaux tels que lus (« Niveau 2 : … »), s'ils l'ont été. */
  levelLabels: z.array(text(500)).max(100).optional(),
  expectedEvidence: z.array(text(300)).max(20),
});

/** Un changement du référentiel vu sur un critère (issue 11 §3) : avant, après, quand et d'où. */
export const ReferentialChangeSchema = z.strictObject({
  at: IsoDateTimeSchema,
  source: ProvenanceSchema,
  aspects: z.array(z.enum(['minimum', 'obligation', 'intitule', 'niveaux', 'preuves'])).min(1).max(5),
  before: CriterionSnapshotSchema,
  after: CriterionSnapshotSchema,
  /** Réponses (identifiants) revues depuis ce changement (« J'ai revu »). */
  reviewed: z.array(text(300)).max(5000).optional(),
});

export const CriterionSchema = z
  .strictObject({
    /** Clé du catalogue : `${questionnaire}/${id}`. */
    key: nonEmpty(100),
    questionnaire: QuestionnaireIdSchema,
    id: CriterionIdSchema,
    section: text(500).optional(),
    title: text(2000),
    kind: CriterionKindSchema,
    scale: LevelScaleSchema.optional(),
    obligation: ObligationSchema,
    /** false : la nature n'a été lue nulle part (page, fichier) ; « option » n'est alors qu'une valeur par défaut. */
    obligationKnown: z.boolean().optional(),
    /** Niveaux acceptables (vide : aucun minimum requis). */
    acceptableLevels: z.array(LevelSchema).max(5),
    /** Choix d'une question d'orientation. */
    options: z.array(text(500)).max(100).optional(),
    /** Types de preuve attendus (un fichier par type quand la réponse est Conforme). */
    expectedEvidence: z.array(nonEmpty(300)).max(20),
    displayCondition: text(4000).optional(),
    objective: text(4000).optional(),
    source: ProvenanceSchema,
    updatedAt: IsoDateTimeSchema,
    /** « Vu le » : dernier jour où une page a montré ce critère. */
    seenAt: IsoDateSchema.optional(),
    /** Changements du référentiel vus sur ce critère, du plus ancien au plus récent (bornés). */
    changes: z.array(ReferentialChangeSchema).max(10).optional(),
  })
  .superRefine((c, ctx) => {
    if (c.key !== criterionKey(c.questionnaire, c.id))
      ctx.addIssue({ code: 'custom', path: ['key'], message: `la clé doit valoir « ${criterionKey(c.questionnaire, c.id)} »` });
  });

export function criterionKey(questionnaire: string, id: string): string {
  return `${questionnaire}/${id}`;
}

export const AnswerValueSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('niveau'), level: LevelSchema }),
  z.strictObject({ kind: z.literal('conformite'), conformity: ConformitySchema }),
  z.strictObject({ kind: z.literal('choix'), choices: z.array(text(500)).max(100) }),
  z.strictObject({ kind: z.literal('texte'), text: text(10000) }),
  /** Critères de preuves seules : les documents déposés sont la réponse. */
  z.strictObject({ kind: z.literal('preuves') }),
]);

export const EvidenceRefSchema = z.strictObject({
  evidenceType: text(300),
  name: nonEmpty(500),
  fileId: text(100).optional(),
  hash: z.string().regex(/^[0-9a-f]{64}$/, { message: 'empreinte SHA-256 attendue' }).optional(),
  size: z.number().int().nonnegative().optional(),
});

export const AnswerSchema = z.strictObject({
  /** Déterministe, pour qu'une même réponse garde sa clé : `${productId}|${variantId}|${criterionKey}`. */
  id: nonEmpty(300),
  productId: nonEmpty(100),
  /** '' : réponse de la famille ; sinon, la surcharge propre à la variante d'OS. */
  variantId: text(100),
  criterionKey: nonEmpty(100),
  questionnaire: QuestionnaireIdSchema,
  criterionId: CriterionIdSchema,
  /** null : sans réponse (gardée pour porter un commentaire ou des preuves). */
  value: AnswerValueSchema.nullable(),
  comment: text(10000),
  evidence: z.array(EvidenceRefSchema).max(100),
  /** Question de spécificité du producteur : oui, chaque distributeur répond lui-même. */
  specificite: OuiNonSchema.optional(),
  provenance: ProvenanceSchema,
  author: text(200),
  createdAt: IsoDateTimeSchema,
  updatedAt: IsoDateTimeSchema,
  /** « Valide jusqu'au » : passé cette date, la réponse est signalée périmée. */
  validUntil: IsoDateSchema.optional(),
});

export function answerId(productId: string, variantId: string, key: string): string {
  return `${productId}|${variantId}|${key}`;
}

/** L'identifiant et la clé d'une réponse lue d'un fichier s'accordent avec ses champs : sinon elle en écraserait une autre. */
export function answerIdsAgree(a: Pick<Answer, 'id' | 'productId' | 'variantId' | 'criterionKey' | 'questionnaire' | 'criterionId'>): boolean {
  return a.id === answerId(a.productId, a.variantId, a.criterionKey) && a.criterionKey === criterionKey(a.questionnaire, a.criterionId);
}

export const ProductRoleSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('nominal') }),
  z.strictObject({ kind: z.literal('producteur') }),
  z.strictObject({
    kind: z.literal('distributeur'),
    /** Le produit (paquet) du producteur auquel ce distributeur est rattaché. */
    producerProductId: nonEmpty(100),
    forThirdParty: z.boolean().optional(),
  }),
]);

/** Une famille de produits : les champs d'« Ajouter un nouveau produit », plus son rôle en marque blanche. */
export const ProductSchema = z.strictObject({
  id: nonEmpty(100),
  name: nonEmpty(300),
  version: nonEmpty(100),
  type: z.enum(['socle', 'option']),
  nil: text(100).optional(),
  responsable: text(300),
  description: text(5000),
  certifications: text(2000).optional(),
  interests: z.array(text(300)).max(20),
  role: ProductRoleSchema,
  companyId: text(100).optional(),
  /** N° du produit sur Convergence (« Produit - v0.1 - 3100 » → 3100) : relie la famille à ses pages. */
  convergenceNumber: z.string().regex(/^\d{1,12}$/, { message: 'numéro Convergence : chiffres attendus' }).optional(),
  /** Questionnaires montrés pour ce produit sur la liste des questionnaires (appris) ; absent : inconnu. */
  applicableQuestionnaires: z.array(QuestionnaireIdSchema).optional(),
  /** Clés des critères qu'on sait non affichés pour ce produit. */
  excludedCriteria: z.array(text(100)).max(5000),
  createdAt: IsoDateTimeSchema,
  updatedAt: IsoDateTimeSchema,
});

export const OS_VALUES = ['web', 'android', 'ios', 'autre'] as const;
export const DEVICE_VALUES = ['mobile', 'site-web'] as const;

/** Une variante d'OS d'une famille (un produit Convergence à part, qui hérite des réponses de la famille). */
export const VariantSchema = z.strictObject({
  id: nonEmpty(100),
  productId: nonEmpty(100),
  os: z.enum(OS_VALUES),
  /** Nom de l'OS quand os = autre (Windows, Linux…). */
  osLabel: text(100).optional(),
  device: z.enum(DEVICE_VALUES),
  commercialName: text(300).optional(),
  /** N° du produit Convergence de cette variante (chaque variante d'OS est un produit à part sur Convergence). */
  convergenceNumber: z.string().regex(/^\d{1,12}$/, { message: 'numéro Convergence : chiffres attendus' }).optional(),
  createdAt: IsoDateTimeSchema,
  updatedAt: IsoDateTimeSchema,
});

/** Fiche administrative : le profil de l'entreprise, réutilisé d'un produit à l'autre. */
export const CompanyProfileSchema = z.strictObject({
  id: nonEmpty(100),
  denomination: text(300),
  formeJuridique: text(200).optional(),
  adresseSiege: text(1000).optional(),
  rcs: text(100).optional(),
  siret: z.string().regex(/^(\d{14})?$/, { message: 'SIRET : 14 chiffres attendus' }).optional(),
  siteWeb: text(500).optional(),
  telephone: text(50).optional(),
  representantNom: text(200).optional(),
  representantPrenom: text(200).optional(),
  /** Autres champs de la fiche, par leur libellé affiché (la fiche peut en gagner sans changer le schéma). */
  extra: z.record(text(300), text(2000)),
  updatedAt: IsoDateTimeSchema,
});

/** Description d'une preuve enregistrée (le contenu est gardé à part dans la base). */
export const EvidenceFileMetaSchema = z.strictObject({
  id: nonEmpty(100),
  productId: nonEmpty(100),
  variantId: text(100),
  name: nonEmpty(500),
  type: text(200),
  size: z.number().int().nonnegative(),
  hash: z.string().regex(/^[0-9a-f]{64}$/),
  evidenceType: text(300),
  criterionKey: text(100).optional(),
  addedAt: IsoDateTimeSchema,
});

export type Provenance = z.infer<typeof ProvenanceSchema>;
export type CriterionKind = z.infer<typeof CriterionKindSchema>;
export type Obligation = z.infer<typeof ObligationSchema>;
export type Criterion = z.infer<typeof CriterionSchema>;
export type CriterionSnapshot = z.infer<typeof CriterionSnapshotSchema>;
export type ReferentialChange = z.infer<typeof ReferentialChangeSchema>;
export type AnswerValue = z.infer<typeof AnswerValueSchema>;
export type EvidenceRef = z.infer<typeof EvidenceRefSchema>;
export type Answer = z.infer<typeof AnswerSchema>;
export type ProductRole = z.infer<typeof ProductRoleSchema>;
export type Product = z.infer<typeof ProductSchema>;
export type Variant = z.infer<typeof VariantSchema>;

/** Une portée de bibliothèque : une famille (variantId '') ou une de ses variantes OS. Seule définition : panneau, gestionnaire et messages en dérivent. */
export const ScopeSchema = z.strictObject({ productId: z.string().min(1).max(100), variantId: text(100) });
export type Scope = z.infer<typeof ScopeSchema>;
export type CompanyProfile = z.infer<typeof CompanyProfileSchema>;
export type EvidenceFileMeta = z.infer<typeof EvidenceFileMetaSchema>;
export type EvidenceFile = EvidenceFileMeta & { blob: Blob };

/** Ce qu'une page ou un fichier dit d'un critère ; ce qu'il ne dit pas reste absent (fusion dans catalogue.ts). */
export const CriterionInputSchema = z.strictObject({
  questionnaire: QuestionnaireIdSchema,
  id: CriterionIdSchema,
  title: text(2000).optional(),
  section: text(500).optional(),
  kind: CriterionKindSchema.optional(),
  scale: LevelScaleSchema.optional(),
  obligation: ObligationSchema.optional(),
  acceptableLevels: z.array(LevelSchema).max(5).optional(),
  options: z.array(text(500)).max(100).optional(),
  expectedEvidence: z.array(text(300)).max(20).optional(),
  displayCondition: text(4000).optional(),
  objective: text(4000).optional(),
});

export type CriterionInput = z.infer<typeof CriterionInputSchema>;

/** Une réponse venue d'une capture, d'une saisie ou d'une ligne importée. */
export const AnswerInputSchema = z.strictObject({
  questionnaire: QuestionnaireIdSchema,
  criterionId: CriterionIdSchema,
  /** Absent : la valeur enregistrée est gardée (une capture ne sait pas tout). null : « sans réponse ». */
  value: AnswerValueSchema.nullable().optional(),
  comment: text(10000).optional(),
  evidence: z.array(EvidenceRefSchema).max(100).optional(),
  specificite: OuiNonSchema.optional(),
  validUntil: IsoDateSchema.optional(),
});

export type AnswerInput = z.infer<typeof AnswerInputSchema>;

/** Création d'un produit ou d'une variante : l'identifiant et les listes peuvent manquer, le dépôt les complète. */
export const ProductInputSchema = ProductSchema.omit({ id: true, createdAt: true, updatedAt: true, excludedCriteria: true, interests: true, role: true }).extend({
  id: z.string().min(1).max(100).optional(),
  excludedCriteria: ProductSchema.shape.excludedCriteria.optional(),
  interests: ProductSchema.shape.interests.optional(),
  role: ProductRoleSchema.optional(),
});
export type ProductInput = z.infer<typeof ProductInputSchema>;
export const VariantInputSchema = VariantSchema.omit({ id: true, createdAt: true, updatedAt: true }).extend({ id: z.string().min(1).max(100).optional() });
export type VariantInput = z.infer<typeof VariantInputSchema>;

/** Statut d'un questionnaire tel que la liste des questionnaires l'affiche. */
export const ShownStatusSchema = z.strictObject({
  questionnaire: QuestionnaireIdSchema,
  label: text(300),
  status: text(200),
  termine: z.boolean(),
  applicable: z.boolean(),
  count: z.strictObject({ done: z.number().int().nonnegative(), total: z.number().int().nonnegative() }).optional(),
});
export type ShownStatusData = z.infer<typeof ShownStatusSchema>;

/** Le produit tel que la page Convergence l'affiche (« Produit - v0.1 - 3100 »). */
export const PageProductSchema = z.strictObject({
  name: text(300).min(1),
  version: text(100).min(1),
  number: z.string().regex(/^\d{1,12}$/),
});
