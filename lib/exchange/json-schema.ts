/** Schémas JSON générés depuis les schémas zod (publiés dans docs/schema/), pour qu'une seule définition fasse foi. */
import { z } from 'zod';
import { AnswerSchema, CriterionSchema, ProductSchema, VariantSchema, CompanyProfileSchema } from '../domain/schemas';
import { FORMAT_VERSION, LibrarySchema } from './json-format';
import { PACKAGE_VERSION, PackageFileSchema } from './package/format';

export function generateJsonSchemas(): Record<string, unknown> {
  const make = (schema: z.ZodType, title: string, description: string) => ({
    ...z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }),
    title,
    description,
  });
  return {
    'bibliotheque.schema.json': make(
      LibrarySchema,
      `Assistant Convergence — bibliothèque (format version ${FORMAT_VERSION})`,
      'Bibliothèque complète ou produit seul : produits, variantes OS, fiche administrative, catalogue de critères, réponses et descriptions des preuves.',
    ),
    'critere.schema.json': make(CriterionSchema, 'Critère', 'Un critère du catalogue, appris depuis les pages Convergence ou un fichier importé.'),
    'reponse.schema.json': make(AnswerSchema, 'Réponse', "Une réponse d'un produit (ou d'une variante) à un critère."),
    'produit.schema.json': make(ProductSchema, 'Produit', 'Un produit (famille) : champs du formulaire « Ajouter un nouveau produit » et rôle marque blanche.'),
    'variante.schema.json': make(VariantSchema, 'Variante OS', "Une variante OS d'un produit, nommée [NomDuProduit] [OS] [Appareil]."),
    'fiche-administrative.schema.json': make(CompanyProfileSchema, 'Fiche administrative', "Le profil de l'entreprise, réutilisable entre produits."),
    'paquet.schema.json': make(
      PackageFileSchema,
      `Assistant Convergence — paquet producteur .convergence-paquet (format version ${PACKAGE_VERSION})`,
      "Réponses qu'un éditeur producteur partage avec ses distributeurs, signées (ECDSA P-256, SHA-256) : tous les champs sauf « signature » sont signés, dans leur sérialisation canonique (docs/formats.md § 6).",
    ),
  };
}
