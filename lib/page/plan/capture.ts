/**
 * Ce qu'on enregistre d'une page : les critères appris (catalogue) et les réponses visibles.
 * Un critère sans réponse ni commentaire n'est pas enregistré : une page à moitié remplie
 * n'efface jamais les réponses de la bibliothèque.
 */
import type { CriterionInput } from '../../domain/schemas';
import { applyAnswerInput, sameAnswerContent } from '../../domain/values';
import type { AnswerInput } from '../../domain/schemas';
import type { Answer } from '../../domain/schemas';
import type { CompanyProfile, EvidenceRef, Product } from '../../domain/schemas';
import { companyFieldOf, FICHE_PRODUCT_FIELDS, productFieldOf, type ProductField } from './fields';
import type { PageCriterion, FormField, PageModel } from '../model/page';

export interface Capture {
  criteria: CriterionInput[];
  answers: AnswerInput[];
  /** Champs du formulaire produit. */
  product?: Partial<Pick<Product, ProductField>>;
  /** Champs de la fiche administrative (les inconnus dans extra, sous leur libellé). */
  company?: Partial<Omit<CompanyProfile, 'id' | 'updatedAt'>>;
  /** Éléments vus sans réponse (ignorés). */
  empty: string[];
}

function evidenceOf(c: PageCriterion): EvidenceRef[] {
  return c.evidence.flatMap((z) => z.files.map((name) => ({ evidenceType: z.type, name })));
}

function criterionInput(questionnaire: CriterionInput['questionnaire'], c: PageCriterion): CriterionInput {
  return {
    questionnaire,
    id: c.id,
    title: c.title || undefined,
    section: c.section,
    kind: c.kind,
    scale: c.scale,
    obligation: c.obligation ?? undefined,
    acceptableLevels: c.minimumText !== undefined ? c.acceptableLevels : undefined,
    expectedEvidence: c.evidence.length ? c.evidence.map((z) => z.type) : undefined,
    // Libellés des niveaux tels que lus : un changement de sens est un changement du référentiel (issue 11 § 3).
    options: c.kind === 'niveau' && c.options.length ? c.options.map((o) => o.label.slice(0, 500)) : undefined,
    displayCondition: c.displayCondition,
    objective: c.objective,
  };
}

/** Identifiant d'une question d'orientation : « Q » + son numéro affiché (Q4, Q1.1). */
function orientationId(f: FormField): string | null {
  return f.number ? `Q${f.number}` : null;
}

