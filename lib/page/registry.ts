/**
 * lib/page — la page Convergence : détecter son type, la lire, planifier et remplir, capturer, garder avant validation.
 * Ce registre associe chaque type de page à son module ; tout est lu d'après ce qu'une personne voit, jamais l'URL.
 * N'importe pas : db, exchange, library, messages, page-session, platform, components, entrypoints.
 */
import { PAGE_KINDS, type PageKind } from './kinds';
import type { PageModule } from './module';
import { convention } from './kinds/convention';
import { demarche } from './kinds/demarche';
import { dossier } from './kinds/dossier';
import { ethique } from './kinds/ethique';
import { ficheAdministrative } from './kinds/fiche-administrative';
import { listeQuestionnaires } from './kinds/liste-questionnaires';
import { marqueBlanche } from './kinds/marque-blanche';
import { notifications } from './kinds/notifications';
import { orientation } from './kinds/orientation';
import { parcours } from './kinds/parcours';
import { produitFiche } from './kinds/produit-fiche';
import { produitFormulaire } from './kinds/produit-formulaire';
import { questionnaireNiveaux } from './kinds/questionnaire-niveaux';
import { resultats } from './kinds/resultats';
import { rgpd } from './kinds/rgpd';
import { securiteEchanges } from './kinds/securite-echanges';
import { tableauDeBord } from './kinds/tableau-de-bord';

/**
 * Le seul endroit où les modules de page sont enregistrés : une ligne par type. Le typage exige un module pour
 * chaque type de PAGE_KINDS, rien d'autre, et que chaque module porte le type de sa clé.
 */
export const PAGE_REGISTRY = {
  'tableau-de-bord': tableauDeBord,
  parcours,
  'produit-formulaire': produitFormulaire,
  'produit-fiche': produitFiche,
  'marque-blanche': marqueBlanche,
  demarche,
  'fiche-administrative': ficheAdministrative,
  convention,
  'liste-questionnaires': listeQuestionnaires,
  orientation,
  'questionnaire-niveaux': questionnaireNiveaux,
  ethique,
  rgpd,
  'securite-echanges': securiteEchanges,
  resultats,
  dossier,
  notifications,
} as const satisfies { readonly [K in PageKind]: PageModule<K> };

/** Les modules dans l'ordre de PAGE_KINDS (à score égal, la reconnaissance retient le premier). */
export const PAGE_MODULES: readonly PageModule[] = PAGE_KINDS.map((kind) => PAGE_REGISTRY[kind]);
