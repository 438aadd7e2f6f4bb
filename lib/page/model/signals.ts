/**
 * Ce qu'une personne voit d'une page, extrait une fois et partagé par tous les détecteurs :
 * titres, fil d'Ariane, fenêtre modale ouverte, boutons, en-tête, titre du document. Aucune classe CSS, aucune URL.
 */
export interface PageSignals {
  /**
   * Titres visibles (h1–h6 et role="heading"), dans l'ordre du document : normalisés (text, SANS la mention du
   * produit « Nom - version - n° », pour que les détecteurs reconnaissent « Produit - v0.1 - 3100 Questionnaire
   * d'évaluation : … » comme « Questionnaire d'évaluation : … ») et tels qu'affichés (raw, avec le produit).
   */
  headings: { level: number; text: string; raw: string; parts: string[] }[];
  /** Le titre principal : le premier h1, à défaut le titre de plus haut niveau (normalisé, puis tel qu'affiché). */
  mainHeading: string;
  mainHeadingRaw: string;
  /** Le fil d'Ariane normalisé ('' s'il n'y en a pas) : nommé (aria-label), sinon écrit en texte en haut de page. */
  breadcrumb: string;
  /** Ses éléments, du plus général au plus précis (normalisés, puis tels qu'affichés). */
  breadcrumbItems: string[];
  breadcrumbRaw: string[];
  /** Texte normalisé de la fenêtre modale ouverte au premier plan ('' sinon). */
  dialog: string;
  /** Textes normalisés des boutons et liens-boutons visibles. */
  buttons: string[];
  /** Texte normalisé de la zone principale (ou du corps), sans la fenêtre modale. */
  text: string;
  /** Titre du document (onglet), tel qu'affiché, espaces regroupés. */
  documentTitle: string;
  /** Lignes courtes (≤ 160 caractères) de l'en-tête de page (header, role="banner"), telles qu'affichées. */
  headerLines: string[];
}
