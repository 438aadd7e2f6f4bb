// Garde avant validation, sur l'extension construite et le simulateur (champs contrôlés Preact, deux balisages).
// Les identifiants et niveaux attendus viennent des données du simulateur, pas de suppositions.
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { forceLanguage } from '../../components/i18n';
import { t } from '../../components/guard/strings';
import { ETHIQUE, INTEROPERABILITE, INTEROPERABILITE_GRAND, LEVEL_ORDER, MATURITE_SECURITE, RGPD, URBANISATION, type LevelCriterion, type LevelKey, type LevelQuestionnaireDef } from '../simulator/src/data/index.ts';
import { FICHE_FIELDS, FORMES_JURIDIQUES } from '../simulator/src/data/forms.ts';
import { acceptableLevels, applicableEthique, applicableLevelCriteria, levelLabel } from '../simulator/src/rules.ts';
import type { OrientationAnswers, SimState } from '../simulator/src/types.ts';
import { launchExtension, type Harness } from './harness.mjs';
import { guardDialog, openedGuardDialog, waitPanel } from './panel';

let h: Harness;
beforeAll(async () => {
  h = await launchExtension();
  forceLanguage(h.uiLanguage);
});
afterAll(async () => {
  await h?.close();
});

const Q = '/produits/3100/demarches/mes/questionnaires';

async function state(page: Page): Promise<SimState> {
  return page.evaluate(() => (window as unknown as { __convergenceSim: { getState(): SimState } }).__convergenceSim.getState());
}
const demarche = async (page: Page, id = 3100) => {
  const d = (await state(page)).products.find((p) => p.id === id)?.demarche;
  if (!d) throw new Error(`démarche ${id} absente`);
  return d;
};

/** Ouvre une page du simulateur et attend que le script de contenu (panneau, puis garde) soit en place. */
async function open(path: string, scenario: string, style: 'a' | 'b'): Promise<Page> {
  const page = await h.openSim(path, { scenario, style });
  await waitPanel(page);
  await page.waitForTimeout(100);
  return page;
}

const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Le bloc d'un critère, par son identifiant affiché (article en balisage a, groupe ARIA en b). */
function criterion(page: Page, id: string): Locator {
  return page
    .locator('main article, main div[role="group"]')
    .filter({ has: page.locator('h3, span', { hasText: new RegExp(`^\\s*${escapeRe(id)}(\\s|$)`) }) })
    .first();
}

/** Choisit un niveau d'un critère par un vrai clic (l'ordre d'affichage des niveaux est celui des données). */
async function chooseLevel(page: Page, c: LevelCriterion, level: LevelKey): Promise<void> {
  const offered = LEVEL_ORDER.filter((k) => c.levels[k] !== undefined);
  await criterion(page, c.id).locator('input[type="radio"]').nth(offered.indexOf(level)).check();
}

/** Les textes de l'arbre d'accessibilité de la page (ce qu'un lecteur d'écran lit, racines fermées comprises). */
async function accessibleTexts(page: Page): Promise<string[]> {
  const cdp = await page.context().newCDPSession(page);
  try {
    const { nodes } = (await cdp.send('Accessibility.getFullAXTree')) as { nodes: { name?: { value?: unknown } }[] };
    return nodes.map((n) => String(n.name?.value ?? '')).filter(Boolean);
  } finally {
    await cdp.detach();
  }
}

// La fenêtre de la garde est une page de l'extension dans un cadre (racine fantôme fermée) : on y entre par le cadre.
const dialog = (page: Page) => guardDialog(page);
const dialogRefs = async (page: Page) => {
  await openedGuardDialog(page);
  return dialog(page).locator('li').evaluateAll((lis) => lis.map((li) => li.getAttribute('data-ref')));
};
const dialogTexts = async (page: Page) => {
  await openedGuardDialog(page);
  return dialog(page).locator('li .text').allTextContents();
};
const valider = (page: Page) => page.getByRole('button', { name: 'Valider', exact: true });

