import { createClient } from '../../../lib/messages/client';
import type { Send } from '../../../lib/messages/client';
import { createHandlers, dispatch, memorySettings } from '../../../lib/messages/handlers';
import type { Repository } from '../../../lib/db/repository';
import { sha256Hex } from '../../../lib/domain/evidence';
import { CONFORME, level, PROV, seedProduct, snapshot } from './db';

/** Le client de la page, branché sur les vrais gestionnaires ; chaque message fait un aller-retour JSON, comme runtime.sendMessage. */
export function pageClient(repo: Repository): Send {
  const handlers = createHandlers(repo, { settings: memorySettings() });
  return createClient(async (m) => JSON.parse(JSON.stringify(await dispatch(handlers, JSON.parse(JSON.stringify(m)), 'extension-page'))));
}

export function bytes(size: number, seed: number): Uint8Array {
  const b = new Uint8Array(size);
  for (let i = 0; i < size; i++) b[i] = (i * 131 + seed * 7 + (i >> 8)) & 0xff;
  return b;
}

/**
 * Une bibliothèque complète : deux produits (dont un distributeur), une variante, la fiche administrative,
 * des critères, des réponses avec un historique, trois preuves (dont une de 2 Mo et une supprimée, que seul
 * le journal garde).
 */
export async function populated(repo: Repository, tick: (ms?: number) => void): Promise<void> {
  await seedProduct(repo, 'p1', { kind: 'producteur' });
  await seedProduct(repo, 'p2', { kind: 'distributeur', producerProductId: 'p1' });
  await repo.createVariant({ id: 'v1', productId: 'p1', os: 'android', device: 'mobile', convergenceNumber: '3101' }, 'alice');
  await repo.updateProduct('p1', { convergenceNumber: '3100' }, 'alice');
  await repo.putCompany({ id: 'c1', denomination: 'Santé Numérique SAS', siret: '12345678901234', extra: { 'N° RCS': 'Paris B 123' } }, 'alice');
  await repo.learnCriteria(
    [
      { questionnaire: 'interoperabilite', id: 'A08.5.23', title: 'Consommateur CDA', obligation: 'obligation', acceptableLevels: ['NA', '2', '3'] },
      { questionnaire: 'ethique', id: 'ETH.1.1', title: 'Finalités', obligation: 'obligation', expectedEvidence: ['Politique'] },
    ],
    PROV,
    'alice',
  );
  tick();
  const big = await repo.addEvidenceFile({ productId: 'p1', name: 'politique.pdf', type: 'application/pdf', blob: new Blob([bytes(2 * 1024 * 1024, 1) as BlobPart], { type: 'application/pdf' }), evidenceType: 'Politique' }, 'alice');
  await repo.addEvidenceFile({ productId: 'p1', variantId: 'v1', name: 'capture.png', type: 'image/png', blob: new Blob([bytes(3000, 2) as BlobPart], { type: 'image/png' }), evidenceType: 'Capture' }, 'alice');
  const gone = await repo.addEvidenceFile({ productId: 'p2', name: 'ancienne.pdf', type: 'application/pdf', blob: new Blob([bytes(5000, 3) as BlobPart]), evidenceType: 'CGU' }, 'bob');
  await repo.runOperation({ kind: 'produit', label: 'Suppression de la preuve « ancienne.pdf »', author: 'bob' }, (w) => w.remove('files', gone.result.id));
  await repo.saveAnswers('p1', '', [{ questionnaire: 'interoperabilite', criterionId: 'A08.5.23', value: level('1'), comment: 'Première lecture' }], PROV, { kind: 'capture', label: 'Capture', author: 'alice' });
  tick();
  await repo.saveAnswers(
    'p1',
    '',
    [
      { questionnaire: 'interoperabilite', criterionId: 'A08.5.23', value: level('2'), comment: 'Revu — « accents » et guillemets "doubles"' },
      { questionnaire: 'ethique', criterionId: 'ETH.1.1', value: CONFORME, evidence: [{ evidenceType: 'Politique', name: 'politique.pdf', fileId: big.result.id, hash: big.result.hash }] },
    ],
    { ...PROV, kind: 'saisie', ref: 'saisie manuelle' },
    { kind: 'saisie', label: 'Correction', author: 'bob' },
  );
  await repo.saveAnswers('p1', 'v1', [{ questionnaire: 'interoperabilite', criterionId: 'A08.5.23', value: level('3'), validUntil: '2026-01-01' }], PROV, { kind: 'capture', label: 'Capture', author: 'alice' });
}

/** Tout ce qui est stocké, contenus de preuves compris (par empreinte recalculée) : pour « rien n'a été écrit ». */
export async function everything(repo: Repository): Promise<string> {
  const blobs = await repo.db.blobs.toArray();
  const hashes = await Promise.all(blobs.map(async (b) => `${b.hash}=${await sha256Hex(b.blob)}`));
  return [await snapshot(repo), JSON.stringify(await repo.db.files.toArray()), hashes.sort().join(',')].join('|');
}

/** Les SHA-256 recalculés du contenu de chaque preuve en vigueur, par nom. */
export async function evidenceHashes(repo: Repository): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const f of await repo.db.files.toArray()) out[f.name] = await sha256Hex((await repo.getEvidenceFile(f.id))!.blob);
  return out;
}
