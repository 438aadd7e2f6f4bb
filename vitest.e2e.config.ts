import { defineConfig } from 'vitest/config';

// Tests de bout en bout : l'extension construite (.output/chrome-mv3) dans Chromium, sur le simulateur.
export default defineConfig({
  test: {
    include: ['tests/e2e/**/*.e2e.ts'],
    environment: 'node',
    globalSetup: ['tests/e2e/global-setup.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    pool: 'forks',
    fileParallelism: false,
    // Playwright ne rapporte les requêtes des service workers (arrière-plan de l'extension) qu'avec cette variable.
    env: { PW_EXPERIMENTAL_SERVICE_WORKER_NETWORK_EVENTS: '1' },
  },
});
