/** Règles de préparation par critère, pures : d'un critère et des faits de sa réponse aux constats, pour valoir partout (page, base, fichier). */
import { formatLevel, formatLevelList, minimumOf } from '../domain/levels';
import type { Criterion } from '../domain/schemas';
import { normalizeText } from '../domain/text';
import { isBelowMinimum, isMandatory, natureOf, uncoveredEvidence } from './criterion-predicates';
import type { AnswerFacts, Finding, FindingText, FindingTextKey } from './types';

const at = (c: Criterion) => ({ questionnaire: c.questionnaire, criterionId: c.id });
const txt = (key: FindingTextKey, params: Record<string, string>): { text: FindingText } => ({ text: { key, params } });

/** La nature telle que les constats la disent ; inconnue, la règle prudente (criterion-predicates) tranche. */
function natureWord(c: Criterion): { mandatory: boolean; unknown: boolean; word: string; variant: 'obligatoire' | 'optionnel' | 'inconnu-obligatoire' | 'inconnu' } {
  const nature = natureOf(c);
  const mandatory = isMandatory(nature);
  const unknown = nature.obligation === null;
  const word = unknown
    ? mandatory
      ? 'de nature inconnue (Obligation ou Option non indiquée), traité comme obligatoire'
      : 'de nature inconnue (Obligation ou Option non indiquée)'
    : mandatory
      ? 'obligatoire'
      : 'optionnel';
  const variant = unknown ? (mandatory ? 'inconnu-obligatoire' : 'inconnu') : mandatory ? 'obligatoire' : 'optionnel';
  return { mandatory, unknown, word, variant };
}

export function isAnswered(c: Criterion, a: AnswerFacts | undefined): boolean {
  if (!a) return false;
  if (c.kind === 'preuves') return a.evidence.length > 0 || (a.inheritedEvidenceTypes?.length ?? 0) > 0;
  return a.value !== null;
}

export function checkUnanswered(c: Criterion, a: AnswerFacts | undefined): Finding[] {
  if (isAnswered(c, a)) return [];
  if (c.kind === 'preuves')
    return [{ severity: 'bloquant', code: 'document-manquant', ...at(c), ...txt('document-manquant', { id: c.id, title: c.title }), message: `${c.id} : aucun document déposé pour « ${c.title} ».`, action: `Déposez le document « ${c.title} » dans sa zone de dépôt.` }];
  const { mandatory, unknown, word, variant } = natureWord(c);
  if (c.questionnaire === 'orientation')
    return [{
      severity: mandatory ? 'bloquant' : 'avertissement',
      code: 'orientation-incomplete',
      ...at(c),
      ...txt('orientation-incomplete', { id: c.id, title: c.title }),
      message: `${c.id} : question d'orientation sans réponse (« ${c.title} »).`,
      action: "Répondez à cette question du questionnaire d'orientation : elle détermine les questionnaires et critères applicables.",
    }];
  return [{
    severity: mandatory ? 'bloquant' : 'avertissement',
    code: 'non-repondu',
    ...at(c),
    ...txt(`non-repondu.${variant}`, { id: c.id, title: c.title }),
    message: `${c.id} : critère ${word} sans réponse (« ${c.title} »).`,
    action: mandatory
      ? unknown
        ? 'Renseignez une réponse et vérifiez sa nature sur Convergence : il est traité comme obligatoire (critère de conformité, ou niveau minimum connu).'
        : 'Renseignez une réponse : le questionnaire ne peut pas être validé sans elle.'
      : unknown
        ? 'Vérifiez sa nature sur Convergence et renseignez une réponse : s\'il est obligatoire, il bloque le référencement.'
        : 'Renseignez une réponse : tous les critères doivent être répondus pour valider le questionnaire.',
  }];
}

function checkMinimum(c: Criterion, a: AnswerFacts | undefined): Finding[] {
  if (!a?.value || a.value.kind !== 'niveau' || !isBelowMinimum(natureOf(c), a.value.level)) return [];
  const min = minimumOf(c.acceptableLevels);
  const scale = c.scale ?? 'niveau';
  return [{
    severity: 'bloquant',
    code: 'sous-minimum',
    ...at(c),
    ...txt('sous-minimum', { id: c.id, level: formatLevel(a.value.level, scale), min: min ? formatLevel(min, scale) : '', levels: formatLevelList(c.acceptableLevels) }),
    message: `${c.id} : niveau actuel « ${formatLevel(a.value.level, scale)} » sous le minimum requis${min ? ` « ${formatLevel(min, scale)} »` : ''} (niveaux acceptables : ${formatLevelList(c.acceptableLevels)}).`,
    action: `Faites évoluer le produit ou corrigez la réponse vers un niveau acceptable (${formatLevelList(c.acceptableLevels)}) ; sinon le critère bloque le référencement.`,
  }];
}

function checkConformity(c: Criterion, a: AnswerFacts | undefined): Finding[] {
  if (!a?.value || a.value.kind !== 'conformite') return [];
  if (a.value.conformity === 'non-conforme') {
    const { mandatory, word, variant } = natureWord(c);
    return [{
      severity: mandatory ? 'bloquant' : 'avertissement',
      code: 'non-conforme',
      ...at(c),
      ...txt(`non-conforme.${variant}`, { id: c.id, title: c.title }),
      message: `${c.id} : critère ${word} déclaré Non conforme (« ${c.title} »).`,
      action: mandatory ? 'Mettez le produit en conformité puis répondez Conforme avec les preuves attendues.' : 'Vérifiez si le produit peut devenir conforme ; expliquez la situation en commentaire.',
    }];
  }
  return checkEvidence(c, a);
}

