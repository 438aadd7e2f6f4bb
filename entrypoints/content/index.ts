import { defineContentScript } from 'wxt/utils/define-content-script';

export default defineContentScript({
  matches: ['https://convergence.esante.gouv.fr/*'],
  main() {},
});
