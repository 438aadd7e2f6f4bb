// Service du simulateur Convergence : build + réponses HTTP (fichiers et repli SPA).
// Utilisable depuis un gestionnaire Playwright `context.route('https://convergence.esante.gouv.fr/**', …)`.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { OUT_DIR, buildSimulatorTo } from './build.mjs';

/** Scénarios disponibles (doit rester identique à tests/simulator/src/scenarios.ts ; vérifié par un test unitaire). */
export const SCENARIOS = [
  { name: 'vierge', description: "Aucun produit : tableau de bord → parcours → ajout d'un produit." },
  { name: 'nominal', description: 'Produit - v0.1 - 3100 rattaché (cas nominal), fiche administrative à remplir, convention non disponible.' },
  { name: 'questionnaires', description: 'Produits 3100 et 3101 : convention validée, orientation validée (tout applicable), questionnaires vides.' },
  { name: 'pret', description: 'Produit 3100 : tous les questionnaires validés, prêt à générer un dossier ; 3101 vide.' },
  { name: 'producteur', description: "Solution d'éditeur producteur 2726 (spécificité, pré-référencée) + notification de rattachement en attente." },
  { name: 'distributeur', description: "Solution d'éditeur distributeur 2742 rattachée à 2726 ; réponses du producteur récupérables." },
  { name: 'grand', description: 'Produit 3100 avec un questionnaire Interopérabilité de 249 critères.' },
  { name: 'variantes', description: 'Dossia - v3.1 - 4101 (3 questionnaires à niveaux validés) et Dossia iOS Mobile - v3.1 - 4102 (vides) ; avec ?fil=, ?produit=, ?retard=.' },
];

export const SIMULATOR_OUT_DIR = OUT_DIR;

/** Construit le simulateur (esbuild) et renvoie le dossier de sortie. */
export async function buildSimulator() {
  const out = await buildSimulatorTo(OUT_DIR);
  cache.clear();
  return out;
}

const cache = new Map();
function asset(name) {
  let buf = cache.get(name);
  if (!buf) {
    try {
      buf = readFileSync(path.join(OUT_DIR, name));
    } catch {
      throw new Error(`Simulateur non construit (${name} absent de ${OUT_DIR}) : appelez d'abord buildSimulator().`);
    }
    cache.set(name, buf);
  }
  return buf;
}

const TYPES = {
  '/app.js': 'text/javascript; charset=utf-8',
  '/app.css': 'text/css; charset=utf-8',
};

/**
 * Réponse pour un chemin quelconque : /app.js et /app.css, sinon index.html (repli SPA).
 * @param {string} pathname
 * @returns {{ status: number, contentType: string, body: Buffer }}
 */
export function simulatorResponse(pathname) {
  const p = String(pathname || '/').split('?')[0] ?? '/';
  if (p === '/app.js' || p === '/app.css') return { status: 200, contentType: TYPES[p], body: asset(p.slice(1)) };
  if (p === '/favicon.ico') return { status: 204, contentType: 'image/x-icon', body: Buffer.alloc(0) };
  return { status: 200, contentType: 'text/html; charset=utf-8', body: asset('index.html') };
}
