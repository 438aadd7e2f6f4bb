#!/usr/bin/env node
// Construit puis sert le simulateur Convergence sur http://localhost:4173 (PORT pour changer).
import http from 'node:http';
import { SCENARIOS, buildSimulator, simulatorResponse } from '../tests/simulator/serve.mjs';

const port = Number(process.env.PORT || 4173);
const out = await buildSimulator();
console.log(`Simulateur construit dans ${out}`);

const server = http.createServer((req, res) => {
  const url = new URL(req.url || '/', `http://localhost:${port}`);
  try {
    const r = simulatorResponse(url.pathname);
    res.writeHead(r.status, { 'content-type': r.contentType, 'cache-control': 'no-store' });
    res.end(r.body);
  } catch (e) {
    res.writeHead(500, { 'content-type': 'text/plain; charset=utf-8' });
    res.end(String(e));
  }
});

server.listen(port, () => {
  const base = `http://localhost:${port}`;
  console.log(`\nSimulateur Convergence : ${base}/`);
  console.log('(ce n\'est pas la plateforme officielle de l\'ANS)\n');
  console.log('Scénarios :');
  for (const s of SCENARIOS) console.log(`  ${base}/?scenario=${s.name}\n      ${s.description}`);
  console.log(`\nBalisage alternatif : ajouter &style=b (ex. ${base}/produits/3100/demarches/mes/questionnaires/interoperabilite?scenario=questionnaires&style=b)`);
  console.log('Ctrl+C pour arrêter.');
});
