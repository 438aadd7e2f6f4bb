/**
 * `paquet verifier FICHIER [--json]` et `paquet diff ANCIEN NOUVEAU [--json]` : paquets producteur
 * (`.convergence-paquet`) vérifiés hors du navigateur, sans rien écrire.
 *
 * Le fichier est lu dans les limites des fichiers reçus (taille vérifiée avant lecture), puis vérifié dans ce
 * fil : la vérification n'appelle que notre code (lecteur JSON sans récursion et borné en profondeur et en
 * valeurs, sérialisation canonique bornée, zod) et WebCrypto, à coût linéaire dans la taille du fichier ;
 * le fil isolé (isolate.ts) ne sert qu'à SheetJS, dont le coût sur un classeur piégé n'est pas borné.
 *
 * Codes de sortie : 0 paquet authentique et intact (diff : les deux), 1 paquet modifié, abîmé ou invalide,
 * 2 fichier illisible, qui n'est pas un paquet, ou commande incorrecte.
 */
import { basename } from 'node:path';
import { UserError } from '../domain/errors';
import { QUESTIONNAIRE_LABELS } from '../domain/questionnaires';
import { displaySafe } from '../domain/text';
import { formatConformity, formatLevel } from '../domain/levels';
import type { LevelScale } from '../domain/levels';
import { checkReplay, diffPackages, DIFF_FIELD_LABELS, packageIdentity, packageProductLabel, summarizePackage, verifyPackage } from '../exchange/package';
import type { KeyFingerprint, PackageAnswer, PackageDiff, PackageSummary, PackageVerification, ProducerPackage, ReplayVerdict } from '../exchange/package';
import { readInput } from './check';
import { jsonSafe } from './format';
import { runSubcommands } from './io';
import type { CliIO } from './io';

const PACKAGE_HELP = `convergence-helper paquet — lit les paquets producteur (.convergence-paquet) d'Assistant Convergence.

Usage :
  convergence-helper paquet verifier FICHIER [--json]
  convergence-helper paquet diff ANCIEN NOUVEAU [--json]

verifier  Vérifie la signature (ECDSA P-256, SHA-256) avant toute lecture du contenu, puis affiche le
          producteur, l'empreinte de sa clé (à comparer de vive voix avec le producteur), le produit,
          la date, le numéro d'ordre et ce que le paquet contient et ne contient pas.
diff      Vérifie les deux paquets, puis liste les critères ajoutés, retirés et modifiés (niveau,
          conformité, commentaire, spécificité, preuves), et dit si NOUVEAU serait accepté comme mise à
          jour d'ANCIEN (même clé, numéro d'ordre plus grand).

Codes de sortie :
  0  paquet(s) authentique(s) et intact(s)
  1  paquet modifié, abîmé ou invalide (signature qui ne correspond pas, contenu non conforme)
  2  fichier illisible, qui n'est pas un paquet, ou commande incorrecte
`;

const USAGE = 'Usage : convergence-helper paquet verifier FICHIER [--json] | convergence-helper paquet diff ANCIEN NOUVEAU [--json]';

/** « 12/03/2026 à 10:00 UTC » */
export function frenchDate(iso: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})/.exec(iso);
  if (!m) return iso;
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  const utc = d.toISOString();
  return `${utc.slice(8, 10)}/${utc.slice(5, 7)}/${utc.slice(0, 4)} à ${utc.slice(11, 16)} UTC`;
}

interface PackageReport {
  file: string;
  valid: boolean;
  /** Pour un paquet refusé : modifié ou abîmé, ou intact mais invalide. */
  kind?: 'altered' | 'invalid';
  message?: string;
  signature: 'valide' | 'invalide';
  producer?: ProducerPackage['producer'];
  fingerprint?: KeyFingerprint;
  product?: ProducerPackage['product'];
  sequence?: number;
  createdAt?: string;
  summary?: PackageSummary;
}

function reportOf(file: string, v: Exclude<PackageVerification, { kind: 'unreadable' }>): PackageReport {
  if (!v.ok) return { file, valid: false, kind: v.kind as 'altered' | 'invalid', message: v.message, signature: v.kind === 'altered' ? 'invalide' : 'valide' };
  const p = v.package;
  return {
    file,
    valid: true,
    signature: 'valide',
    producer: p.producer,
    fingerprint: v.fingerprint,
    product: p.product,
    sequence: p.sequence,
    createdAt: p.createdAt,
    summary: summarizePackage(p),
  };
}

const list = (items: readonly string[], max = 20) => (items.length > max ? `${items.slice(0, max).join(', ')}… (+${items.length - max})` : items.join(', '));

