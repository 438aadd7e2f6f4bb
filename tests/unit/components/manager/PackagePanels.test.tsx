// @vitest-environment jsdom
import { Blob as NodeBlob } from 'node:buffer';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { forceLanguage } from '../../../../components/i18n';
import type { Repository } from '../../../../lib/db/repository';
import { verifyPackage } from '../../../../lib/exchange/package';
import { base64ToBytes, encodeBase64 } from '../../../../lib/text/base64';
import { snapshot, workbook } from '../../support/db';
import { build, distributor, importAs, producer, updateProducer } from '../../support/libraries';
import {
  accessibleName,
  alertText,
  all,
  byText,
  captureDownloads,
  choose,
  cleanup,
  click,
  control,
  downloaded,
  mount as mountManager,
  norm,
  root,
  setFile,
  status,
  type,
  waitFor,
} from '../../support/manager';
import { seedAnswers } from '../../support/seed';

// Paquets producteur dans le gestionnaire (issue 10) : le vrai <Manager> dans jsdom, branché sur les vrais
// gestionnaires de messages (aller-retour JSON) et deux bibliothèques Dexie sur fake-indexeddb, l'une
// producteur, l'autre distributeur. Les données de départ passent par les messages ; ce qui est testé passe
// par l'interface (clics, libellés, fichiers choisis), et les téléchargements sont relus octet par octet.

const NOW = new Date('2026-03-12T10:00:00Z');
const JsdomBlob = Blob;
const PRODUCER = "Solution d'éditeur producteur";
const DISTRIBUTOR = "Solution d'éditeur distributeur";
const CONFIDENTIAL = 'Contrat interne du client X';

/**
 * Environnement de test seulement, là où jsdom s'écarte d'un navigateur : ses `ArrayBuffer` viennent d'un autre
 * domaine que la WebCrypto de Node, qui les refuse (les mêmes octets lui sont présentés en vue Uint8Array) ;
 * son Blob n'a pas `arrayBuffer()` (lu par FileReader, comme components/manager/files.ts le fait déjà), et
 * fake-indexeddb ne sait pas le cloner (une preuve rangée reviendrait vide) : les Blob créés par le code sont
 * donc ceux de Node, que l'IndexedDB simulée clone comme un navigateur clone les siens. Les fichiers choisis
 * (File) restent ceux de jsdom.
 */
function browserLikeJsdom(): () => void {
  const subtle = crypto.subtle as unknown as Record<string, (...args: unknown[]) => Promise<unknown>>;
  const asView = (a: unknown) => (Object.prototype.toString.call(a) === '[object ArrayBuffer]' ? new Uint8Array(a as ArrayBuffer) : a);
  const methods = ['digest', 'sign', 'verify', 'importKey'];
  for (const m of methods) {
    const f = subtle[m]!.bind(crypto.subtle);
    subtle[m] = (...args: unknown[]) => f(...args.map(asView));
  }
  const hadArrayBuffer = typeof Blob.prototype.arrayBuffer === 'function';
  if (!hadArrayBuffer)
    Blob.prototype.arrayBuffer = function (this: Blob) {
      return new Promise<ArrayBuffer>((resolve, reject) => {
        const reader = new FileReader();
        reader.onload = () => resolve(reader.result as ArrayBuffer);
        reader.onerror = () => reject(reader.error ?? new Error('lecture impossible'));
        reader.readAsArrayBuffer(this);
      });
    };
  globalThis.Blob = NodeBlob as unknown as typeof Blob;
  return () => {
    globalThis.Blob = JsdomBlob;
    if (!hadArrayBuffer) delete (JsdomBlob.prototype as Partial<Blob>).arrayBuffer;
    for (const m of methods) delete subtle[m];
  };
}
let undoBrowserLike = () => {};

beforeAll(() => {
  forceLanguage('fr');
  undoBrowserLike = browserLikeJsdom();
});
afterAll(() => undoBrowserLike());
beforeEach(() => void captureDownloads());
afterEach(cleanup);

/** Le gestionnaire d'une bibliothèque, à la date des paquets. */
const mount = (repo: Repository) => mountManager(repo, { now: () => NOW });

async function openNav(name: string | RegExp) {
  await click(await waitFor(() => byText('nav button', name), `bouton « ${String(name)} » de la navigation`));
  const heading = await waitFor(() => document.getElementById('mgr-view-heading'));
  await waitFor(() => document.activeElement === heading, 'focus sur le titre de la vue');
}

