/** Export Excel des réponses d'un produit (une feuille par questionnaire) et de son rapport de préparation. */
import * as XLSX from 'xlsx';
import { formatLevelList } from '../domain/levels';
import { scopeDisplayName, variantDisplayName } from '../domain/naming';
import { QUESTIONNAIRES, QUESTIONNAIRE_LABELS } from '../domain/questionnaires';
import type { QuestionnaireId } from '../domain/questionnaires';
import type { AnswerSource } from '../domain/resolve';
import { ANSWER_SOURCE_LABELS } from '../domain/resolve';
import type { Answer, Criterion, Product, Provenance, Variant } from '../domain/schemas';
import { formatAnswerValue, formatEvidenceRefs } from '../domain/values';
import { formatDateFr } from '../rules/criterion-rules';
import type { ReadinessReport } from '../rules/types';
import { neutralizeCell } from './cell-safety';
import { COLUMN_ROLES, EXPORT_HEADERS } from './headers';
import type { ColumnRole } from './headers';
import { PRODUCT_SHEET, READINESS_SHEET } from './sheet-import';

/** Noms de feuille (≤ 31 caractères, sans : \ / ? * [ ]) : Excel refuse les autres. */
export const SHEET_NAMES: Record<QuestionnaireId, string> = {
  orientation: 'Orientation',
  interoperabilite: 'Interopérabilité',
  urbanisation: 'Urbanisation',
  securite: 'Maturité Sécurité',
  ethique: 'Éthique',
  rgpd: 'RGPD',
  'securite-echanges': 'Sécurité échanges de données',
  'fiche-administrative': 'Fiche administrative',
  produit: 'Formulaire produit',
};

/** Colonnes écrites : toutes sauf le questionnaire (c'est la feuille) et le minimum (les niveaux acceptables le disent). */
export const EXPORT_COLUMNS: readonly ColumnRole[] = COLUMN_ROLES.filter((r) => r !== 'questionnaire' && r !== 'minimum');

interface ExportAnswer {
  answer: Answer;
  source?: AnswerSource;
}

interface ProductWorkbookInput {
  product: Product;
  variant?: Variant | undefined;
  criteria: readonly Criterion[];
  answers: readonly ExportAnswer[];
  report?: ReadinessReport | undefined;
  now?: Date;
}

function describeProvenance(p: Provenance, source?: AnswerSource): string {
  const base =
    p.kind === 'page' ? `Capturé depuis la page « ${p.ref} »` : p.kind === 'import' ? `Importé du fichier « ${p.ref} »` : `Saisi (${p.ref})`;
  return `${base} le ${formatDateFr(p.at)}${source && source !== 'famille' ? ` — ${ANSWER_SOURCE_LABELS[source]}` : ''}`;
}

const KIND_LABELS: Record<Criterion['kind'], string> = {
  niveau: 'Niveau',
  conformite: 'Conformité',
  preuves: 'Preuves',
  'choix-unique': 'Choix unique',
  'choix-multiple': 'Choix multiple',
  texte: 'Texte',
};

function criterionRow(c: Criterion | undefined, ea: ExportAnswer | undefined, fallback: { id: string }): string[] {
  const a = ea?.answer;
  const cells: Record<ColumnRole, string> = {
    id: c?.id ?? fallback.id,
    title: c?.title ?? '',
    section: c?.section ?? '',
    questionnaire: '',
    kind: c ? (c.kind === 'niveau' && c.scale === 'maturite' ? 'Maturité' : KIND_LABELS[c.kind]) : '',
    obligation: c ? (c.obligation === 'obligation' ? 'Obligation' : 'Option') : '',
    minimum: '',
    acceptable: c && c.acceptableLevels.length ? formatLevelList(c.acceptableLevels) : '',
    answer: a ? formatAnswerValue(a.value, c?.scale) : '',
    comment: a?.comment ?? '',
    specificite: a?.specificite === 'oui' ? 'Oui' : a?.specificite === 'non' ? 'Non' : '',
    evidence: a ? formatEvidenceRefs(a.evidence) : '',
    expectedEvidence: c?.expectedEvidence.join(' ; ') ?? '',
    condition: c?.displayCondition ?? '',
    provenance: a ? describeProvenance(a.provenance, ea?.source) : '',
    date: a?.updatedAt ?? '',
    validUntil: a?.validUntil ?? '',
    author: a?.author ?? '',
  };
  return EXPORT_COLUMNS.map((role) => cells[role]);
}

function sheetFromRows(rows: string[][], widths?: number[]): XLSX.WorkSheet {
  const ws = XLSX.utils.aoa_to_sheet(rows.map((r) => r.map(neutralizeCell)));
  if (widths) ws['!cols'] = widths.map((wch) => ({ wch }));
  return ws;
}

