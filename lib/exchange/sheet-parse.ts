/**
 * Change des grilles de tableur (notre export, les fichiers « Télécharger » de Convergence, les suivis des éditeurs)
 * en critères et réponses. Pur : rien n'est écrit ici. Chaque problème est une erreur en français qui nomme le
 * fichier, la feuille, la ligne et la colonne. Un texte plus long que ce qu'acceptent les schémas est refusé ici, pour
 * qu'aucun chemin (aperçu, check, convert) ne continue avec ce qu'un import refuserait.
 * Sans SheetJS : les grilles viennent de workbook-read (dans ce fil ou dans un fil séparé).
 */
import type { CriterionInput } from '../domain/schemas';
import { defaultKind } from '../domain/catalogue';
import { UserError } from '../domain/errors';
import { parseMinimumText, parseOuiNon } from '../domain/levels';
import { QUESTIONNAIRES, questionnaireFromCriterionId, questionnaireFromLabel } from '../domain/questionnaires';
import type { QuestionnaireId } from '../domain/questionnaires';
import { CRITERION_KINDS, CriterionIdSchema } from '../domain/schemas';
import type { AnswerValue, CriterionKind, EvidenceRef } from '../domain/schemas';
import { displaySafe, neutralizeName, normalizeText } from '../domain/text';
import { parseAnswerValue, parseEvidenceRefs, splitChoices } from '../domain/values';
import { readCellRaw, readCellText } from './cell-safety';
import { colLetter } from './grid';
import type { SheetGrid } from './grid';
import { detectHeader, EXPORT_HEADERS, OBLIGATION_WORDS } from './headers';
import type { ColumnMap, ColumnRole } from './headers';
import { TEXT_LIMITS } from './text-limits';

interface ImportIssue {
  sheet: string;
  /** À partir de 1, comme dans le tableur. */
  row: number;
  column?: string;
  message: string;
}

/** Un fichier refusé : chaque problème nomme sa place ; le message donne les premiers. */
class ImportError extends UserError {
  constructor(
    readonly fileName: string,
    readonly issues: ImportIssue[],
  ) {
    super(
      `Fichier « ${fileName} » refusé, rien n'a été enregistré : ` +
        issues
          .slice(0, 5)
          .map((i) => `feuille « ${i.sheet} », ligne ${i.row}${i.column ? `, colonne ${i.column}` : ''} : ${i.message}`)
          .join(' ; ') +
        (issues.length > 5 ? ` ; … et ${issues.length - 5} autre(s) problème(s)` : ''),
    );
  }
}

interface ParsedRow {
  sheet: string;
  row: number;
  questionnaire: QuestionnaireId;
  criterion: CriterionInput;
  /** Présent quand la ligne dit quelque chose de la réponse (valeur, commentaire ou preuves). */
  answer?: {
    value: AnswerValue | null;
    comment?: string;
    evidence?: EvidenceRef[];
    specificite?: 'oui' | 'non';
    validUntil?: string;
    author?: string;
  };
  /** Faux quand la feuille n'a pas de colonne « Preuves » (preuves inconnues, pas absentes). */
  evidenceStated: boolean;
  /** Date de dernière modification de la ligne (ISO), si le fichier en donne une. */
  date?: string;
}

export interface ParsedSheet {
  name: string;
  questionnaire: QuestionnaireId | null;
  headerRow: number;
  columns: Partial<Record<ColumnRole, string>>;
  rows: number;
}

export interface ParsedWorkbook {
  fileName: string;
  sheets: ParsedSheet[];
  skippedSheets: { name: string; reason: string }[];
  rows: ParsedRow[];
  /** Paires clé / valeur de notre feuille « Produit », si elle est là. */
  productSheet?: Record<string, string>;
}

export const PRODUCT_SHEET = 'Produit';
export const READINESS_SHEET = 'Préparation';

const KIND_WORDS: Record<string, CriterionKind> = {
  niveau: 'niveau',
  niveaux: 'niveau',
  maturite: 'niveau',
  conformite: 'conformite',
  'conforme non conforme': 'conformite',
  preuves: 'preuves',
  'choix unique': 'choix-unique',
  'choix multiple': 'choix-multiple',
  texte: 'texte',
  'champ libre': 'texte',
};
for (const k of CRITERION_KINDS) KIND_WORDS[normalizeText(k)] = k;

