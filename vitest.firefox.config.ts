import { defineConfig } from 'vitest/config';

// Tests de bout en bout dans Firefox ESR : l'extension construite pour Firefox (.output/firefox-mv3), pilotée
// par Puppeteer sur WebDriver BiDi, sur le simulateur. Un Firefox par fichier, un fichier à la fois (2 cœurs).
export default defineConfig({
  test: {
    include: ['tests/e2e-firefox/**/*.e2e.ts'],
    environment: 'node',
    globalSetup: ['tests/e2e-firefox/global-setup.ts'],
    testTimeout: 60_000,
    hookTimeout: 90_000,
    pool: 'forks',
    fileParallelism: false,
  },
});