const openLibraryView = () => openNav('Import, export et historique');

/** Le gestionnaire du distributeur sur « Import, export et historique » ; sa bibliothèque avant tout geste. */
async function openDistributorLibrary(d: Awaited<ReturnType<typeof distributor>>) {
  await mount(d.repo);
  await openLibraryView();
  return snapshot(d.repo);
}

async function openTab(name: string) {
  await click(await waitFor(() => byText('[role="tab"]', name), `onglet « ${name} »`));
}

/** Le fichier choisi dans « Importer un paquet producteur », puis « Vérifier le paquet ». */
async function chooseAndVerify(fileName: string, bytes: Uint8Array) {
  const section = await waitFor(() => byText('section', /^Importer un paquet producteur/), 'panneau d\'import de paquet');
  await setFile(control('Paquet producteur (.convergence-paquet)', section), fileName, bytes);
  await click(control('Vérifier le paquet', section));
  return section;
}

const previewHeading = () => root.querySelector<HTMLElement>('#mgr-paquet-apercu');

/** Le texte d'une ligne <dt>/<dd> de l'aperçu d'import. */
const dd = (label: string) => norm(byText('.mgr-preview .mgr-counts div', new RegExp(`^${label}`))?.querySelector('dd')?.textContent);

/** Chaque contrôle de la zone a un nom accessible (personne au lecteur d'écran ou au clavier). */
function expectNamed(within: ParentNode) {
  const unnamed = all('input, select, button, textarea', within).filter((el) => !accessibleName(el));
  expect(unnamed.map((el) => `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''}[${el.getAttribute('type') ?? ''}] « ${norm(el.closest('tr, label, p, div')?.textContent).slice(0, 60)} »`)).toEqual([]);
}

/** Producteur avec une preuve (fichier) sur 01.01 : décrite par défaut, contenu seulement si coché. */
async function producerWithEvidence() {
  const p = await producer();
  const pdf = new TextEncoder().encode('%PDF-1.4 politique de sécurité du producteur');
  const f = await p.must<{ id: string; hash: string; size: number }>('evidence.add', {
    productId: p.productId,
    variantId: '',
    name: 'politique.pdf',
    type: 'application/pdf',
    evidenceType: 'Politique de sécurité',
    contentBase64: encodeBase64(pdf),
    author: 'p',
  });
  await seedAnswers(p.repo, p.productId, [{ questionnaire: 'securite', criterionId: '01.01', evidence: [{ evidenceType: 'Politique de sécurité', name: 'politique.pdf', fileId: f.id, hash: f.hash, size: f.size }] }], { author: 'p', at: '2026-03-12T10:00:00.000Z' });
  return { ...p, pdf: { ...f, bytes: pdf } };
}

