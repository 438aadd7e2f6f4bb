// @vitest-environment jsdom
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { useState } from 'preact/hooks';
import { describe, expect, it } from 'vitest';
import { readQuestionnaire } from '../../../../../lib/page/read/criteria';
import { readFormFields } from '../../../../../lib/page/read/form';
import { fillTargets, mergeUndo, undoFill, UNDO_CHANGED } from '../../../../../lib/page/fill/engine';
import { criterionTargets, formFieldTargets } from '../../../../../lib/page/fill/targets';

/** État du « framework » de la page : seul ce que les gestionnaires d'événements ont vu y entre. */
const state: { level: Record<string, string>; comment: Record<string, string>; siret: string; archi: string[] } = {
  level: {}, comment: {}, siret: '', archi: [],
};

function Criterion({ id }: { id: string }) {
  const [level, setLevel] = useState('');
  const [comment, setComment] = useState(id === 'A06.1.2' ? 'Déjà saisi' : '');
  const levels = ['Niveau non applicable', 'Niveau 0', 'Niveau 1', 'Niveau 2', 'Niveau 3'];
  return (
    <article>
      <h3>{id} Critère illustratif</h3>
      <span>Obligation</span>
      <p>Niveau minimum requis : Niveau 2</p>
      <fieldset>
        <legend>Sélectionnez le niveau de maturité de votre produit</legend>
        {levels.map((l) => (
          <label key={l}>
            <input type="radio" name={id} checked={level === l} onChange={() => { setLevel(l); state.level[id] = l; }} /> {l} : texte
          </label>
        ))}
      </fieldset>
      <label>
        Commentaire
        <textarea value={comment} onInput={(e) => { const v = e.currentTarget.value; setComment(v); state.comment[id] = v; }} />
      </label>
    </article>
  );
}

function Form() {
  const [siret, setSiret] = useState('');
  const [archi, setArchi] = useState<string[]>([]);
  return (
    <form>
      <label>SIRET *<input value={siret} onInput={(e) => { setSiret(e.currentTarget.value); state.siret = e.currentTarget.value; }} /></label>
      <fieldset>
        <legend>4. Pour quelle architecture du service sollicitez-vous un référencement à Mon Espace Santé ? *</legend>
        {['Web', 'Android', 'iOS'].map((os) => (
          <label key={os}>
            <input type="checkbox" checked={archi.includes(os)} onChange={(e) => {
              const next = e.currentTarget.checked ? [...archi, os] : archi.filter((x) => x !== os);
              setArchi(next); state.archi = next;
            }} /> {os}
          </label>
        ))}
      </fieldset>
    </form>
  );
}

