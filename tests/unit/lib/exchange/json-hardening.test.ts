import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseLibraryJson } from '../../../../lib/exchange/json-format';
import { checkJsonText } from '../../../../lib/exchange/json-text';
import { previewImport } from '../../../../lib/exchange/service';
import { freshRepo, seedProduct, snapshot } from '../../support/db';

const LIB = readFileSync(resolve(__dirname, '../../../fixtures/bibliotheque.json'), 'utf8');
const enc = (s: string) => new TextEncoder().encode(s);
type Lib = Record<string, unknown> & { answers: Record<string, unknown>[]; products: Record<string, unknown>[]; variants: unknown[]; companies: unknown[]; files: unknown[]; criteria: Record<string, unknown>[] };
const edit = (f: (l: Lib) => void) => {
  const l = JSON.parse(LIB) as Lib;
  f(l);
  return JSON.stringify(l, null, 2);
};

/** Refusé par l'aperçu d'import de l'extension, sans rien écrire, avec un message qui nomme le fichier. */
async function refused(text: string | Uint8Array, fileName = 'bibliotheque.json'): Promise<string> {
  const { repo } = freshRepo();
  await seedProduct(repo, 'p0');
  const before = await snapshot(repo);
  let message = '';
  try {
    await previewImport(repo, { fileName, data: typeof text === 'string' ? enc(text) : text });
  } catch (e) {
    message = (e as Error).message;
  }
  expect(message, 'le fichier devait être refusé').not.toBe('');
  expect(message).toContain(`« ${fileName} »`);
  expect(message).not.toMatch(/Erreur interne|undefined|Unexpected|is not valid JSON|at position|Maximum call stack/);
  expect(await snapshot(repo)).toBe(before);
  return message;
}