/** Valeur citée dans un message : courte, sans caractère trompeur. */
function quote(v: string, max = 60): string {
  return `« ${displaySafe(v, max)} »`;
}

/** « 10 001 » (espace ordinaire : lisible et cherchable partout). */
function frNumber(n: number): string {
  return n.toLocaleString('fr-FR').replace(/[\u202f\u00a0]/g, ' ');
}

function tooLong(length: number, max: number): string {
  return `texte trop long (${frNumber(length)} caractères, maximum ${frNumber(max)})`;
}

function validDate(y: number, m: number, d: number): boolean {
  return m >= 1 && m <= 12 && d >= 1 && d <= new Date(Date.UTC(y, m, 0)).getUTCDate() && y >= 1900 && y <= 9999;
}

function validTime(h: number, min: number, sec: number): boolean {
  return h <= 23 && min <= 59 && sec <= 59;
}

/**
 * Date d'une cellule → date-heure ISO, ou null si illisible. Acceptés : numéro de série Excel, « jj/mm/aaaa »
 * (à la française, éventuellement suivi de « hh:mm »), « aaaa-mm-jj » et date-heure ISO 8601. Stricte :
 * « 30/02/2025 » ou « 2025-13-01 » sont refusées, jamais reportées au mois suivant.
 */
export function parseDateCell(v: unknown): string | null {
  if (typeof v === 'number') {
    if (!(v >= 1 && v < 2_958_466) || Math.floor(v) === 60) return null; // 60 = 29/02/1900, jour fictif d'Excel
    const days = v < 60 ? v - 25568 : v - 25569;
    return new Date(Math.round(days * 86400) * 1000).toISOString();
  }
  const s = readCellText(v);
  if (!s) return null;
  const fr = /^(\d{1,2})\/(\d{1,2})\/(\d{4})(?:\s+(\d{1,2})[:h](\d{2})(?::(\d{2}))?)?$/.exec(s);
  if (fr) {
    const [d, m, y, hh, mm, ss] = fr.slice(1).map((x) => Number(x ?? 0)) as [number, number, number, number, number, number];
    if (!validDate(y, m, d) || !validTime(hh, mm, ss)) return null;
    return new Date(Date.UTC(y, m - 1, d, hh, mm, ss)).toISOString();
  }
  const iso = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?(Z|[+-]\d{2}:?\d{2})?)?$/.exec(s);
  if (iso) {
    const [y, m, d, hh, mm, ss] = iso.slice(1, 7).map((x) => Number(x ?? 0)) as [number, number, number, number, number, number];
    if (!validDate(y, m, d) || !validTime(hh, mm, ss)) return null;
    const ms = Number(`0.${iso[7] ?? '0'}`) * 1000;
    let t = Date.UTC(y, m - 1, d, hh, mm, ss, Math.floor(ms));
    const zone = iso[8];
    if (zone && zone !== 'Z') {
      const sign = zone[0] === '-' ? -1 : 1;
      const [zh, zm] = [Number(zone.slice(1, 3)), Number(zone.slice(-2))];
      if (zh > 23 || zm > 59) return null;
      t -= sign * (zh * 60 + zm) * 60000;
    }
    return new Date(t).toISOString();
  }
  return null;
}

function sheetQuestionnaire(name: string): QuestionnaireId | null {
  const q = questionnaireFromLabel(name);
  return q === 'produit' ? null : q;
}

class SheetReader {
  constructor(
    readonly grid: SheetGrid,
    readonly columns: ColumnMap,
    readonly issues: ImportIssue[],
  ) {}

  /** Cellule d'une colonne reconnue ; une formule y est refusée (jamais évaluée). */
  private cell(r: number, role: ColumnRole): { value: unknown } | undefined {
    const c = this.columns[role];
    if (c === undefined) return undefined;
    if (this.grid.formulas.has(`${r},${c}`)) {
      this.fail(r, role, 'formule interdite : remplacez-la par sa valeur (copier, coller les valeurs)');
      return { value: '' };
    }
    return { value: this.grid.rows[r]?.[c] };
  }