describe('remplissage d\'une page à champs contrôlés (Preact)', () => {
  it('le framework enregistre chaque valeur ; une saisie existante est gardée et signalée ; annulation', async () => {
    const root = document.createElement('main');
    document.body.append(root);
    act(() => render(<><Criterion id="A06.1.1" /><Criterion id="A06.1.2" /><button>Valider</button></>, root));

    const q = readQuestionnaire(root);
    const targets = q.criteria.flatMap(criterionTargets);
    const wanted = new Map([
      ['A06.1.1#niveau', { value: '2' }],
      ['A06.1.1#commentaire', { value: 'Conforme au CI-SIS' }],
      ['A06.1.2#niveau', { value: '3' }],
      ['A06.1.2#commentaire', { value: 'Autre texte' }],
      ['A99.9.9#niveau', { value: '1' }],
    ]);
    // Hors de act() : le framework rend à son rythme, comme dans un navigateur.
    const result = await fillTargets(targets, wanted);
    const byKey = Object.fromEntries(result.report.map((r) => [r.key, r.status]));
    expect(byKey).toEqual({
      'A06.1.1#niveau': 'filled',
      'A06.1.1#commentaire': 'filled',
      'A06.1.2#niveau': 'filled',
      'A06.1.2#commentaire': 'conflict',
      'A99.9.9#niveau': 'not-found',
    });
    expect(state.level).toEqual({ 'A06.1.1': 'Niveau 2', 'A06.1.2': 'Niveau 3' });
    expect(state.comment['A06.1.1']).toBe('Conforme au CI-SIS');
    expect(state.comment['A06.1.2']).toBeUndefined();

    // Écraser le conflit à la demande.
    await fillTargets(targets, new Map([['A06.1.2#commentaire', { value: 'Autre texte' }]]), { overwrite: new Set(['A06.1.2#commentaire']) });
    expect(state.comment['A06.1.2']).toBe('Autre texte');

    // Annuler : le texte revient à vide ; un bouton radio ne peut pas être décoché et c'est dit.
    const undone = await undoFill(q.criteria.flatMap(criterionTargets), result.undo);
    expect(state.comment['A06.1.1']).toBe('');
    expect(undone.restored).toContain('A06.1.1#commentaire');
    expect(undone.impossible.map((i) => i.key).sort()).toEqual(['A06.1.1#niveau', 'A06.1.2#niveau']);
    render(null, root);
    root.remove();
  });

  it('annulation : un champ modifié par la personne après le remplissage est laissé tel quel, et dit', async () => {
    const root = document.createElement('main');
    document.body.append(root);
    act(() => render(<><Criterion id="A07.1.1" /><button>Valider</button></>, root));
    const targets = () => readQuestionnaire(root).criteria.flatMap(criterionTargets);
    const first = await fillTargets(targets(), new Map([['A07.1.1#commentaire', { value: 'Rempli' }]]));
    const second = await fillTargets(targets(), new Map([['A07.1.1#commentaire', { value: 'Rempli' }]]));
    expect(second.undo).toEqual([]); // déjà identique : rien à annuler de plus
    const undo = mergeUndo(first.undo, second.undo);
    expect(undo).toEqual([{ key: 'A07.1.1#commentaire', label: 'A07.1.1 — commentaire', previous: '', written: 'Rempli' }]);
    // La personne reprend le commentaire avant d'annuler.
    const box = root.querySelector('textarea')!;
    await fillTargets(targets(), new Map([['A07.1.1#commentaire', { value: 'Corrigé à la main' }]]), { overwrite: new Set(['A07.1.1#commentaire']) });
    expect(box.value).toBe('Corrigé à la main');
    const r = await undoFill(targets(), undo);
    expect(r.restored).toEqual([]);
    expect(r.impossible).toEqual([{ key: 'A07.1.1#commentaire', label: 'A07.1.1 — commentaire', reason: UNDO_CHANGED }]);
    expect(box.value).toBe('Corrigé à la main');
    expect(state.comment['A07.1.1']).toBe('Corrigé à la main');
    render(null, root);
    root.remove();
  });

  it('formulaire : champ texte et groupe de cases à cocher numéroté (question 4)', async () => {
    const root = document.createElement('main');
    document.body.append(root);
    act(() => render(<Form />, root));
    const fields = readFormFields(root);
    expect(fields.map((f) => [f.key, f.number, f.required, f.type])).toEqual([
      ['siret', undefined, true, 'text'],
      ['pour quelle architecture du service sollicitez-vous un referencement a mon espace sante ?', '4', true, 'checkbox-group'],
    ]);
    const targets = formFieldTargets(fields, 'orientation');
    const result = await fillTargets(targets, new Map<string, { value: string | string[] }>([
      ['orientation#siret', { value: '12345678900012' }],
      ['orientation#q4', { value: ['Web', 'iOS'] }],
    ]));
    expect(result.report.map((r) => r.status)).toEqual(['filled', 'filled']);
    expect(state.siret).toBe('12345678900012');
    expect(state.archi).toEqual(['Web', 'iOS']);
    render(null, root);
    root.remove();
  });

  it('validation à la sortie du champ qui lit l\'état du dernier rendu : aucune erreur ne reste après le remplissage', async () => {
    const errors: Record<string, string> = {};
    function Commented({ id }: { id: string }) {
      const [comment, setComment] = useState('');
      const [error, setError] = useState('');
      return (
        <article>
          <h3>{id} Critère illustratif</h3>
          <span>Obligation</span>
          <p>Aucun niveau minimum requis</p>
          <fieldset>
            <legend>Sélectionnez le niveau de maturité de votre produit</legend>
            {['Niveau 0', 'Niveau 1'].map((l) => <label key={l}><input type="radio" name={id} /> {l} : texte</label>)}
          </fieldset>
          <label>
            Commentaire
            {/* Le défaut voulu : la validation lit `comment` du dernier rendu, pas la valeur du champ. */}
            <textarea value={comment} onInput={(e) => setComment(e.currentTarget.value)} onBlur={() => {
              const e = comment.length < 10 ? 'trop court' : '';
              setError(e);
              errors[id] = e;
            }} />
          </label>
          {error && <p role="alert">{error}</p>}
        </article>
      );
    }
    const root = document.createElement('main');
    document.body.append(root);
    act(() => render(<>{['B01.1.1', 'B01.1.2', 'B01.1.3'].map((id) => <Commented key={id} id={id} />)}</>, root));
    const targets = readQuestionnaire(root).criteria.flatMap(criterionTargets);
    const wanted = new Map(['B01.1.1', 'B01.1.2', 'B01.1.3'].map((id) => [`${id}#commentaire`, { value: `Commentaire assez long pour ${id}` }]));
    const result = await fillTargets(targets, wanted);
    expect(result.report.map((r) => r.status)).toEqual(['filled', 'filled', 'filled']);
    // Chaque champ a été quitté après le rendu qui contient sa valeur : la validation l'a vue.
    expect(errors).toEqual({ 'B01.1.1': '', 'B01.1.2': '', 'B01.1.3': '' });
    expect(root.querySelectorAll('[role="alert"]').length).toBe(0);
    render(null, root);
    root.remove();
  });

  it('page qui perd les mises à jour groupées (état partagé lu du dernier rendu) : chaque champ est repris seul et tenu', async () => {
    let shared: Record<string, string> = {};
    function Page() {
      const [answers, setAnswers] = useState<Record<string, string>>({});
      shared = answers;
      return (
        <>
          {['C01.1.1', 'C01.1.2', 'C01.1.3', 'C01.1.4'].map((id) => (
            <article key={id}>
              <h3>{id} Critère illustratif</h3>
              <span>Option</span>
              <p>Aucun niveau minimum requis</p>
              <fieldset>
                <legend>Sélectionnez le niveau de maturité de votre produit</legend>
                {['Niveau 0', 'Niveau 1', 'Niveau 2'].map((l) => (
                  // Le défaut voulu : `answers` du dernier rendu ; deux clics dans la même tâche perdent le premier.
                  <label key={l}><input type="radio" name={id} checked={answers[id] === l} onChange={() => setAnswers({ ...answers, [id]: l })} /> {l} : texte</label>
                ))}
              </fieldset>
            </article>
          ))}
        </>
      );
    }
    const root = document.createElement('main');
    document.body.append(root);
    act(() => render(<Page />, root));
    const targets = readQuestionnaire(root).criteria.flatMap(criterionTargets);
    const wanted = new Map(['C01.1.1', 'C01.1.2', 'C01.1.3', 'C01.1.4'].map((id, i) => [`${id}#niveau`, { value: String(i % 3) }]));
    const result = await fillTargets(targets, wanted);
    expect(result.report.map((r) => r.status)).toEqual(['filled', 'filled', 'filled', 'filled']);
    expect(shared).toEqual({ 'C01.1.1': 'Niveau 0', 'C01.1.2': 'Niveau 1', 'C01.1.3': 'Niveau 2', 'C01.1.4': 'Niveau 0' });
    render(null, root);
    root.remove();
  });
});
