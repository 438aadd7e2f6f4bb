/**
 * lib/page — la page Convergence, lue d'après ce qu'une personne voit (jamais l'URL ni les classes), en étapes :
 * model/ dom/ → read/ → guard/ plan/ → kinds/ (un module par type de page, enregistré ici) → by-kind/ → fill/.
 * N'importe de lib/ que : domain, rules, text — ni db, exchange, library, messages, page-session, platform.
 */
import { PAGE_KINDS, type PageKind } from '../model/kinds';
import type { PageModule } from './define';
import { convention } from './convention';
import { demarche } from './demarche';
import { dossier } from './dossier';
import { ethique } from './ethique';
import { ficheAdministrative } from './fiche-administrative';
import { listeQuestionnaires } from './liste-questionnaires';
import { marqueBlanche } from './marque-blanche';
import { notifications } from './notifications';
import { orientation } from './orientation';
import { parcours } from './parcours';
import { produitFiche } from './produit-fiche';
import { produitFormulaire } from './produit-formulaire';
import { questionnaireNiveaux } from './questionnaire-niveaux';
import { resultats } from './resultats';
import { rgpd } from './rgpd';
import { securiteEchanges } from './securite-echanges';
import { tableauDeBord } from './tableau-de-bord';

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
