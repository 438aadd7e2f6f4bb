/**
 * Turn spreadsheet grids (our own export, Convergence's « Télécharger » files, vendors' tracking sheets)
 * into criteria and answers. Pure: nothing is written here. Any problem is a French error naming the
 * file, sheet, row and column.
 */
import * as XLSX from 'xlsx';
import type { CriterionInput } from '../domain/catalogue';
import { defaultKind } from '../domain/catalogue';
import { UserError } from '../domain/errors';
import { parseMinimumText, parseOuiNon } from '../domain/levels';
import { QUESTIONNAIRES, questionnaireFromCriterionId, questionnaireFromLabel } from '../domain/questionnaires';
import type { QuestionnaireId } from '../domain/questionnaires';
import { CRITERION_KINDS, CriterionIdSchema } from '../domain/schemas';
import type { AnswerValue, CriterionKind, EvidenceRef } from '../domain/schemas';
import { normalizeText } from '../domain/text';
import { parseAnswerValue, parseEvidenceRefs, splitChoices } from '../domain/values';
import { readCellText } from './cell-safety';
import { detectHeader, EXPORT_HEADERS, OBLIGATION_WORDS } from './headers';
import type { ColumnMap, ColumnRole } from './headers';
import { colLetter, readWorkbookSafe } from './workbook-read';
import type { SheetGrid } from './workbook-read';

export interface ImportIssue {
  sheet: string;
  /** 1-based, as in the spreadsheet. */
  row: number;
  column?: string;
  message: string;
}

