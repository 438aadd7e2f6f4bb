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

/** Le seul endroit où les modules de page sont enregistrés. */
export const PAGE_MODULES: readonly PageModule[] = [
  tableauDeBord,
  parcours,
  produitFormulaire,
  produitFiche,
  marqueBlanche,
  demarche,
  ficheAdministrative,
  convention,
  listeQuestionnaires,
  orientation,
  questionnaireNiveaux,
  ethique,
  rgpd,
  securiteEchanges,
  resultats,
  dossier,
  notifications,
];