describe('paquets producteur dans le gestionnaire (rendu)', () => {
  it('producteur : empreinte en groupes lisibles, clé privée qui ne quitte pas le navigateur, clé publique téléchargée', async () => {
    const p = await producer();
    const key = await p.must('package.key', {});
    await mount(p.repo);
    await openLibraryView();
    const section = await waitFor(() => byText('section', /^Clé de signature des paquets/), 'panneau de la clé');
    const fp = await waitFor(() => section.querySelector('.mgr-fingerprint'), 'empreinte affichée');
    expect(norm(fp.textContent)).toBe(key.fingerprint.display);
    expect(norm(fp.textContent)).toMatch(/^([0-9A-F]{4} ){7}[0-9A-F]{4}$/);
    expect(fp.closest('div')?.querySelector('dt')?.textContent).toBe('Empreinte de la clé');
    const hint = norm(section.querySelector('.mgr-hint')?.textContent);
    expect(hint).toContain('ne peut pas quitter ce navigateur');
    expect(hint).toContain("n'est pas dans les sauvegardes complètes");
    expectNamed(section);

    await click(control('Exporter la clé publique', section));
    const { name, bytes } = await downloaded(0);
    await waitFor(() => status() === `Clé publique « ${name} » prête au téléchargement.`, 'annonce de l\'export');
    const pem = new TextDecoder().decode(bytes);
    expect(pem).toMatch(/^-----BEGIN PUBLIC KEY-----/);
    expect(pem).not.toMatch(/PRIVATE/);
  });

  it('producteur : « Partager avec un distributeur » montre l\'aperçu, garde le commentaire confidentiel hors du paquet signé, preuves décrites sauf contenu coché', async () => {
    const p = await producerWithEvidence();
    const key = await p.must('package.key', {});
    await mount(p.repo);
    await openNav(new RegExp(`^${PRODUCER} v1`));
    await openTab('Import / export');
    const section = await waitFor(() => byText('section', /^Partager avec un distributeur/), 'panneau de partage');
    expectNamed(section);
    const before = await snapshot(p.repo);
    await click(control('Partager avec un distributeur', section));

    // Aperçu : le titre reçoit le focus (lecteur d'écran et clavier repartent de là).
    const heading = await waitFor(() => section.querySelector<HTMLElement>('.mgr-preview h4'), 'aperçu');
    expect(norm(heading.textContent)).toBe(PRODUCER);
    await waitFor(() => document.activeElement === heading, 'focus sur le titre de l\'aperçu');
    expect(norm(byText('p', /^Paquet n° 1,/, section)?.textContent)).toBe(`Paquet n° 1, signé par la clé ${key.fingerprint.display}, au nom de « Producteur SAS ».`);
    // L'aperçu n'écrit rien.
    expect(await snapshot(p.repo)).toBe(before);

    // Questionnaires répondus (l'orientation n'est jamais proposée).
    const qs = section.querySelector('fieldset')!;
    expect(norm(qs.querySelector('legend')?.textContent)).toBe('Questionnaires partagés');
    expect(all<HTMLInputElement>('input[type="checkbox"]', qs).map((c) => [accessibleName(c), c.checked])).toEqual([
      ['Maturité Sécurité', true],
      ['Éthique Mon espace santé', true],
    ]);
    const table = section.querySelector('table')!;
    expect(all('tbody th[scope="row"]', table).map((th) => norm(th.textContent))).toEqual(['ETH.1.7', '01.01', '01.02', '09.04']);

    // Les 16 critères marque blanche du guide ANS, et les spécificités « Oui ».
    const wl = section.querySelector('ul[aria-labelledby="mgr-partage-mb"]')!;
    expect(norm(document.getElementById('mgr-partage-mb')?.textContent)).toBe('Les 16 critères susceptibles de différer en marque blanche (guide ANS)');
    expect(all('li', wl)).toHaveLength(16);
    expect(all('li', wl).some((li) => /ETH\.1\.7 — .* \(dans le paquet\)$/.test(norm(li.textContent)))).toBe(true);
    const oui = section.querySelector('ul[aria-labelledby="mgr-partage-oui"]')!;
    expect(all('li', oui).map((li) => norm(li.textContent))).toEqual(['09.04 — Réalisation des sauvegardes']);

    // Preuve : description seule par défaut.
    const row0101 = byText('tbody tr', /^01\.01/, table)!;
    const content = control('Inclure le contenu de « politique.pdf »', row0101);
    expect(content.checked).toBe(false);
    expect(norm(byText('p[role="status"]', /critère/, section)?.textContent)).toBe(
      '4 critère(s), 4 commentaire(s), 0 commentaire(s) confidentiel(s) retenu(s), 1 preuve(s) décrite(s) dont 0 avec contenu.',
    );

    // Le commentaire de 01.02 marqué « confidentiel » : compté comme retenu.
    const conf = control('Commentaire de 01.02 confidentiel', table);
    expect(conf.checked).toBe(false);
    await click(conf);
    await waitFor(() => /1 commentaire\(s\) confidentiel\(s\) retenu\(s\)/.test(norm(byText('p[role="status"]', /critère/, section)?.textContent)), 'compte des confidentiels');
    expect(control('Commentaire de 01.02 confidentiel', table).checked).toBe(true);
    expectNamed(section);

    await click(control('Écrire le paquet', section));
    const first = await downloaded(0);
    expect(first.name).toMatch(/\.convergence-paquet$/);
    await waitFor(() => status() === `Paquet n° 1 « ${first.name} » prêt au téléchargement (clé ${key.fingerprint.display}).`, 'annonce du paquet');
    const v = await verifyPackage(first.bytes, first.name);
    if (!v.ok) throw new Error(v.message);
    expect(v.fingerprint.hex).toBe(key.fingerprint.hex);
    const text = new TextDecoder().decode(first.bytes);
    expect(text).not.toContain(CONFIDENTIAL);
    expect(text).toContain('Politique publique');
    const ev = v.package.answers.find((a) => a.id === '01.01')?.evidence ?? [];
    expect(ev).toEqual([expect.objectContaining({ name: 'politique.pdf', sha256: p.pdf.hash })]);
    expect(ev[0]?.content).toBeUndefined();
    // 01.02 est partagé (son niveau), sans son commentaire confidentiel.
    expect(v.package.answers.find((a) => a.id === '01.02')).toMatchObject({ value: { kind: 'niveau', level: '3' } });
    expect(v.package.answers.find((a) => a.id === '01.02')?.comment).toBeUndefined();
    // La marque « confidentiel » est gardée pour le paquet suivant, et le numéro d'ordre avance.
    await waitFor(() => byText('p', /^Paquet n° 2,/, section), 'aperçu relu après le paquet');
    expect(control('Commentaire de 01.02 confidentiel', section).checked).toBe(true);

    // Contenu coché : le second paquet porte le fichier ; toujours sans le commentaire confidentiel.
    await click(control('Inclure le contenu de « politique.pdf »', section));
    await waitFor(() => /dont 1 avec contenu\.$/.test(norm(byText('p[role="status"]', /critère/, section)?.textContent)), 'compte des contenus');
    await click(control('Écrire le paquet', section));
    const second = await downloaded(1);
    const v2 = await verifyPackage(second.bytes, second.name);
    if (!v2.ok) throw new Error(v2.message);
    expect(v2.package.sequence).toBe(2);
    expect(new TextDecoder().decode(second.bytes)).not.toContain(CONFIDENTIAL);
    const ev2 = v2.package.answers.find((a) => a.id === '01.01')?.evidence?.[0];
    expect(ev2?.content && encodeBase64(base64ToBytes(ev2.content))).toBe(encodeBase64(p.pdf.bytes));
  });

  it("producteur : un questionnaire décoché reste proposé sous son nom et à sa place, se recoche ; fermer rend le focus au bouton", async () => {
    const p = await producer();
    await mount(p.repo);
    await openNav(new RegExp(`^${PRODUCER} v1`));
    await openTab('Import / export');
    const section = await waitFor(() => byText('section', /^Partager avec un distributeur/));
    await click(control('Partager avec un distributeur', section));
    await waitFor(() => section.querySelector('.mgr-preview h4'), 'aperçu');
    await click(control('Éthique Mon espace santé', section));
    await waitFor(() => /^3 critère\(s\)/.test(norm(byText('p[role="status"]', /critère/, section)?.textContent)), 'aperçu sans Éthique');
    const box = control('Éthique Mon espace santé', section);
    expect(box.checked).toBe(false);
    expect(all('tbody th[scope="row"]', section).map((th) => norm(th.textContent))).toEqual(['01.01', '01.02', '09.04']);
    await click(box);
    await waitFor(() => /^4 critère\(s\)/.test(norm(byText('p[role="status"]', /critère/, section)?.textContent)), 'Éthique recochée');
    expect(control('Éthique Mon espace santé', section).checked).toBe(true);

    // « Fermer l'aperçu » : le focus revient au bouton qui le rouvre.
    await click(control("Fermer l'aperçu", section));
    await waitFor(() => document.activeElement === control('Partager avec un distributeur', section), 'focus sur « Partager avec un distributeur »');
  });

  it("producteur : l'aperçu ouvert ne suit pas la personne sur un autre produit (le paquet écrit serait celui de l'autre)", async () => {
    const p = await producer();
    await p.must('product.create', {
      product: { name: 'Autre produit', version: 'v2', type: 'socle', responsable: 'P', description: 'd', convergenceNumber: '2727', role: { kind: 'producteur' } },
      author: 'p',
    });
    await mount(p.repo);
    await openNav(new RegExp(`^${PRODUCER} v1`));
    await openTab('Import / export');
    const share = () => byText('section', /^Partager avec un distributeur/);
    await click(control('Partager avec un distributeur', await waitFor(share)));
    await waitFor(() => share()?.querySelector('.mgr-preview h4'), 'aperçu');

    // Même onglet, autre produit : l'aperçu du premier n'y est plus, on repart du bouton.
    await openNav(/^Autre produit v2/);
    await waitFor(() => byText('[role="tab"][aria-selected="true"]', 'Import / export'), 'onglet gardé');
    const section = await waitFor(share, 'panneau de partage');
    expect(section.querySelector('.mgr-preview')).toBeNull();
    expect(byText('button', 'Écrire le paquet')).toBeUndefined();
    await click(control('Partager avec un distributeur', section));
    const heading = await waitFor(() => section.querySelector<HTMLElement>('.mgr-preview h4'), 'aperçu du second produit');
    expect(norm(heading.textContent)).toBe('Autre produit');
    expect(all('tbody tr', section)).toHaveLength(0);
  });

  it("distributeur : l'aperçu vérifié montre producteur, empreinte, produit, date et contenu ; rien n'est écrit avant la confirmation de l'empreinte", async () => {
    const p = await producer();
    const file = await build(p);
    const d = await distributor();
    const before = await openDistributorLibrary(d);

    // « Vérifier le paquet » sans fichier : l'erreur est sur le champ, qui reprend le focus.
    const panel = await waitFor(() => byText('section', /^Importer un paquet producteur/), "panneau d'import de paquet");
    const fileInput = control('Paquet producteur (.convergence-paquet)', panel);
    await click(control('Vérifier le paquet', panel));
    await waitFor(() => fileInput.getAttribute('aria-invalid') === 'true', 'champ signalé');
    expect(norm(document.getElementById(fileInput.getAttribute('aria-describedby') ?? '')?.textContent)).toBe('Choisissez le paquet producteur (.convergence-paquet) à vérifier.');
    await waitFor(() => document.activeElement === fileInput, 'focus sur le champ du fichier');

    const section = await chooseAndVerify(file.fileName, base64ToBytes(file.contentBase64));
    const heading = await waitFor(previewHeading, 'aperçu du paquet');
    expect(fileInput.hasAttribute('aria-invalid')).toBe(false);
    expect(norm(heading.textContent)).toBe('Paquet de « Producteur SAS » : signature valide');
    await waitFor(() => document.activeElement === heading, 'focus sur le titre de l\'aperçu');
    expect(dd('Producteur')).toBe('Producteur SAS');
    expect(dd('Empreinte de la clé')).toBe(file.built.fingerprint.display);
    expect(dd('Produit')).toBe(`${PRODUCER} v1 — n° 2726`);
    expect(dd('Date')).toBe('12/03/2026');
    expect(dd('Numéro d\'ordre')).toBe('1');
    expect(dd('Contenu')).toBe('Maturité Sécurité : 3 ; Éthique Mon espace santé : 1');
    expect(dd('Non inclus')).toBe("1 commentaire(s) confidentiel(s), 0 contenu(s) de preuve (décrites seulement), aucune réponse d'orientation");
    expect(byText('p', /^Premier paquet de ce producteur : comparez l'empreinte/, section)).toBeTruthy();
    expectNamed(section);

    // Sans la confirmation : « Importer le paquet » reste inactif, et rien n'est écrit.
    const commit = control<HTMLButtonElement>('Importer le paquet', section);
    expect(commit.disabled).toBe(true);
    await click(commit);
    expect(await snapshot(d.repo)).toBe(before);
    expect(await d.repo.db.packages.count()).toBe(0);

    await click(control("J'ai comparé cette empreinte avec celle que le producteur m'a lue", section));
    const select = control<HTMLSelectElement>('Votre produit distributeur', section);
    expect(all('option', select).map((o) => norm(o.textContent))).toEqual(["(aucun pour l'instant)", `${DISTRIBUTOR} v1`]);
    await choose(select, d.productId);
    expect(commit.disabled).toBe(false);
    await click(commit);
    await waitFor(() => status() === 'Paquet de « Producteur SAS » du 12/03/2026 importé.', 'annonce de l\'import');
    expect(previewHeading()).toBeNull();
    // L'aperçu et son bouton disparus, le focus revient au champ du fichier (il ne se perd pas dans la page).
    await waitFor(() => document.activeElement === control('Paquet producteur (.convergence-paquet)', section), 'focus sur le champ du fichier');
    const list = await d.must('package.list', {});
    expect(list.packages).toEqual([expect.objectContaining({ marker: 'Paquet de « Producteur SAS » du 12/03/2026', sequence: 1, fingerprint: file.built.fingerprint })]);
    const mine = (await d.repo.listProducts()).find((e) => e.product.id === d.productId)!;
    expect(mine.product.role).toEqual({ kind: 'distributeur', producerProductId: list.packages[0].producerProductId });
  });

  it('distributeur : un octet changé dans le paquet, refus en français (« modifié ») et rien d\'écrit', async () => {
    const p = await producer();
    const file = await build(p);
    const d = await distributor();
    const before = await openDistributorLibrary(d);
    const bytes = base64ToBytes(file.contentBase64);
    // Un seul octet, dans un texte signé (« Politique publique » → « Qolitique publique ») : le JSON reste lisible.
    const at = new TextDecoder().decode(bytes).indexOf('Politique publique');
    expect(at).toBeGreaterThan(0);
    const tampered = bytes.slice();
    tampered[at] = tampered[at]! ^ 1;
    await chooseAndVerify(file.fileName, tampered);
    await waitFor(() => alertText().includes('modifié'), 'alerte');
    expect(alertText()).toMatch(new RegExp(`^Paquet « ${file.fileName.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} » refusé : il a été modifié ou abîmé depuis sa signature`));
    expect(root.querySelector('.mgr-alert')?.hasAttribute('hidden')).toBe(false);
    expect(previewHeading()).toBeNull();
    expect(byText('button', 'Importer le paquet')).toBeUndefined();
    expect(await snapshot(d.repo)).toBe(before);
    expect(await d.repo.db.packages.count()).toBe(0);
  });

  it('distributeur : même produit signé par une autre clé, avertissement et choix explicite avant tout écrit', async () => {
    const p = await producer();
    const d = await distributor();
    await importAs(d, await build(p));
    const impostor = await producer();
    const forged = await build(impostor);
    d.tick();
    const before = await openDistributorLibrary(d);
    const section = await chooseAndVerify(forged.fileName, base64ToBytes(forged.contentBase64));
    await waitFor(previewHeading, 'aperçu');
    expect(dd('Empreinte de la clé')).toBe(forged.built.fingerprint.display);
    const warning = section.querySelector('.mgr-preview [role="alert"]');
    expect(norm(warning?.textContent)).toMatch(/^Attention : ce produit \(n° Convergence 2726\) a déjà été importé d'un paquet signé par une AUTRE clé\./);
    expectNamed(section);

    const commit = control<HTMLButtonElement>('Importer le paquet', section);
    const confirm = control("J'ai comparé cette empreinte avec celle que le producteur m'a lue", section);
    const accept = control(/^Accepter la nouvelle clé de ce producteur/, section);
    expect(commit.disabled).toBe(true);
    await click(confirm);
    expect(commit.disabled).toBe(true);
    await click(commit);
    expect(await snapshot(d.repo)).toBe(before);
    await click(accept);
    expect(commit.disabled).toBe(false);
    await click(commit);
    await waitFor(() => /^Paquet de « Producteur SAS » du 12\/03\/2026 importé/.test(status()), 'import accepté');
    expect((await d.must('package.list', {})).packages.map((x: { fingerprint: { hex: string } }) => x.fingerprint.hex)).toEqual([forged.built.fingerprint.hex]);
  });

  it('distributeur : mise à jour, différences et réponses « à revoir » montrées, puis confirmées depuis le produit', async () => {
    const p = await producer();
    const d = await distributor();
    await importAs(d, await build(p));
    await updateProducer(p);
    const v2 = await build(p);
    d.tick();
    const before = await openDistributorLibrary(d);
    const section = await chooseAndVerify(v2.fileName, base64ToBytes(v2.contentBase64));
    await waitFor(previewHeading, 'aperçu');
    expect(byText('p', /Mise à jour du paquet n° 1 par le paquet n° 2/, section)).toBeTruthy();
    const diff = section.querySelector<HTMLTableElement>('table[aria-labelledby="mgr-paquet-diff"]')!;
    expect(norm(document.getElementById('mgr-paquet-diff')?.textContent)).toBe('Différences avec le paquet précédent');
    const rows = all('tbody tr', diff).map((tr) => [norm(tr.querySelector('th')?.textContent), norm(tr.querySelector('td')?.textContent)]);
    expect(rows).toHaveLength(2);
    expect(rows[0]?.[0]).toBe('01.01');
    expect(rows[0]?.[1]).toMatch(/^Modifié \(/);
    expect(rows[1]?.[0]).toBe('ETH.1.7');
    expect(rows[1]?.[1]).toMatch(/^Modifié \(/);
    const row0101 = all('tbody tr', diff)[0]!;
    expect(norm(row0101.querySelectorAll('td')[1]?.textContent)).toMatch(/Niveau 2/);
    expect(norm(row0101.querySelectorAll('td')[2]?.textContent)).toMatch(/Niveau 3/);
    const inherited = section.querySelector('ul[aria-labelledby="mgr-paquet-revoir"]')!;
    expect(norm(document.getElementById('mgr-paquet-revoir')?.textContent)).toBe('Vos réponses qui deviennent « à revoir »');
    // Le distributeur n'a répondu lui-même ni à 01.01 ni à ETH.1.7 : les deux reprises deviennent « à revoir ».
    expect(all('li', inherited).map((li) => norm(li.textContent))).toEqual(['01.01 — Politique de sécurité : à revoir', 'ETH.1.7 — Destinataires/Sous-traitants : à revoir']);
    // Clé déjà acceptée : pas de confirmation à redonner ; toujours rien d'écrit avant « Importer le paquet ».
    expect(byText('label', /J'ai comparé cette empreinte/, section)).toBeUndefined();
    expect(await snapshot(d.repo)).toBe(before);
    await click(control('Importer le paquet', section));
    await waitFor(() => status() === 'Paquet de « Producteur SAS » du 12/03/2026 importé : 2 réponse(s) à revoir.', 'annonce de la mise à jour');

    await openNav(new RegExp(`^${DISTRIBUTOR} v1`));
    const review = await waitFor(() => root.querySelector('ul[aria-labelledby="mgr-a-revoir"]'), 'réponses à revoir');
    const items = all('li', review).map((li) => norm(li.textContent));
    expect(items).toContain('01.01 — à revoir (changé par la mise à jour du paquet)');
    const reviewSection = review.closest('section')!;
    expect(norm(reviewSection.querySelector('.mgr-package-marker')?.textContent)).toBe('Paquet de « Producteur SAS » du 12/03/2026');
    expectNamed(reviewSection);
    const confirmBtn = control<HTMLButtonElement>('Confirmer les réponses cochées', reviewSection);
    expect(confirmBtn.disabled).toBe(true);
    await click(control('01.01 — à revoir (changé par la mise à jour du paquet)', reviewSection));
    await click(confirmBtn);
    await waitFor(() => status() === '1 réponse(s) confirmée(s).', 'annonce de la confirmation');
    const resolved = await d.must('answers.resolved', { productId: d.productId });
    expect(resolved.answers.find((r: { criterionKey: string }) => r.criterionKey === 'securite/01.01')).toMatchObject({ reviewFlag: false });
  });

  it('distributeur : une réponse cochée « à revoir » dans un produit ne reste pas cochée dans un autre', async () => {
    const p = await producer();
    const d = await distributor();
    const { commit } = await importAs(d, await build(p));
    await d.must('product.create', {
      product: { name: 'Second distributeur', version: 'v3', type: 'socle', responsable: 'D', description: 'd', role: { kind: 'distributeur', producerProductId: commit.producerProductId } },
      author: 'd',
    });
    await mount(d.repo);
    const ETH = 'ETH.1.7 — à revoir (critère marque blanche)';
    const reviewSection = () => root.querySelector('ul[aria-labelledby="mgr-a-revoir"]')?.closest('section') ?? null;
    await openNav(new RegExp(`^${DISTRIBUTOR} v1`));
    await click(control(ETH, await waitFor(reviewSection, 'réponses à revoir')));
    expect(control(ETH, reviewSection()!).checked).toBe(true);

    await openNav(/^Second distributeur v3/);
    await waitFor(() => byText('h2', /^Second distributeur/), 'second produit');
    const section = await waitFor(reviewSection, 'réponses à revoir du second produit');
    expect(control(ETH, section).checked).toBe(false);
    expect(control<HTMLButtonElement>('Confirmer les réponses cochées', section).disabled).toBe(true);
  });

  it('en anglais, les réponses « à revoir » sont nommées en anglais (nom accessible des cases)', async () => {
    const p = await producer();
    const d = await distributor();
    await importAs(d, await build(p));
    forceLanguage('en');
    try {
      await mount(d.repo);
      await openNav(new RegExp(`^${DISTRIBUTOR} v1`));
      const review = await waitFor(() => root.querySelector('ul[aria-labelledby="mgr-a-revoir"]'), 'answers to review');
      expect(norm(document.getElementById('mgr-a-revoir')?.textContent)).toBe('Answers to review');
      expect(all<HTMLInputElement>('input[type="checkbox"]', review).map(accessibleName)).toEqual(['ETH.1.7 — to review (white-label criterion)']);
    } finally {
      forceLanguage('fr');
    }
  });

  it("distributeur : le produit du producteur porte « Paquet de « … » du JJ/MM/AAAA », en lecture seule (ni modification, ni import, ni capture)", async () => {
    const p = await producer();
    const d = await distributor();
    const { commit } = await importAs(d, await build(p));
    await mount(d.repo);
    await openNav(new RegExp(`^${PRODUCER} v1`));
    const marker = await waitFor(() => byText('.mgr-package-marker', /^Paquet de/), 'marqueur du paquet');
    const fp = (await d.must('package.list', {})).packages[0].fingerprint.display;
    expect(norm(marker.textContent)).toBe(`Paquet de « Producteur SAS » du 12/03/2026 — Lecture seule : ce produit vient d'un paquet producteur (empreinte ${fp}).`);
    expect(norm(marker.querySelector('strong')?.textContent)).toMatch(/^Paquet de « Producteur SAS » du \d{2}\/\d{2}\/\d{4}$/);
    // Les réponses se lisent, aucune ne se modifie.
    await waitFor(() => byText('th', '01.01'), 'réponses du paquet');
    expect(all('button').filter((b) => /^Modifier/.test(accessibleName(b)))).toEqual([]);

    // Modifier la fiche du produit (onglet « Produit ») : refusé en français, rien d'écrit.
    const before = await snapshot(d.repo);
    await openTab('Produit');
    await waitFor(() => byText('button', 'Enregistrer le produit'), 'fiche du produit');
    // Le paquet ne porte pas le responsable : la personne le remplit, comme le nom changé.
    for (const [label, value] of [[/^Nom du produit/, 'Renommé par le distributeur'], [/^Responsable/, 'D']] as const) {
      const field = all<HTMLInputElement>('input').find((el) => label.test(accessibleName(el)));
      if (!field) throw new Error(`champ ${String(label)} introuvable`);
      await type(field, value);
    }
    await click(byText('button', 'Enregistrer le produit'));
    await waitFor(() => /lecture seule/.test(alertText()), 'refus en lecture seule');
    expect(alertText()).toMatch(/^Ce produit vient d'un paquet producteur : il est en lecture seule/);
    expect(await snapshot(d.repo)).toBe(before);

    // L'écriture d'une capture (le dépôt, sous « page.capture ») est refusée de même.
    await expect(seedAnswers(d.repo, commit.producerProductId, [{ questionnaire: 'securite', criterionId: '01.01', value: { kind: 'niveau', level: '0' } }], { author: 'd', kind: 'page' })).rejects.toThrow(/lecture seule/);
    expect(await snapshot(d.repo)).toBe(before);
  });

  // Un classeur importé ne change pas plus le produit du producteur qu'une page (applyChangeSet le refuse).
  it("distributeur : importer un classeur dans le produit du producteur (lecture seule) est refusé, rien d'écrit", async () => {
    const p = await producer();
    const d = await distributor();
    await importAs(d, await build(p));
    await mount(d.repo);
    await openNav(new RegExp(`^${PRODUCER} v1`));
    await openTab('Import / export');
    const before = await snapshot(d.repo);
    const book = workbook([{ name: 'Sécurité', rows: [['ID', 'Critère', 'Réponse'], ['01.01', 'Politique de sécurité', 'Niveau 0']] }]);
    await setFile(await waitFor(() => root.querySelector<HTMLInputElement>('#mgr-import-portee-fichier'), "champ du fichier à importer"), 'suivi.xlsx', book);
    await click(byText('button', "Prévisualiser l'import"));
    // Refus à l'aperçu ou à « Importer » : l'un ou l'autre convient, pourvu que rien ne soit écrit.
    const next = await waitFor(() => byText('button', 'Importer') ?? (alertText() ? 'refus' : null), 'aperçu ou refus');
    if (next instanceof HTMLElement) await click(next);
    await waitFor(() => status().startsWith('Import de') || /lecture seule/.test(alertText()), 'import terminé ou refusé');
    expect(alertText()).toMatch(/lecture seule/);
    expect(await snapshot(d.repo)).toBe(before);
  });
});