/** Critères applicables d'un questionnaire à niveaux, dans l'ordre d'affichage (sections). */
function shown(def: LevelQuestionnaireDef, o: OrientationAnswers | null): LevelCriterion[] {
  const crits = applicableLevelCriteria(def, o);
  return def.sections.flatMap((s) => crits.filter((c) => c.section === s.id));
}

/** Ordre du dialogue : sous le minimum, obligatoires sans réponse, puis optionnels sans réponse. */
function expectedLevelRefs(crits: LevelCriterion[], below: string[]): string[] {
  const rest = crits.filter((c) => !below.includes(c.id));
  return [...below, ...rest.filter((c) => c.nature === 'Obligation').map((c) => c.id), ...rest.filter((c) => c.nature === 'Option').map((c) => c.id)];
}

const A08_5_23 = INTEROPERABILITE.criteria.find((c) => c.id === 'A08.5.23') as LevelCriterion;

describe('questionnaire à niveaux (Interopérabilité)', () => {
  for (const style of ['a', 'b'] as const) {
    it(`balisage ${style} : repère sous le minimum ; « Valider » arrêté avec les bons identifiants ; Échap, « Corriger », « Valider quand même »`, async () => {
      const page = await open(`${Q}/interoperabilite`, 'questionnaires', style);
      const crits = shown(INTEROPERABILITE, (await demarche(page)).orientation.validatedAnswers);
      expect(acceptableLevels(A08_5_23)).toEqual(['NA', '2', '3']);
      // Le balisage b inverse la formulation des niveaux (Niveau ↔ Maturité).
      const current = levelLabel('1', style === 'a' ? A08_5_23.wording : A08_5_23.wording === 'niveau' ? 'maturite' : 'niveau');

      // Repère : apparaît quand le critère obligatoire passe sous son minimum par un vrai clic, disparaît une fois corrigé.
      const marker = criterion(page, 'A08.5.23').locator('assistant-convergence-repere');
      await chooseLevel(page, A08_5_23, '1');
      await expect.poll(() => marker.count()).toBe(1);
      const markerText = t('markerBelow', { acceptable: 'NA, 2, 3', current });
      // Racine fermée : la page ne lit pas le repère…
      expect(await marker.evaluate((m) => m.shadowRoot)).toBeNull();
      // … mais un lecteur d'écran, si : une note dans l'arbre d'accessibilité du navigateur, et une annonce « polite ».
      await expect.poll(async () => (await accessibleTexts(page)).some((x) => x.includes(markerText))).toBe(true);
      await expect.poll(async () => (await accessibleTexts(page)).some((x) => x.includes('A08.5.23') && x.includes(markerText))).toBe(true);
      await chooseLevel(page, A08_5_23, '2');
      await expect.poll(() => marker.count()).toBe(0);
      await chooseLevel(page, A08_5_23, '1');
      await expect.poll(() => marker.count()).toBe(1);

      const before = await demarche(page);
      const refusalBefore = JSON.stringify((await state(page)).lastRefusal);
      await valider(page).click();
      await openedGuardDialog(page);
      expect(await dialogRefs(page)).toEqual(expectedLevelRefs(crits, ['A08.5.23']));
      expect((await dialogTexts(page))[0]).toBe(t('sousMinimum', { ref: 'A08.5.23', current, acceptable: 'NA, 2, 3' }));
      // Le gestionnaire de la page n'a pas tourné : ni refus enregistré, ni statut changé.
      expect(JSON.stringify((await state(page)).lastRefusal)).toBe(refusalBefore);
      expect((await demarche(page)).questionnaires.interoperabilite.status).toBe(before.questionnaires.interoperabilite.status);

      // Échap ferme et rend le focus au bouton.
      await page.keyboard.press('Escape');
      await expect.poll(() => dialog(page).count()).toBe(0);
      expect(await page.evaluate(() => (document.activeElement as HTMLInputElement | null)?.value || document.activeElement?.textContent)).toBe('Valider');

      // « Corriger » : le contrôle du premier point (le niveau choisi de A08.5.23) a le focus.
      await valider(page).click();
      await (await openedGuardDialog(page)).getByRole('button', { name: t('correct') }).click();
      await expect.poll(() => dialog(page).count()).toBe(0);
      const focused = await page.evaluate(() => {
        const a = document.activeElement as HTMLInputElement | null;
        return { checked: a?.checked, type: a?.type, text: a?.closest('article, [role="group"]')?.textContent ?? '' };
      });
      expect(focused).toMatchObject({ checked: true, type: 'radio' });
      expect(focused.text).toContain('A08.5.23');

      // « Valider quand même » : le clic passe une fois, le simulateur applique ses propres règles (refus : incomplet).
      await valider(page).click();
      await (await openedGuardDialog(page)).getByRole('button', { name: t('force') }).click();
      await expect.poll(async () => (await state(page)).lastRefusal?.questionnaire).toBe('interoperabilite');
      await expect.poll(() => dialog(page).count()).toBe(0);
      expect((await state(page)).lastRefusal?.reasons.length).toBe(crits.length - 1);
      await page.close();
    });
  }

  it('« Enregistrer et demander validation » arrêté (statut inchangé), puis transmis une fois par « Valider quand même »', async () => {
    const page = await open(`${Q}/urbanisation`, 'questionnaires', 'a');
    const crits = shown(URBANISATION, (await demarche(page)).orientation.validatedAnswers);
    await page.getByRole('button', { name: 'Enregistrer et demander validation' }).click();
    await openedGuardDialog(page);
    expect(await dialogRefs(page)).toEqual(expectedLevelRefs(crits, []));
    expect((await demarche(page)).questionnaires.urbanisation.status).toBe('a-completer');
    await (await openedGuardDialog(page)).getByRole('button', { name: t('force') }).click();
    await expect.poll(async () => (await demarche(page)).questionnaires.urbanisation.status).toBe('validation-demandee');
    await page.close();
  });
});