  /** Texte rogné d'une cellule reconnue (identifiants, niveaux, mots). */
  text(r: number, role: ColumnRole): string | undefined {
    const cell = this.cell(r, role);
    return cell && readCellText(cell.value);
  }

  /** Texte libre d'une cellule reconnue, tel qu'écrit (espaces gardées) ; undefined si vide. */
  freeText(r: number, role: ColumnRole): string | undefined {
    const cell = this.cell(r, role);
    if (!cell) return undefined;
    const t = readCellRaw(cell.value);
    return t.trim() ? t : undefined;
  }

  raw(r: number, role: ColumnRole): unknown {
    return this.cell(r, role)?.value;
  }

  /** Faux (et la ligne refusée) quand un texte dépasse ce que le schéma garde. */
  fits(r: number, role: ColumnRole, value: string | undefined, max: number): boolean {
    if (value === undefined || value.length <= max) return true;
    this.fail(r, role, tooLong(value.length, max));
    return false;
  }

  fail(r: number, role: ColumnRole | undefined, message: string): void {
    const c = role ? this.columns[role] : undefined;
    this.issues.push({ sheet: this.grid.name, row: r + 1, ...(c !== undefined ? { column: colLetter(c) } : {}), message });
  }
}

/** Lignes « Type : nom.pdf » → références, dans les limites du schéma (une référence a toujours un nom de fichier). */
function readEvidence(rd: SheetReader, r: number, text: string): EvidenceRef[] | undefined {
  const refs = parseEvidenceRefs(text).map((e) => ({ ...e, evidenceType: neutralizeName(e.evidenceType), name: neutralizeName(e.name) }));
  if (refs.length > TEXT_LIMITS.evidence) {
    rd.fail(r, 'evidence', `trop de preuves (${refs.length}, maximum ${TEXT_LIMITS.evidence})`);
    return undefined;
  }
  for (const e of refs) {
    if (!e.name) {
      rd.fail(r, 'evidence', `preuve sans nom de fichier ${quote(e.evidenceType)} (attendu : « Type : nom du fichier »)`);
      return undefined;
    }
    if (!rd.fits(r, 'evidence', e.name, TEXT_LIMITS.evidenceName) || !rd.fits(r, 'evidence', e.evidenceType, TEXT_LIMITS.evidenceType)) return undefined;
  }
  return refs;
}

