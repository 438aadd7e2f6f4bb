/** Arguments de la ligne de commande de convergence-helper. */
import { UserError } from '../domain/errors';

interface CliArgs {
  command: 'check' | 'convert' | 'help';
  files: string[];
  json: boolean;
  product?: string;
  variant?: string;
  /** check : bibliothèque JSON dont le catalogue est comparé aux critères du fichier (critères modifiés). */
  library?: string;
  /** Date de référence des réponses périmées (AAAA-MM-JJ), aujourd'hui par défaut (reproductible en test). */
  today?: string;
}

export function parseArgs(argv: readonly string[]): CliArgs {
  const files: string[] = [];
  const out: CliArgs = { command: 'help', files, json: false };
  let command: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i] ?? '';
    const value = () => {
      const v = argv[++i];
      if (v === undefined || v.startsWith('--')) throw new UserError(`L'option ${a} attend une valeur.`);
      return v;
    };
    if (a === '--help' || a === '-h' || a === '--aide') return { ...out, command: 'help' };
    else if (a === '--json') out.json = true;
    else if (a === '--produit') out.product = value();
    else if (a === '--variante') out.variant = value();
    else if (a === '--bibliotheque' || a === '--library') out.library = value();
    else if (a === '--date') {
      const d = value();
      if (!/^\d{4}-\d{2}-\d{2}$/.test(d)) throw new UserError(`Date « ${d} » invalide : format AAAA-MM-JJ attendu.`);
      out.today = d;
    } else if (a.startsWith('-') && a !== '-') throw new UserError(`Option inconnue « ${a} ». Voir convergence-helper --help.`);
    else if (!command) command = a;
    else files.push(a);
  }
  if (!command || command === 'help' || command === 'aide') return out;
  if (command === 'check' || command === 'verifier') {
    if (files.length !== 1) throw new UserError('Usage : convergence-helper check FICHIER [--json]');
    return { ...out, command: 'check' };
  }
  if (command === 'convert' || command === 'convertir') {
    if (files.length !== 2) throw new UserError('Usage : convergence-helper convert ENTREE SORTIE (.xlsx ↔ .json)');
    return { ...out, command: 'convert' };
  }
  throw new UserError(`Commande inconnue « ${command} ». Commandes : check, convert, sauvegarde, paquet. Voir convergence-helper --help.`);
}

export const HELP_TEXT = `convergence-helper — vérifie et convertit les réponses aux questionnaires Convergence
(référencement au catalogue de services Mon espace santé).

Usage :
  convergence-helper check FICHIER [--json] [--produit ID] [--date AAAA-MM-JJ] [--bibliotheque BIBLIOTHEQUE.json]
  convergence-helper convert ENTREE SORTIE [--produit ID] [--variante ID]
  convergence-helper sauvegarde verifier FICHIER [--json]
  convergence-helper paquet verifier FICHIER [--json]
  convergence-helper paquet diff ANCIEN NOUVEAU [--json]
  convergence-helper --help

Commandes :
  check     Rapport de préparation d'une bibliothèque JSON (Assistant Convergence) ou de tout
            tableur (.xlsx, .xls, .ods, .csv) ayant une ligne par critère. Les points bloquants
            sont listés d'abord (critère obligatoire sous son niveau minimum ou sans réponse,
            critère Éthique obligatoire Non conforme, Conforme sans preuve quand la preuve
            attendue est connue), puis les avertissements (questionnaires absents du fichier,
            réponses périmées, preuves non indiquées). Avec --bibliotheque, liste aussi les
            critères dont le fichier montre un autre minimum, intitulé, nature ou d'autres
            preuves attendues que le catalogue de la bibliothèque (critères modifiés).
  convert   Convertit un classeur Excel (.xlsx) en JSON, ou un JSON en classeur Excel.
  sauvegarde verifier
            Vérifie une sauvegarde complète (voir convergence-helper sauvegarde --help).
  paquet verifier, paquet diff
            Vérifie la signature d'un paquet producteur (.convergence-paquet), ou compare deux
            paquets (voir convergence-helper paquet --help).

Options :
  --json        Sortie JSON lisible par une machine.
  --produit ID  Produit à traiter quand le fichier JSON en contient plusieurs.
  --variante ID Variante OS à exporter (convert vers .xlsx).
  --date J      Date de référence pour les réponses périmées (par défaut : aujourd'hui).
  --bibliotheque F
                Bibliothèque JSON de l'extension : son catalogue est comparé aux critères du fichier.
  --help, -h    Affiche cette aide.

Codes de sortie (check) :
  0  aucun point bloquant
  1  au moins un point bloquant
  2  fichier illisible ou commande incorrecte
`;