describe('grand questionnaire', () => {
  it('249 critères (scénario « grand ») : chaque critère applicable est listé, en un temps raisonnable', async () => {
    const page = await open(`${Q}/interoperabilite`, 'grand', 'a');
    const d = await demarche(page);
    const crits = shown(INTEROPERABILITE_GRAND, d.orientation.validatedAnswers);
    const t0 = Date.now();
    await valider(page).click();
    await openedGuardDialog(page);
    const elapsed = Date.now() - t0;
    console.log(`Garde sur ${crits.length} critères : dialogue affiché en ${elapsed} ms (clic Playwright compris)`);
    expect(await dialogRefs(page)).toEqual(expectedLevelRefs(crits, []));
    expect((await state(page)).lastRefusal).toBeNull();
    await page.close();
  });
});

describe('pages propres, remplies par de vrais clics, puis dossier et candidature', () => {
  it('balisage b : trois questionnaires à niveaux validés sans dialogue, référence générée ; « Candidater » arrêté tant qu’Éthique, RGPD et Sécurité échanges ne sont pas terminés', async () => {
    const page = await open(`${Q}/interoperabilite`, 'questionnaires', 'b');
    const o = (await demarche(page)).orientation.validatedAnswers;
    for (const [key, def] of [['interoperabilite', INTEROPERABILITE], ['urbanisation', URBANISATION], ['maturite-securite', MATURITE_SECURITE]] as const) {
      if (key !== 'interoperabilite') {
        await page.getByRole('link', { name: new RegExp(`^(Démarrer|Editer) le questionnaire ${def.title}$`) }).click();
        await page.getByRole('heading', { level: 1, name: `Questionnaire d'évaluation : ${def.title}` }).waitFor();
      }
      for (const c of shown(def, o)) await chooseLevel(page, c, acceptableLevels(c).at(-1) as LevelKey);
      await valider(page).click();
      // Aucun dialogue : la page valide elle-même et revient à la liste.
      await expect.poll(async () => (await demarche(page)).questionnaires[key].status).toBe('termine');
      expect(await dialog(page).count()).toBe(0);
      await page.getByRole('heading', { level: 2, name: 'Évaluation', exact: true }).waitFor();
    }
    await page.getByRole('button', { name: "Générer une référence de dossier d'évaluation" }).click();
    await expect.poll(async () => (await demarche(page)).dossiers.length).toBe(1);
    expect(await dialog(page).count()).toBe(0);
    await page.getByRole('heading', { level: 1, name: "Gérez vos dossiers d'évaluation" }).waitFor();
    const ref = (await demarche(page)).dossiers[0]?.ref as string;
    await page.getByLabel('Mon dossier candidat').selectOption(ref);

    const refusalBefore = JSON.stringify((await state(page)).lastRefusal);
    await page.getByRole('button', { name: 'Candidater', exact: true }).click();
    await openedGuardDialog(page);
    expect(await dialogRefs(page)).toEqual(['Éthique Mon espace santé', 'RGPD Mon espace santé', 'Sécurité Mon espace santé pour les échanges de données']);
    const ethiqueTotal = applicableEthique(o).length;
    expect((await dialogTexts(page))[0]).toBe(t('nonTermine', { ref: 'Éthique Mon espace santé', status: 'À compléter', count: t('nonTermineCount', { done: 0, total: ethiqueTotal }) }));
    expect((await demarche(page)).candidature).toBeNull();
    expect(JSON.stringify((await state(page)).lastRefusal)).toBe(refusalBefore);
    await (await openedGuardDialog(page)).getByRole('button', { name: t('force') }).click();
    await expect.poll(async () => (await state(page)).lastRefusal?.page).toBe('dossier');
    expect((await demarche(page)).candidature).toBeNull();
    await page.close();
  });

  it('scénario « pret » : « Générer une référence… » passe ; « Candidater » sans dossier choisi est arrêté, puis passe', async () => {
    const page = await open(Q, 'pret', 'a');
    await page.getByRole('button', { name: "Générer une référence de dossier d'évaluation" }).first().click();
    await expect.poll(async () => (await demarche(page)).dossiers.length).toBe(1);
    expect(await dialog(page).count()).toBe(0);
    await page.getByRole('heading', { level: 1, name: "Gérez vos dossiers d'évaluation" }).waitFor();
    await page.getByRole('button', { name: 'Candidater', exact: true }).click();
    await openedGuardDialog(page);
    expect(await dialogRefs(page)).toEqual(['Mon dossier candidat']);
    expect((await state(page)).lastRefusal).toBeNull();
    await (await openedGuardDialog(page)).getByRole('button', { name: t('correct') }).click();
    expect(await page.evaluate(() => document.activeElement?.tagName)).toBe('SELECT');
    const ref = (await demarche(page)).dossiers[0]?.ref as string;
    await page.getByLabel('Mon dossier candidat').selectOption(ref);
    await page.getByRole('button', { name: 'Candidater', exact: true }).click();
    await expect.poll(async () => (await demarche(page)).candidature?.ref).toBe(ref);
    expect(await dialog(page).count()).toBe(0);
    await page.close();
  });

  it('liste des questionnaires (scénario « questionnaires ») : « Générer une référence… » arrêté, aucun dossier ; « Valider quand même » laisse la page refuser', async () => {
    const page = await open(Q, 'questionnaires', 'b');
    await page.getByRole('button', { name: "Générer une référence de dossier d'évaluation" }).click();
    await openedGuardDialog(page);
    expect(await dialogRefs(page)).toEqual(['Interopérabilité', 'Urbanisation', 'Maturité Sécurité']);
    expect((await state(page)).lastRefusal).toBeNull();
    await (await openedGuardDialog(page)).getByRole('button', { name: t('force') }).click();
    await expect.poll(async () => (await state(page)).lastRefusal?.page).toBe('dossier');
    expect((await demarche(page)).dossiers).toEqual([]);
    await page.close();
  });

  it('page des dossiers rechargée (elle n\'affiche pas les statuts) : les statuts vus sur la liste sont gardés par l\'extension', async () => {
    const page = await open(Q, 'questionnaires', 'a');
    // La liste affiche les statuts ; puis chargement complet de la page des dossiers (aucune mémoire dans la page).
    await page.goto(`https://convergence.esante.gouv.fr${Q.replace('/questionnaires', '/dossiers')}`);
    await waitPanel(page);
    await page.waitForTimeout(300);
    await page.getByRole('button', { name: "Générer une référence de dossier d'évaluation" }).click();
    await openedGuardDialog(page);
    expect(await dialogRefs(page)).toEqual(['Interopérabilité', 'Urbanisation', 'Maturité Sécurité']);
    expect((await demarche(page)).dossiers).toEqual([]);
    await page.close();
  });
});

