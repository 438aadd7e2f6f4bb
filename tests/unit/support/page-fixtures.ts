/**
 * Petits fragments de pages pour les tests de la garde, en deux balisages (comme le simulateur :
 * « a » article/h3/fieldset/label englobant, « b » groupes ARIA, span d'identifiant, label for séparé).
 * Textes illustratifs.
 */
export function load(html: string, doc: Document = document): HTMLElement {
  doc.body.textContent = '';
  const parsed = new DOMParser().parseFromString(`<body>${html}</body>`, 'text/html');
  for (const n of Array.from(parsed.body.childNodes)) doc.body.appendChild(doc.importNode(n, true));
  return (doc.querySelector('main') as HTMLElement | null) ?? doc.body;
}

export const crumbs = (last: string) => `<nav aria-label="Fil d'Ariane"><ol><li>Mon espace santé</li><li>Produit - v0.1 - 3100 : Référencement Mon espace santé guidé (nouveau)</li><li>Questionnaires</li><li>${last}</li></ol></nav>`;

export const levelA = (id: string, title: string, nature: string, minimum: string, acceptable: string[], checked: string | null, labels = ['Niveau non applicable', 'Niveau 0', 'Niveau 1', 'Niveau 2', 'Niveau 3']) => `
<article aria-labelledby="c-${id}">
  <p>${nature}</p>
  <h3 id="c-${id}">${id} ${title}</h3>
  <h4>Objectif du critère</h4><p>Objectif illustratif.</p>
  <p>${minimum}</p>
  <fieldset><legend>Sélectionnez le niveau de maturité de votre produit</legend>
    ${labels.map((l, i) => `<label><input type="radio" name="n-${id}" value="${i}"${checked === l ? ' checked' : ''}> ${acceptable.includes(l) ? '<span>✓ </span>' : ''}<strong>${l}</strong> : texte.</label>`).join('\n')}
  </fieldset>
  <div><label for="com-${id}">Commentaire</label><textarea id="com-${id}"></textarea></div>
</article>`;

/**
 * Interopérabilité, balisage a : A08.5.23 (Obligation, ✓ NA 2 3) au niveau 1, A07.1.1 (Obligation, min 2) sans réponse, A06.1.2 (Option) sans réponse, A06.1.1 (Option) répondu.
 * Sans boutons ni fin de <main> : un test y ajoute ses critères.
 */
export const LEVELS_A_SECTIONS = `
${crumbs("Questionnaire d'évaluation : Interopérabilité")}
<main>
<h1>Questionnaire d'évaluation : Interopérabilité</h1>
<section><h2>A06.1 Référentiel d'interopérabilité</h2>
${levelA('A06.1.1', 'Utilisation du CI-SIS', 'Option', 'Aucun niveau minimum requis pour cette démarche', [], 'Niveau 0')}
${levelA('A06.1.2', 'Veille sur les évolutions du CI-SIS', 'Option', 'Aucun niveau minimum requis pour cette démarche', [], null)}
</section>
<section><h2>A07.1 Identification des patients</h2>
${levelA('A07.1.1', "Utilisation de l'INS", 'Obligation', 'Niveau minimum requis : Niveau 2', [], null)}
</section>
<section><h2>A08.5 Partage et/ou échange de documents</h2>
${levelA('A08.5.23', 'Consommateur de documents CDA', 'Obligation', 'Les niveaux Non applicable (NA), 2 et 3 sont acceptables pour ce critère', ['Niveau non applicable', 'Niveau 2', 'Niveau 3'], 'Niveau 1')}
</section>`;

export const LEVELS_A = `${LEVELS_A_SECTIONS}
<div class="footer-buttons"><button type="button">Retour</button><button type="button">Enregistrer comme brouillon</button><button type="button">Enregistrer et demander validation</button><button type="button">Valider</button></div>
</main>`;

