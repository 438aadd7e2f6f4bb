/** Outils communs aux tests des paquets producteur. */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { runPackageCli } from '../../../lib/cli/package';
import type { PackageInput, ProducerPackage } from '../../../lib/exchange/package';
import { answerMaker, niveau } from '../../fixtures/answers';
export { seeded } from '../../fixtures/seeded';

/** Le JSON d'un paquet, à modifier librement dans un test. */
export type PackageDoc = ProducerPackage & Record<string, unknown>;

export const ROOT = resolve(__dirname, '../../..');
export const FIXTURES = resolve(ROOT, 'tests/fixtures');
export const FIXTURE_V1 = resolve(FIXTURES, 'producteur.convergence-paquet');
export const FIXTURE_V2 = resolve(FIXTURES, 'producteur-v2.convergence-paquet');

export const fixtureBytes = (path = FIXTURE_V1) => new Uint8Array(readFileSync(path));

export const AT = '2026-03-12T10:00:00.000Z';
export const answer = answerMaker('p', { kind: 'saisie', ref: 'test', at: AT }, '');
export { niveau };

/** Un paquet simple : deux critères de sécurité, un d'Éthique, une question d'orientation. */
export function simpleInput(over: Partial<PackageInput> = {}): PackageInput {
  return {
    companyName: 'Producteur SAS',
    product: { name: 'Dossia', version: 'v3.1' },
    convergenceNumber: '4101',
    sequence: 1,
    createdAt: new Date(AT),
    answers: [
      answer('securite', '04.03', niveau('2'), 'Identification par le distributeur.', 'oui'),
      answer('securite', '09.04', niveau('1'), 'Sauvegardes quotidiennes.', 'non'),
      answer('ethique', 'ETH.1.1', { kind: 'conformite', conformity: 'conforme' }, 'Finalités publiées.', 'non'),
      answer('orientation', 'Q1', { kind: 'choix', choices: ['Non'] }),
    ],
    selection: { questionnaires: ['orientation', 'securite', 'ethique'] },
    ...over,
  };
}

/** Le fichier modifié par `edit` sur son JSON (réécrit sans espace, signature inchangée). */
export function editJson(bytes: Uint8Array, edit: (doc: PackageDoc) => void): Uint8Array {
  const doc = JSON.parse(new TextDecoder().decode(bytes)) as PackageDoc;
  edit(doc);
  return new TextEncoder().encode(JSON.stringify(doc));
}

/** convergence-helper paquet …, dans ce processus. */
export async function runPaquet(...args: string[]) {
  let out = '';
  let err = '';
  const code = await runPackageCli(args, { out: (s) => void (out += s), err: (s) => void (err += s) });
  return { code, out, err };
}