describe('Éthique', () => {
  for (const style of ['a', 'b'] as const) {
    it(`balisage ${style} : Non conforme obligatoire, Conforme sans une preuve par type, critères sans réponse`, async () => {
      const page = await open(`${Q}/ethique`, 'questionnaires', style);
      const crits = applicableEthique((await demarche(page)).orientation.validatedAnswers);
      const acc11 = ETHIQUE.criteria.find((c) => c.id === 'ACC.1.1');
      expect(acc11?.evidence.length).toBe(2);
      await criterion(page, 'ACC.1.1').getByRole('radio', { name: 'Conforme', exact: true }).check();
      await criterion(page, 'ACC.1.5').getByRole('radio', { name: 'Non conforme', exact: true }).check();
      await expect.poll(async () => Object.keys((await demarche(page)).questionnaires.ethique.answers).length).toBe(2);
      const refusalBefore = JSON.stringify((await state(page)).lastRefusal);
      await valider(page).click();
      await openedGuardDialog(page);
      const refs = await dialogRefs(page);
      const unanswered = crits.filter((c) => c.id !== 'ACC.1.1' && c.id !== 'ACC.1.5');
      expect(refs).toEqual([
        'ACC.1.5',
        ...unanswered.filter((c) => c.nature === 'Obligation').map((c) => c.id),
        'ACC.1.1',
        ...unanswered.filter((c) => c.nature === 'Option').map((c) => c.id),
      ]);
      const text = (await dialogTexts(page))[refs.indexOf('ACC.1.1')] ?? '';
      for (const ev of acc11?.evidence ?? []) expect(text).toContain(ev.label);
      expect(JSON.stringify((await state(page)).lastRefusal)).toBe(refusalBefore);
      expect((await demarche(page)).questionnaires.ethique.status).toBe('a-completer');
      await page.keyboard.press('Escape');
      await page.close();
    });
  }
});