/** Conforme exige un fichier par type de preuve attendu (un fichier sans type couvre un type manquant : l'import ne le connaît pas). */
function missingEvidenceTypes(c: Criterion, a: AnswerFacts): string[] {
  const covered = new Set<string>();
  for (const t of a.inheritedEvidenceTypes ?? []) covered.add(normalizeText(t));
  let untyped = 0;
  for (const e of a.evidence) {
    if (e.evidenceType) covered.add(normalizeText(e.evidenceType));
    else untyped++;
  }
  return uncoveredEvidence(c.expectedEvidence, (t) => covered.has(normalizeText(t)), untyped);
}

function checkEvidence(c: Criterion, a: AnswerFacts): Finding[] {
  if (c.expectedEvidence.length === 0) {
    const none = a.evidence.length === 0 && (a.inheritedEvidenceTypes?.length ?? 0) === 0;
    if (!none) return [];
    return [{
      severity: 'avertissement',
      code: 'preuve-non-renseignee',
      ...at(c),
      ...txt('preuve-non-renseignee.types-inconnus', { id: c.id }),
      message: `${c.id} : Conforme sans preuve indiquée, types de preuves attendus inconnus.`,
      action: 'Ouvrez le critère sur Convergence pour connaître les preuves attendues et déposez-en au moins une par type.',
    }];
  }
  if (a.evidenceStated === false) {
    return [{
      severity: 'avertissement',
      code: 'preuve-non-renseignee',
      ...at(c),
      ...txt('preuve-non-renseignee.non-indiquees', { id: c.id, types: c.expectedEvidence.join(', ') }),
      message: `${c.id} : Conforme, mais le fichier n'indique pas les preuves déposées (attendues : ${c.expectedEvidence.join(', ')}).`,
      action: 'Vérifiez que chaque type de preuve attendu a au moins un fichier déposé.',
    }];
  }
  const missing = missingEvidenceTypes(c, a);
  if (missing.length === 0) return [];
  return [{
    severity: 'bloquant',
    code: 'preuve-manquante',
    ...at(c),
    ...txt('preuve-manquante', { id: c.id, types: missing.join(', ') }),
    message: `${c.id} : Conforme sans preuve pour ${missing.map((m) => `« ${m} »`).join(', ')}.`,
    action: 'Déposez au moins un fichier par type de preuve attendu, sinon le questionnaire ne peut pas être validé.',
  }];
}

function checkStale(c: Criterion, a: AnswerFacts | undefined, today: string): Finding[] {
  if (!a?.validUntil || a.validUntil >= today) return [];
  return [{
    severity: 'avertissement',
    code: 'reponse-perimee',
    ...at(c),
    ...txt('reponse-perimee', { id: c.id, date: formatDateFr(a.validUntil) }),
    message: `${c.id} : réponse à revoir, valide jusqu'au ${formatDateFr(a.validUntil)} (date dépassée).`,
    action: 'Relisez la réponse et ses preuves, puis repoussez la date « valide jusqu\'au ».',
  }];
}

function checkWhiteLabelReview(c: Criterion, a: AnswerFacts | undefined): Finding[] {
  if (!a?.reviewFlag) return [];
  if (a.reviewReason === 'referentiel')
    return [{
      severity: 'avertissement',
      code: 'critere-modifie',
      ...at(c),
      ...txt('critere-modifie', { id: c.id }),
      message: `${c.id} : à revoir, critère modifié par Convergence depuis votre réponse.`,
      action: 'Comparez l\'ancien et le nouvel intitulé (onglet « Réponses »), puis confirmez « J\'ai revu » ou changez la réponse.',
    }];
  if (a.reviewReason === 'mise-a-jour')
    return [{
      severity: 'avertissement',
      code: 'a-verifier-marque-blanche',
      ...at(c),
      ...txt('marque-blanche.mise-a-jour', { id: c.id }),
      message: `${c.id} : à revoir, réponse du producteur changée par la mise à jour de son paquet.`,
      action: 'Relisez la nouvelle réponse du producteur, puis confirmez-la ou répondez vous-même.',
    }];
  return [{
    severity: 'avertissement',
    code: 'a-verifier-marque-blanche',
    ...at(c),
    ...txt('marque-blanche.liste', { id: c.id }),
    message: `${c.id} : critère souvent différent entre éditeur producteur et distributeur (liste du guide ANS).`,
    action: 'Vérifiez que cette réponse vaut bien pour votre solution en marque blanche.',
  }];
}

export function formatDateFr(iso: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  return m ? `${m[3]}/${m[2]}/${m[1]}` : iso;
}

/** Toutes les règles par critère, dans l'ordre où les constats s'affichent. */
export function checkCriterion(c: Criterion, a: AnswerFacts | undefined, today: string): Finding[] {
  const unanswered = checkUnanswered(c, a);
  if (unanswered.length) return [...unanswered, ...checkStale(c, a, today)];
  return [...checkMinimum(c, a), ...checkConformity(c, a), ...checkStale(c, a, today), ...checkWhiteLabelReview(c, a)];
}
