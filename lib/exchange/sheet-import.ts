/**
 * Lecture d'un tableur (octets) en critères et réponses : lecture sûre du classeur (workbook-read) puis
 * analyse des grilles (sheet-parse). Ce module charge SheetJS ; l'outil en ligne de commande importe
 * sheet-parse seul et lit le classeur dans un fil séparé.
 */
import { parseGrids } from './sheet-parse';
import type { ParsedWorkbook } from './sheet-parse';
import { parseWorkbookBytes } from './workbook-read';

export * from './sheet-parse';

/** Lit et analyse un tableur (octets) dans ce fil, protégé par les limites vérifiées avant lecture. */
export function parseSpreadsheet(data: Uint8Array, fileName: string): ParsedWorkbook {
  return parseGrids(parseWorkbookBytes(data, fileName), fileName);
}
