/** Deux bibliothèques (deux « navigateurs ») reliées par les messages du protocole : producteur et distributeur. */
import { createDispatcher, createHandlers, memorySettings } from '../../../lib/messages/handlers';
import { exportLibrary } from '../../../lib/exchange/service';
import type { Repository } from '../../../lib/db/repository';
import { freshRepo } from './db';
import { seedAnswers, seedCriteria } from './seed';

// Paquets producteur de bout en bout dans deux bibliothèques (deux « navigateurs ») : construire chez le
// producteur, importer chez le distributeur par les messages du protocole (zod à la réception), comme le gestionnaire.

type Reply<T> = { ok: true; data: T } | { ok: false; error: string };

export function library() {
  const { repo, tick } = freshRepo();
  const dispatch = createDispatcher(createHandlers(repo, { now: () => new Date('2026-03-12T10:00:00Z'), settings: memorySettings() }));
  const send = async <T = unknown>(type: string, payload: unknown) => (await dispatch({ type, payload }, 'extension-page')) as Reply<T>;
  // Réponses lues champ par champ dans les assertions : leur forme exacte est celle du protocole.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  const must = async <T = any>(type: string, payload: unknown): Promise<T> => {
    const r = await send<T>(type, payload);
    if (!r.ok) throw new Error(r.error);
    return r.data;
  };
  return { repo, tick, send, must };
}

/** Un producteur : fiche administrative, produit 2726, réponses de Sécurité et d'Éthique (spécificité Oui/Non). */
export async function producer() {
  const lib = library();
  await lib.repo.putCompany({ id: 'c1', denomination: 'Producteur SAS', siret: '11122233300018', extra: {} }, 'p');
  const p = await lib.must<{ id: string }>('product.create', {
    product: { name: "Solution d'éditeur producteur", version: 'v1', type: 'socle', responsable: 'P', description: 'd', convergenceNumber: '2726', role: { kind: 'producteur' } },
    author: 'p',
  });
  // Le catalogue appris des pages du producteur : le paquet le transmet au distributeur.
  await seedCriteria(lib.repo, [
      { questionnaire: 'securite', id: '01.01', title: 'Politique de sécurité', kind: 'niveau', obligation: 'obligation', acceptableLevels: ['2', '3'] },
      { questionnaire: 'securite', id: '01.02', title: 'Engagements contractuels', kind: 'niveau', obligation: 'obligation', acceptableLevels: ['2', '3'] },
      { questionnaire: 'securite', id: '09.04', title: 'Réalisation des sauvegardes', kind: 'niveau', obligation: 'obligation', acceptableLevels: ['1', '2', '3'] },
      { questionnaire: 'ethique', id: 'ETH.1.7', title: 'Destinataires/Sous-traitants', kind: 'conformite', obligation: 'obligation' },
    ], { author: 'p', at: '2026-03-12T10:00:00.000Z' });
  await seedAnswers(lib.repo, p.id, [
      { questionnaire: 'securite', criterionId: '01.01', value: { kind: 'niveau', level: '2' }, comment: 'Politique publique', specificite: 'non' },
      { questionnaire: 'securite', criterionId: '01.02', value: { kind: 'niveau', level: '3' }, comment: 'Contrat interne du client X', specificite: 'non' },
      { questionnaire: 'securite', criterionId: '09.04', value: { kind: 'niveau', level: '1' }, comment: 'Sauvegardes', specificite: 'oui' },
      { questionnaire: 'ethique', criterionId: 'ETH.1.7', value: { kind: 'conformite', conformity: 'conforme' }, comment: 'Sous-traitants', specificite: 'non' },
      { questionnaire: 'orientation', criterionId: 'Q1', value: { kind: 'choix', choices: ['Oui'] } },
    ], { author: 'p', at: '2026-03-12T10:00:00.000Z' });
  return { ...lib, productId: p.id };
}

export const SHARE = (productId: string) => ({ productId, variantId: '', questionnaires: ['securite', 'ethique'], confidentialComments: ['securite/01.02'] });

/** Le paquet construit, et le fichier tel que le distributeur le reçoit (nom et contenu). */
export async function build(lib: Awaited<ReturnType<typeof producer>>) {
  const b = await lib.must<{ fileName: string; contentBase64: string; sequence: number; fingerprint: { hex: string; display: string } }>('package.share.build', SHARE(lib.productId));
  // `built` non énumérable : le fichier se passe tel quel aux messages (zod refuse tout champ inconnu).
  return Object.defineProperty({ fileName: b.fileName, contentBase64: b.contentBase64 }, 'built', { value: b, enumerable: false }) as { fileName: string; contentBase64: string; built: typeof b };
}

/** La mise à jour du producteur : 01.01 change de niveau, ETH.1.7 de commentaire (le paquet suivant les diffère). */
export async function updateProducer(p: Awaited<ReturnType<typeof producer>>) {
  await seedAnswers(p.repo, p.productId, [
      { questionnaire: 'securite', criterionId: '01.01', value: { kind: 'niveau', level: '3' } },
      { questionnaire: 'ethique', criterionId: 'ETH.1.7', comment: 'Nouveaux sous-traitants' },
    ], { author: 'p', at: '2026-03-12T10:00:00.000Z' });
}

/** Un distributeur : son produit 2742, encore sans producteur. */
export async function distributor() {
  const lib = library();
  const d = await lib.must<{ id: string }>('product.create', {
    product: { name: "Solution d'éditeur distributeur", version: 'v1', type: 'socle', responsable: 'D', description: 'd', convergenceNumber: '2742' },
    author: 'd',
  });
  return { ...lib, productId: d.id };
}

export const snapshot = async (repo: Repository) => {
  const { exportedAt: _at, ...lib } = await exportLibrary(repo);
  return JSON.stringify(lib);
};

export async function importAs(d: Awaited<ReturnType<typeof distributor>>, file: { fileName: string; contentBase64: string }, extra: Record<string, unknown> = {}) {
  const inspect = await d.must('package.inspect', file);
  const commit = await d.must('package.commit', { ...file, confirmedFingerprint: inspect.fingerprint.hex, distributorProductId: d.productId, author: 'd', ...extra });
  return { inspect, commit };
}
