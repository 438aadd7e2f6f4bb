/** Le rapport de `check` pour une personne, en français. */
import { QUESTIONNAIRE_LABELS } from '../domain/questionnaires';
import { displaySafe } from '../domain/text';
import type { Finding } from '../rules/types';
import type { CheckResult } from './check';
import { ASPECT_LABELS_FR, type ReferentialAspect } from '../domain/referential';
import { formatLevelList } from '../domain/levels';
import type { CriterionSnapshot } from '../domain/schemas';

/** Ce que dit un instantané pour une sorte de changement (« 2, 3 », « « Intitulé » », « Obligation »). */
function aspectValue(a: ReferentialAspect, s: CriterionSnapshot): string {
  if (a === 'minimum') return s.acceptableLevels.length ? `niveaux acceptables ${formatLevelList(s.acceptableLevels)}` : 'aucun minimum';
  if (a === 'obligation') return s.obligation === 'obligation' ? 'Obligation' : s.obligation === 'option' ? 'Option' : 'non indiquée';
  if (a === 'intitule') return `« ${s.title} »`;
  if (a === 'niveaux') return (s.levelLabels ?? []).map((l) => `« ${l} »`).join(', ') || 'non lus';
  return s.expectedEvidence.map((e) => `« ${e} »`).join(', ') || 'aucune';
}

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
  if (r.referentiel) {
    const diffs = r.referentiel.criteres;
    out.push('', `Critères modifiés par rapport à la bibliothèque « ${r.referentiel.bibliotheque} » (${diffs.length}) :`);
    if (!diffs.length) out.push('  aucun : minimums, intitulés, natures et preuves attendues identiques.');
    for (const d of diffs) {
      out.push(`  ~ [${QUESTIONNAIRE_LABELS[d.questionnaire]}] ${d.id} : ${d.aspects.map((a) => ASPECT_LABELS_FR[a]).join(', ')} modifié(s)`);
      for (const a of d.aspects) out.push(`      ${ASPECT_LABELS_FR[a]} : bibliothèque ${aspectValue(a, d.library)} ; fichier ${aspectValue(a, d.file)}`);
    }
  }
  out.push('', `Résultat : ${r.blockers} point(s) bloquant(s), ${r.warnings} avertissement(s)${r.referentiel ? `, ${r.referentiel.criteres.length} critère(s) modifié(s)` : ''}.`);
  // Chaque ligne est rendue sûre : un nom ou un intitulé venu du fichier ne peut ni ajouter une ligne
  // (« Résultat : 0 point(s) bloquant(s) » contrefait) ni piloter le terminal ou inverser l'affichage.
  return out.map((line) => displaySafe(line, 20_000)).join('\n') + '\n';
}

// eslint-disable-next-line no-control-regex
const TERMINAL_UNSAFE = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069\u2028\u2029]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/** Dernier filet avant le terminal : tout caractère de contrôle (sauf le saut de ligne) devient visible. */
export function terminalSafe(s: string): string {
  return s.replace(TERMINAL_UNSAFE, (ch) => `\\u{${(ch.codePointAt(0) ?? 0).toString(16).toUpperCase()}}`);
}

const JSON_UNSAFE = /[\u007f-\u009f\u202a-\u202e\u2066-\u2069\u2028\u2029]/g;

/** JSON pour une machine, sans caractère C1 ni contrôle bidirectionnel bruts (échappés en \uXXXX, JSON valide). */
export function jsonSafe(value: unknown): string {
  return JSON.stringify(value, null, 2).replace(JSON_UNSAFE, (ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`) + '\n';
}
