/** Éléments partagés des questionnaires d'évaluation (niveaux et Éthique) : marque blanche, spécificité. */
import type { JSX } from 'preact';
import type { QuestionnaireKey } from '../data/types.ts';
import { setCriterion, takeProducerAnswer } from '../actions.ts';
import type { CriterionAnswer, Style } from '../types.ts';

export const domId = (id: string) => id.replace(/[^A-Za-z0-9]/g, '-');

export function Specificite(props: { style: Style; productId: number; qkey: QuestionnaireKey; critId: string; answer?: CriterionAnswer }): JSX.Element {
  const { style, productId, qkey, critId, answer } = props;
  const base = `spec-${domId(critId)}`;
  const legend = 'Cette réponse est-elle spécifique à chaque solution des éditeurs distributeurs ? *';
  const opts = (['Oui', 'Non'] as const).map((v) =>
    style === 'b' ? (
      <span class="opt" key={v}>
        <input type="radio" id={`${base}-${v}`} name={base} checked={answer?.specificite === v} onChange={() => setCriterion(productId, qkey, critId, { specificite: v })} />
        <label for={`${base}-${v}`}>{v}</label>
      </span>
    ) : (
      <label key={v}>
        <input type="radio" name={base} checked={answer?.specificite === v} onChange={() => setCriterion(productId, qkey, critId, { specificite: v })} /> {v}
      </label>
    ),
  );
  return style === 'b' ? (
    <div class="specificite">
      <p id={`${base}-q`}>Question de spécificité : {legend}</p>
      <div role="radiogroup" aria-labelledby={`${base}-q`} class="inline">
        {opts}
      </div>
    </div>
  ) : (
    <fieldset class="specificite inline">
      <legend>{legend}</legend>
      {opts}
      <p class="hint">« Oui » : chaque éditeur distributeur devra répondre par lui-même. « Non » : l'éditeur distributeur pourra récupérer votre réponse et vos preuves (qui resteront confidentielles).</p>
    </fieldset>
  );
}

export function DistributorBox(props: {
  productId: number; qkey: QuestionnaireKey; critId: string; answer?: CriterionAnswer; producerAnswer?: CriterionAnswer; style: Style;
}): JSX.Element | null {
  const { producerAnswer: pa, answer } = props;
  if (!pa) return null;
  if (pa.specificite === 'Oui') {
    return (
      <p class="distributor-box">
        L'éditeur producteur a indiqué que la réponse à ce critère est spécifique à chaque solution : vous devez répondre par vous-même à ce critère.
      </p>
    );
  }
  return (
    <div class="distributor-box">
      {answer?.fromProducer ? (
        <p>
          <strong>Réponse récupérée de l'éditeur producteur.</strong> Vous pouvez la conserver ou répondre par vous-même.
        </p>
      ) : (
        <p>Vous pouvez répondre par vous-même à ce critère ou récupérer la réponse de l'éditeur producteur (ses preuves resteront confidentielles).</p>
      )}
      {!answer?.fromProducer &&
        (props.style === 'b' ? (
          <a
            href="#"
            role="button"
            class="btn small secondary"
            onClick={(e) => {
              e.preventDefault();
              takeProducerAnswer(props.productId, props.qkey, props.critId);
            }}
          >
            Récupérer la réponse de l'éditeur producteur
          </a>
        ) : (
          <button type="button" class="btn small secondary" onClick={() => takeProducerAnswer(props.productId, props.qkey, props.critId)}>
            Récupérer la réponse de l'éditeur producteur
          </button>
        ))}
    </div>
  );
}
