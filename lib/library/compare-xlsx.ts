/**
 * Export Excel de la comparaison des variantes (issue 11 § 2) : une feuille par questionnaire.
 *
 * Colonnes : ID, Critère, puis DEUX colonnes par produit ou variante (« réponse », « commentaire »), puis
 * « Écart ». Deux colonnes plutôt qu'une cellule « valeur + commentaire » : une équipe qui relit avant une
 * campagne filtre et trie par niveau (le filtre automatique d'Excel marche sur une colonne de valeurs courtes),
 * et garde les longs commentaires à part, lisibles en largeur. Une réponse héritée porte « (hérité) » dans sa
 * colonne de réponse : la feuille se lit seule, sans couleurs. Mêmes protections que l'export produit : chaque
 * texte passe par neutralizeCell (pas de formule exécutée à l'ouverture).
 */
import * as XLSX from 'xlsx';
import { QUESTIONNAIRE_LABELS } from '../domain/questionnaires';
import type { CompareEntry, CompareMatrix, CompareRow } from './compare';
import { neutralizeCell } from '../exchange/cell-safety';
import { SHEET_NAMES, writeWorkbook } from '../exchange/xlsx-export';

const INHERITED_MARK = '(hérité)';
const GAP_HEADER = 'Écart';
const GAP_TO_REVIEW = 'Oui';
const GAP_KEPT = 'Oui (gardé)';

function valueText(e: CompareEntry): string {
  if (!e.cell) return '';
  const v = e.cell.display || '(sans valeur)';
  return e.cell.origin === 'propre' ? v : `${v} ${INHERITED_MARK}`;
}

function gapText(row: CompareRow): string {
  return !row.differs ? '' : row.toReview ? GAP_TO_REVIEW : GAP_KEPT;
}

/** Les lignes d'une feuille : titre, ligne vide, en-têtes, une ligne par critère. */
function compareSheetRows(matrix: CompareMatrix, title: string): string[][] {
  const header = ['ID', 'Critère', ...matrix.columns.flatMap((c) => [`${c.name} — réponse`, `${c.name} — commentaire`]), GAP_HEADER];
  return [
    [`${QUESTIONNAIRE_LABELS[matrix.questionnaire]} — ${title}`],
    [],
    header,
    ...matrix.rows.map((r) => [r.criterionId, r.title, ...r.entries.flatMap((e) => [valueText(e), e.cell?.comment ?? '']), gapText(r)]),
  ];
}

function buildCompareWorkbook(matrices: readonly CompareMatrix[], title: string): XLSX.WorkBook {
  const wb = XLSX.utils.book_new();
  for (const m of matrices) {
    const rows = compareSheetRows(m, title);
    const ws = XLSX.utils.aoa_to_sheet(rows.map((r) => r.map(neutralizeCell)));
    ws['!cols'] = [{ wch: 12 }, { wch: 50 }, ...m.columns.flatMap(() => [{ wch: 24 }, { wch: 40 }]), { wch: 12 }];
    XLSX.utils.book_append_sheet(wb, ws, SHEET_NAMES[m.questionnaire]);
  }
  if (!wb.SheetNames.length) XLSX.utils.book_append_sheet(wb, XLSX.utils.aoa_to_sheet([[neutralizeCell(`Aucune réponse à comparer — ${title}`)]]), 'Comparaison');
  return wb;
}

export function writeCompareWorkbook(matrices: readonly CompareMatrix[], title: string): Uint8Array {
  return writeWorkbook(buildCompareWorkbook(matrices, title));
}
