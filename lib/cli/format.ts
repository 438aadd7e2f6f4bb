/** Human-readable French report of `check`. */
import { QUESTIONNAIRE_LABELS } from '../domain/questionnaires';
import type { Finding } from '../rules/types';
import type { CheckResult } from './check';

const yes = (b: boolean) => (b ? 'oui' : 'non');

function findingLines(f: Finding, mark: string): string[] {
  return [`  ${mark} [${QUESTIONNAIRE_LABELS[f.questionnaire]}] ${f.message}`, `      → ${f.action}`];
}

export function formatCheckText(r: CheckResult): string {
  const out: string[] = [];
  out.push(`Vérification de « ${r.file} » (${r.kind === 'json' ? 'bibliothèque JSON' : 'tableur'})`);
  for (const p of r.products) {
    const rep = p.report;
    out.push('', `Produit : ${p.name} — ${p.criteria} critère(s) dans le fichier`);
    // Le verdict ne vaut que pour ce que le fichier contient : Convergence peut afficher d'autres critères.
    out.push(`  D'après les ${p.criteria} critère(s) du fichier :`);
    out.push(`  Dossier d'évaluation générable : ${yes(rep.dossierGenerable.ok)}`);
    for (const reason of rep.dossierGenerable.reasons) out.push(`    - ${reason}`);
    out.push(`  Prêt à candidater : ${yes(rep.pretACandidater.ok)}`);
    for (const reason of rep.pretACandidater.reasons) out.push(`    - ${reason}`);
    out.push('', '  Questionnaires :');
    for (const q of rep.questionnaires) {
      const reached = q.questionnaire === 'ethique' ? (q.atteint ? 'conformité atteinte' : 'conformité non atteinte') : q.atteint ? 'niveaux atteints' : 'niveaux non atteints';
      out.push(`    ${q.label} : ${q.answered}/${q.total} renseigné(s), ${q.complete ? 'complet' : 'incomplet'}${q.total ? `, ${reached}` : ''}`);
    }
    const blockers = rep.findings.filter((f) => f.severity === 'bloquant');
    const warnings = rep.findings.filter((f) => f.severity === 'avertissement');
    if (blockers.length) {
      out.push('', `  Points bloquants (${blockers.length}) :`);
      for (const f of blockers) out.push(...findingLines(f, '✗'));
    }
    if (warnings.length) {
      out.push('', `  Avertissements (${warnings.length}) :`);
      for (const f of warnings) out.push(...findingLines(f, '!'));
    }
  }
  out.push('', `Résultat : ${r.blockers} point(s) bloquant(s), ${r.warnings} avertissement(s).`);
  return out.join('\n') + '\n';
}