function formatPackageReport(r: PackageReport): string {
  const out = [`Paquet producteur « ${r.file} »`];
  if (!r.valid) {
    out.push(r.kind === 'invalid' ? '  Signature : valide, mais contenu refusé' : '  Signature : INVALIDE — le paquet a été modifié ou abîmé depuis sa signature');
    out.push(`  ✗ ${r.message ?? ''}`);
    out.push('', 'Résultat : paquet refusé — ne l\'importez pas ; demandez au producteur de vous le renvoyer.');
    return out.map((l) => displaySafe(l, 20_000)).join('\n') + '\n';
  }
  const s = r.summary!;
  const p = { product: r.product! };
  out.push('  Signature : valide (ECDSA P-256, SHA-256)');
  out.push(`  Producteur : ${r.producer!.name}${r.producer!.siret ? ` (SIRET ${r.producer!.siret})` : ''}`);
  out.push(`  Empreinte de la clé : ${r.fingerprint!.display}`);
  out.push("    (à comparer de vive voix avec celle que le producteur lit dans son gestionnaire)");
  out.push(`  Produit : ${packageProductLabel(p)}`);
  out.push(`  Paquet n° ${r.sequence} du ${frenchDate(r.createdAt!)}`);
  out.push('', `  Contenu : ${s.criteria} critère(s)`);
  for (const q of s.questionnaires) out.push(`    ${q.label} : ${q.criteria} critère(s)`);
  out.push(`    ${s.values} niveau(x) ou conformité(s), ${s.comments} commentaire(s), ${s.specificites} réponse(s) de spécificité`);
  out.push(`    Preuves : ${s.evidence.described} décrite(s) (nom, type, SHA-256), dont ${s.evidence.withContent} avec leur contenu`);
  out.push(
    `  Non transmis : ${s.omitted.confidentialComments} commentaire(s) confidentiel(s), contenu de ${s.omitted.evidenceContents} preuve(s), réponses d'orientation (jamais partagées)`,
  );
  if (s.specificiteOui.length) out.push(`  Spécificité « Oui » (à répondre par le distributeur) : ${list(s.specificiteOui.map((c) => c.id))}`);
  const review = s.whiteLabelReview.filter((c) => c.inPackage);
  out.push(`  Critères à revoir en marque blanche (guide ANS, ${s.whiteLabelReview.length}) : ${review.length ? `${review.length} dans le paquet : ${list(review.map((c) => c.id))}` : 'aucun dans le paquet'}`);
  out.push('', 'Résultat : paquet authentique et intact.');
  return out.map((l) => displaySafe(l, 20_000)).join('\n') + '\n';
}

function showValue(a: PackageAnswer, scale?: LevelScale): string {
  const v = a.value;
  if (!v) return v === null ? 'sans réponse' : 'non partagé';
  if (v.kind === 'niveau') return formatLevel(v.level, scale);
  if (v.kind === 'conformite') return formatConformity(v.conformity);
  return 'Documents déposés';
}

const VERDICT_TEXT: Record<ReplayVerdict['kind'], string> = {
  'mise-a-jour': 'accepté comme mise à jour',
  rejeu: 'REFUSÉ comme rejeu',
  'autre-cle': 'signé par une AUTRE clé : choix explicite exigé',
  nouveau: 'autre produit : ce ne serait pas une mise à jour',
};

