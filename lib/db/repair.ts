/**
 * Complète les enregistrements écrits par une version antérieure de la base pour qu'ils passent les schémas
 * d'aujourd'hui (lib/domain/schemas.ts). Seuls les champs absents ou hors forme sont touchés : une valeur
 * présente et valide n'est jamais changée. Sert aux mises à niveau (schema.ts) : l'export JSON d'une base
 * migrée doit être accepté par notre propre import.
 */
import { defaultKind } from '../domain/catalogue';
import { QUESTIONNAIRES } from '../domain/questionnaires';
import type { QuestionnaireId } from '../domain/questionnaires';
import { CRITERION_KINDS, DEVICE_VALUES, OS_VALUES } from '../domain/schemas';

type Row = Record<string, unknown>;

const isIso = (v: unknown): v is string => typeof v === 'string' && /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/.test(v);
const isRow = (v: unknown): v is Row => !!v && typeof v === 'object' && !Array.isArray(v);
const str = (r: Row, k: string, fallback: string) => {
  if (typeof r[k] !== 'string') r[k] = r[k] === undefined || r[k] === null ? fallback : String(r[k]);
};
const arr = (r: Row, k: string) => {
  if (!Array.isArray(r[k])) r[k] = [];
};
/** Date de l'enregistrement : la sienne, sinon une autre date qu'il porte, sinon l'époque (date inconnue). */
const dates = (r: Row, fallback: string, ...keys: string[]) => {
  const known = keys.map((k) => r[k]).find(isIso) ?? fallback;
  for (const k of keys) if (!isIso(r[k])) r[k] = known;
};

function repairCriterion(c: Row, fallback: string): void {
  const q = c.questionnaire as QuestionnaireId;
  if (typeof c.key !== 'string' && typeof c.id === 'string' && QUESTIONNAIRES.includes(q)) c.key = `${q}/${c.id}`;
  str(c, 'title', '');
  if (!(CRITERION_KINDS as readonly unknown[]).includes(c.kind) && QUESTIONNAIRES.includes(q)) c.kind = defaultKind(q);
  if (c.obligation !== 'obligation' && c.obligation !== 'option') c.obligation = 'option';
  arr(c, 'acceptableLevels');
  arr(c, 'expectedEvidence');
  const sourceAt = isRow(c.source) && isIso(c.source.at) ? c.source.at : undefined;
  const at = isIso(c.updatedAt) ? c.updatedAt : (sourceAt ?? fallback);
  if (!isRow(c.source) || !isIso(c.source.at) || !['page', 'import', 'saisie'].includes(String(c.source.kind)) || typeof c.source.ref !== 'string') {
    // La v1 ne disait pas d'où venait un critère.
    c.source = { kind: 'saisie', ref: 'version 1 de la base', at };
  }
  if (!isIso(c.updatedAt)) c.updatedAt = at;
}

function repairProduct(p: Row, fallback: string): void {
  str(p, 'responsable', '');
  str(p, 'description', '');
  str(p, 'version', '1');
  if (p.type !== 'socle' && p.type !== 'option') p.type = 'socle';
  if (!isRow(p.role)) p.role = { kind: 'nominal' };
  arr(p, 'interests');
  arr(p, 'excludedCriteria');
  dates(p, fallback, 'updatedAt', 'createdAt');
}

function repairVariant(v: Row, fallback: string): void {
  if (!(OS_VALUES as readonly unknown[]).includes(v.os)) {
    // Un OS inconnu est gardé par son nom plutôt que perdu.
    if (typeof v.os === 'string' && v.os && typeof v.osLabel !== 'string') v.osLabel = v.os.slice(0, 100);
    v.os = 'autre';
  }
  if (!(DEVICE_VALUES as readonly unknown[]).includes(v.device)) v.device = 'site-web';
  dates(v, fallback, 'updatedAt', 'createdAt');
}

function repairCompany(c: Row, fallback: string): void {
  str(c, 'denomination', '');
  if (!isRow(c.extra)) c.extra = {};
  dates(c, fallback, 'updatedAt');
}

function repairAnswer(a: Row, fallback: string): void {
  str(a, 'comment', '');
  str(a, 'author', '');
  arr(a, 'evidence');
  if (a.value === undefined) a.value = null;
  dates(a, fallback, 'updatedAt', 'createdAt');
  if (!isRow(a.provenance) || !isIso(a.provenance.at)) a.provenance = { kind: 'saisie', ref: 'version 1 de la base', at: a.updatedAt };
}

/** Complète en place un enregistrement de la table nommée ; les autres tables ne sont pas touchées. */
export function repairRecord(table: string, record: Row, fallbackAt: string): void {
  if (!isRow(record)) return;
  if (table === 'criteria') repairCriterion(record, fallbackAt);
  else if (table === 'products') repairProduct(record, fallbackAt);
  else if (table === 'variants') repairVariant(record, fallbackAt);
  else if (table === 'companies') repairCompany(record, fallbackAt);
  else if (table === 'answers') repairAnswer(record, fallbackAt);
}
