/**
 * La page Convergence : son contexte et son produit (identité, liaison, choix), le remplissage et l'enregistrement
 * décidés par l'arrière-plan, les preuves et statuts du produit affiché ; le panneau et la garde (pages de
 * l'extension en cadres) qui parlent au script de contenu de leur onglet.
 */
import { z } from 'zod';
import { PAGE_KINDS } from '../../page/model/kinds';
import { PAGE_TEXT_KEYS } from '../../page/model/text';
import { AnswerSchema, CompanyProfileSchema, ScopeSchema, EvidenceFileMetaSchema, IsoDateTimeSchema, ProductSchema, QuestionnaireIdSchema, VariantSchema, text, CriterionInputSchema, ShownStatusSchema, PageProductSchema } from '../../domain/schemas';
import { id, author, type MessageSchemas } from './common';
import { ProductEntrySchema } from './library';
import { ReferentialChangeItemSchema } from './referential';
import { CapturedPageSchema } from '../../page-session/capture';

/** D'où vient le produit retenu pour un onglet : lu sur la page, page précédente de l'onglet, choix, aucun (lib/page/plan/identity.ts). */
const IdentityFromSchema = z.enum(['page', 'precedente', 'choix', 'aucune']);
const IdentitySchema = z.strictObject({ from: IdentityFromSchema, product: PageProductSchema.nullable() });

/** Variante reconnue au nom du produit affiché (cf. lib/page/plan/identity.ts). */
const VariantCandidateSchema = z.strictObject({
  productId: id,
  variantId: text(100),
  os: VariantSchema.shape.os,
  osLabel: text(100).optional(),
  device: VariantSchema.shape.device,
  pageName: text(300),
  variantLabel: text(300),
  familyName: text(500),
});

/** Pourquoi une source est proposée : bibliothèque reliée (famille, variante, distributeur), nom, dernière utilisée… */
export const SUGGESTION_REASONS = ['reliee', 'reliee-variante', 'reliee-distributeur', 'famille-du-nom', 'meme-nom', 'derniere', 'seule', 'recente', 'aucune'] as const;

/** La vue du panneau : ce que le script de contenu a lu (les textes sont des codes, traduits par le panneau). */
const PageTextSchema = z.strictObject({ key: z.enum(PAGE_TEXT_KEYS), params: z.record(z.string(), z.union([z.string().max(2000), z.number()])).optional() });
/** Résumé de ce qui a été lu, pour le panneau et la fenêtre de l'icône. */
const SummarySchema = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('criteria'), read: z.number(), mandatory: z.number(), atRisk: z.array(z.string()) }),
  z.strictObject({ type: z.literal('fields'), read: z.number(), required: z.number(), empty: z.array(z.string()) }),
  z.strictObject({ type: z.literal('zones'), read: z.number(), empty: z.array(z.string()) }),
  z.strictObject({ type: z.literal('nothing') }),
]);
export const PanelViewSchema = z.strictObject({
  recognition: z.union([
    z.strictObject({ recognised: z.literal(true), kind: z.enum(PAGE_KINDS), because: PageTextSchema }),
    z.strictObject({ recognised: z.literal(false), reason: PageTextSchema }),
  ]),
  product: PageProductSchema.nullable(),
  summary: SummarySchema,
  problems: z.array(PageTextSchema).max(5000),
  canUndo: z.boolean(),
  /** Change à chaque relecture qui modifie la vue (le panneau ne redessine que si elle a changé). */
  url: z.string().max(4000),
});
const FillReportEntrySchema = z.strictObject({
  key: z.string().max(300),
  label: z.string().max(2000),
  status: z.enum(['filled', 'unchanged', 'conflict', 'refused', 'not-found']),
  pageValue: z.string(),
  libraryValue: z.string(),
  detail: z.string().optional(),
});
const FillExplanationSchema = z.discriminatedUnion('code', [
  z.strictObject({ code: z.literal('page-vide') }),
  z.strictObject({ code: z.literal('source-vide') }),
  z.strictObject({ code: z.literal('questionnaire-absent'), questionnaire: QuestionnaireIdSchema, others: z.array(QuestionnaireIdSchema) }),
  z.strictObject({ code: z.literal('formulaire-absent'), form: z.enum(['produit', 'fiche-administrative']) }),
  z.strictObject({ code: z.literal('tout-inchange'), unchanged: z.number().int() }),
  z.strictObject({ code: z.literal('rien-ecrit'), conflict: z.number().int(), unchanged: z.number().int(), missing: z.number().int() }),
]);
/** Le contexte d'une page Convergence pour le panneau (cf. lib/page-session/session.ts). */
const PageContextSchema = z.strictObject({
  products: z.array(ProductEntrySchema),
  identity: IdentitySchema,
  /** Portée reliée au produit retenu, s'il y en a une. */
  current: ScopeSchema.nullable(),
  /** Produit affiché nommé « [Nom] [OS] [Appareil] » dont la famille (même nom, même version) est dans la bibliothèque. */
  variantCandidate: VariantCandidateSchema.nullable(),
  /** Source proposée pour remplir, et pourquoi (code traduit par le panneau). */
  suggestedSource: ScopeSchema.nullable(),
  suggestedReason: z.enum(SUGGESTION_REASONS),
});