describe('RGPD et Sécurité des échanges', () => {
  it('zones sans document : arrêté ; un dépôt réel retire sa zone de la liste', async () => {
    const page = await open(`${Q}/rgpd`, 'questionnaires', 'a');
    await valider(page).click();
    await openedGuardDialog(page);
    expect(await dialogRefs(page)).toEqual(RGPD.zones.map((z) => z.title));
    await page.keyboard.press('Escape');
    const cgu = RGPD.zones.find((z) => z.id === 'cgu');
    await page.getByLabel(`Charger : ${cgu?.title}`).setInputFiles({ name: 'cgu.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.4') });
    await expect.poll(async () => (await demarche(page)).questionnaires.rgpd.files.cgu?.length).toBe(1);
    await valider(page).click();
    await openedGuardDialog(page);
    expect(await dialogRefs(page)).toEqual(RGPD.zones.filter((z) => z.id !== 'cgu').map((z) => z.title));
    expect((await state(page)).lastRefusal).toBeNull();
    await page.close();

    const sec = await open(`${Q}/securite-echanges`, 'questionnaires', 'b');
    await valider(sec).click();
    await openedGuardDialog(sec);
    expect(await dialogRefs(sec)).toEqual(['Questionnaire et preuves Sécurité']);
    expect((await state(sec)).lastRefusal).toBeNull();
    await sec.close();
  });
});

