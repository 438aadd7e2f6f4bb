import type { JSX } from 'preact';
import { memo } from 'preact/compat';
import { useEffect, useRef, useState } from 'preact/hooks';
import { navigate } from '../router.tsx';
import { Alert, Breadcrumb, FooterButtons, setFlash } from '../ui/common.tsx';
import type { LevelCriterion, LevelKey, LevelQuestionnaireDef, LevelWording } from '../data/types.ts';
import { LEVEL_ORDER } from '../data/types.ts';
import { questionnaireButton, setCriterion, validateComment } from '../actions.ts';
import { acceptableLevels, applicableLevelCriteria, levelConditionText, levelLabel, levelProgress, minimumText } from '../rules.ts';
import type { CriterionAnswer, Demarche, Product, Style } from '../types.ts';
import { PageTitle, useProductHead } from '../ui/head.tsx';
import { DistributorBox, Specificite, domId } from './Criteres.tsx';

const flip = (w: LevelWording): LevelWording => (w === 'niveau' ? 'maturite' : 'niveau');

interface CritProps {
  c: LevelCriterion;
  index: number;
  style: Style;
  productId: number;
  qkey: LevelQuestionnaireDef['key'];
  answer?: CriterionAnswer;
  role?: 'producteur' | 'distributeur';
  producerAnswer?: CriterionAnswer;
  readOnly: boolean;
  /** grand questionnaire : commentaire vérifié à la sortie du champ */
  commentCheck: boolean;
  commentError?: string;
}

/** Les réponses sont recopiées à chaque mise à jour du magasin : comparaison par valeur. */
export function sameAnswer(a?: CriterionAnswer, b?: CriterionAnswer): boolean {
  if (a === b) return true;
  if (!a || !b) return false;
  return a.level === b.level && a.conformite === b.conformite && a.comment === b.comment && a.specificite === b.specificite && a.fromProducer === b.fromProducer;
}
function sameCritProps(a: CritProps, b: CritProps): boolean {
  return a.c === b.c && a.index === b.index && a.style === b.style && a.role === b.role && a.readOnly === b.readOnly && a.productId === b.productId
    && a.commentCheck === b.commentCheck && a.commentError === b.commentError && sameAnswer(a.answer, b.answer) && sameAnswer(a.producerAnswer, b.producerAnswer);
}

/**
 * Sortie du champ commentaire (grand questionnaire). Piège voulu, bogue courant des vraies pages : la
 * vérification lit le commentaire reçu au DERNIER RENDU (props), pas `e.currentTarget.value`. Une
 * personne quitte le champ bien après le rendu de sa saisie ; un script qui saisit puis quitte le champ
 * dans la même tâche fait vérifier l'ancien commentaire et laisse une erreur périmée dans l'état.
 */
function commentBlur(p: CritProps): (() => void) | undefined {
  if (!p.commentCheck) return undefined;
  const rendered = p.answer?.comment ?? '';
  return () => validateComment(p.productId, p.qkey, p.c.id, rendered);
}

/** Erreur du commentaire, sous le champ, reliée par aria-describedby. */
function CommentError({ id, msg }: { id: string; msg?: string }): JSX.Element | null {
  return msg ? (
    <p class="field-error" id={id}>
      {msg}
    </p>
  ) : null;
}

function MinimumDisplay({ c, wording }: { c: LevelCriterion; wording: LevelWording }): JSX.Element {
  return <p class={`minimum${c.minimum.kind === 'none' ? '' : ' required'}`}>{minimumText(c, wording)}</p>;
}

const CriterionA = memo(function CriterionA(props: CritProps): JSX.Element {
  const { c, productId, qkey, answer } = props;
  const id = domId(c.id);
  const acc = c.minimum.kind === 'acceptable' ? acceptableLevels(c) : [];
  const levels = LEVEL_ORDER.filter((k) => c.levels[k] !== undefined);
  return (
    <article class="criterion" aria-labelledby={`crit-${id}`}>
      <p class={`nature ${c.nature === 'Obligation' ? 'obl' : 'opt'}`}>{c.nature}</p>
      <h3 id={`crit-${id}`}>
        {c.id} {c.title}
      </h3>
      <h4>Objectif du critère</h4>
      <p>{c.objectif}</p>
      <h4>Conditions d'affichage</h4>
      <p>{levelConditionText(c)}</p>
      <MinimumDisplay c={c} wording={c.wording} />
      <fieldset class="levels" disabled={props.readOnly}>
        <legend>Sélectionnez le niveau de maturité de votre produit</legend>
        {levels.map((k: LevelKey) => (
          <label key={k} class={acc.includes(k) ? 'acceptable' : ''}>
            <input type="radio" name={`niveau-${id}`} value={k} checked={answer?.level === k} onChange={() => setCriterion(productId, qkey, c.id, { level: k })} />{' '}
            {acc.includes(k) && <span class="check" title="Niveau acceptable">✓ </span>}
            <strong>{levelLabel(k, c.wording)}</strong> : {c.levels[k]}
          </label>
        ))}
      </fieldset>
      {props.role === 'producteur' && <Specificite style="a" productId={productId} qkey={qkey} critId={c.id} answer={answer} />}
      {props.role === 'distributeur' && <DistributorBox style="a" productId={productId} qkey={qkey} critId={c.id} answer={answer} producerAnswer={props.producerAnswer} />}
      <div class="field">
        <label for={`commentaire-${id}`}>Commentaire</label>
        <textarea
          id={`commentaire-${id}`}
          rows={3}
          value={answer?.comment ?? ''}
          readOnly={props.readOnly}
          aria-invalid={props.commentError ? true : undefined}
          aria-describedby={props.commentError ? `commentaire-${id}-erreur` : undefined}
          onInput={(e) => setCriterion(productId, qkey, c.id, { comment: e.currentTarget.value })}
          onBlur={commentBlur(props)}
        />
        <CommentError id={`commentaire-${id}-erreur`} msg={props.commentError} />
      </div>
    </article>
  );
}, sameCritProps);