/** A rejected file: every issue names its place; the message lists the first ones. */
export class ImportError extends UserError {
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

export interface ParsedRow {
  sheet: string;
  row: number;
  questionnaire: QuestionnaireId;
  criterion: CriterionInput;
  /** Present when the row says something about the answer (value, comment or evidence). */
  answer?: {
    value: AnswerValue | null;
    comment?: string;
    evidence?: EvidenceRef[];
    specificite?: 'oui' | 'non';
    validUntil?: string;
    author?: string;
  };
  /** False when the sheet has no « Preuves » column (evidence unknown). */
  evidenceStated: boolean;
  /** Last modification date of the row (ISO), when the file gives one. */
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
  /** Key/value pairs of our own « Produit » sheet, when present. */
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

/** Excel serial date, ISO text or « jj/mm/aaaa » → ISO date-time; null when unreadable. */
export function parseDateCell(v: unknown): string | null {
  if (typeof v === 'number' && v > 0 && v < 2_958_466) {
    const d = XLSX.SSF.parse_date_code(v);
    if (!d) return null;
    return new Date(Date.UTC(d.y, d.m - 1, d.d, d.H, d.M, Math.floor(d.S))).toISOString();
  }
  const s = readCellText(v);
  if (!s) return null;
  const fr = /^(\d{1,2})\/(\d{1,2})\/(\d{4})(?:\s+(\d{1,2}):(\d{2}))?$/.exec(s);
  if (fr) {
    const [, d, m, y, hh, mm] = fr;
    const date = new Date(Date.UTC(Number(y), Number(m) - 1, Number(d), Number(hh ?? 0), Number(mm ?? 0)));
    return Number.isNaN(date.getTime()) ? null : date.toISOString();
  }
  if (/^\d{4}-\d{2}-\d{2}/.test(s)) {
    const date = new Date(s.length === 10 ? `${s}T00:00:00Z` : s);
    return Number.isNaN(date.getTime()) ? null : date.toISOString();
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

  /** Text of a mapped cell; formulas in read cells are refused. */
  text(r: number, role: ColumnRole): string | undefined {
    const c = this.columns[role];
    if (c === undefined) return undefined;
    if (this.grid.formulas.has(`${r},${c}`)) {
      this.fail(r, role, 'formule interdite : remplacez-la par sa valeur (copier, coller les valeurs)');
      return '';
    }
    return readCellText(this.grid.rows[r]?.[c]);
  }

  raw(r: number, role: ColumnRole): unknown {
    const c = this.columns[role];
    return c === undefined ? undefined : this.grid.rows[r]?.[c];
  }

  fail(r: number, role: ColumnRole | undefined, message: string): void {
    const c = role ? this.columns[role] : undefined;
    this.issues.push({ sheet: this.grid.name, row: r + 1, ...(c !== undefined ? { column: colLetter(c) } : {}), message });
  }
}

function readRow(rd: SheetReader, r: number, sheetQ: QuestionnaireId | null): ParsedRow | null {
  const id = rd.text(r, 'id') ?? '';
  const title = rd.text(r, 'title');
  const answerText = rd.text(r, 'answer');
  const comment = rd.text(r, 'comment');
  if (!id) return null; // blank, section or title rows
  if (!/\d/.test(id) && !title && !answerText && !comment) return null; // a note such as « Total »
  if (!CriterionIdSchema.safeParse(id).success) {
    if (!title && !answerText && !comment) return null; // a note such as « Total »
    rd.fail(r, 'id', `identifiant de critère invalide « ${id.slice(0, 60)} »`);
    return null;
  }
  const qText = rd.text(r, 'questionnaire');
  let questionnaire: QuestionnaireId | null = null;
  if (qText) {
    questionnaire = questionnaireFromLabel(qText);
    if (!questionnaire) {
      rd.fail(r, 'questionnaire', `questionnaire inconnu « ${qText} » (attendus : ${QUESTIONNAIRES.join(', ')})`);
      return null;
    }
  }
  questionnaire ??= sheetQ ?? questionnaireFromCriterionId(id);
  if (!questionnaire) {
    rd.fail(r, 'id', `impossible de déterminer le questionnaire du critère « ${id} » : nommez la feuille d'après le questionnaire ou ajoutez une colonne « Questionnaire »`);
    return null;
  }
  const criterion: CriterionInput = { questionnaire, id };
  if (title) criterion.title = title;
  const section = rd.text(r, 'section');
  if (section) criterion.section = section;
  const kindText = rd.text(r, 'kind');
  if (kindText) {
    const k = KIND_WORDS[normalizeText(kindText)];
    if (!k) rd.fail(r, 'kind', `type de critère inconnu « ${kindText} »`);
    else criterion.kind = k;
    if (normalizeText(kindText) === 'maturite') criterion.scale = 'maturite';
  }
  const obl = rd.text(r, 'obligation');
  if (obl) {
    const o = OBLIGATION_WORDS[normalizeText(obl)];
    if (!o) rd.fail(r, 'obligation', `valeur « ${obl} » non reconnue (attendu : Obligation ou Option)`);
    else criterion.obligation = o;
  }
  const acc = rd.text(r, 'acceptable');
  const min = rd.text(r, 'minimum');
  const levelsText = acc || min;
  if (levelsText) {
    const parsed = parseMinimumText(levelsText, acc ? 'list' : 'auto');
    if (!parsed.ok) rd.fail(r, acc ? 'acceptable' : 'minimum', `niveau minimum / niveaux acceptables non reconnus « ${levelsText} »`);
    else {
      criterion.acceptableLevels = parsed.acceptable;
      if (parsed.acceptable.length > 0 && !criterion.obligation) criterion.obligation = 'obligation';
    }
  }
  const expected = rd.text(r, 'expectedEvidence');
  if (expected) criterion.expectedEvidence = splitChoices(expected);
  const cond = rd.text(r, 'condition');
  if (cond) criterion.displayCondition = cond;

  const kind = criterion.kind ?? defaultKind(questionnaire);
  if (kind === 'niveau' && !criterion.scale && answerText && normalizeText(answerText).startsWith('maturite')) criterion.scale = 'maturite';
  const row: ParsedRow = { sheet: rd.grid.name, row: r + 1, questionnaire, criterion, evidenceStated: rd.columns.evidence !== undefined };
  const evidenceText = rd.text(r, 'evidence');
  const specText = rd.text(r, 'specificite');
  const untilRaw = rd.raw(r, 'validUntil');
  const hasAnswerInfo = !!(answerText || comment || evidenceText);
  if (hasAnswerInfo) {
    const parsed = parseAnswerValue(answerText ?? '', kind);
    if (!parsed.ok) rd.fail(r, 'answer', parsed.reason);
    const answer: NonNullable<ParsedRow['answer']> = { value: parsed.ok ? parsed.value : null };
    // Une cellule vide n'apprend rien : elle ne vide pas le commentaire ni les preuves enregistrés.
    if (comment) answer.comment = comment;
    if (evidenceText) answer.evidence = parseEvidenceRefs(evidenceText);
    if (kind === 'preuves' && answer.value === null && answer.evidence?.length) answer.value = { kind: 'preuves' };
    if (specText) {
      const s = parseOuiNon(specText);
      if (!s) rd.fail(r, 'specificite', `spécificité « ${specText} » non reconnue (attendu : Oui ou Non)`);
      else answer.specificite = s;
    }
    if (untilRaw !== undefined && untilRaw !== null && readCellText(untilRaw) !== '') {
      const d = parseDateCell(untilRaw);
      if (!d) rd.fail(r, 'validUntil', `date « ${readCellText(untilRaw)} » non reconnue (attendu : jj/mm/aaaa)`);
      else answer.validUntil = d.slice(0, 10);
    }
    const who = rd.text(r, 'author');
    if (who) answer.author = who;
    row.answer = answer;
  }
  const dateRaw = rd.raw(r, 'date');
  if (dateRaw !== undefined && dateRaw !== null && readCellText(dateRaw) !== '') {
    const d = parseDateCell(dateRaw);
    if (!d) rd.fail(r, 'date', `date « ${readCellText(dateRaw)} » non reconnue`);
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

/** Parse grids (already read safely) into criteria/answer rows. Throws ImportError listing every problem. */
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

/** Read and parse a spreadsheet file (bytes), safely. */
export function parseSpreadsheet(data: Uint8Array, fileName: string): ParsedWorkbook {
  return parseGrids(readWorkbookSafe(data, fileName), fileName);
}