describe("questionnaire d'orientation", () => {
  it('questions révélées sans réponse : arrêté (ni refus ni changement d’état), validé une fois complété', async () => {
    const page = await open(`${Q}/orientation`, 'questionnaires', 'a');
    const q6 = page.getByRole('group', { name: /^6\. / });
    await q6.getByRole('radio', { name: 'Non' }).check();
    await q6.getByRole('radio', { name: 'Oui' }).check();
    await page.getByLabel(/^6\.1\. /).waitFor();
    const statusBefore = (await demarche(page)).orientation.status;
    await valider(page).click();
    await openedGuardDialog(page);
    expect(await dialogRefs(page)).toEqual(['6.1', '6.2']);
    expect((await state(page)).lastRefusal).toBeNull();
    expect((await demarche(page)).orientation.status).toBe(statusBefore);
    await page.keyboard.press('Escape');
    await page.getByLabel(/^6\.1\. /).fill('demo.verificateur');
    await page.getByLabel(/^6\.2\. /).fill('Demo-2024!');
    await valider(page).click();
    await page.getByRole('heading', { level: 2, name: 'Évaluation', exact: true }).waitFor();
    expect(await dialog(page).count()).toBe(0);
    expect((await state(page)).lastRefusal).toBeNull();
    await page.close();
  });
});

describe('fiche administrative', () => {
  it('« Transmettre » du récapitulatif arrêté avec les champs vides ; une fiche complète passe, « Transmettre la fiche administrative » compris', async () => {
    const page = await open('/produits/3100/demarches/mes/fiche-administrative/recapitulatif', 'nominal', 'a');
    expect((await demarche(page)).ficheAdmin.values).toEqual({});
    await page.getByRole('button', { name: 'Transmettre', exact: true }).click();
    await openedGuardDialog(page);
    expect(await dialogRefs(page)).toEqual(FICHE_FIELDS.filter((f) => !f.fromProduct).map((f) => f.label));
    expect((await state(page)).lastRefusal).toBeNull();
    await (await openedGuardDialog(page)).getByRole('button', { name: t('force') }).click();
    await expect.poll(async () => (await state(page)).lastRefusal?.page).toBe('fiche-administrative');

    await page.getByRole('button', { name: 'Précédent' }).click();
    const values: Record<string, string> = { siret: '12345678901234', email: 'contact@exemple.fr', siteWeb: 'https://exemple.fr', telephone: '0102030405', telephoneRepresentant: '0102030406' };
    for (const f of FICHE_FIELDS.filter((x) => !x.fromProduct)) {
      const field = page.locator(`#fiche-${f.id}`);
      if (f.type === 'select') await field.selectOption(FORMES_JURIDIQUES[0] as string);
      else await field.fill(values[f.id] ?? `Valeur ${f.label}`);
    }
    await page.getByRole('button', { name: 'Suivant' }).click();
    await page.getByRole('button', { name: 'Transmettre', exact: true }).click();
    const confirm = page.getByRole('dialog', { name: 'Transmettre la fiche administrative' });
    await confirm.waitFor();
    expect(await dialog(page).count()).toBe(0);
    await confirm.getByRole('button', { name: 'Transmettre la fiche administrative' }).click();
    await expect.poll(async () => (await demarche(page)).ficheAdmin.status).toBe('transmise');
    expect(await dialog(page).count()).toBe(0);
    await page.close();
  });
});

describe('sans fuite', () => {
  it('aucune requête hors du simulateur pendant la session', () => {
    expect(h.offOrigin).toEqual([]);
  });
});