const levelB = (id: string, title: string, nature: string, minimum: string, acceptable: string[], checked: string | null, ariaOnly = false) => {
  const labels = ['Non applicable', 'Maturité très faible', 'Maturité faible', 'Maturité moyenne', 'Maturité forte'];
  const d = id.replace(/\./g, '-');
  return `
<div role="group" aria-labelledby="b-${d}-id b-${d}-t">
  <div><span id="b-${d}-id">${id}</span> <strong id="b-${d}-t">${title}</strong> <span class="badge">${nature}</span></div>
  <dl><dt>Objectif du critère</dt><dd>Objectif illustratif.</dd></dl>
  <p>${minimum}</p>
  <p id="b-${d}-q">Sélectionnez le niveau de maturité de votre produit</p>
  <div role="radiogroup" aria-labelledby="b-${d}-q">
    ${labels
      .map((l, i) => {
        const mark = acceptable.includes(l) ? '✓ ' : '';
        const c = checked === l ? ' checked' : '';
        return ariaOnly
          ? `<div><input type="radio" id="b-${d}-${i}" name="b-${d}" aria-label="${l}"${c}><span>${mark}<b>${l}</b> — texte</span></div>`
          : `<div><input type="radio" id="b-${d}-${i}" name="b-${d}"${c}><label for="b-${d}-${i}">${mark}<b>${l}</b> — texte</label></div>`;
      })
      .join('\n')}
  </div>
  <div><span aria-hidden="true">Commentaire</span><textarea aria-label="Commentaire du critère ${id}"></textarea></div>
</div>`;
};

/** Maturité Sécurité, balisage b : 04.03 (Obligation, min 2) à « Maturité faible », 09.02 (Obligation, ✓ 2 3, radios aria-label) à « Maturité forte », 09.04 (Option) sans réponse. */
export const LEVELS_B = `
${crumbs("Questionnaire d'évaluation : Maturité Sécurité")}
<main>
<h1>Questionnaire d'évaluation : Maturité Sécurité</h1>
<section><h2>04 Identification</h2>
${levelB('04.03', "Niveau de garantie de l'identification électronique des patients", 'Obligation', 'Niveau minimum requis : Maturité moyenne', [], 'Maturité faible')}
</section>
<section><h2>09 Continuité</h2>
${levelB('09.02', "Plan de continuité d'activité", 'Obligation', 'Les niveaux 2 et 3 sont acceptables pour ce critère', ['Maturité moyenne', 'Maturité forte'], 'Maturité forte', true)}
${levelB('09.04', 'Sauvegardes', 'Option', 'Aucun niveau minimum requis pour cette démarche', [], null)}
</section>
<form><a href="#" role="button">Retour</a><a href="#" role="button">Enregistrer comme brouillon</a><input type="submit" value="Valider"></form>
</main>`;

export const zone = (title: string, files: string[], producer = 0) => `
<div role="group" aria-labelledby="z-${title.length}-${files.length}">
  <p id="z-${title.length}-${files.length}">${title}</p>
  <input id="in-${title.replace(/\W/g, '')}" type="file" class="visually-hidden"><label for="in-${title.replace(/\W/g, '')}">Charger<span class="visually-hidden"> : ${title}</span></label>
  <p>Preuves déposées (${files.length})</p>
  <ul>${files.map((f) => `<li><span>${f}</span> <span>(12 Ko)</span><button type="button" aria-label="Archiver ${f}">×</button></li>`).join('')}</ul>
  ${producer ? `<p>Preuves de l'éditeur producteur (confidentielles) : ${producer} fichiers</p>` : ''}
  <details><summary>Voir les preuves archivées (1)</summary><ul><li>ancien.pdf</li></ul></details>