/** Ce qu'un enregistrement a fait (cf. lib/page-session/capture.ts) : des codes et des nombres, traduits par le panneau. */
const count = z.number().int().nonnegative();
const CaptureOutcomeSchema = z.discriminatedUnion('code', [
  z.strictObject({ code: z.literal('rien-lisible') }),
  z.strictObject({ code: z.literal('rien') }),
  z.strictObject({ code: z.literal('tout-vide'), empty: count }),
  z.strictObject({ code: z.literal('fiche-administrative'), fields: count }),
  z.strictObject({ code: z.literal('produit-incomplet') }),
  z.strictObject({ code: z.literal('produit-modifie'), library: z.string() }),
  z.strictObject({ code: z.literal('produit-cree'), library: z.string() }),
  z.strictObject({ code: z.literal('sans-produit'), answers: count }),
  z.strictObject({ code: z.literal('variante-d-abord'), answers: count }),
  z.strictObject({ code: z.literal('relie'), library: z.string(), empty: count }),
  z.strictObject({
    code: z.literal('enregistre'),
    library: z.string(),
    read: count,
    created: count,
    changed: count,
    unchanged: count,
    empty: count,
    inherited: count,
  }),
]);

export const PAGE_MESSAGES = {
  'page.context': {
    description:
      "Le contexte d'une page Convergence pour l'onglet émetteur : le produit retenu (lu sur la page, sinon celui de la page précédente de l'onglet, sinon le choix « Ce produit est : »), la bibliothèque reliée, la variante reconnue à son nom, la source proposée et la liste des produits.",
    request: z.strictObject({ pageProduct: PageProductSchema.nullable() }),
    response: PageContextSchema,
  },
  'page.link': {
    description:
      'Relier le produit affiché sur Convergence à une bibliothèque : une famille ou variante existante, la famille de même nom et version encore sans n°, ou une nouvelle famille créée depuis la page.',
    request: z.strictObject({ pageProduct: PageProductSchema, scope: ScopeSchema.optional(), author }),
    response: ScopeSchema,
  },
  'page.linkVariant': {
    description:
      "Relier le produit affiché comme variante de la famille reconnue à son nom (« Dossia iOS Mobile » → variante iOS Mobile de « Dossia v3.1 ») : la variante est créée si besoin et reçoit le n° Convergence.",
    request: z.strictObject({ pageProduct: PageProductSchema, author }),
    response: ScopeSchema,
  },
  'page.choose': {
    description:
      "Le choix « Ce produit est : » fait dans le panneau quand le produit affiché n'est pas lisible : une portée existante, ou un nouveau produit. Retenu pour l'onglet, et relié au n° Convergence dès qu'une page en affiche un.",
    request: z.strictObject({
      choice: z.union([z.strictObject({ scope: ScopeSchema }), z.strictObject({ create: z.strictObject({ name: text(300).min(1), version: text(100).min(1) }) })]),
      author,
    }),
    response: ScopeSchema,
  },
  'page.fillSource': {
    description:
      "Tout ce qu'un remplissage demande à la bibliothèque, en un message : réponses en vigueur de la source (avec héritage) et critères à revoir en marque blanche, fiche du produit, fiche administrative, nom de la source. La source est notée comme utilisée (proposée ensuite par défaut), sauf pour un remplacement partiel.",
    request: z.strictObject({
      source: ScopeSchema,
      partial: z.boolean().default(false),
      /** Critères que la page montre : un niveau que le référentiel a rendu inacceptable n'est pas rempli (issue 11 § 3). */
      criteria: z.array(CriterionInputSchema).max(2000).optional(),
    }),
    response: z.strictObject({
      answers: z.array(AnswerSchema),
      review: z.array(z.string()),
      /** Critères modifiés dont le niveau enregistré n'est pas rempli, et pourquoi (retirés de answers). */
      held: z.array(ReferentialChangeItemSchema).optional(),
      product: ProductSchema.nullable(),
      company: CompanyProfileSchema.nullable(),
      sourceName: z.string(),
    }),
  },
  'page.capture': {
    description:
      "Enregistrer ce que le script de contenu a lu sur la page, en un message : l'arrière-plan choisit la bibliothèque (fiche administrative, formulaire produit, ou celle du produit affiché, reliée ou créée), apprend les critères, retire d'une variante ce qu'elle hérite déjà, enregistre, et rend ce qui s'est passé (codes et nombres traduits par le panneau) avec le contexte de la page à jour.",
    request: z.strictObject({ pageProduct: PageProductSchema.nullable(), captured: CapturedPageSchema }),
    response: z.strictObject({ outcome: CaptureOutcomeSchema, context: PageContextSchema }),
  },
  'page.evidence.list': {
    description:
      'Preuves de la bibliothèque reliée au produit affiché (par son n° Convergence), jamais celles d\'un autre produit ; chez un distributeur, aussi celles de son paquet producteur dont le contenu a été inclus (id `paquet-…`, signature revérifiée, SHA-256 contrôlé), jamais celles décrites seulement.',
    request: z.strictObject({ pageProduct: PageProductSchema.nullable() }),
    response: z.strictObject({ files: z.array(EvidenceFileMetaSchema) }),
  },
  'page.evidence.get': {
    description:
      'Contenu (base64) d\'une preuve de la bibliothèque reliée au produit affiché, pour la joindre à une zone de dépôt. Une preuve du producteur (`paquet-…`) exige `zone`, du même type de preuve.',
    request: z.strictObject({ pageProduct: PageProductSchema.nullable(), fileId: id.max(400), zone: text(300).optional() }),
    response: z.strictObject({ meta: EvidenceFileMetaSchema, contentBase64: z.string() }),
  },
  'page.statuses.put': {
    description:
      'Mémoriser les statuts des questionnaires lus sur la liste (Terminé, À compléter…) pour un produit : la page des dossiers ne les affiche pas, la garde en a besoin après un rechargement.',
    request: z.strictObject({ productKey: text(400).min(1), statuses: z.array(ShownStatusSchema).max(20) }),
    response: z.strictObject({}),
  },
  'page.statuses.get': {
    description: 'Statuts des questionnaires mémorisés pour un produit (ou aucun).',
    request: z.strictObject({ productKey: text(400).min(1) }),
    response: z.strictObject({ statuses: z.array(ShownStatusSchema), at: IsoDateTimeSchema }).nullable(),
  },
  'panel.tab': {
    description: "Le panneau (page de l'extension dans un cadre de la page Convergence) demande l'onglet qui le contient : c'est l'arrière-plan qui le sait, pas la page.",
    request: z.strictObject({}),
    response: z.strictObject({ tabId: z.number().int().nonnegative() }),
  },
  'panel.view': {
    description: 'Ce que le script de contenu a lu de la page, pour le panneau : type de page et indices, produit affiché, résumé, ce qui n\'a pas pu être lu.',
    request: z.strictObject({}),
    response: PanelViewSchema,
  },
  'panel.changed': {
    description: 'La page a changé (relecture faite) : le panneau de cet onglet redemande sa vue.',
    request: z.strictObject({}),
    response: z.strictObject({}),
  },
  'panel.capture': {
    description: "Lire ce qu'il y a à enregistrer sur la page (réponses, critères, formulaire produit, fiche administrative). Le panneau le transmet à l'arrière-plan (« page.capture »), qui décide où l'écrire ; le script de contenu n'écrit rien.",
    request: z.strictObject({}),
    response: CapturedPageSchema,
  },
  'panel.fill': {
    description: 'Remplir la page avec ce que le panneau a obtenu de l\'arrière-plan (« page.fillSource ») : geste de la personne dans le panneau.',
    request: z.strictObject({
      answers: z.array(AnswerSchema).max(5000),
      review: z.array(z.string().max(100)).max(5000),
      product: ProductSchema.optional(),
      company: CompanyProfileSchema.optional(),
      words: z.strictObject({ level: text(50), comment: text(50), specificite: text(50), review: text(100) }),
      overwrite: z.array(z.string().max(300)).max(5000).optional(),
      only: z.array(z.string().max(300)).max(5000).optional(),
    }),
    response: z.strictObject({ report: z.array(FillReportEntrySchema), explanation: FillExplanationSchema.nullable() }),
  },
  'panel.undo': {
    description: 'Annuler le dernier remplissage de cette page (sauf les champs modifiés depuis).',
    request: z.strictObject({}),
    response: z.strictObject({ restored: z.number().int(), impossible: z.array(z.strictObject({ label: z.string(), reason: z.string() })), canUndo: z.boolean() }),
  },
  'panel.zones': {
    description: 'Les zones de dépôt vides de la page (type de preuve attendu), pour proposer les preuves de la bibliothèque reliée.',
    request: z.strictObject({}),
    response: z.strictObject({ zones: z.array(text(300)) }),
  },
  'panel.attach': {
    description: "Déposer un fichier de la bibliothèque dans une zone de dépôt, comme un glisser-déposer (geste de la personne dans le panneau).",
    request: z.strictObject({ zone: text(300), name: text(500).min(1), type: text(200), contentBase64: z.string().max(30_000_000) }),
    response: z.strictObject({ attached: z.boolean() }),
  },
  'panel.resize': {
    description: 'La hauteur du panneau a changé : le cadre qui le contient suit.',
    request: z.strictObject({ height: z.number().int().min(0).max(5000) }),
    response: z.strictObject({}),
  },
  'guard.dialog': {
    description: 'Ce que la fenêtre de la garde doit montrer : le bouton arrêté et chaque problème, déjà rédigés dans la langue de l\'interface.',
    request: z.strictObject({}),
    response: z
      .strictObject({
        buttonLabel: z.string().max(300),
        problems: z
          .array(z.strictObject({ ref: z.string().max(300).optional(), text: z.string().max(2000), detail: z.string().max(2000).optional(), action: z.string().max(2000) }))
          .max(2000),
      })
      .nullable(),
  },
  'guard.choice': {
    description: "Le choix de la personne dans la fenêtre de la garde : corriger (aller au premier problème), valider quand même (le clic arrêté passe, une fois), fermer.",
    request: z.strictObject({ choice: z.enum(['corriger', 'forcer', 'fermer']) }),
    response: z.strictObject({}),
  },
  'page.identity': {
    description: "Le produit retenu pour la page de l'onglet émetteur (lu, page précédente, choix), sans rien d'autre de la bibliothèque : la garde en fait la clé des statuts mémorisés.",
    request: z.strictObject({ pageProduct: PageProductSchema.nullable() }),
    response: IdentitySchema,
  },
  'page.identify': {
    description: 'Demander au script de contenu quelle page Convergence est affichée (fenêtre de l\'icône).',
    request: z.strictObject({}),
    response: z.strictObject({
      recognised: z.boolean(),
      kind: z.enum(PAGE_KINDS).nullable(),
      /** Libellé français du type de page, ou « Page non reconnue ». */
      label: z.string().max(300),
      /** Ce qui a convaincu le détecteur, ou pourquoi la page n'est pas reconnue. */
      explanation: z.string().max(2000),
      title: z.string().max(2000),
      /** Le produit retenu (« Produit - v0.1 - 3100 ») et d'où il vient (lu, page précédente de l'onglet, choix). */
      product: PageProductSchema.nullable(),
      productFrom: IdentityFromSchema,
      /** Résumé de ce qui a été lu : critères, obligatoires, à risque ; ou champs ; ou zones de dépôt. */
      summary: SummarySchema,
    }),
  },
} as const satisfies Record<string, MessageSchemas>;
