/** Longueurs maximales des textes importés : celles des schémas zod, lues dans les schémas (jamais recopiées). */
import type { z } from 'zod';
import { AnswerSchema, CompanyProfileSchema, CriterionIdSchema, CriterionSchema, EvidenceFileMetaSchema, EvidenceRefSchema, ProductSchema, ProvenanceSchema, VariantSchema } from '../domain/schemas';

type Bounded = { maxLength?: number | null; def?: { checks?: unknown[] } };
type MaxCheck = { _zod: { def: { check?: string; maximum?: number } } };

/** Longueur maximale d'un texte ou nombre maximal d'éléments d'une liste, lu dans le schéma zod. */
export function maxOf(schema: z.ZodType): number {
  let s = schema as unknown as Bounded & { unwrap?: () => unknown };
  while (s.maxLength === undefined && typeof s.unwrap === 'function' && !('element' in s)) s = s.unwrap() as typeof s;
  if (typeof s.maxLength === 'number') return s.maxLength;
  const check = (s.def?.checks as MaxCheck[] | undefined)?.find((c) => c._zod.def.check === 'max_length');
  const max = check?._zod.def.maximum;
  if (typeof max !== 'number') throw new Error('limite introuvable dans le schéma');
  return max;
}

const A = AnswerSchema.shape;
const C = CriterionSchema.shape;
const P = ProductSchema.shape;
const choiceSchema = answerChoiceSchemas();

function answerChoiceSchemas(): { choices: z.ZodType; choice: z.ZodType } {
  // La forme « choix » de AnswerValueSchema : z.array(text(500)).max(100).
  const options = (A.value as unknown as { unwrap: () => { options: z.ZodObject[] } }).unwrap().options;
  const choix = options.find((o) => 'choices' in o.shape);
  if (!choix) throw new Error('forme « choix » introuvable');
  const choices = choix.shape.choices as z.ZodArray;
  return { choices, choice: choices.element as z.ZodType };
}

function textValueMax(): number {
  const options = (A.value as unknown as { unwrap: () => { options: z.ZodObject[] } }).unwrap().options;
  const texte = options.find((o) => 'text' in o.shape);
  if (!texte) throw new Error('forme « texte » introuvable');
  return maxOf(texte.shape.text as z.ZodType);
}

/** Longueurs maximales des textes, telles que les schémas zod les imposent à l'écriture. */
export const TEXT_LIMITS = {
  criterionId: maxOf(CriterionIdSchema),
  title: maxOf(C.title),
  section: maxOf(C.section),
  displayCondition: maxOf(C.displayCondition),
  expectedEvidence: maxOf(C.expectedEvidence),
  expectedEvidenceItem: maxOf((C.expectedEvidence as z.ZodArray).element as z.ZodType),
  comment: maxOf(A.comment),
  author: maxOf(A.author),
  textAnswer: textValueMax(),
  choices: maxOf(choiceSchema.choices),
  choice: maxOf(choiceSchema.choice),
  evidence: maxOf(A.evidence),
  evidenceName: maxOf(EvidenceRefSchema.shape.name),
  evidenceType: maxOf(EvidenceRefSchema.shape.evidenceType),
  provenanceRef: maxOf(ProvenanceSchema.shape.ref),
  productId: maxOf(P.id),
  productName: maxOf(P.name),
  productVersion: maxOf(P.version),
  productResponsable: maxOf(P.responsable),
  productDescription: maxOf(P.description),
  productNil: maxOf(P.nil),
  productCertifications: maxOf(P.certifications),
  productInterests: maxOf(P.interests),
  productInterest: maxOf((P.interests as z.ZodArray).element as z.ZodType),
  variantId: maxOf(VariantSchema.shape.id),
  companyId: maxOf(CompanyProfileSchema.shape.id),
  fileName: maxOf(EvidenceFileMetaSchema.shape.name),
} as const;
