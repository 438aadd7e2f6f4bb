/**
 * Plus de 1 000 fichiers hostiles générés (tests/hostile/generate-corpus.ts) passent par `check` et `convert`
 * (l'outil réel, en processus enfants, deux à la fois) et par previewImport (le service d'import de
 * l'extension, dans ce processus, sur fake-indexeddb). Chaque passage doit finir en moins de 10 s et 512 Mo,
 * sortir avec 0, 1 ou 2, parler français en nommant le fichier, sans caractère de contrôle brut, et ne rien
 * écrire quand le fichier est refusé. Le tableau est écrit dans .output/hostile-report.json.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { displaySafe } from '../../../../lib/domain/text';
import { parseLibraryJson } from '../../../../lib/exchange/json-format';
import { previewImport } from '../../../../lib/exchange/service';
import { parseSpreadsheet } from '../../../../lib/exchange/sheet-import';
import { isJsonFile } from '../../../../lib/exchange/untrusted';
import { generateCorpus } from '../../../hostile/generate-corpus';
import type { CorpusEntry } from '../../../hostile/generate-corpus';
import { freshRepo, level, PROV, seedProduct, snapshot } from '../../support/db';

const ROOT = resolve(__dirname, '../../../..');
const BIN = join(ROOT, 'bin/convergence-helper.mjs');
const MEASURE = join(ROOT, 'tests/hostile/measure.mjs');
const TIME = '/usr/bin/time';
const MAX_SECONDS = 10;
const MAX_RSS_KB = 512 * 1024;
const tmp = mkdtempSync(join(tmpdir(), 'convergence-hostile-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

interface TableRow {
  fichiers: number;
  check: { 0: number; 1: number; 2: number; autre: number };
  convert: { 0: number; 1: number; 2: number; autre: number };
  apercu: { accepte: number; refuse: number };
  dureeMaxS: number;
  memoireMaxMo: number;
  processeurMoyenS: number;
}

interface Run {
  file: string;
  category: string;
  command: 'check' | 'convert' | 'apercu';
  code: number | null;
  seconds: number;
  /** Temps processeur (utilisateur + système) de l'enfant. */
  cpu: number | null;
  rssKb: number | null;
  out: string;
}

// Ce qui trahit un message non traduit, une pile ou une valeur non définie.
const NOT_FRENCH = /Erreur interne|undefined|NaN|\[object |Unexpected (token|end)|is not valid JSON|at position|Maximum call stack|Cannot read|TypeError|RangeError|SyntaxError|ReferenceError|\n\s+at /;
// eslint-disable-next-line no-control-regex
const RAW_CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069\u2028\u2029]/;

const useTime = existsSync(TIME) && spawnSync(TIME, ['-f', '%e', 'true']).status === 0;

function runCli(args: string[], metrics: string): Promise<{ code: number | null; out: string; seconds: number; cpu: number | null; rssKb: number | null }> {
  return new Promise((done) => {
    const cmd = useTime ? TIME : process.execPath;
    const argv = useTime ? ['-f', '%e %U %S %M', '-o', metrics, process.execPath, BIN, ...args] : [MEASURE, metrics, BIN, ...args];
    const started = Date.now();
    const child = spawn(cmd, argv, { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    const chunks: Buffer[] = [];
    let size = 0;
    const collect = (b: Buffer) => {
      if (size < 1 << 20) chunks.push(b);
      size += b.length;
    };
    child.stdout.on('data', collect);
    child.stderr.on('data', collect);
    // Filet : un enfant bloqué est tué (et le test échoue sur sa durée), jamais attendu indéfiniment.
    const killer = setTimeout(() => child.kill('SIGKILL'), 60_000);
    child.on('close', (code, signal) => {
      clearTimeout(killer);
      let seconds = (Date.now() - started) / 1000;
      let rssKb: number | null = null;
      let cpu: number | null = null;
      try {
        // « durée utilisateur système mémoire » (/usr/bin/time) ou « durée mémoire » (measure.mjs) ; dernière ligne.
        const f = readFileSync(metrics, 'utf8').trim().split('\n').pop()!.split(/\s+/).map(Number);
        seconds = f[0]!;
        rssKb = f[f.length - 1]!;
        if (f.length === 4) cpu = f[1]! + f[2]!;
      } catch {
        // pas de mesure : processus tué
      }
      rmSync(metrics, { force: true });
      done({ code: signal ? null : code, out: Buffer.concat(chunks).toString('utf8'), seconds, cpu, rssKb });
    });
  });
}

async function pool<T>(items: T[], concurrency: number, work: (item: T, index: number) => Promise<void>): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < items.length) {
        const i = next++;
        await work(items[i]!, i);
      }
    }),
  );
}

