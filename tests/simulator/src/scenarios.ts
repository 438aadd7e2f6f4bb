/** Scénarios du simulateur : chaque fonction construit un état initial complet. */
import type { QuestionnaireKey } from './data/types.ts';
import { ORIENTATION_ALL_APPLICABLE, QUESTIONNAIRE_KEYS, levelQuestionnaire, RGPD, SECURITE_ECHANGES } from './data/index.ts';
import {
  acceptableLevels, applicableEthique, applicableLevelCriteria, applicableQuestionnaires, ethiqueKey, makeDossierRef,
} from './rules.ts';
import type {
  CriterionAnswer, Demarche, FileEntry, OrientationAnswers, Product, ProductForm, QuestionnaireState, SimState, Style, WhiteLabel,
} from './types.ts';
import { DEFAULT_DISPLAY } from './display.ts';

export const SCENARIOS = ['vierge', 'nominal', 'questionnaires', 'pret', 'producteur', 'distributeur', 'grand', 'variantes'] as const;
export type ScenarioName = (typeof SCENARIOS)[number];

export const SCENARIO_DESCRIPTIONS: Record<ScenarioName, string> = {
  vierge: 'Aucun produit : tableau de bord → parcours → ajout d\'un produit.',
  nominal: 'Produit - v0.1 - 3100 rattaché à la démarche (cas nominal), fiche administrative à remplir, convention non disponible.',
  questionnaires: 'Produit - v0.1 - 3100 et Produit Android - v0.1 - 3101 : fiche transmise, convention validée, orientation validée (tous les questionnaires applicables), questionnaires d\'évaluation vides.',
  pret: 'Produit - v0.1 - 3100 : tous les questionnaires applicables validés, prêt à générer un dossier ; Produit Android - v0.1 - 3101 : questionnaires vides.',
  producteur: 'Solution d\'éditeur producteur - v1 - 2726 (questions de spécificité, dossier pré-référencé) et une notification de rattachement d\'un éditeur distributeur en attente.',
  distributeur: 'Solution d\'éditeur distributeur - v1 - 2742 rattachée (acceptée) à la solution pré-référencée 2726 ; réponses de l\'éditeur producteur récupérables.',
  grand: 'Produit - v0.1 - 3100 avec un questionnaire Interopérabilité de 249 critères (mesures de performance), plus une section complémentaire révélée par le niveau 2 ou 3 du critère A20.1.1 ; commentaires vérifiés à la sortie du champ.',
  variantes: 'Dossia - v3.1 - 4101 (Interopérabilité, Urbanisation et Maturité Sécurité validés, niveaux et commentaires) et Dossia iOS Mobile - v3.1 - 4102 (même démarche, questionnaires vides) : à combiner avec ?fil=, ?produit=, ?retard=.',
};

const USER = 'PierrePierre Durand';
const T0 = '2024-07-08T14:05:00.000Z';

export function emptyProductForm(): ProductForm {
  return { nom: '', version: '', type: '', nil: '', responsable: '', description: '', certifications: '', interets: [] };
}

export function emptyQuestionnaire(): QuestionnaireState {
  return {
    status: 'a-completer', answers: {}, files: {}, archived: {}, locked: {}, draftSavedAt: null,
    validated: null, modifiedSinceValidation: false, history: [], commentErrors: {},
  };
}

export function newDemarche(whiteLabel: WhiteLabel): Demarche {
  const questionnaires = {} as Record<QuestionnaireKey, QuestionnaireState>;
  for (const k of QUESTIONNAIRE_KEYS) questionnaires[k] = emptyQuestionnaire();
  return {
    whiteLabel,
    grand: false,
    ficheAdmin: { values: {}, status: 'a-completer', transmittedAt: null },
    convention: 'non-disponible',
    orientation: { status: 'a-completer', answers: {}, validatedAnswers: null, draftSavedAt: null },
    questionnaires,
    dossiers: [],
    candidature: null,
    referencedAt: null,
    preReferenced: false,
    completionModal: false,
  };
}

