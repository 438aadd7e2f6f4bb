import { readdirSync, readFileSync, statSync, existsSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * La structure dite dans le README et dans l'en-tête de chaque dossier de lib/ est vérifiée ici, sur les imports
 * réels : un import qui remonte une couche, ou un cycle, échoue avant d'être fusionné.
 */
const ROOT = resolve(__dirname, '../../..');

/** Ce que chaque dossier de lib/ a le droit d'importer dans lib/ (les couches du README, de bas en haut). */
const ALLOWED: Record<string, readonly string[]> = {
  text: [],
  platform: [],
  domain: ['text'],
  rules: ['domain', 'text'],
  page: ['domain', 'rules', 'text'],
  db: ['domain', 'rules', 'text'],
  exchange: ['db', 'domain', 'rules', 'text'],
  library: ['db', 'domain', 'exchange', 'page', 'rules', 'text'],
  cli: ['domain', 'exchange', 'rules', 'text'],
  'page-session': ['db', 'domain', 'library', 'page', 'rules', 'text'],
  messages: ['db', 'domain', 'exchange', 'library', 'page', 'page-session', 'rules', 'text'],
};

/** Les étapes de lib/page, de bas en haut : une étape n'importe que celles d'en dessous (ou elle-même). */
const PAGE_STEPS = ['model', 'dom', 'read', 'guard', 'plan', 'kinds', 'by-kind', 'fill'] as const;
const PAGE_BELOW: Record<string, readonly string[]> = {
  model: [],
  dom: [],
  read: ['model', 'dom'],
  guard: ['model', 'dom', 'read'],
  plan: ['model', 'dom', 'read'],
  kinds: ['model', 'dom', 'read', 'guard'],
  'by-kind': ['model', 'dom', 'read', 'guard', 'kinds'],
  fill: ['model', 'dom', 'read', 'plan', 'by-kind'],
};

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.(ts|tsx)$/.test(name) ? [path] : [];
  });
}

/** Les imports relatifs d'un fichier (statiques, réexportations, import() dynamiques), résolus en fichiers. */
function importsOf(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  const specs = [...text.matchAll(/(?:from|import\()\s*'(\.{1,2}\/[^']+)'/g)].map((m) => m[1]!);
  return specs.flatMap((spec) => {
    const base = resolve(dirname(file), spec);
    const found = ['', '.ts', '.tsx', '/index.ts', '/index.tsx'].map((e) => base + e).find((p) => existsSync(p) && statSync(p).isFile());
    return found ? [found] : [];
  });
}

const FILES = ['lib', 'components', 'entrypoints'].flatMap((d) => sourceFiles(join(ROOT, d)));
const GRAPH = new Map(FILES.map((f) => [f, importsOf(f)]));
const rel = (f: string) => relative(ROOT, f);
const libFolder = (f: string) => /^lib\/([^/]+)\//.exec(rel(f))?.[1];

describe('architecture : couches et cycles', () => {
  it('les imports se lisent : au moins un par fichier de lib/ qui en a, tous résolus (sinon ce test ne verrait rien)', () => {
    expect(FILES.length).toBeGreaterThan(150);
    const edges = [...GRAPH.values()].reduce((n, deps) => n + deps.length, 0);
    expect(edges).toBeGreaterThan(500);
  });

  it('chaque dossier de lib/ n\'importe que les couches au-dessous de lui', () => {
    const wrong: string[] = [];
    for (const [file, deps] of GRAPH) {
      const from = libFolder(file);
      if (!from) continue;
      expect(ALLOWED[from], `dossier lib/${from} absent de la carte des couches`).toBeDefined();
      for (const dep of deps) {
        const to = libFolder(dep);
        if (!to && !rel(dep).startsWith('lib/')) wrong.push(`${rel(file)} → ${rel(dep)} (hors de lib/)`);
        else if (to && to !== from && !ALLOWED[from]!.includes(to)) wrong.push(`${rel(file)} → ${rel(dep)}`);
      }
    }
    expect(wrong).toEqual([]);
  });

  it('les étapes de lib/page ne remontent jamais (model, dom → read → guard, plan → kinds → by-kind → fill)', () => {
    const step = (f: string) => /^lib\/page\/([^/]+)\//.exec(rel(f))?.[1];
    const wrong: string[] = [];
    for (const [file, deps] of GRAPH) {
      const from = step(file);
      if (!from) continue;
      expect(PAGE_STEPS, `étape lib/page/${from} inconnue`).toContain(from);
      for (const dep of deps) {
        const to = step(dep);
        if (to && to !== from && !PAGE_BELOW[from]!.includes(to)) wrong.push(`${rel(file)} → ${rel(dep)}`);
      }
    }
    expect(wrong).toEqual([]);
  });

  it('aucun cycle d\'imports entre fichiers (lib, components, entrypoints)', () => {
    // Tarjan : toute composante fortement connexe de plus d'un fichier est un cycle.
    let index = 0;
    const idx = new Map<string, number>();
    const low = new Map<string, number>();
    const stack: string[] = [];
    const onStack = new Set<string>();
    const cycles: string[][] = [];
    const visit = (v: string) => {
      idx.set(v, index);
      low.set(v, index++);
      stack.push(v);
      onStack.add(v);
      for (const w of GRAPH.get(v) ?? []) {
        if (!GRAPH.has(w)) continue;
        if (!idx.has(w)) {
          visit(w);
          low.set(v, Math.min(low.get(v)!, low.get(w)!));
        } else if (onStack.has(w)) low.set(v, Math.min(low.get(v)!, idx.get(w)!));
      }
      if (low.get(v) === idx.get(v)) {
        const scc: string[] = [];
        let w: string;
        do {
          w = stack.pop()!;
          onStack.delete(w);
          scc.push(rel(w));
        } while (w !== v);
        if (scc.length > 1) cycles.push(scc.sort());
      }
    };
    for (const f of GRAPH.keys()) if (!idx.has(f)) visit(f);
    expect(cycles).toEqual([]);
  });

  it('chaque dossier de lib/ a son en-tête, et ce qu\'il dit importer est exactement la carte des couches', () => {
    for (const folder of Object.keys(ALLOWED)) {
      const heads = sourceFiles(join(ROOT, 'lib', folder)).map((f) => readFileSync(f, 'utf8').slice(0, 800));
      const header = heads.find((h) => h.startsWith('/**') && h.includes(`lib/${folder} — `));
      expect(header, `en-tête de lib/${folder}`).toBeDefined();
      const head = header!.slice(0, header!.indexOf('*/'));
      // « N'importe de lib/ que : a, b (précision), c — … » ou « N'importe rien de lib/ ».
      const listed = /N'importe de lib\/ que : ([^—;\n]+)/.exec(head)?.[1];
      const said = listed
        ? listed.replace(/\([^)]*\)/g, '').split(',').map((x) => x.trim()).filter(Boolean).sort()
        : /N'importe rien de lib\//.test(head) ? [] : null;
      expect(said, `lib/${folder} : son en-tête doit dire ce qu'il importe de lib/`).not.toBeNull();
      expect(said, `lib/${folder} : l'en-tête et la carte des couches divergent`).toEqual([...ALLOWED[folder]!].sort());
    }
  });
});