describe('corpus de fichiers hostiles', () => {
  it(
    'check, convert et l’aperçu d’import finissent vite, bornés en mémoire, en français, sans rien écrire quand ils refusent',
    async () => {
      const t0 = Date.now();
      const corpusDir = join(tmp, 'corpus');
      const generated = generateCorpus(corpusDir);
      const generatedIn = (Date.now() - t0) / 1000;
      expect(generated.length).toBeGreaterThanOrEqual(1000);
      // Pour la mise au point seulement : HOSTILE_ECHANTILLON=10 ne passe qu'un fichier sur dix.
      const step = Number(process.env.HOSTILE_ECHANTILLON ?? 1) || 1;
      const corpus = generated.filter((_, k) => k % step === 0);
      // Le regroupement de l'outil est construit une fois avant les lancements concurrents.
      expect(spawnSync(process.execPath, [BIN, '--help'], { cwd: ROOT }).status).toBe(0);

      const runs: Run[] = [];
      const failures: string[] = [];
      const fail = (r: { file: string; command: string }, why: string) => failures.push(`${r.command} ${JSON.stringify(r.file)} : ${why}`);
      const outDir = join(tmp, 'sorties');
      mkdirSync(outDir);

      const tasks = corpus.flatMap((entry) => [
        { entry, command: 'check' as const },
        { entry, command: 'convert' as const },
      ]);
      let doneRuns = 0;
      await pool(tasks, 2, async ({ entry, command }, i) => {
        const path = join(corpusDir, entry.file);
        const json = isJsonFile(entry.file, readFileSync(path));
        const output = join(outDir, `${i}.${json ? 'xlsx' : 'json'}`);
        const args = command === 'check' ? ['check', path, '--date', '2025-06-01'] : ['convert', path, output];
        const r = await runCli(args, join(tmp, `m-${i}`));
        const run: Run = { file: entry.file, category: entry.category, command, ...r };
        runs.push(run);
        if (++doneRuns % 250 === 0) console.log(`… ${doneRuns}/${tasks.length} lancements, ${Math.round((Date.now() - t0) / 1000)} s`);
        judge(run, entry);
        if (command === 'convert') {
          if (r.code !== 0 && existsSync(output)) fail(run, 'fichier de sortie écrit malgré le refus');
          if (r.code === 0) {
            // Ce que `convert` écrit, l'import l'accepte.
            try {
              const bytes = new Uint8Array(readFileSync(output));
              if (json) parseSpreadsheet(bytes, 'sortie.xlsx');
              else parseLibraryJson(bytes, 'sortie.json');
            } catch (e) {
              fail(run, `sortie refusée par l'import : ${(e as Error).message.slice(0, 300)}`);
            }
            rmSync(output, { force: true });
          }
        }
      });

      const cliSeconds = (Date.now() - t0) / 1000 - generatedIn;
      // Aperçu d'import de l'extension, dans ce processus (après les enfants : les mesures restent justes).
      const { repo } = freshRepo();
      await seedProduct(repo, 'p1');
      await repo.saveAnswers('p1', '', [{ questionnaire: 'interoperabilite', criterionId: 'A06.1.1', value: level('1') }], PROV, { kind: 'capture', label: 'c', author: 'a' });
      const before = await snapshot(repo);
      for (const entry of corpus) {
        const data = new Uint8Array(readFileSync(join(corpusDir, entry.file)));
        const started = performance.now();
        let out = '';
        let code = 0;
        try {
          await previewImport(repo, { fileName: entry.file, data, target: { productId: 'p1', variantId: '' } });
        } catch (e) {
          code = 2;
          out = e instanceof Error ? e.message : String(e);
        }
        const run: Run = { file: entry.file, category: entry.category, command: 'apercu', code, seconds: (performance.now() - started) / 1000, cpu: null, rssKb: null, out };
        runs.push(run);
        judge(run, entry);
        if ((await snapshot(repo)) !== before) fail(run, "l'aperçu a écrit dans la base");
      }
      const leftovers = readdirSync(outDir);
      if (leftovers.length) failures.push(`fichiers laissés dans le dossier de sortie : ${leftovers.slice(0, 5).join(', ')}`);

      function judge(run: Run, entry: CorpusEntry) {
        const shown = displaySafe(entry.file, 200);
        if (run.code === null || ![0, 1, 2].includes(run.code)) fail(run, `code de sortie ${run.code}`);
        if (run.seconds >= MAX_SECONDS) fail(run, `${run.seconds.toFixed(1)} s`);
        if (run.rssKb !== null && run.rssKb >= MAX_RSS_KB) fail(run, `${Math.round(run.rssKb / 1024)} Mo`);
        if (!run.out.includes(`« ${shown} »`) && !(run.command !== 'apercu' && run.out.includes(shown))) {
          if (run.command !== 'apercu' || run.code !== 0) fail(run, `le fichier n'est pas nommé : ${run.out.slice(0, 200)}`);
        }
        if (NOT_FRENCH.test(run.out)) fail(run, `message non français : ${run.out.slice(0, 300)}`);
        if (RAW_CONTROL.test(run.out)) fail(run, 'caractère de contrôle brut dans la sortie');
        if ((run.out.match(/^Résultat :/gm) ?? []).length > 1) fail(run, 'ligne « Résultat » contrefaite');
        if (entry.expect === 'refus' && run.code !== 2) fail(run, `devait être refusé, code ${run.code}`);
        if (entry.expect === 'accepte' && run.command !== 'convert' && run.code === 2) fail(run, `devait être accepté : ${run.out.slice(0, 300)}`);
      }

      // Tableau : par catégorie et par commande, codes de sortie, durée et mémoire maximales, processeur moyen.
      const table: Record<string, TableRow> = {};
      const cpuSum: Record<string, number> = {};
      for (const r of runs) {
        for (const key of [r.category, 'TOTAL']) {
          const t = (table[key] ??= { fichiers: 0, check: { 0: 0, 1: 0, 2: 0, autre: 0 }, convert: { 0: 0, 1: 0, 2: 0, autre: 0 }, apercu: { accepte: 0, refuse: 0 }, dureeMaxS: 0, memoireMaxMo: 0, processeurMoyenS: 0 });
          if (r.command === 'check') t.fichiers++;
          if (r.command === 'apercu') t.apercu[r.code === 0 ? 'accepte' : 'refuse']++;
          else t[r.command][r.code === 0 || r.code === 1 || r.code === 2 ? r.code : 'autre']++;
          t.dureeMaxS = Math.max(t.dureeMaxS, Math.round(r.seconds * 100) / 100);
          if (r.rssKb !== null) t.memoireMaxMo = Math.max(t.memoireMaxMo, Math.round(r.rssKb / 1024));
          cpuSum[key] = (cpuSum[key] ?? 0) + (r.cpu ?? 0);
        }
      }
      // Processeur moyen d'un lancement de l'outil (check ou convert).
      for (const [key, t] of Object.entries(table)) t.processeurMoyenS = Math.round(((cpuSum[key] ?? 0) / (2 * t.fichiers)) * 1000) / 1000;
      const slowest = [...runs].sort((a, b) => b.seconds - a.seconds).slice(0, 5).map((r) => ({ commande: r.command, fichier: r.file, s: r.seconds }));
      const hungriest = [...runs].filter((r) => r.rssKb).sort((a, b) => b.rssKb! - a.rssKb!).slice(0, 5).map((r) => ({ commande: r.command, fichier: r.file, mo: Math.round(r.rssKb! / 1024) }));
      const report = {
        date: new Date().toISOString(),
        fichiers: corpus.length,
        mesureMemoire: useTime ? '/usr/bin/time -f %M (processus enfant)' : 'process.resourceUsage().maxRSS (tests/hostile/measure.mjs)',
        // L'aperçu tourne dans ce processus : sa mémoire n'est pas isolable ; ce maximum comprend la génération du corpus.
        memoireMaxProcessusDeTestMo: Math.round(process.resourceUsage().maxRSS / 1024),
        generationS: Math.round(generatedIn * 10) / 10,
        lancementsS: Math.round(cliSeconds * 10) / 10,
        processeurTotalS: Math.round(runs.reduce((n, r) => n + (r.cpu ?? 0), 0)),
        totalS: Math.round((Date.now() - t0) / 100) / 10,
        parCategorie: table,
        plusLents: slowest,
        plusGourmands: hungriest,
        echecs: failures.slice(0, 50),
      };
      mkdirSync(join(ROOT, '.output'), { recursive: true });
      writeFileSync(join(ROOT, '.output/hostile-report.json'), JSON.stringify(report, null, 2) + '\n');
      const codes = (c: TableRow['check']) => `${c[0]}/${c[1]}/${c[2]}${c.autre ? `/autre ${c.autre}` : ''}`;
      const lines = Object.entries(table).map(
        ([k, v]) =>
          `${k.padEnd(24)} ${String(v.fichiers).padStart(5)}  check ${codes(v.check).padEnd(12)} convert ${codes(v.convert).padEnd(12)} aperçu ${`${v.apercu.accepte}/${v.apercu.refuse}`.padEnd(9)}` +
          ` ${v.dureeMaxS.toFixed(2).padStart(6)} s ${String(v.memoireMaxMo).padStart(5)} Mo ${v.processeurMoyenS.toFixed(2)} s`,
      );
      console.log(
        `\nCorpus hostile : ${corpus.length} fichiers, ${report.totalS} s (génération ${report.generationS} s, ${tasks.length} lancements de l'outil en ${report.lancementsS} s).\n` +
          `Colonnes : fichiers, codes de sortie 0/1/2 de check et convert, aperçu d'import accepté/refusé, durée max, mémoire max (enfant), processeur moyen par lancement.\n${lines.join('\n')}\n`,
      );
      expect(failures, failures.slice(0, 20).join('\n')).toEqual([]);
    },
    1_800_000,
  );
});
