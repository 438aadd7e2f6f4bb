/**
 * Le rapport commun des bancs d'essai (npm run bench). Chaque mesure est donnée avec une référence mesurée
 * dans la même exécution (la machine est bruyante : seul le rapport des deux a du sens) et l'objectif, en rapport.
 * Chaque banc écrit ses mesures, une par ligne JSON, dans le fichier BENCH_OUT ; scripts/bench.mjs les réunit,
 * les affiche et, avec --json, les écrit ensemble.
 */
import { appendFileSync } from 'node:fs';

export interface BenchResult {
  /** Objectif de l'issue (« 1 remplissage », « 2 lecture »…). */
  goal: string;
  /** Ce qui est mesuré (« Remplissage, extension, style a »). */
  measure: string;
  /** Valeur mesurée (médiane), et son unité. */
  value: number;
  unit: 'ms' | 'Ko gz' | 'messages' | 'ko';
  /** Référence mesurée dans la même exécution (ou budget fixe, dit comme tel dans baselineLabel). */
  baseline: number;
  baselineLabel: string;
  /** Rapport maximal visé (value / baseline), s'il y en a un. */
  target?: number;
  /** Détail : nombre de passes, dispersion, vérification de l'état. */
  note?: string;
}

export function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  if (s.length === 0) return NaN;
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}

export function record(r: BenchResult): void {
  const ratio = r.baseline > 0 ? r.value / r.baseline : NaN;
  const line = JSON.stringify({ ...r, ratio, ok: r.target === undefined ? null : ratio <= r.target });
  if (process.env.BENCH_OUT) appendFileSync(process.env.BENCH_OUT, line + '\n');
  const fmt = (v: number) => (r.unit === 'ms' ? v.toFixed(1) : v.toFixed(r.unit === 'Ko gz' ? 1 : 0));
  console.log(`  ${r.goal} · ${r.measure} : ${fmt(r.value)} ${r.unit} / ${fmt(r.baseline)} ${r.unit} (${r.baselineLabel}) = ${ratio.toFixed(2)}×${r.target !== undefined ? ` (objectif ≤ ${r.target}×)` : ''}`);
}