</div>`;

export const ethA = (id: string, nature: string, answer: string | null, zones: string) => `
<article aria-labelledby="e-${id}">
  <p>${nature}</p>
  <h3 id="e-${id}">${id} Critère illustratif ${id}</h3>
  <fieldset><legend>Votre produit est-il conforme à ce critère ? *</legend>
    <label><input type="radio" name="conf-${id}"${answer === 'Conforme' ? ' checked' : ''}> Conforme</label>
    <label><input type="radio" name="conf-${id}"${answer === 'Non conforme' ? ' checked' : ''}> Non conforme</label>
  </fieldset>
  <div><label for="ec-${id}">Commentaire</label><textarea id="ec-${id}"></textarea></div>
  ${zones}
</article>`;

export const ethB = (id: string, nature: string, answer: string | null, zones: string) => {
  const d = id.replace(/\./g, '-');
  return `
<div role="group" aria-labelledby="eb-${d}-id eb-${d}-t">
  <div><span id="eb-${d}-id">${id}</span> <strong id="eb-${d}-t">Critère illustratif ${id}</strong> <span>${nature}</span></div>
  <p id="eb-${d}-q">Votre produit est-il conforme à ce critère ? *</p>
  <div role="radiogroup" aria-labelledby="eb-${d}-q">
    <span><input type="radio" name="b-conf-${d}" aria-label="Conforme"${answer === 'Conforme' ? ' checked' : ''}><span aria-hidden="true"> Conforme</span></span>
    <span><input type="radio" name="b-conf-${d}" aria-label="Non conforme"${answer === 'Non conforme' ? ' checked' : ''}><span aria-hidden="true"> Non conforme</span></span>
  </div>
  <textarea aria-label="Commentaire du critère ${id}"></textarea>
  ${zones}
</div>`;
};

/**
 * Éthique : ACC.1.1 Conforme avec une preuve sur deux, ACC.1.5 Non conforme (Obligation), ACC.1.6 Non conforme (Option),
 * ETH.1.1 sans réponse, DEV.1.1 Conforme avec preuves, ETH.1.4 Conforme couvert par les preuves confidentielles du producteur.
 */
export function ethique(style: 'a' | 'b'): string {
  const c = style === 'a' ? ethA : ethB;
  return `
${crumbs("Questionnaire d'évaluation : Éthique Mon espace santé")}
<main>
<h1>Questionnaire d'évaluation : Éthique Mon espace santé</h1>
<section><h2>2. Accessibilité et inclusion</h2>
${c('ACC.1.1', 'Obligation', 'Conforme', zone("Déclaration d'accessibilité (RGAA) (ACC.1.1)", ['rgaa.pdf']) + zone("Rapport d'audit d'accessibilité (ACC.1.1)", []))}
${c('ACC.1.5', 'Obligation', 'Non conforme', zone("Capture d'écran du guichet d'assistance (ACC.1.5)", []))}
${c('ACC.1.6', 'Option', 'Non conforme', zone("Description du mécanisme d'alerte (ACC.1.6)", []))}
</section>
<section><h2>3. Éthique des données</h2>
${c('ETH.1.1', 'Obligation', null, zone('Extrait des CGU présentant les finalités (ETH.1.1)', []))}
${c('ETH.1.4', 'Obligation', 'Conforme', zone('Déclaration relative à la valorisation des données (ETH.1.4)', [], 2))}
</section>
<section><h2>4. Développement durable</h2>
${c('DEV.1.1', 'Obligation', 'Conforme', zone("Résultat de l'écoscore (DEV.1.1)", ['ecoscore.pdf']))}
</section>
<button type="button">Valider</button>
</main>`;
}

/** RGPD : une zone confirmée (sans champ), une avec fichier, une vide. */
export const RGPD = `
${crumbs("Questionnaire d'évaluation : RGPD Mon espace santé")}
<main>
<h1>Questionnaire d'évaluation : RGPD Mon espace santé</h1>
<section aria-labelledby="s"><h2 id="s">Questionnaire RGPD et preuves associées <span>[2/3] preuves ajoutées</span></h2>
  <div><h3>Questionnaire RGPD</h3><ul><li>Télécharger le questionnaire RGPD à compléter ;</li></ul>
    <div role="group"><p>Questionnaire RGPD</p><p>Document déposé et confirmé : il ne peut plus être archivé ni remplacé.</p>
    <ul><li><span>questionnaire_rgpd.pdf</span> <span>(20 Ko)</span></li></ul></div></div>
  <div><h3>CGU et Mentions d'information RGPD</h3><ul><li>Déposer les CGU</li></ul>${zone("CGU et Mentions d'information RGPD", ['cgu.pdf'])}</div>
  <div><h3>Analyse d'impact relative à la Protection des Données - AIPD</h3><ul><li>Charger les preuves dans le conteneur ZED ;</li></ul>${zone("Analyse d'impact relative à la Protection des Données - AIPD", [])}</div>
