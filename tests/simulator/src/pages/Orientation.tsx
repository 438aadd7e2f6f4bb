import type { JSX } from 'preact';
import { useState } from 'preact/hooks';
import { navigate } from '../router.tsx';
import { Alert, Breadcrumb, FooterButtons, ProgressPanel, setFlash } from '../ui/common.tsx';
import { ORIENTATION_HEADINGS, type OrientationQuestion } from '../data/orientation.ts';
import { orientationButton, setOrientationAnswer } from '../actions.ts';
import { orientationProgress, toggleOption, visibleQuestions } from '../rules.ts';
import type { Demarche, OrientationAnswers, Product } from '../types.ts';
import { PageTitle, useProductHead } from '../ui/head.tsx';

function Question({ q, answers, productId }: { q: OrientationQuestion; answers: OrientationAnswers; productId: number }): JSX.Element {
  const id = `orientation-q${q.id.replace('.', '-')}`;
  const label = `${q.number}. ${q.title} *`;
  const value = answers[q.id];
  const sub = q.revealedBy ? ' sub' : '';
  if (q.type === 'text') {
    return (
      <div class={`question field${sub}`}>
        <label for={id}>{label}</label>
        <input id={id} type="text" value={typeof value === 'string' ? value : ''} placeholder={q.placeholder} required onInput={(e) => setOrientationAnswer(productId, q.id, e.currentTarget.value)} />
      </div>
    );
  }
  // Piège voulu (comme bien des vraies pages) : chaque case calcule la nouvelle liste à partir de `list`,
  // celle du DERNIER RENDU, pas de l'état courant. Deux clics dans la même tâche, sans rendu entre eux,
  // perdent le premier : seul le second est enregistré. Une personne, elle, laisse toujours la page se rendre.
  const list = Array.isArray(value) ? value : [];
  return (
    <fieldset class={`question${sub}`} id={id}>
      <legend>{label}</legend>
      {q.options?.map((o) => (
        <label key={o}>
          {q.type === 'radio' ? (
            <input type="radio" name={id} value={o} checked={value === o} onChange={() => setOrientationAnswer(productId, q.id, o)} />
          ) : (
            <input type="checkbox" name={id} value={o} checked={list.includes(o)} onChange={(e) => setOrientationAnswer(productId, q.id, toggleOption(list, o, e.currentTarget.checked, q.exclusive))} />
          )}{' '}
          {o}
        </label>
      ))}
    </fieldset>
  );
}

/** Questionnaire d'orientation (étape 5.2). */
export function Orientation({ p, d, style }: { p: Product; d: Demarche; style: 'a' | 'b' }): JSX.Element {
  const base = `/produits/${p.id}/demarches/mes`;
  const answers = d.orientation.answers;
  const vis = visibleQuestions(answers);
  const prog = orientationProgress(answers);
  const [errors, setErrors] = useState<string[]>([]);
  const [msg, setMsg] = useState<string | null>(null);
  const head = useProductHead(p, 'questionnaire', "Questionnaire d'orientation");
  return (
    <div class="page">
      <Breadcrumb items={head.crumbs({ label: 'Questionnaires', href: `${base}/questionnaires` }, { label: "Questionnaire d'orientation" })} />
      <PageTitle head={head}>Questionnaire d'orientation</PageTitle>
      <div class="with-panel">
        <div class="main-col">
          <section class="info-box" aria-labelledby="orientation-infos">
            <h2 id="orientation-infos">Informations importantes</h2>
            <p>
              Pour évaluer la conformité de votre produit aux critères du Référencement au catalogue de services de Mon espace santé, vous devez préalablement compléter un questionnaire d'orientation. Ce questionnaire d'orientation est dynamique : des questions complémentaires et à renseigner obligatoirement peuvent s'afficher au fil de la complétion que vous en faites.
            </p>
          </section>
          {d.whiteLabel.role === 'distributeur' && <p class="hint">Les réponses au questionnaire d'orientation sont propres à chaque solution : elles ne sont pas partagées avec l'éditeur producteur.</p>}
          <p>Les champs obligatoires sont signalés par un astérisque *</p>
          {msg && <Alert kind="success">{msg}</Alert>}
          {errors.length > 0 && <Alert kind="error" title="Le questionnaire d'orientation ne peut pas être validé. Questions obligatoires non renseignées :" items={errors} />}
          {ORIENTATION_HEADINGS.map((h) => {
            const qs = vis.filter((q) => q.heading === h);
            if (!qs.length) return null;
            return (
              <section key={h} aria-labelledby={`h-${h}`} class="form-section">
                <h2 id={`h-${h}`}>{h}</h2>
                {qs.map((q) => (
                  <Question key={q.id} q={q} answers={answers} productId={p.id} />
                ))}
              </section>
            );
          })}
          <FooterButtons
            style={style}
            onRetour={() => navigate(`${base}/questionnaires`)}
            onBrouillon={() => {
              orientationButton(p.id, 'brouillon');
              setErrors([]);
              setMsg('Votre brouillon a été enregistré.');
            }}
            onDemande={() => {
              orientationButton(p.id, 'demande');
              setErrors([]);
              setMsg('Votre demande de validation a été enregistrée.');
            }}
            onValider={() => {
              const e = orientationButton(p.id, 'valider');
              setErrors(e);
              setMsg(null);
              if (!e.length) {
                setFlash("Le questionnaire d'orientation a été validé. Les questionnaires applicables à votre produit sont disponibles.");
                navigate(`${base}/questionnaires`);
              } else window.scrollTo(0, 0);
            }}
          />
        </div>
        <ProgressPanel
          sentence="L'évaluation « Questionnaire d'orientation » est complétée à"
          percent={prog.percent}
          count={`${prog.answered}/${prog.total} questions obligatoires répondues`}
          remaining={prog.remaining}
        />
      </div>
    </div>
  );
}
