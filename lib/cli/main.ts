/**
 * lib/cli — l'outil convergence-helper (Node 20) : arguments, check, convert, paquets, sauvegardes ; jamais de trace de pile.
 * Possède : la lecture des fichiers sous Node et les rapports texte / JSON ; réutilise domain, exchange, rules.
 * N'importe de lib/ que : domain, exchange, rules, text — ni db, ni messages, ni page, ni platform : aucune API de navigateur.
 */
import { HELP_TEXT, parseArgs } from './args';
import { checkFile } from './check';
import { convertFile } from './convert';
import { formatCheckText, jsonSafe } from './format';
import { processIO, reportError } from './io';
import type { CliIO } from './io';

// Pas d'import des règles pour une date : l'outil doit démarrer vite et refuser un fichier piégé sans rien charger.
const todayIso = () => new Date().toISOString().slice(0, 10);

/** Lance la commande et rend le code de sortie (0 sans point bloquant, 1 avec, 2 fichier illisible ou usage incorrect) pour les scripts d'intégration. */
export async function runCli(argv: readonly string[], io: CliIO = processIO): Promise<number> {
  if (argv[0] === 'sauvegarde' || argv[0] === 'backup') return (await import('./backup')).runBackupCli(argv.slice(1), io);
  if (argv[0] === 'paquet' || argv[0] === 'package') return (await import('./package')).runPackageCli(argv.slice(1), io);
  let json = argv.includes('--json');
  try {
    const args = parseArgs(argv);
    json = args.json;
    const today = args.today ?? todayIso();
    if (args.command === 'help') {
      io.out(HELP_TEXT);
      return 0;
    }
    if (args.command === 'check') {
      const r = await checkFile(args.files[0] ?? '', today, args.product, undefined, args.library);
      io.out(json ? jsonSafe(r) : formatCheckText(r));
      return r.blockers > 0 ? 1 : 0;
    }
    const r = await convertFile(args.files[0] ?? '', args.files[1] ?? '', today, args.product, args.variant);
    const what = r.direction === 'json→xlsx' ? 'bibliothèque JSON → classeur Excel' : 'tableur → bibliothèque JSON';
    io.out(json ? jsonSafe(r) : `Conversion ${what} : « ${r.input} » → « ${r.output} » écrit (${r.criteria} critère(s), ${r.answers} réponse(s)).\n`);
    return 0;
  } catch (e) {
    return reportError(e, json, io);
  }
}
