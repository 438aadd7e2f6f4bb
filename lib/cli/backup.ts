/**
 * `sauvegarde verifier FICHIER [--json]` : vérifie une sauvegarde complète sans navigateur ni base
 * (structure, empreinte SHA-256 du contenu, schémas, cohérence, chaque contenu de preuve).
 * Codes de sortie : 0 sauvegarde intacte, 1 sauvegarde abîmée ou modifiée, 2 fichier illisible ou commande incorrecte.
 */
import { openAsBlob } from 'node:fs';
import { basename } from 'node:path';
import { UserError } from '../domain/errors';
import { verifyBackupFile } from '../exchange/backup';
import type { BackupReport } from '../exchange/backup';
import { readInput } from './check';
import { runSubcommands } from './io';
import type { CliIO } from './io';

const BACKUP_HELP = `convergence-helper sauvegarde — lit une sauvegarde complète d'Assistant Convergence.

Usage :
  convergence-helper sauvegarde verifier FICHIER [--json]

Vérifie, sans rien modifier : le format et sa version, l'empreinte SHA-256 du contenu, chaque
enregistrement (produits, variantes, fiches, critères, réponses, journal), leur cohérence, et le
contenu de chaque preuve contre son empreinte SHA-256. Affiche les comptes.

Codes de sortie :
  0  sauvegarde intacte
  1  sauvegarde abîmée ou modifiée (empreinte différente, contenu tronqué ou altéré)
  2  fichier illisible, qui n'est pas une sauvegarde, ou commande incorrecte
`;

const mo = (n: number) => (n < 1024 * 1024 ? `${Math.ceil(n / 1024)} Ko` : `${(n / 1048576).toFixed(1).replace('.', ',')} Mo`);

function formatBackupReport(r: BackupReport): string {
  const out = [`Sauvegarde « ${r.file} »`];
  if (r.format) out.push(`  Format : ${r.format}, version ${r.version ?? '?'}${r.schemaVersion ? ` (base v${r.schemaVersion})` : ''}${r.createdAt ? `, créée le ${r.createdAt}` : ''}`);
  const c = r.counts;
  if (c) {
    out.push(`  Produits : ${c.products}, variantes : ${c.variants}, fiches administratives : ${c.companies}, critères : ${c.criteria}, réponses : ${c.answers}`);
    out.push(`  Preuves : ${c.files} fichier(s), ${c.blobs} contenu(s) (${mo(c.blobBytes)}) ; journal : ${c.operations} opération(s), ${c.journal} entrée(s)`);
  }
  const sum = { conforme: 'conforme', differente: 'DIFFÉRENTE (fichier modifié ou abîmé)', 'non-verifiee': 'non vérifiable' }[r.checksum];
  out.push(`  Empreinte du contenu (SHA-256) : ${sum}`);
  out.push(`  Contenus des preuves : ${r.blobs.verified}/${r.blobs.total} vérifié(s)${r.blobs.bad ? `, ${r.blobs.bad} refusé(s)` : ''}`);
  if (r.problems.length) {
    out.push('', '  Problèmes :');
    for (const p of r.problems) out.push(`  ✗ ${p}`);
  }
  out.push('', r.valid ? 'Résultat : sauvegarde intacte.' : 'Résultat : sauvegarde abîmée ou modifiée — ne la restaurez pas.');
  return out.join('\n') + '\n';
}

async function openFile(path: string): Promise<Blob> {
  try {
    // Lu par morceaux : le fichier n'est jamais chargé en entier.
    return await openAsBlob(path);
  } catch (e) {
    await readInput(path); // donne le message français (introuvable, dossier, non autorisé)
    throw e;
  }
}

/** La commande `sauvegarde` ; argv commence après le mot « sauvegarde ». */
export async function runBackupCli(argv: readonly string[], io: CliIO): Promise<number> {
  return runSubcommands(argv, io, { name: 'sauvegarde', help: BACKUP_HELP }, async (words, json) => {
    const [sub, path, ...rest] = words;
    if (sub !== 'verifier' && sub !== 'vérifier' && sub !== 'verify') throw new UserError(`Sous-commande inconnue « ${sub ?? ''} ». Usage : convergence-helper sauvegarde verifier FICHIER [--json]`);
    if (!path || rest.length) throw new UserError('Usage : convergence-helper sauvegarde verifier FICHIER [--json]');
    const report = await verifyBackupFile(await openFile(path), basename(path));
    io.out(json ? JSON.stringify(report, null, 2) + '\n' : formatBackupReport(report));
    return report.valid ? 0 : 1;
  });
}