</section>
<div><button type="button">Retour</button><button type="button">Valider</button></div>
</main>`;

/** Orientation : 1 = Oui révèle 1.1 (sans réponse), 3 répondue, 4 sans réponse, 5 (texte) vide, une case non obligatoire. */
export const ORIENTATION = `
${crumbs("Questionnaire d'orientation")}
<main>
<h1>Questionnaire d'orientation</h1>
<p>Les champs obligatoires sont signalés par un astérisque *</p>
<section><h2>Généralités</h2>
<fieldset><legend>1. Le service est-il un dispositif médical ? *</legend><label><input type="radio" name="q1" checked> Oui</label><label><input type="radio" name="q1"> Non</label></fieldset>
<fieldset><legend>1.1. Quelle est la classe du dispositif médical ? *</legend><label><input type="radio" name="q11"> Classe I</label><label><input type="radio" name="q11"> Classe IIa</label></fieldset>
<fieldset><legend>3. Le service contient-il les données suivantes ? *</legend><label><input type="checkbox" name="q3" checked> Documents</label><label><input type="checkbox" name="q3"> Agenda</label></fieldset>
<fieldset><legend>4. Pour quelle architecture du service sollicitez-vous un référencement à Mon Espace Santé ? *</legend><label><input type="checkbox" name="q4"> Web</label><label><input type="checkbox" name="q4"> Android</label></fieldset>
<div><label for="q5">5. Indiquez le nom commercial de l'application *</label><input id="q5" type="text" required></div>
<label><input type="checkbox" name="info"> Recevoir les actualités</label>
</section>
<div><button type="button">Enregistrer et demander validation</button><button type="button">Valider</button></div>
</main>`;

/** Fiche administrative, formulaire : Dénomination remplie, SIRET invalide, Forme juridique non choisie, Nom (lecture seule) rempli. */
export const FICHE_FORM = `
<main>
<h1>Produit - v0.1 - 3100 : Référencement Mon espace santé guidé (nouveau)</h1>
<h2>Fiche administrative</h2>
<section><h3>Description de la structure porteuse du produit</h3>
<div><label for="f1">Dénomination ou raison sociale *</label><input id="f1" required value="Santé Connect"></div>
<div><label for="f2">Forme juridique *</label><select id="f2" required><option value="">Sélectionner</option><option>SAS</option></select></div>
<div><label for="f3">SIRET *</label><input id="f3" required value="123 456"></div>
<div><label for="f4">Site web</label><input id="f4" value=""></div>
<div><label for="f5">Nom du produit *</label><input id="f5" readonly value="Produit"></div>
</section>
<button type="button">Suivant</button>
</main>`;

/** Fiche administrative, récapitulatif et fenêtre de confirmation : Adresse du siège vide. */
export const FICHE_RECAP = `
<main>
<h1>Produit - v0.1 - 3100 : Référencement Mon espace santé guidé (nouveau)</h1>
<h2>Récapitulatif de la fiche administrative</h2>
<section><h3>Description de la structure porteuse du produit</h3>
<dl><div><dt>Dénomination ou raison sociale *</dt><dd>Santé Connect</dd></div>
<div><dt>Adresse du siège *</dt><dd>—</dd></div>
<div><dt>SIRET *</dt><dd>12345678901234</dd></div>
<div><dt>Site web</dt><dd>—</dd></div></dl>
</section>
<div><button type="button">Précédent</button><button type="button">Transmettre</button></div>
<div role="dialog" aria-modal="true" aria-labelledby="dt"><h2 id="dt">Transmettre la fiche administrative</h2>
<p>Une fois la fiche administrative transmise aux vérificateurs, vous ne pourrez plus modifier les réponses fournies.</p>
<button type="button">Annuler</button><button type="button">Transmettre la fiche administrative</button></div>
</main>`;

/** Liste des questionnaires, balisage tableau (a) : statuts donnés. */
export function listA(statuses: Record<string, string>): string {
  const rows = Object.entries(statuses)
    .map(([q, s]) =>
      s === 'Non applicable'
        ? `<tr><th scope="row">${q}</th><td>Non applicable</td><td colspan="4">Ce questionnaire n'est pas applicable à votre produit.</td></tr>`
        : `<tr><th scope="row">${q}</th><td>${s}</td><td>Critères renseignés ${s.startsWith('Terminé') ? '9/9' : '2/9'}</td><td>Non atteint</td><td>Non</td><td><a href="/q" aria-label="Editer le questionnaire ${q}">Editer</a></td></tr>`,
    )
    .join('\n');
  return `
${crumbs('Questionnaires').replace('<li>Questionnaires</li><li>Questionnaires</li>', '<li>Questionnaires</li>')}
<main>
<h1>Produit - v0.1 - 3100 : Référencement Mon espace santé guidé (nouveau)</h1>
<section><p>Orientation <span>Terminé</span></p><h2>Questionnaire d'orientation</h2><p>Questions obligatoires renseignées 22/22</p><a href="/o">Editer</a></section>
<h2>Évaluation</h2>
<table><caption>Questionnaires d'évaluation</caption>
<thead><tr><th scope="col">Évaluation</th><th scope="col">Statut</th><th>Critères renseignés</th><th>Niveau d'auto-évaluation</th><th>Atteint pour Mon espace santé</th><th>Action</th></tr></thead>
<tbody>${rows}</tbody></table>
<section><h2>Gérez vos dossiers d'évaluation</h2><button type="button">Générer une référence de dossier d'évaluation</button></section>
</main>`;
}

