import { foldText } from '../../text/normalize';
import { leadingCriterionId } from './ids';

/** Type de preuve comparable : replié, sans l'identifiant de critère ajouté entre parenthèses (« … (DEV.1.1) »). */
function evidenceKey(type: string): string {
  const t = foldText(type).trim();
  const m = /^(.*?)\s*\(([^)]*)\)$/.exec(t);
  if (m?.[1] && m[2] && leadingCriterionId(m[2].toUpperCase()) === m[2].toUpperCase()) return m[1];
  return t;
}

/** Vrai si deux libellés désignent le même type de preuve (une zone de dépôt et un fichier de la bibliothèque). */
export function sameEvidenceType(a: string, b: string): boolean {
  const x = evidenceKey(a);
  const y = evidenceKey(b);
  return x.length > 0 && x === y;
}
