/**
 * Toutes les limites appliquées aux fichiers non fiables, définies une seule fois : lecture (extension et
 * outil en ligne de commande), conversion et écriture s'y tiennent, pour que `convert` n'écrive jamais ce que
 * l'import refuserait. Les longueurs de textes sont celles des schémas zod : voir text-limits.ts (séparé
 * pour que l'outil en ligne de commande puisse refuser un fichier piégé sans charger zod).
 * Documentées dans docs/formats.md (« Limites »).
 */

const MiB = 1024 * 1024;

/** Taille, structure et coût de lecture d'un fichier reçu. */
export const FILE_LIMITS = {
  /** Octets d'un fichier importé (classeur, CSV ou JSON). */
  fileBytes: 10 * MiB,
  /** Entrées d'une archive zip (.xlsx, .ods) : un classeur en a une dizaine, plus quelques-unes par feuille. */
  zipEntries: 1000,
  /** Taille décompressée d'une entrée, telle que déclarée et telle que constatée. */
  zipEntryBytes: 32 * MiB,
  /** Taille décompressée de toute l'archive. */
  zipTotalBytes: 48 * MiB,
  /** Taux de compression maximal d'une entrée (et de l'archive) dépassant zipRatioFloor octets décompressés. */
  zipRatio: 100,
  zipRatioFloor: 1 * MiB,
  sheets: 50,
  /** Lignes d'une feuille (en-tête compris). */
  rows: 20_000,
  /** Colonnes lues d'une feuille ; les suivantes sont ignorées. */
  cols: 200,
  /** Cellules remplies de tout le classeur (notre export de 20 000 critères en a 320 000). */
  cells: 1_000_000,
  /** Caractères d'un nom de feuille gardé (les feuilles .ods ou les noms de fichiers .csv peuvent être longs). */
  sheetName: 100,
  /** Profondeur d'imbrication d'un JSON (le format en utilise 5). */
  jsonDepth: 64,
  /** Valeurs d'un JSON (une bibliothèque de 10 Mo en a environ 500 000). */
  jsonValues: 1_000_000,
  /**
   * Lecture d'un classeur par l'outil en ligne de commande : durée totale (vérification de l'archive et
   * lecture par SheetJS dans un fil séparé) et tas de ce fil. Avec le démarrage, une commande finit en moins
   * de 10 s et 512 Mo.
   */
  parseTimeoutMs: 7000,
  parseHeapMb: 192,
  parseYoungHeapMb: 16,
} as const;

/** « 10 Mo » */
export function formatMiB(bytes: number): string {
  const v = bytes / MiB;
  return `${Number.isInteger(v) || v >= 100 ? Math.round(v) : v.toFixed(1).replace('.', ',')} Mo`;
}
