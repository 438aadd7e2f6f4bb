import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';

/** Hôte unique sur lequel l'extension agit. */
export const CONVERGENCE_ORIGIN = 'https://convergence.esante.gouv.fr';

// See https://wxt.dev/api/config.html
export default defineConfig({
  srcDir: '.',
  entrypointsDir: 'entrypoints',
  publicDir: 'public',
  outDir: '.output',
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
