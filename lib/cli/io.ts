/**
 * Sorties de l'outil et cadre commun des commandes : hors de main.ts, pour que les commandes chargées à la
 * demande (sauvegarde, paquet) n'importent pas le module qui les charge.
 */
import { errorMessage, UserError } from '../domain/errors';
import { displaySafe } from '../domain/text';
import { jsonSafe, terminalSafe } from './format';

export interface CliIO {
  out: (s: string) => void;
  err: (s: string) => void;
}

export const processIO: CliIO = {
  out: (s) => process.stdout.write(terminalSafe(s)),
  err: (s) => process.stderr.write(terminalSafe(s)),
};

/** Une erreur, sur une seule ligne quoi que contienne son message (nom de fichier, valeur citée…) ; code 2. */
export function reportError(e: unknown, json: boolean, io: CliIO): number {
  const message = displaySafe(e instanceof UserError ? e.message : errorMessage(e), 2000);
  if (json) io.out(jsonSafe({ erreur: message }));
  io.err(`Erreur : ${message}\n`);
  return 2;
}

/**
 * Une commande à sous-commandes (`sauvegarde`, `paquet`) : aide, option inconnue et erreurs traitées de
 * la même façon ; `run` reçoit les mots sans `--json`. Sans mot, l'aide et le code 2 (usage incorrect).
 */
export async function runSubcommands(
  argv: readonly string[],
  io: CliIO,
  command: { name: string; help: string },
  run: (words: string[], json: boolean) => Promise<number>,
): Promise<number> {
  const json = argv.includes('--json');
  try {
    const words = argv.filter((a) => a !== '--json');
    if (words.some((a) => a === '--help' || a === '-h' || a === '--aide') || words.length === 0) {
      io.out(command.help);
      return words.length === 0 ? 2 : 0;
    }
    const unknown = words.find((a) => a.startsWith('-') && a !== '-');
    if (unknown) throw new UserError(`Option inconnue « ${displaySafe(unknown, 60)} ». Voir convergence-helper ${command.name} --help.`);
    return await run(words, json);
  } catch (e) {
    return reportError(e, json, io);
  }
}
