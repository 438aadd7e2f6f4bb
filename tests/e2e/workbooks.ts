import * as XLSX from 'xlsx';

/** L'en-tête des feuilles du tableur de suivi. */
export const TRACKING_HEADER: readonly string[] = ['ID', 'Critère', 'Obligation/Option', 'Niveaux acceptables', 'Réponse', 'Commentaire'];

/**
 * Un tableur de suivi d'éditeur (textes illustratifs) : une feuille « Interopérabilité », une ligne par critère,
 * plus les feuilles données (nom → lignes, en-tête compris).
 */
export function trackingWorkbook(more: Record<string, unknown[][]> = {}): Buffer {
  const wb = XLSX.utils.book_new();
  const sheets: Record<string, unknown[][]> = {
    Interopérabilité: [
      [...TRACKING_HEADER],
      ['A08.5.23', 'Consommateur de documents CDA (illustratif)', 'Obligation', 'NA, 2, 3', 'Niveau 1', 'Affichage prévu en v3'],
      ['A06.1.1', 'Utilisation du CI-SIS (illustratif)', 'Option', '', 'Maturité moyenne', ''],
    ],
    ...more,
  };
  for (const [name, rows] of Object.entries(sheets)) XLSX.utils.book_append_sheet(wb, XLSX.utils.aoa_to_sheet(rows), name);
  return XLSX.write(wb, { type: 'buffer', bookType: 'xlsx' }) as Buffer;
}
