/** Un tableur lu vu comme une bibliothèque JSON (un produit, réponses de la famille), pour convert et check. */
import { mergeCriterion } from '../domain/catalogue';
import { answerId, criterionKey } from '../domain/schemas';
import type { Answer, Criterion, Product, ProductRole } from '../domain/schemas';
import { neutralizeName } from '../domain/text';
import { makeLibrary } from './json-format';
import type { Library } from './json-format';
import type { ParsedWorkbook } from './sheet-import';

function productFromSheet(parsed: ParsedWorkbook, at: string): Product {
  // Les noms lus dans la feuille « Produit » tiennent sur une ligne ; les limites de longueur sont vérifiées
  // en relisant le JSON produit (convert ne l'écrit que si l'import l'accepte).
  const s: Record<string, string> = Object.create(null) as Record<string, string>;
  for (const [k, v] of Object.entries(parsed.productSheet ?? {})) s[k] = k === 'Description' ? v : neutralizeName(v);
  const base = neutralizeName(parsed.fileName.replace(/^.*[\\/]/, '').replace(/\.[^.]+$/, '')).slice(0, 200);
  const roleKind = s['Rôle'];
  const role: ProductRole =
    roleKind === 'distributeur' && s['Produit producteur']
      ? { kind: 'distributeur', producerProductId: s['Produit producteur'] }
      : roleKind === 'producteur'
        ? { kind: 'producteur' }
        : { kind: 'nominal' };
  const product: Product = {
    id: s['Identifiant'] || `fichier-${base.replace(/[^A-Za-z0-9_-]+/g, '-').slice(0, 60) || 'importe'}`,
    name: s['Nom du produit'] || base || 'Produit importé',
    version: s['Version'] || '1',
    type: s['Type de produit'] === 'Option' ? 'option' : 'socle',
    responsable: s['Responsable'] ?? '',
    description: s['Description'] ?? '',
    interests: s['Intérêts'] ? s['Intérêts'].split(/\s*;\s*/).map((x) => x.trim()).filter(Boolean) : [],
    role,
    excludedCriteria: [],
    createdAt: at,
    updatedAt: at,
  };
  if (s['NIL']) product.nil = s['NIL'];
  if (s['Certifications']) product.certifications = s['Certifications'];
  return product;
}

export function libraryFromWorkbook(parsed: ParsedWorkbook, now = new Date()): Library {
  const at = now.toISOString();
  const product = productFromSheet(parsed, at);
  const criteria: Criterion[] = [];
  const answers: Answer[] = [];
  for (const row of parsed.rows) {
    const source = { kind: 'import' as const, ref: `${parsed.fileName} — feuille « ${row.sheet} », ligne ${row.row}`, at };
    criteria.push(mergeCriterion(undefined, row.criterion, source));
    if (!row.answer) continue;
    const key = criterionKey(row.questionnaire, row.criterion.id);
    const when = row.date ?? at;
    const a: Answer = {
      id: answerId(product.id, '', key),
      productId: product.id,
      variantId: '',
      criterionKey: key,
      questionnaire: row.questionnaire,
      criterionId: row.criterion.id,
      value: row.answer.value,
      comment: row.answer.comment ?? '',
      evidence: row.answer.evidence ?? [],
      provenance: source,
      author: row.answer.author ?? '',
      createdAt: when,
      updatedAt: when,
    };
    if (row.answer.specificite) a.specificite = row.answer.specificite;
    if (row.answer.validUntil) a.validUntil = row.answer.validUntil;
    answers.push(a);
  }
  return makeLibrary('produit', { companies: [], products: [product], variants: [], criteria, answers, files: [] }, now);
}