/** Liste des questionnaires, balisage cartes (b) : un élément de liste par questionnaire, statut en badge. */
export function listB(statuses: Record<string, string>): string {
  const cards = Object.entries(statuses)
    .map(([q, s]) => `<li><h3>${q}</h3><p>Statut : <span>${s}</span></p><p>Critères renseignés 3/6</p><button type="button">Démarrer</button></li>`)
    .join('\n');
  return `
<main>
<h1>Produit - v0.1 - 3100 : Référencement Mon espace santé guidé (nouveau)</h1>
<ul>${cards}</ul>
<div role="button" tabindex="0">Générer une référence de dossier d'évaluation</div>
</main>`;
}

/** Page des dossiers : pas de statuts ; choix du dossier candidat. */
export function dossiers(chosen: boolean): string {
  return `
<nav aria-label="Fil d'Ariane"><ol><li>Mon espace santé</li><li>Produit - v0.1 - 3100 : Référencement Mon espace santé guidé (nouveau)</li><li>Questionnaires</li><li>Dossier d'évaluation</li></ol></nav>
<main>
<h1>Gérez vos dossiers d'évaluation</h1>
<button type="button">Générer une référence de dossier d'évaluation</button>
<table><thead><tr><th>Numéro du dossier</th><th>Créateur du dossier</th></tr></thead><tbody><tr><th scope="row">N83970202407081627</th><td>Jean Dupont</td></tr></tbody></table>
<section><h2>Mon dossier candidat</h2>
<label for="dc">Mon dossier candidat</label><select id="dc"><option value="">-----</option><option value="N83970202407081627"${chosen ? ' selected' : ''}>N83970202407081627</option></select>
<button type="button">Candidater</button></section>
</main>`;
}
