import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';

/** Hôte unique sur lequel l'extension agit. */
export const CONVERGENCE_ORIGIN = 'https://convergence.esante.gouv.fr';

// See https://wxt.dev/api/config.html
export default defineConfig({
  srcDir: '.',
  entrypointsDir: 'entrypoints',
  publicDir: 'public',
  // AC_OUT_DIR : un autre dossier de sortie, pour construire en parallèle sans écraser la construction d'un autre.
  outDir: process.env.AC_OUT_DIR || '.output',
  manifestVersion: 3,
  imports: false,
  vite: () => ({
    plugins: [preact()],
    build: {
      // Pas de sourcemap distante ni de chargement dynamique de code.
      sourcemap: false,
    },
  }),
  manifest: ({ browser }) => ({
    name: '__MSG_extName__',
    short_name: '__MSG_extShortName__',
    description: '__MSG_extDescription__',
    default_locale: 'fr',
    permissions: ['storage', 'unlimitedStorage'],
    host_permissions: [`${CONVERGENCE_ORIGIN}/*`],
    action: { default_title: '__MSG_extName__' },
    // Le panneau et la fenêtre de la garde sont des pages de l'extension chargées dans des cadres de la page
    // Convergence, et seulement là ; l'adresse change à chaque session (Chrome), la page ne peut pas la deviner.
    web_accessible_resources: [
      {
        resources: ['panel.html', 'garde.html'],
        matches: [`${CONVERGENCE_ORIGIN}/*`],
        ...(browser === 'firefox' ? {} : { use_dynamic_url: true }),
      },
    ],
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: {
              id: 'assistant-convergence@editeurs-sante.fr',
              strict_min_version: '128.0',
              data_collection_permissions: { required: ['none'] },
            },
          },
        }
      : {}),
  }),
});
