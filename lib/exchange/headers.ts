/** Détection de la ligne d'en-tête et des colonnes par noms français et synonymes (sans accents ni casse). */
import { normalizeText } from '../domain/text';
import type { CellValue } from './workbook-read';
import { readCellText } from './cell-safety';

/** Les rôles de colonne, dans l'ordre où l'export les écrit. */
export const COLUMN_ROLES = [
  'id',
  'title',
  'section',
  'questionnaire',
  'kind',
  'obligation',
  'minimum',
  'acceptable',
  'answer',
  'comment',
  'specificite',
  'evidence',
  'expectedEvidence',
  'condition',
  'provenance',
  'date',
  'validUntil',
  'author',
] as const;
export type ColumnRole = (typeof COLUMN_ROLES)[number];

/** Textes d'en-tête normalisés par rôle ; le premier est celui qu'écrit notre export. */
const COLUMN_SYNONYMS: Record<ColumnRole, readonly string[]> = {
  id: ['id', 'identifiant', 'code', 'reference', 'ref', 'id critere', 'identifiant du critere', 'code critere', 'code du critere', 'reference du critere', 'n critere', 'numero', 'numero du critere'],
  title: ['critere', 'libelle', 'intitule', 'libelle du critere', 'intitule du critere', 'nom du critere', 'question', 'exigence', 'titre'],
  section: ['section', 'chapitre', 'thematique', 'theme', 'rubrique'],
  questionnaire: ['questionnaire', 'referentiel'],
  kind: ['type de critere', 'type de reponse', 'nature de la reponse'],
  obligation: ['obligation option', 'obligation', 'nature', 'type', 'obligatoire', 'caractere', 'obligatoire optionnel', 'obligation ou option'],
  minimum: ['niveau minimum', 'niveau minimum requis', 'niveau requis', 'minimum requis', 'niveau min', 'niveau minimal', 'niveau minimal requis', 'minimum'],
  acceptable: ['niveaux acceptables', 'niveau acceptable', 'niveaux acceptes', 'niveaux attendus'],
  answer: ['reponse', 'niveau', 'niveau selectionne', 'niveau d auto evaluation', 'niveau auto evaluation', 'niveau d autoevaluation', 'auto evaluation', 'niveau atteint', 'niveau actuel', 'niveau de maturite', 'conformite', 'evaluation', 'valeur', 'reponse selectionnee'],
  comment: ['commentaire', 'commentaires', 'justification', 'justifications', 'remarque', 'remarques', 'observation', 'observations'],
  specificite: ['specificite', 'question de specificite', 'specifique', 'specificite marque blanche'],
  evidence: ['preuves', 'preuve', 'preuves deposees', 'documents', 'pieces justificatives', 'fichiers'],
  expectedEvidence: ['types de preuves attendus', 'preuves attendues', 'types de preuve attendus', 'type de preuve', 'types de preuve'],
  condition: ['conditions d affichage', 'condition d affichage'],
  provenance: ['provenance', 'source', 'origine'],
  date: ['date', 'date de mise a jour', 'mis a jour le', 'derniere modification', 'date de reponse'],
  validUntil: ['valide jusqu au', 'date de revue', 'a revoir le', 'echeance', 'validite'],
  author: ['auteur', 'saisi par', 'modifie par'],
};

/** En-têtes de colonnes écrits par notre export. */
export const EXPORT_HEADERS: Record<ColumnRole, string> = {
  id: 'ID',
  title: 'Critère',
  section: 'Section',
  questionnaire: 'Questionnaire',
  kind: 'Type de critère',
  obligation: 'Obligation/Option',
  minimum: 'Niveau minimum',
  acceptable: 'Niveaux acceptables',
  answer: 'Réponse',
  comment: 'Commentaire',
  specificite: 'Spécificité',
  evidence: 'Preuves',
  expectedEvidence: 'Types de preuves attendus',
  condition: "Conditions d'affichage",
  provenance: 'Provenance',
  date: 'Date',
  validUntil: "Valide jusqu'au",
  author: 'Auteur',
};

const EXACT = new Map<string, ColumnRole>();
const PREFIXES: [string, ColumnRole][] = [];
for (const role of COLUMN_ROLES) {
  for (const s of COLUMN_SYNONYMS[role]) {
    if (!EXACT.has(s)) EXACT.set(s, role);
    PREFIXES.push([s, role]);
  }
}
PREFIXES.sort((a, b) => b[0].length - a[0].length);

/** Rôle d'une cellule d'en-tête : synonyme exact, sinon le plus long synonyme par lequel elle commence. */
export function roleOfHeader(text: string): ColumnRole | null {
  const n = normalizeText(text);
  if (!n) return null;
  const exact = EXACT.get(n);
  if (exact) return exact;
  for (const [s, role] of PREFIXES) if (s.length >= 4 && n.startsWith(s + ' ')) return role;
  return null;
}

/** Valeurs reconnues d'une colonne Obligation / Option (repliées). */
export const OBLIGATION_WORDS: Readonly<Record<string, 'obligation' | 'option'>> = {
  obligation: 'obligation',
  obligatoire: 'obligation',
  oui: 'obligation',
  option: 'option',
  optionnel: 'option',
  optionnelle: 'option',
  facultatif: 'option',
  non: 'option',
};

export type ColumnMap = Partial<Record<ColumnRole, number>>;

interface HeaderMatch {
  /** Indice (à partir de 0) de la ligne d'en-tête. */
  row: number;
  columns: ColumnMap;
}

const HEADER_SCAN_ROWS = 30;

/** La ligne d'en-tête : parmi les premières lignes, celle qui reconnaît le plus de rôles, avec un identifiant et un intitulé ou une réponse. */
export function detectHeader(rows: readonly CellValue[][]): HeaderMatch | null {
  let best: HeaderMatch | null = null;
  let bestScore = 0;
  const limit = Math.min(rows.length, HEADER_SCAN_ROWS);
  for (let r = 0; r < limit; r++) {
    const columns: ColumnMap = {};
    const row = rows[r] ?? [];
    for (let c = 0; c < row.length; c++) {
      const cell = row[c];
      if (typeof cell !== 'string') continue;
      const role = roleOfHeader(readCellText(cell));
      if (role && columns[role] === undefined) columns[role] = c;
    }
    if (columns.id === undefined || (columns.title === undefined && columns.answer === undefined)) continue;
    const score = Object.keys(columns).length;
    if (score > bestScore) {
      best = { row: r, columns };
      bestScore = score;
    }
  }
  if (best) dropAmbiguousObligation(rows, best);
  return best;
}

/**
 * Une colonne titrée seulement « Type » n'est la nature Obligation/Option que si ses valeurs le sont : un
 * tableau de suivi y met souvent « Niveau » ou « Conformité ». Sinon elle est ignorée plutôt que refusée.
 */
function dropAmbiguousObligation(rows: readonly CellValue[][], match: HeaderMatch): void {
  const col = match.columns.obligation;
  if (col === undefined) return;
  const header = rows[match.row]?.[col];
  if (typeof header !== 'string' || normalizeText(readCellText(header)) !== 'type') return;
  for (let r = match.row + 1; r < rows.length; r++) {
    const v = rows[r]?.[col];
    const t = v === null || v === undefined ? '' : normalizeText(readCellText(v));
    if (t && !(t in OBLIGATION_WORDS)) {
      delete match.columns.obligation;
      return;
    }
  }
}