export function captureFromPage(model: PageModel): Capture {
  const out: Capture = { criteria: [], answers: [], empty: [] };
  if (model.type === 'criteria') {
    for (const c of model.criteria) {
      out.criteria.push(criterionInput(model.questionnaire, c));
      // Une capture n'efface jamais : seul ce qui est lu sur la page est envoyé (pas de niveau lu, pas de
      // commentaire saisi, pas de fichier listé → la bibliothèque garde ce qu'elle avait).
      const value =
        c.kind === 'niveau' && c.level ? ({ kind: 'niveau', level: c.level } as const)
        : c.kind === 'conformite' && c.conformity ? ({ kind: 'conformite', conformity: c.conformity } as const)
        : undefined;
      const comment = c.comment?.value.trim() || undefined;
      const evidence = evidenceOf(c);
      const specificite = c.specificite?.value ?? undefined;
      if (!value && !comment && evidence.length === 0 && !specificite) {
        out.empty.push(c.id);
        continue;
      }
      const input: AnswerInput = { questionnaire: model.questionnaire, criterionId: c.id };
      if (value) input.value = value;
      if (comment) input.comment = comment;
      if (evidence.length > 0) input.evidence = evidence;
      if (specificite) input.specificite = specificite;
      out.answers.push(input);
    }
  } else if (model.type === 'deposits') {
    for (const z of model.zones) {
      const id = zoneId(model.questionnaire, z.type);
      out.criteria.push({ questionnaire: model.questionnaire, id, title: z.type, kind: 'preuves', obligation: 'obligation', expectedEvidence: [z.type] });
      if (z.files.length === 0) {
        out.empty.push(z.type);
        continue;
      }
      out.answers.push({
        questionnaire: model.questionnaire,
        criterionId: id,
        value: { kind: 'preuves' },
        evidence: z.files.map((name) => ({ evidenceType: z.type, name })),
      });
    }
  } else if (model.type === 'form' && model.form === 'orientation') {
    for (const f of model.fields) {
      const id = orientationId(f);
      if (!id) continue;
      const multiple = f.type === 'checkbox-group';
      out.criteria.push({
        questionnaire: 'orientation',
        id,
        title: f.label.replace(/^\s*[\d.]+\s*[.)]\s*/, ''),
        kind: multiple ? 'choix-multiple' : f.options.length ? 'choix-unique' : 'texte',
        obligation: f.required ? 'obligation' : 'option',
        options: f.options.length ? f.options.map((o) => o.label) : undefined,
      });
      let value: AnswerInput['value'] = null;
      if (Array.isArray(f.value)) value = f.value.length ? { kind: 'choix', choices: [...f.value] } : null;
      else if (f.value.trim()) value = f.options.length ? { kind: 'choix', choices: [f.value] } : { kind: 'texte', text: f.value };
      if (!value) out.empty.push(id);
      else out.answers.push({ questionnaire: 'orientation', criterionId: id, value });
    }
  } else if (model.type === 'form' && model.form === 'produit') {
    const product: Record<string, unknown> = {};
    for (const f of model.fields) {
      const field = productFieldOf(f.key);
      if (!field) continue;
      if (field === 'interests') product.interests = Array.isArray(f.value) ? f.value : [f.value].filter(Boolean);
      else if (field === 'type') {
        const v = typeof f.value === 'string' ? f.value.toLowerCase() : '';
        if (v === 'socle' || v === 'option') product.type = v;
      } else if (typeof f.value === 'string' && f.value.trim()) product[field] = f.value.trim();
    }
    out.product = product as Capture['product'];
  } else if (model.type === 'form' && model.form === 'fiche-administrative') {
    const company: Record<string, unknown> = { extra: {} as Record<string, string> };
    for (const f of model.fields) {
      if (FICHE_PRODUCT_FIELDS.test(f.key)) continue;
      const value = typeof f.value === 'string' ? f.value.trim() : f.value.join(' ; ');
      if (!value) {
        out.empty.push(f.label);
        continue;
      }
      const field = companyFieldOf(f.key);
      if (field) company[field] = field === 'siret' ? value.replace(/\s+/g, '') : value;
      else (company.extra as Record<string, string>)[f.label] = value;
    }
    const count = Object.keys(company).length - 1 + Object.keys(company.extra as object).length;
    if (count > 0) out.company = company as Capture['company'];
  }
  return out;
}

/** Identifiant stable d'une zone de dépôt : celui du guide si le titre correspond, sinon dérivé du titre. */
function zoneId(questionnaire: string, title: string): string {
  const t = title.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toUpperCase();
  const prefix = questionnaire === 'rgpd' ? 'RGPD' : 'SEC-ECH';
  if (questionnaire === 'rgpd') {
    if (t.includes('AIPD') || t.includes('ANALYSE D')) return 'RGPD.AIPD';
    if (t.includes('CGU')) return 'RGPD.CGU';
    if (t.includes('QUESTIONNAIRE')) return 'RGPD.QUESTIONNAIRE';
  } else if (t.includes('SECURITE')) return 'SEC-ECH.PREUVES';
  const slug = t.replace(/[^A-Z0-9]+/g, '-').replace(/^-|-$/g, '').slice(0, 40) || 'ZONE';
  return `${prefix}.${slug}`;
}


/** La fiche administrative enregistrée, complétée par ce que la page montre (les champs inconnus gardés à part). */
export function mergeCompany(current: CompanyProfile | null, captured: NonNullable<Capture['company']>): Omit<CompanyProfile, 'updatedAt'> {
  const merged = {
    ...(current ?? { id: 'entreprise', denomination: '', extra: {} }),
    ...captured,
    extra: { ...(current?.extra ?? {}), ...(captured.extra ?? {}) },
  } as CompanyProfile;
  const { updatedAt: _u, ...out } = merged;
  return out;
}

/**
 * Sur une variante d'OS (ou un distributeur), une réponse identique à celle héritée (famille, producteur)
 * n'est pas recopiée : elle deviendrait une surcharge et ne suivrait plus les changements de la famille.
 */
export function withoutInherited(answers: readonly AnswerInput[], inheritedAnswers: readonly Answer[]): { answers: AnswerInput[]; inherited: number } {
  const byId = new Map(inheritedAnswers.map((a) => [`${a.questionnaire}/${a.criterionId}`, a]));
  let inherited = 0;
  const kept = answers.filter((a) => {
    const from = byId.get(`${a.questionnaire}/${a.criterionId}`);
    const same = !!from && sameAnswerContent(from, applyAnswerInput(from, a));
    if (same) inherited++;
    return !same;
  });
  return { answers: kept, inherited };
}
