import { PAGE_KIND_LABELS, type PageKind } from '../lib/page/model/kinds';
import type { PageText, PageTextKey } from '../lib/page/model/text';
import { defineStrings } from './i18n';

/**
 * Ce que la lecture des pages dit (lib/page/model/text.ts) et les noms des types de page, en français et en anglais.
 * Le type impose une phrase par code : un code ajouté dans lib/page sans sa traduction ne compile pas.
 */
const FR = {
  indiceTitre: 'titre « {titre} »',
  indiceTitres: 'titres « {a} » et « {b} »',
  indiceBouton: 'bouton « {bouton} »',
  indiceFenetre: 'fenêtre « {texte} »',
  indiceFil: "fil d'Ariane « {texte} »",
  indiceTexte: '« {texte} »',
  indiceStatutConvention: 'statut de convention « {statut} »',
  indiceDemarche: 'titre de démarche, étapes Fiche administrative / Convention / Questionnaires et « Démarrer »',
  indiceListe: "orientation et questionnaires d'évaluation listés avec leurs compteurs",
  indiceNiveauxMaturite: "questionnaire d'évaluation avec sélection du niveau de maturité",
  indiceDossier: 'titre « {titre} » et « Mon dossier candidat »',
  indiceOrientation: "titre « Questionnaire d'orientation » et questions",
  indiceTableauDeBord: 'titre « Les parcours » et « Sélectionnez le parcours… »',
  nonReconnuTitre: 'Page non reconnue : le titre « {titre} » ne correspond à aucune page Convergence connue.',
  nonReconnuSansTitre: "Page non reconnue : aucun titre ni libellé Convergence connu n'est visible.",
  questionnaireInconnu: 'Questionnaire « {titre} » inconnu : ses réponses ne sont ni enregistrées ni remplies.',
  aucunCritere: 'Aucun critère lisible sur cette page (identifiant de critère et réponses introuvables).',
  identifiantSansReponse: 'Identifiant {id} vu sans réponse associée : ignoré.',
  controleNonLu:
    "Critère {id} : sa réponse est dans un contrôle que l'Assistant ne sait pas lire (liste déroulante ou bouton personnalisé) ; il n'est ni enregistré, ni rempli, ni vérifié.",
  aucuneZone: 'Aucune zone de dépôt lisible sur cette page.',
  critereSansReponse: 'Critère {id} : aucune réponse lisible (ni niveau, ni conformité, ni zone de dépôt).',
  minimumNonIndique: 'Critère {id} : niveau minimum requis non indiqué sur la page.',
  natureNonIndiquee: 'Critère {id} : nature (Obligation ou Option) non indiquée.',
} satisfies Record<PageTextKey, string>;

const EN: Record<PageTextKey, string> = {
  indiceTitre: 'heading “{titre}”',
  indiceTitres: 'headings “{a}” and “{b}”',
  indiceBouton: 'button “{bouton}”',
  indiceFenetre: 'dialog “{texte}”',
  indiceFil: 'breadcrumb “{texte}”',
  indiceTexte: '“{texte}”',
  indiceStatutConvention: 'agreement status “{statut}”',
  indiceDemarche: 'procedure heading, steps Fiche administrative / Convention / Questionnaires and “Démarrer”',
  indiceListe: 'orientation and evaluation questionnaires listed with their counters',
  indiceNiveauxMaturite: 'evaluation questionnaire with maturity level choices',
  indiceDossier: 'heading “{titre}” and “Mon dossier candidat”',
  indiceOrientation: 'heading “Questionnaire d’orientation” and questions',
  indiceTableauDeBord: 'heading “Les parcours” and “Sélectionnez le parcours…”',
  nonReconnuTitre: 'Page not recognised: the heading “{titre}” matches no known Convergence page.',
  nonReconnuSansTitre: 'Page not recognised: no known Convergence heading or label is visible.',
  questionnaireInconnu: 'Unknown questionnaire “{titre}”: its answers are neither saved nor filled.',
  aucunCritere: 'No readable criterion on this page (criterion identifiers and answers not found).',
  identifiantSansReponse: 'Identifier {id} seen without an answer: ignored.',
  controleNonLu: 'Criterion {id}: its answer is in a control the Assistant cannot read (drop-down list or custom button); it is neither saved, filled nor checked.',
  aucuneZone: 'No readable upload zone on this page.',
  critereSansReponse: 'Criterion {id}: no readable answer (no level, conformity or upload zone).',
  minimumNonIndique: 'Criterion {id}: minimum required level not shown on the page.',
  natureNonIndiquee: 'Criterion {id}: nature (Obligation or Option) not shown.',
};

const KINDS_EN: Record<PageKind, string> = {
  'tableau-de-bord': 'Dashboard',
  parcours: 'Mon espace santé journey overview',
  'produit-formulaire': 'Product form (Ajouter un nouveau produit)',
  'produit-fiche': 'Product page',
  'marque-blanche': 'White-label dialog',
  demarche: 'Procedure page (steps)',
  'fiche-administrative': 'Company profile (fiche administrative)',
  convention: 'Agreement (convention)',
  'liste-questionnaires': 'Questionnaire list',
  orientation: 'Orientation questionnaire',
  'questionnaire-niveaux': 'Evaluation questionnaire with levels',
  ethique: 'Éthique Mon espace santé (ethics)',
  rgpd: 'RGPD Mon espace santé (GDPR)',
  'securite-echanges': 'Security of data exchanges',
  resultats: 'Evaluation results',
  dossier: 'Evaluation dossier',
  notifications: 'Notifications',
};

const page = defineStrings(FR, EN);
// Le nom français d'un type de page est celui du module de page (lib/page/model/kinds.ts).
const kinds = defineStrings(PAGE_KIND_LABELS, KINDS_EN);

/** Le texte d'un code de lecture des pages, dans la langue de l'interface. */
export function pageTextOf(p: PageText): string {
  return page(p.key, p.params);
}

/** Le nom d'un type de page, dans la langue de l'interface. */
export function pageKindLabel(kind: PageKind): string {
  return kinds(kind);
}
