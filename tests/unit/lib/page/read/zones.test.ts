// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { missingEvidenceTypes, readDepositZones, zoneHasEvidence } from '../../../../../lib/page/read/zones';
import { load } from '../../../support/page-fixtures';

/** Le lecteur unique des zones de dépôt (critères, pages de dépôt, résumé, garde). Textes illustratifs. */
describe('zones de dépôt', () => {
  it('la zone unique d\'une page ne s\'étend pas au-delà de son titre de section : un nom de fichier ailleurs sur la page n\'est pas un dépôt', () => {
    const root = load(`<main><h1>Questionnaire d'évaluation : Sécurité Mon espace santé pour les échanges de données</h1>
      <p>Consultez guide_zed.pdf avant de déposer.</p>
      <section><h2>Questionnaire et preuves Sécurité</h2>
        <div><h3>Conteneur ZED</h3><label>Charger<input type="file"></label><ul><li>preuves.zed</li></ul></div>
      </section></main>`);
    const [z] = readDepositZones(root);
    expect(z?.type).toBe('Conteneur ZED');
    expect(z?.files).toEqual(['preuves.zed']);
  });

  it('un champ fichier masqué sous un bouton « Charger » visible garde sa zone ; une zone masquée est ignorée', () => {
    const root = load(`<main>
      <div role="group" aria-label="CGU et mentions"><label>Charger<input type="file" hidden></label></div>
      <div hidden><div role="group" aria-label="AIPD"><label>Charger<input type="file"></label></div></div></main>`);
    expect(readDepositZones(root).map((z) => z.type)).toEqual(['CGU et mentions']);
  });

  it('le type : nom du groupe, sinon nom du champ sans le verbe du bouton, sinon titre de la zone', () => {
    const root = load(`<main>
      <fieldset><legend>Résultat de l'écoscore</legend><input type="file" aria-label="Charger le fichier"></fieldset>
      <div><input type="file" aria-label="Déposer un fichier : Rapport d'audit"></div>
      <div><h4>Méthode de calcul</h4><input type="file" aria-label="Choisir un fichier"></div></main>`);
    expect(readDepositZones(root).map((z) => z.type)).toEqual(["Résultat de l'écoscore", "Rapport d'audit", 'Méthode de calcul']);
  });

  it('une zone a sa preuve : fichier déposé, preuves confidentielles du producteur ou dépôt confirmé', () => {
    const root = load(`<main>
      <div role="group" aria-label="A"><input type="file"><ul><li>a.pdf <button aria-label="Archiver a.pdf">×</button></li></ul></div>
      <div role="group" aria-label="B"><input type="file"><p>Preuves de l'éditeur producteur (confidentielles) : 2 fichiers</p></div>
      <div role="group" aria-label="C"><input type="file" disabled></div>
      <div role="group" aria-label="D"><input type="file"><details><summary>Voir les preuves archivées</summary><ul><li>ancien.pdf</li></ul></details></div></main>`);
    const zones = readDepositZones(root);
    expect(zones.map((z) => [z.type, z.producerFiles, zoneHasEvidence(z)])).toEqual([['A', 0, true], ['B', 2, true], ['C', 0, true], ['D', 0, false]]);
  });

  it('les preuves attendues par le panneau : une fois par type, seulement les zones sans preuve et avec un champ fichier', () => {
    const root = load(`<main>
      <div role="group" aria-label="AIPD"><input type="file"></div>
      <div role="group" aria-label="AIPD"><input type="file"></div>
      <div role="group" aria-label="CGU"><input type="file"><ul><li>cgu.pdf</li></ul></div></main>`);
    const zones = readDepositZones(root);
    expect(missingEvidenceTypes({ type: 'deposits', questionnaire: 'rgpd', title: 'RGPD', zones })).toEqual(['AIPD']);
    expect(missingEvidenceTypes({ type: 'none' })).toEqual([]);
  });
});