const CriterionB = memo(function CriterionB(props: CritProps): JSX.Element {
  const { c, productId, qkey, answer } = props;
  const id = domId(c.id);
  const w = flip(c.wording);
  const acc = c.minimum.kind === 'acceptable' ? acceptableLevels(c) : [];
  const levels = LEVEL_ORDER.filter((k) => c.levels[k] !== undefined);
  const ariaOnly = props.index % 3 === 2;
  return (
    <div role="group" class="criterion b" aria-labelledby={`b-${id}-id b-${id}-titre`}>
      <div class="crit-head">
        <span id={`b-${id}-id`} class="crit-id">
          {c.id}
        </span>{' '}
        <strong id={`b-${id}-titre`}>{c.title}</strong> <span class={`badge ${c.nature === 'Obligation' ? 'obl' : 'opt'}`}>{c.nature}</span>
      </div>
      <dl class="crit-meta">
        <dt>Objectif du critère</dt>
        <dd>{c.objectif}</dd>
        <dt>Conditions d'affichage</dt>
        <dd>{levelConditionText(c)}</dd>
      </dl>
      <MinimumDisplay c={c} wording={w} />
      <p id={`b-${id}-q`} class="levels-q">
        Sélectionnez le niveau de maturité de votre produit
      </p>
      <div role="radiogroup" aria-labelledby={`b-${id}-q`} class="levels b">
        {levels.map((k) => {
          const rid = `b-${id}-niv-${k}`;
          const name = levelLabel(k, w);
          return (
            <div key={k} class={`opt${acc.includes(k) ? ' acceptable' : ''}`}>
              {ariaOnly ? (
                <>
                  <input type="radio" id={rid} name={`b-niveau-${id}`} aria-label={name} checked={answer?.level === k} disabled={props.readOnly} onChange={() => setCriterion(productId, qkey, c.id, { level: k })} />
                  <span class="opt-text">
                    {acc.includes(k) ? '✓ ' : ''}
                    <b>{name}</b> — {c.levels[k]}
                  </span>
                </>
              ) : (
                <>
                  <input type="radio" id={rid} name={`b-niveau-${id}`} checked={answer?.level === k} disabled={props.readOnly} onChange={() => setCriterion(productId, qkey, c.id, { level: k })} />
                  <label for={rid}>
                    {acc.includes(k) ? '✓ ' : ''}
                    <b>{name}</b> — {c.levels[k]}
                  </label>
                </>
              )}
            </div>
          );
        })}
      </div>
      {props.role === 'producteur' && <Specificite style="b" productId={productId} qkey={qkey} critId={c.id} answer={answer} />}
      {props.role === 'distributeur' && <DistributorBox style="b" productId={productId} qkey={qkey} critId={c.id} answer={answer} producerAnswer={props.producerAnswer} />}
      <div class="comment-b">
        <span class="comment-label" aria-hidden="true">
          Commentaire
        </span>
        <textarea
          aria-label={`Commentaire du critère ${c.id}`}
          rows={3}
          value={answer?.comment ?? ''}
          readOnly={props.readOnly}
          aria-invalid={props.commentError ? true : undefined}
          aria-describedby={props.commentError ? `b-${id}-commentaire-erreur` : undefined}
          onInput={(e) => setCriterion(productId, qkey, c.id, { comment: e.currentTarget.value })}
          onBlur={commentBlur(props)}
        />
        <CommentError id={`b-${id}-commentaire-erreur`} msg={props.commentError} />
      </div>
    </div>
  );
}, sameCritProps);