function readRow(rd: SheetReader, r: number, sheetQ: QuestionnaireId | null): ParsedRow | null {
  const id = rd.text(r, 'id') ?? '';
  const title = rd.text(r, 'title');
  const answerText = rd.text(r, 'answer');
  const comment = rd.freeText(r, 'comment');
  if (!id) return null; // ligne vide, de section ou de titre
  if (!/\d/.test(id) && !title && !answerText && !comment) return null; // une note, par exemple « Total »
  if (!CriterionIdSchema.safeParse(id).success) {
    if (!title && !answerText && !comment) return null; // une note, par exemple « Total »
    rd.fail(r, 'id', `identifiant de critère invalide ${quote(id)}`);
    return null;
  }
  const qText = rd.text(r, 'questionnaire');
  let questionnaire: QuestionnaireId | null = null;
  if (qText) {
    questionnaire = questionnaireFromLabel(qText);
    if (!questionnaire) {
      rd.fail(r, 'questionnaire', `questionnaire inconnu ${quote(qText)} (attendus : ${QUESTIONNAIRES.join(', ')})`);
      return null;
    }
  }
  questionnaire ??= sheetQ ?? questionnaireFromCriterionId(id);
  if (!questionnaire) {
    rd.fail(r, 'id', `impossible de déterminer le questionnaire du critère « ${id} » : nommez la feuille d'après le questionnaire ou ajoutez une colonne « Questionnaire »`);
    return null;
  }
  const criterion: CriterionInput = { questionnaire, id };
  if (title && rd.fits(r, 'title', title, TEXT_LIMITS.title)) criterion.title = title;
  const section = rd.text(r, 'section');
  if (section && rd.fits(r, 'section', section, TEXT_LIMITS.section)) criterion.section = section;
  const kindText = rd.text(r, 'kind');
  if (kindText) {
    const k = KIND_WORDS[normalizeText(kindText)];
    if (!k) rd.fail(r, 'kind', `type de critère inconnu ${quote(kindText)}`);
    else criterion.kind = k;
    if (normalizeText(kindText) === 'maturite') criterion.scale = 'maturite';
  }
  const obl = rd.text(r, 'obligation');
  if (obl) {
    const o = OBLIGATION_WORDS[normalizeText(obl)];
    if (!o) rd.fail(r, 'obligation', `valeur ${quote(obl)} non reconnue (attendu : Obligation ou Option)`);
    else criterion.obligation = o;
  }
  const acc = rd.text(r, 'acceptable');
  const min = rd.text(r, 'minimum');
  const levelsText = acc || min;
  if (levelsText) {
    const parsed = parseMinimumText(levelsText, acc ? 'list' : 'auto');
    if (!parsed.ok) rd.fail(r, acc ? 'acceptable' : 'minimum', `niveau minimum / niveaux acceptables non reconnus ${quote(levelsText)}`);
    else {
      criterion.acceptableLevels = parsed.acceptable;
      if (parsed.acceptable.length > 0 && !criterion.obligation) criterion.obligation = 'obligation';
    }
  }
  const expected = rd.text(r, 'expectedEvidence');
  if (expected) {
    const list = splitChoices(expected).map(neutralizeName).filter(Boolean);
    if (list.length > TEXT_LIMITS.expectedEvidence) rd.fail(r, 'expectedEvidence', `trop de types de preuves (${list.length}, maximum ${TEXT_LIMITS.expectedEvidence})`);
    else if (list.every((t) => rd.fits(r, 'expectedEvidence', t, TEXT_LIMITS.expectedEvidenceItem))) criterion.expectedEvidence = list;
  }
  const cond = rd.text(r, 'condition');
  if (cond && rd.fits(r, 'condition', cond, TEXT_LIMITS.displayCondition)) criterion.displayCondition = cond;

  const kind = criterion.kind ?? defaultKind(questionnaire);
  if (kind === 'niveau' && !criterion.scale && answerText && normalizeText(answerText).startsWith('maturite')) criterion.scale = 'maturite';
  const row: ParsedRow = { sheet: rd.grid.name, row: r + 1, questionnaire, criterion, evidenceStated: rd.columns.evidence !== undefined };
  const evidenceText = rd.text(r, 'evidence');
  const specText = rd.text(r, 'specificite');
  const untilRaw = rd.raw(r, 'validUntil');
  const hasAnswerInfo = !!(answerText || comment || evidenceText);
  if (hasAnswerInfo) {
    const answer: NonNullable<ParsedRow['answer']> = { value: null };
    if (kind === 'texte' && answerText) {
      // Une réponse en texte libre garde ses espaces, comme un commentaire.
      const text = rd.freeText(r, 'answer') ?? answerText;
      if (rd.fits(r, 'answer', text, TEXT_LIMITS.textAnswer)) answer.value = { kind: 'texte', text };
    } else {
      const parsed = parseAnswerValue(answerText ?? '', kind);
      if (!parsed.ok) {
        const shown = (answerText ?? '').trim();
        rd.fail(r, 'answer', displaySafe(parsed.reason.split(`« ${shown} »`).join(quote(shown)), 300));
      } else if (parsed.value?.kind === 'choix') {
        const choices = parsed.value.choices.map(neutralizeName).filter(Boolean);
        if (choices.length > TEXT_LIMITS.choices) rd.fail(r, 'answer', `trop de choix (${choices.length}, maximum ${TEXT_LIMITS.choices})`);
        else if (choices.every((c) => rd.fits(r, 'answer', c, TEXT_LIMITS.choice))) answer.value = { kind: 'choix', choices };
      } else answer.value = parsed.value;
    }
    // Une cellule vide n'apprend rien : elle ne vide pas le commentaire ni les preuves enregistrés.
    if (comment && rd.fits(r, 'comment', comment, TEXT_LIMITS.comment)) answer.comment = comment;
    if (evidenceText) {
      const refs = readEvidence(rd, r, evidenceText);
      if (refs) answer.evidence = refs;
    }
    if (kind === 'preuves' && answer.value === null && answer.evidence?.length) answer.value = { kind: 'preuves' };
    if (specText) {
      const s = parseOuiNon(specText);
      if (!s) rd.fail(r, 'specificite', `spécificité ${quote(specText)} non reconnue (attendu : Oui ou Non)`);
      else answer.specificite = s;
    }
    if (untilRaw !== undefined && untilRaw !== null && readCellText(untilRaw) !== '') {
      const d = parseDateCell(untilRaw);
      if (!d) rd.fail(r, 'validUntil', `date ${quote(readCellText(untilRaw))} non reconnue (attendu : jj/mm/aaaa)`);
      else answer.validUntil = d.slice(0, 10);
    }
    const who = rd.text(r, 'author');
    if (who) {
      const name = neutralizeName(who);
      if (rd.fits(r, 'author', name, TEXT_LIMITS.author)) answer.author = name;
    }
    row.answer = answer;
  }
  const dateRaw = rd.raw(r, 'date');
  if (dateRaw !== undefined && dateRaw !== null && readCellText(dateRaw) !== '') {
    const d = parseDateCell(dateRaw);
    if (!d) rd.fail(r, 'date', `date ${quote(readCellText(dateRaw))} non reconnue (attendu : jj/mm/aaaa)`);
    else row.date = d;
  }
  return row;
}

