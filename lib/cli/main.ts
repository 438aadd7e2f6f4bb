/** Entry point of the convergence-helper command (Node 20). Never prints a stack trace. */
import { errorMessage, UserError } from '../domain/errors';
import { todayIso } from '../rules/product-readiness';
import { HELP_TEXT, parseArgs } from './args';
import { checkFile } from './check';
import { convertFile } from './convert';
import { formatCheckText } from './format';

export interface CliIO {
  out: (s: string) => void;
  err: (s: string) => void;
}

const processIO: CliIO = {
  out: (s) => process.stdout.write(s),
  err: (s) => process.stderr.write(s),
};

/** Run the command; returns the exit code (0 ok, 1 blockers, 2 unreadable input or usage error). */
export async function runCli(argv: readonly string[], io: CliIO = processIO): Promise<number> {
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
      const r = await checkFile(args.files[0] ?? '', today, args.product);
      io.out(json ? JSON.stringify(r, null, 2) + '\n' : formatCheckText(r));
      return r.blockers > 0 ? 1 : 0;
    }
    const r = await convertFile(args.files[0] ?? '', args.files[1] ?? '', today, args.product, args.variant);
    io.out(json ? JSON.stringify(r, null, 2) + '\n' : `Conversion ${r.direction} : « ${r.output} » écrit (${r.criteria} critère(s), ${r.answers} réponse(s)).\n`);
    return 0;
  } catch (e) {
    const message = e instanceof UserError ? e.message : errorMessage(e);
    if (json) io.out(JSON.stringify({ erreur: message }, null, 2) + '\n');
    io.err(`Erreur : ${message}\n`);
    return 2;
  }
}