function formatPackageDiff(oldFile: string, newFile: string, a: ProducerPackage, b: ProducerPackage, diff: PackageDiff, verdict: ReplayVerdict, sameKey: boolean): string {
  const out = [`Différences entre « ${oldFile} » (paquet n° ${a.sequence} du ${frenchDate(a.createdAt)}) et « ${newFile} » (paquet n° ${b.sequence} du ${frenchDate(b.createdAt)})`];
  out.push(`  Producteur : ${b.producer.name} — ${sameKey ? 'même clé' : 'clés DIFFÉRENTES'}`);
  out.push(`  Produit : ${packageProductLabel(b)}`);
  out.push(`  Nouveau paquet : ${VERDICT_TEXT[verdict.kind]}`);
  if (verdict.kind !== 'mise-a-jour') out.push(`    ${verdict.message}`);
  for (const m of diff.metadata) out.push(`  ${{ producer: 'Producteur', product: 'Produit', questionnaires: 'Questionnaires', confidentialComments: 'Commentaires confidentiels non transmis' }[m.field]} : ${m.before} → ${m.after}`);
  const name = (e: { questionnaire: keyof typeof QUESTIONNAIRE_LABELS; id: string; title?: string; whiteLabelReview: boolean }) =>
    `[${QUESTIONNAIRE_LABELS[e.questionnaire]}] ${e.id}${e.title ? ` ${e.title}` : ''}${e.whiteLabelReview ? ' (marque blanche : à revoir)' : ''}`;
  out.push('', `  Critères ajoutés (${diff.added.length})${diff.added.length ? ' :' : ''}`);
  for (const e of diff.added) out.push(`    + ${name(e)}`);
  out.push(`  Critères retirés (${diff.removed.length})${diff.removed.length ? ' :' : ''}`);
  for (const e of diff.removed) out.push(`    - ${name(e)}`);
  out.push(`  Critères modifiés (${diff.changed.length})${diff.changed.length ? ' :' : ''}`);
  const scales = new Map([...a.criteria, ...b.criteria].map((c) => [c.key, c.scale]));
  for (const c of diff.changed) {
    const scale = scales.get(c.key);
    const parts = c.fields.map((f) => {
      if (f === 'level' || f === 'conformity') return `${DIFF_FIELD_LABELS[f]} (${showValue(c.before, scale)} → ${showValue(c.after, scale)})`;
      if (f === 'specificite') return `spécificité (${c.before.specificite === 'oui' ? 'Oui' : c.before.specificite === 'non' ? 'Non' : '—'} → ${c.after.specificite === 'oui' ? 'Oui' : c.after.specificite === 'non' ? 'Non' : '—'})`;
      return DIFF_FIELD_LABELS[f];
    });
    out.push(`    ~ ${name(c)} : ${parts.join(', ')}`);
  }
  out.push(`  Critères inchangés : ${diff.unchanged}`);
  return out.map((l) => displaySafe(l, 20_000)).join('\n') + '\n';
}

/** Lit et vérifie un paquet ; un fichier illisible lève UserError (code 2). */
async function readPackage(path: string): Promise<{ file: string; result: Exclude<PackageVerification, { kind: 'unreadable' }> }> {
  const file = displaySafe(basename(path), 200);
  const result = await verifyPackage(await readInput(path), basename(path));
  if (!result.ok && result.kind === 'unreadable') throw new UserError(result.message);
  return { file, result: result as Exclude<PackageVerification, { kind: 'unreadable' }> };
}

/** La commande `paquet` ; argv commence après le mot « paquet ». */
export async function runPackageCli(argv: readonly string[], io: CliIO): Promise<number> {
  return runSubcommands(argv, io, { name: 'paquet', help: PACKAGE_HELP }, async (words, json) => {
    const [sub, ...files] = words;
    if (sub === 'verifier' || sub === 'vérifier' || sub === 'verify') {
      if (files.length !== 1) throw new UserError(USAGE);
      const { file, result } = await readPackage(files[0]!);
      const report = reportOf(file, result);
      io.out(json ? jsonSafe(report) : formatPackageReport(report));
      return report.valid ? 0 : 1;
    }
    if (sub === 'diff' || sub === 'differences' || sub === 'différences') {
      if (files.length !== 2) throw new UserError(USAGE);
      const a = await readPackage(files[0]!);
      const b = await readPackage(files[1]!);
      const bad = [a, b].find((x) => !x.result.ok);
      if (bad) {
        const report = reportOf(bad.file, bad.result);
        io.out(json ? jsonSafe({ valid: false, refused: report }) : formatPackageReport(report));
        return 1;
      }
      if (!a.result.ok || !b.result.ok) return 1; // (pour TypeScript : traité ci-dessus)
      const pa = a.result.package;
      const pb = b.result.package;
      const diff = diffPackages(pa, pb);
      const sameKey = a.result.fingerprint.hex === b.result.fingerprint.hex;
      const verdict = checkReplay(packageIdentity(pb, b.result.fingerprint), [
        { ...packageIdentity(pa, a.result.fingerprint), producerName: pa.producer.name, createdAt: pa.createdAt },
      ]);
      if (json) {
        io.out(
          jsonSafe({
            valid: true,
            old: { file: a.file, sequence: pa.sequence, createdAt: pa.createdAt, fingerprint: a.result.fingerprint },
            new: { file: b.file, sequence: pb.sequence, createdAt: pb.createdAt, fingerprint: b.result.fingerprint },
            sameKey,
            update: { verdict: verdict.kind, message: verdict.message },
            ...diff,
          }),
        );
      } else io.out(formatPackageDiff(a.file, b.file, pa, pb, diff, verdict, sameKey));
      return 0;
    }
    throw new UserError(`Sous-commande inconnue « ${displaySafe(sub ?? '', 60)} ». ${USAGE}`);
  });
}