function readProductSheet(grid: SheetGrid): Record<string, string> {
  const out: Record<string, string> = Object.create(null) as Record<string, string>;
  for (const row of grid.rows) {
    const k = readCellText(row[0]);
    if (k) out[k] = readCellText(row[1]);
  }
  return out;
}

/** Grilles (déjà lues sans risque) → lignes critère / réponse. Lève ImportError avec tous les problèmes, pour tout corriger en une fois. */
export function parseGrids(grids: readonly SheetGrid[], fileName: string): ParsedWorkbook {
  const issues: ImportIssue[] = [];
  const out: ParsedWorkbook = { fileName, sheets: [], skippedSheets: [], rows: [] };
  const seen = new Map<string, { sheet: string; row: number }>();
  for (const grid of grids) {
    if (grid.name === READINESS_SHEET) continue;
    if (grid.name === PRODUCT_SHEET && normalizeText(readCellText(grid.rows[0]?.[0])) === 'format') {
      out.productSheet = readProductSheet(grid);
      continue;
    }
    const header = detectHeader(grid.rows);
    if (!header) {
      out.skippedSheets.push({ name: grid.name, reason: "aucune ligne d'en-tête reconnue" });
      continue;
    }
    const rd = new SheetReader(grid, header.columns, issues);
    for (const [role, c] of Object.entries(header.columns)) {
      if (grid.formulas.has(`${header.row},${c}`)) rd.fail(header.row, role as ColumnRole, "formule interdite dans la ligne d'en-tête");
    }
    const sheetQ = sheetQuestionnaire(grid.name);
    let count = 0;
    for (let r = header.row + 1; r < grid.rows.length; r++) {
      const row = readRow(rd, r, sheetQ);
      if (!row) continue;
      const key = `${row.questionnaire}/${row.criterion.id}`;
      const prev = seen.get(key);
      if (prev) {
        rd.fail(r, 'id', `identifiant « ${row.criterion.id} » en double (déjà présent feuille « ${prev.sheet} », ligne ${prev.row})`);
        continue;
      }
      seen.set(key, { sheet: row.sheet, row: row.row });
      out.rows.push(row);
      count++;
    }
    out.sheets.push({
      name: grid.name,
      questionnaire: sheetQ,
      headerRow: header.row + 1,
      columns: Object.fromEntries(Object.entries(header.columns).map(([k, c]) => [k, `${colLetter(c)} (${EXPORT_HEADERS[k as ColumnRole]})`])),
      rows: count,
    });
  }
  if (issues.length) throw new ImportError(fileName, issues);
  if (out.sheets.length === 0) {
    throw new ImportError(fileName, [
      {
        sheet: grids.map((g) => g.name).join(', '),
        row: 1,
        message:
          "aucune ligne d'en-tête reconnue dans les 30 premières lignes (colonnes attendues : ID/Identifiant/Code/Référence et Critère/Libellé/Intitulé ou Niveau/Réponse)",
      },
    ]);
  }
  return out;
}