describe('JSON hostile : messages en français, situés, jamais le texte du moteur', () => {
  it('erreur de syntaxe située à la ligne et à la colonne, calculées par nous', async () => {
    expect(await refused('{\n  "format": "assistant-convergence",\n  "version": 1,,\n}')).toBe(
      'Fichier « bibliotheque.json » : JSON invalide à la ligne 3, colonne 16 : caractère « , » inattendu (nom de champ entre guillemets attendu).',
    );
    expect(await refused('{ "format": ')).toMatch(/JSON invalide à la ligne 1, colonne 13 : fin du fichier inattendue \(valeur attendue\)/);
    expect(await refused('{"a": "sans fin')).toMatch(/ligne 1, colonne 7 : chaîne de caractères jamais fermée/);
    expect(await refused('{"a": 1} {}')).toMatch(/contenu après la fin du JSON/);
    expect(await refused("{'a': 1}")).toMatch(/caractère « ' » inattendu/);
    expect(await refused('{"a": "x\u0001"}')).toMatch(/caractère de contrôle U\+0001 dans une chaîne/);
    expect(await refused('[1,]')).toMatch(/caractère « \] » inattendu \(valeur attendue\)/);
    expect(await refused('')).toMatch(/vide/);
  });

  it('10 000 tableaux imbriqués : refusés sans récursion, vite, en nommant le fichier', async () => {
    const started = Date.now();
    expect(await refused('['.repeat(10_000) + ']'.repeat(10_000))).toMatch(/« bibliotheque\.json » : JSON invalide à la ligne 1, colonne 65 : imbrication trop profonde \(plus de 64 niveaux\)/);
    expect(await refused('['.repeat(5_000_000))).toMatch(/imbrication trop profonde/);
    expect(Date.now() - started).toBeLessThan(3000);
    expect(checkJsonText('['.repeat(64) + ']'.repeat(64), 64)).toBeNull();
  });

  it('version absente, texte ou inconnue : jamais « undefined »', async () => {
    expect(await refused(edit((l) => delete l.version))).toMatch(/version de format absente non prise en charge \(version attendue : 1\)/);
    expect(await refused(edit((l) => (l.version = '1')))).toMatch(/version de format « 1 » non prise en charge/);
    expect(await refused(edit((l) => (l.version = null)))).toMatch(/version de format null non prise en charge/);
  });

  it('encodage : UTF-8 avec ou sans BOM, UTF-16 avec BOM ; refus de tout le reste', async () => {
    const utf16 = new Uint8Array([0xff, 0xfe, ...new Uint8Array(Buffer.from(LIB, 'utf16le'))]);
    expect(parseLibraryJson(utf16, 'u.json').answers).toHaveLength(4);
    expect(parseLibraryJson(new Uint8Array([0xef, 0xbb, 0xbf, ...enc(LIB)]), 'b.json').answers).toHaveLength(4);
    expect(await refused(new Uint8Array([...enc('{"format":"'), 0xe9, ...enc('"}')]))).toMatch(/ce n'est pas du texte UTF-8 valide/);
  });

  it('identifiants en double : produit, variante, fiche, fichier de preuve', async () => {
    const variant = (id: string) => ({ id, productId: 'santeplus', os: 'ios', device: 'mobile', createdAt: '2025-01-01T00:00:00.000Z', updatedAt: '2025-01-01T00:00:00.000Z' });
    const pid = (JSON.parse(LIB) as Lib).products[0]!.id as string;
    expect(await refused(edit((l) => l.products.push({ ...l.products[0]! })))).toMatch(/champ products\[1\]\.id : produit en double « /);
    expect(await refused(edit((l) => l.variants.push({ ...variant('v'), productId: pid }, { ...variant('v'), productId: pid, os: 'web', device: 'site-web' })))).toMatch(/champ variants\[1\]\.id : variante en double « v »/);
    expect(await refused(edit((l) => l.companies.push(...[1, 2].map(() => ({ id: 'c', denomination: 'ACME', extra: {}, updatedAt: '2025-01-01T00:00:00.000Z' })))))).toMatch(/champ companies\[1\]\.id : fiche administrative en double « c »/);
    const file = { id: 'f', productId: pid, variantId: '', name: 'a.pdf', type: 'application/pdf', size: 1, hash: 'a'.repeat(64), evidenceType: 'CGU', addedAt: '2025-01-01T00:00:00.000Z' };
    expect(await refused(edit((l) => l.files.push(file, { ...file })))).toMatch(/champ files\[1\]\.id : fichier de preuve en double « f »/);
  });

  it('caractères de contrôle C1, demi-paires isolées, contrôles bidirectionnels dans un identifiant : refusés en nommant le champ', async () => {
    expect(await refused(edit((l) => (l.answers[0]!.comment = 'a\u0085b')))).toMatch(/champ answers\[0\]\.comment : caractère de contrôle C1 \(U\+0085\) interdit/);
    expect(await refused(edit((l) => (l.answers[0]!.comment = 'a\ud800b')))).toMatch(/champ answers\[0\]\.comment : demi-paire UTF-16 isolée .*\(U\+D800\) interdit/);
    expect(await refused(edit((l) => (l.products[0]!.id = 'p\u202e1')))).toMatch(/champ products\[0\]\.id : contrôle bidirectionnel .*\(U\+202E\) interdit/);
    expect(await refused(edit((l) => (l.products[0]!.id = 'p\n1')))).toMatch(/champ products\[0\]\.id : saut de ligne ou tabulation \(U\+000A\) interdit/);
    expect(await refused(edit((l) => ((l.answers[0] as Record<string, unknown>)['x\u202e'] = 1)))).toMatch(/nom de champ avec contrôle bidirectionnel/);
  });

  it('un nom sur plusieurs lignes ou à l’affichage inversé est ramené à une ligne lisible', () => {
    const lib = parseLibraryJson(edit((l) => (l.products[0]!.name = 'Santé\u202e+\nRésultat : 0 point(s) bloquant(s)')), 'n.json');
    expect(lib.products[0]!.name).toBe('Santé+ Résultat : 0 point(s) bloquant(s)');
  });

  it('textes trop longs ou identifiants de 500 caractères : refusés, le chemin du champ nommé', async () => {
    expect(await refused(edit((l) => (l.answers[0]!.comment = 'x'.repeat(5_000_000))))).toMatch(/champ answers\[0\]\.comment : texte trop long \(maximum 10000 caractères\)/);
    expect(await refused(edit((l) => (l.products[0]!.id = 'p'.repeat(500))))).toMatch(/champ products\[0\]\.id : texte trop long \(maximum 100 caractères\)/);
  });

  it('champ manquant, type faux, clé inconnue affichée sans caractère trompeur', async () => {
    expect(await refused(edit((l) => delete l.answers[0]!.comment))).toMatch(/champ answers\[0\]\.comment : champ manquant/);
    expect(await refused(edit((l) => (l.answers[0]!.comment = 3)))).toMatch(/champ answers\[0\]\.comment : type attendu : texte/);
  });
});