/** Questionnaire d'évaluation à niveaux : Interopérabilité, Urbanisation, Maturité Sécurité (étape 6.2). */
export function LevelQuestionnaire(props: {
  p: Product; d: Demarche; def: LevelQuestionnaireDef; style: Style; role?: 'producteur' | 'distributeur';
  producerAnswers?: Record<string, CriterionAnswer>;
}): JSX.Element {
  const { p, d, def, style } = props;
  const base = `/produits/${p.id}/demarches/mes`;
  const q = d.questionnaires[def.key];
  const orientation = d.orientation.validatedAnswers;
  // Section complémentaire (grand questionnaire) : révélée par une réponse de la page, mais rendue
  // un rendu PLUS TARD (effet puis état), comme une section chargée après coup ; elle ne compte dans
  // l'avancement qu'une fois affichée. Un script qui relit la page dans la même tâche ne la voit pas.
  const revealedNow = applicableLevelCriteria(def, orientation, q.answers);
  const revealedKey = revealedNow.filter((c) => c.revealedBy).map((c) => c.id).join(' ');
  const [revealedShown, setRevealedShown] = useState('');
  useEffect(() => setRevealedShown(revealedKey), [revealedKey]);
  const shownIds = new Set(revealedShown.split(' '));
  const crits = revealedNow.filter((c) => !c.revealedBy || shownIds.has(c.id));
  const prog = levelProgress(crits, q.answers);
  const commentCheck = d.grand && def.key === 'interoperabilite';
  const [errors, setErrors] = useState<string[]>([]);
  const [msg, setMsg] = useState<string | null>(null);
  const alertRef = useRef<HTMLDivElement>(null);
  const attachedPending = props.role === 'distributeur' && d.whiteLabel.attachment === 'en-attente';
  const head = useProductHead(p, 'questionnaire', `Questionnaire d'évaluation : ${def.title}`);
  let index = 0;
  return (
    <div class="page">
      <Breadcrumb items={head.crumbs({ label: 'Questionnaires', href: `${base}/questionnaires` }, { label: `Questionnaire d'évaluation : ${def.title}` })} />
      <PageTitle head={head}>Questionnaire d'évaluation : {def.title}</PageTitle>
      {attachedPending && <Alert kind="info">Votre demande de rattachement est en attente d'acceptation par l'éditeur producteur : les critères sont affichés pour information.</Alert>}
      <div class="q-progress" role="status">
        <p>
          Critère « {def.title} » est complété à <strong>{prog.percent}%</strong>
        </p>
        <div class="bar" aria-hidden="true">
          <div style={{ width: `${prog.percent}%` }} />
        </div>
        <p>
          {prog.done}/{prog.total} critères évalués
        </p>
      </div>
      {msg && <Alert kind="success">{msg}</Alert>}
      {def.sections.map((sec) => {
        const list = crits.filter((c) => c.section === sec.id);
        if (!list.length) return null;
        return (
          <section key={sec.id} class="q-section" aria-labelledby={`sec-${domId(sec.id)}`}>
            <h2 id={`sec-${domId(sec.id)}`}>{sec.title}</h2>
            <p class="section-intro">{sec.intro}</p>
            {list.map((c) => {
              const P = style === 'b' ? CriterionB : CriterionA;
              return (
                <P
                  key={c.id}
                  c={c}
                  index={index++}
                  style={style}
                  productId={p.id}
                  qkey={def.key}
                  answer={q.answers[c.id]}
                  role={props.role}
                  producerAnswer={props.producerAnswers?.[c.id]}
                  readOnly={attachedPending}
                  commentCheck={commentCheck}
                  commentError={commentCheck ? q.commentErrors?.[c.id] : undefined}
                />
              );
            })}
          </section>
        );
      })}
      <div ref={alertRef} tabIndex={-1}>
        {errors.length > 0 && <Alert kind="error" title="Le questionnaire ne peut pas être validé. Critères incomplets :" items={errors} />}
      </div>
      <FooterButtons
        style={style}
        disabled={attachedPending}
        onRetour={() => navigate(`${base}/questionnaires`)}
        onBrouillon={() => {
          questionnaireButton(p.id, def.key, 'brouillon');
          setErrors([]);
          setMsg('Votre brouillon a été enregistré.');
        }}
        onDemande={() => {
          questionnaireButton(p.id, def.key, 'demande');
          setErrors([]);
          setMsg('Votre demande de validation a été enregistrée. Un membre de votre entreprise pourra vérifier vos saisies.');
        }}
        onValider={() => {
          const e = questionnaireButton(p.id, def.key, 'valider');
          setErrors(e);
          setMsg(null);
          if (!e.length) {
            setFlash(`Le questionnaire « ${def.title} » a été validé.`);
            navigate(`${base}/questionnaires`);
          } else setTimeout(() => alertRef.current?.focus(), 0);
        }}
      />
    </div>
  );
}