export function baseState(name: string, style: Style = 'a'): SimState {
  return {
    version: 1, scenario: name, style, display: { ...DEFAULT_DISPLAY }, user: USER, nextProductId: 3100, nextDossierSeq: 83970,
    products: [], notifications: [], productDraft: emptyProductForm(), lastRefusal: null,
  };
}

function product(id: number, nom: string, version: string, editeur = 'Mon entreprise'): Product {
  return {
    id, editeur, createdAt: T0, demarche: null,
    form: {
      nom, version, type: 'Socle', nil: '', responsable: USER,
      description: 'Ce produit est créé dans le cadre de la rédaction du guide utilisateur.',
      certifications: '', interets: ['1. Catalogue de services de Mon espace santé'],
    },
  };
}

export const FICHE_EXEMPLE: Record<string, string> = {
  denomination: 'Santé Numérique Exemple', formeJuridique: 'SAS', adresseSiege: '10 rue de la Santé, 75014 Paris',
  rcs: 'Paris B 123 456 789', siret: '12345678900012', siteWeb: 'https://www.exemple-sante.fr', telephone: '01 23 45 67 89',
  nom: 'Durand', prenom: 'Pierre', fonction: 'Président', email: 'pierre.durand@exemple-sante.fr', telephoneRepresentant: '06 12 34 56 78',
};

/** Démarche au stade des questionnaires : fiche transmise, convention validée, orientation validée. */
function atQuestionnaires(wl: WhiteLabel, orientation: OrientationAnswers = ORIENTATION_ALL_APPLICABLE): Demarche {
  const d = newDemarche(wl);
  d.ficheAdmin = { values: { ...FICHE_EXEMPLE }, status: 'transmise', transmittedAt: T0 };
  d.convention = 'validee';
  d.orientation = { status: 'termine', answers: structuredClone(orientation), validatedAnswers: structuredClone(orientation), draftSavedAt: null };
  return d;
}

function file(name: string, size = 48213, type = 'application/pdf'): FileEntry {
  return { name, size, type, at: T0 };
}

/** Remplit et valide tous les questionnaires applicables (niveaux acceptables, Conforme + preuves, dépôts). */
export function fillAndValidate(
  d: Demarche, opts: { specificiteOui?: string[]; producer?: boolean; prefix?: string; only?: QuestionnaireKey[] } = {},
): void {
  const o = d.orientation.validatedAnswers;
  const prefix = opts.prefix ?? 'preuve';
  for (const key of applicableQuestionnaires(o)) {
    if (opts.only && !opts.only.includes(key)) continue;
    const q = d.questionnaires[key];
    const spec = (id: string): Partial<CriterionAnswer> =>
      opts.producer ? { specificite: opts.specificiteOui?.includes(id) ? 'Oui' : 'Non' } : {};
    if (key === 'interoperabilite' || key === 'urbanisation' || key === 'maturite-securite') {
      for (const c of applicableLevelCriteria(levelQuestionnaire(key, d.grand), o)) {
        const acc = acceptableLevels(c).filter((k) => k !== 'NA');
        q.answers[c.id] = { level: acc[acc.length - 1] ?? '3', comment: `Réponse ${c.id} : voir la documentation technique.`, ...spec(c.id) };
      }
    } else if (key === 'ethique') {
      for (const c of applicableEthique(o)) {
        q.answers[c.id] = { conformite: 'Conforme', comment: `Justification ${c.id}.`, ...spec(c.id) };
        for (const ev of c.evidence) q.files[ethiqueKey(c.id, ev.id)] = [file(`${prefix}_${c.id}_${ev.id}.pdf`)];
      }
    } else {
      const def = key === 'rgpd' ? RGPD : SECURITE_ECHANGES;
      for (const z of def.zones) {
        q.files[z.id] = [file(z.zed ? `${prefix}_${z.id}.zed` : `${prefix}_${z.id}.pdf`, 120344, z.zed ? 'application/octet-stream' : 'application/pdf')];
        if (z.single) q.locked[z.id] = true;
      }
    }
    q.status = 'termine';
    q.validated = { at: T0, answers: structuredClone(q.answers), files: structuredClone(q.files) };
    q.history = [T0];
  }
}

const SPECIFIQUES = ['04.03', '09.02', '09.04', 'QUA.1.5', 'ACC.1.1', 'ETH.1.4', 'DEV.1.1'];

