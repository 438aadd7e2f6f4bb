/**
 * Exports Excel générés dans le navigateur (SheetJS). Les colonnes de l'export réel de
 * Convergence ne sont pas connues : celles-ci sont une proposition du simulateur.
 */
import * as XLSX from 'xlsx';
import type { QuestionnaireKey } from './data/types.ts';
import { QUESTIONNAIRE_TITLES, depositQuestionnaire, ethiqueQuestionnaire, levelQuestionnaire } from './data/index.ts';
import { applicableEthique, applicableLevelCriteria, ethiqueKey, levelLabel, minimumText, productName } from './rules.ts';
import type { Demarche, Dossier, OrientationAnswers, Product, QuestionnaireSnapshot } from './types.ts';

export const EXPORT_COLUMNS = ['Identifiant', 'Critère', 'Section', 'Nature', 'Niveau minimum requis', 'Réponse', 'Commentaire', 'Preuves'];

type Snap = Pick<QuestionnaireSnapshot, 'answers' | 'files'>;

export function questionnaireRows(key: QuestionnaireKey, orientation: OrientationAnswers | null, snap: Snap, grand = false): (string | number)[][] {
  const rows: (string | number)[][] = [EXPORT_COLUMNS];
  if (key === 'rgpd' || key === 'securite-echanges') {
    for (const z of depositQuestionnaire(key).zones) {
      const files = snap.files[z.id] ?? [];
      rows.push([z.id, z.title, '', 'Obligation', '', files.length ? 'Déposé' : 'Non déposé', '', files.map((f) => f.name).join(', ')]);
    }
    return rows;
  }
  if (key === 'ethique') {
    const def = ethiqueQuestionnaire();
    for (const c of applicableEthique(orientation)) {
      const a = snap.answers[c.id];
      const files = c.evidence.flatMap((ev) => (snap.files[ethiqueKey(c.id, ev.id)] ?? []).map((f) => `${ev.label} : ${f.name}`));
      rows.push([c.id, c.title, def.sections.find((s) => s.id === c.section)?.title ?? '', c.nature, '', a?.conformite ?? '', a?.comment ?? '', files.join(' ; ')]);
    }
    return rows;
  }
  const def = levelQuestionnaire(key, grand);
  for (const c of applicableLevelCriteria(def, orientation, snap.answers)) {
    const a = snap.answers[c.id];
    rows.push([
      c.id, c.title, def.sections.find((s) => s.id === c.section)?.title ?? '', c.nature, minimumText(c),
      a?.level ? levelLabel(a.level, c.wording) : '', a?.comment ?? '', '',
    ]);
  }
  return rows;
}

function safeName(s: string): string {
  return s.replace(/[^\p{L}\p{N}_ -]+/gu, '').replace(/\s+/g, '_');
}

/** Propose le classeur au téléchargement, sous son nom (lien « download » sur un Blob local). */
function saveWorkbook(wb: XLSX.WorkBook, fileName: string): void {
  const bytes = XLSX.write(wb, { type: 'array', bookType: 'xlsx' }) as ArrayBuffer;
  const url = URL.createObjectURL(new Blob([bytes], { type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

export function downloadQuestionnaire(p: Product, d: Demarche, key: QuestionnaireKey): void {
  const q = d.questionnaires[key];
  const snap = q.validated ?? q;
  const wb = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(wb, XLSX.utils.aoa_to_sheet(questionnaireRows(key, d.orientation.validatedAnswers, snap, d.grand)), 'Résultats');
  saveWorkbook(wb, `${safeName(productName(p))}_${safeName(QUESTIONNAIRE_TITLES[key])}.xlsx`);
}

export function downloadDossier(p: Product, dossier: Dossier, grand = false): void {
  const wb = XLSX.utils.book_new();
  const info = [
    ['Numéro du dossier', dossier.ref], ['Produit', productName(p)], ['Créateur du dossier', dossier.creator], ['Date de création', dossier.createdAt],
  ];
  XLSX.utils.book_append_sheet(wb, XLSX.utils.aoa_to_sheet(info), 'Dossier');
  for (const k of dossier.applicable) {
    const snap = dossier.questionnaires[k];
    if (snap) XLSX.utils.book_append_sheet(wb, XLSX.utils.aoa_to_sheet(questionnaireRows(k, dossier.orientation, snap, grand)), QUESTIONNAIRE_TITLES[k].slice(0, 31));
  }
  saveWorkbook(wb, `Dossier_${dossier.ref}.xlsx`);
}