function compareIds(a: string, b: string): number {
  return a.localeCompare(b, 'fr', { numeric: true });
}

function productSheetRows(product: Product, variant: Variant | undefined, now: Date): string[][] {
  const role = product.role;
  return [
    ['Format', 'assistant-convergence-excel'],
    ['Version du format', '1'],
    ['Identifiant', product.id],
    ['Nom du produit', product.name],
    ['Version', product.version],
    ['Type de produit', product.type === 'socle' ? 'Socle' : 'Option'],
    ['NIL', product.nil ?? ''],
    ['Responsable', product.responsable],
    ['Description', product.description],
    ['Certifications', product.certifications ?? ''],
    ['Intérêts', product.interests.join(' ; ')],
    ['Rôle', role.kind],
    ['Produit producteur', role.kind === 'distributeur' ? role.producerProductId : ''],
    ['Variante', variant?.id ?? ''],
    ['Nom ANS', variant ? variantDisplayName(product, variant) : product.name],
    ['Exporté le', now.toISOString()],
  ];
}

function readinessSheetRows(report: ReadinessReport): string[][] {
  const yes = (b: boolean) => (b ? 'Oui' : 'Non');
  const rows: string[][] = [
    ["Dossier d'évaluation générable", yes(report.dossierGenerable.ok), report.dossierGenerable.reasons.join(' ')],
    ['Prêt à candidater', yes(report.pretACandidater.ok), report.pretACandidater.reasons.join(' ')],
    ['Points bloquants', String(report.blockers)],
    ['Avertissements', String(report.warnings)],
    [],
    ['Questionnaire', 'Critères renseignés', 'Complet', 'Atteint'],
    ...report.questionnaires.map((q) => [q.label, `${q.answered}/${q.total}`, yes(q.complete), yes(q.atteint)]),
    [],
    ['Gravité', 'Questionnaire', 'ID', 'Constat', 'Action'],
    ...report.findings.map((f) => [f.severity === 'bloquant' ? 'Bloquant' : 'Avertissement', QUESTIONNAIRE_LABELS[f.questionnaire], f.criterionId ?? '', f.message, f.action]),
  ];
  return rows;
}

/** Construit le classeur (objet SheetJS) ; writeProductWorkbook en donne les octets. */
function buildProductWorkbook(input: ProductWorkbookInput): XLSX.WorkBook {
  const now = input.now ?? new Date();
  const wb = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(wb, sheetFromRows(productSheetRows(input.product, input.variant, now), [22, 60]), PRODUCT_SHEET);
  const byQ = new Map<QuestionnaireId, { criteria: Map<string, Criterion>; answers: Map<string, ExportAnswer> }>();
  const bucket = (q: QuestionnaireId) => {
    let b = byQ.get(q);
    if (!b) byQ.set(q, (b = { criteria: new Map(), answers: new Map() }));
    return b;
  };
  for (const c of input.criteria) bucket(c.questionnaire).criteria.set(c.id, c);
  for (const ea of input.answers) bucket(ea.answer.questionnaire).answers.set(ea.answer.criterionId, ea);
  const title = scopeDisplayName(input.product, input.variant);
  for (const q of QUESTIONNAIRES) {
    const b = byQ.get(q);
    if (!b || q === 'produit') continue;
    const ids = [...new Set([...b.criteria.keys(), ...b.answers.keys()])].sort(compareIds);
    const rows: string[][] = [
      [`${QUESTIONNAIRE_LABELS[q]} — ${title}`],
      [],
      EXPORT_COLUMNS.map((r) => EXPORT_HEADERS[r]),
      ...ids.map((id) => criterionRow(b.criteria.get(id), b.answers.get(id), { id })),
    ];
    const ws = sheetFromRows(rows, [12, 50, 20, 12, 16, 16, 22, 40, 11, 40, 30, 30, 40, 24, 14, 16]);
    ws['!merges'] = [{ s: { r: 0, c: 0 }, e: { r: 0, c: 5 } }];
    XLSX.utils.book_append_sheet(wb, ws, SHEET_NAMES[q]);
  }
  if (input.report) XLSX.utils.book_append_sheet(wb, sheetFromRows(readinessSheetRows(input.report), [30, 30, 12, 70, 70]), READINESS_SHEET);
  return wb;
}

export function writeWorkbook(wb: XLSX.WorkBook): Uint8Array {
  const out = XLSX.write(wb, { type: 'array', bookType: 'xlsx', compression: true }) as ArrayBuffer;
  return new Uint8Array(out);
}

export function writeProductWorkbook(input: ProductWorkbookInput): Uint8Array {
  return writeWorkbook(buildProductWorkbook(input));
}