export function buildScenario(name: string, style: Style = 'a'): SimState {
  const s = baseState(name, style);
  switch (name as ScenarioName) {
    case 'vierge':
      return s;
    case 'nominal': {
      const p = product(3100, 'Produit', 'v0.1');
      p.demarche = newDemarche({ marqueBlanche: 'Non' });
      const p2 = product(3101, 'Produit Android', 'v0.1');
      s.products = [p, p2];
      s.nextProductId = 3102;
      return s;
    }
    case 'questionnaires':
    case 'pret':
    case 'grand': {
      const p = product(3100, 'Produit', 'v0.1');
      p.demarche = atQuestionnaires({ marqueBlanche: 'Non' });
      const p2 = product(3101, 'Produit Android', 'v0.1');
      p2.demarche = atQuestionnaires({ marqueBlanche: 'Non' });
      if (name === 'pret') fillAndValidate(p.demarche);
      if (name === 'grand') p.demarche.grand = true;
      s.products = [p, p2];
      s.nextProductId = 3102;
      return s;
    }
    case 'variantes': {
      // Nommage ANS des déclinaisons : « [NomDuProduit] [OS] [Appareil] ».
      const p = product(4101, 'Dossia', 'v3.1');
      p.demarche = atQuestionnaires({ marqueBlanche: 'Non' });
      fillAndValidate(p.demarche, { only: ['interoperabilite', 'urbanisation', 'maturite-securite'] });
      const p2 = product(4102, 'Dossia iOS Mobile', 'v3.1');
      p2.demarche = atQuestionnaires({ marqueBlanche: 'Non' });
      s.products = [p, p2];
      s.nextProductId = 4103;
      return s;
    }
    case 'producteur':
    case 'distributeur': {
      const prod = product(2726, "Solution d'éditeur producteur", 'v1', 'LogiPro');
      prod.demarche = atQuestionnaires({ marqueBlanche: 'Oui', role: 'producteur' });
      fillAndValidate(prod.demarche, { producer: true, specificiteOui: SPECIFIQUES, prefix: 'producteur' });
      const o = prod.demarche.orientation.validatedAnswers;
      const ref = makeDossierRef(s.nextDossierSeq++, new Date(T0));
      prod.demarche.dossiers.push({
        ref, creator: USER, createdAt: T0, applicable: applicableQuestionnaires(o), orientation: structuredClone(o ?? {}),
        questionnaires: Object.fromEntries(applicableQuestionnaires(o).map((k) => [k, structuredClone(prod.demarche?.questionnaires[k].validated)])),
      });
      prod.demarche.preReferenced = true;
      const dist = product(2742, "Solution d'éditeur distributeur", 'v1', name === 'producteur' ? 'DistriSanté' : 'Mon entreprise');
      s.products = [prod, dist];
      s.nextProductId = 3100;
      if (name === 'producteur') {
        dist.demarche = newDemarche({ marqueBlanche: 'Oui', role: 'distributeur', producerProductId: 2726, pourTiers: 'Non', attachment: 'en-attente' });
        s.notifications.push({
          id: 1, emetteur: 'Jean Martin (DistriSanté)', productId: 2742, producerProductId: 2726, type: 'Solution marque blanche',
          contenu: "Demande de rattachement à la solution de l'éditeur producteur Solution d'éditeur producteur - v1 - 2726",
          receivedAt: '2024-07-09T07:16:00.000Z', status: 'nouvelle',
        });
      } else {
        dist.demarche = atQuestionnaires(
          { marqueBlanche: 'Oui', role: 'distributeur', producerProductId: 2726, pourTiers: 'Non', attachment: 'accepte' },
        );
        s.notifications.push({
          id: 1, emetteur: USER, productId: 2742, producerProductId: 2726, type: 'Solution marque blanche',
          contenu: "Demande de rattachement à la solution de l'éditeur producteur Solution d'éditeur producteur - v1 - 2726",
          receivedAt: '2024-07-09T07:16:00.000Z', status: 'acceptee',
        });
      }
      return s;
    }
    default:
      throw new Error(`Scénario inconnu : ${name}`);
  }
}
