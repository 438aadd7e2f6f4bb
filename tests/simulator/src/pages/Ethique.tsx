import type { JSX } from 'preact';
import { useRef, useState } from 'preact/hooks';
import { navigate } from '../router.tsx';
import { Alert, Breadcrumb, FileZone, FooterButtons, setFlash } from '../ui/common.tsx';
import { ETHIQUE } from '../data/ethique.ts';
import type { EthiqueCriterion } from '../data/types.ts';
import { addFiles, archiveFile, questionnaireButton, setCriterion } from '../actions.ts';
import { applicableEthique, conditionText, ethiqueKey, questionnaireProgress } from '../rules.ts';
import type { CriterionAnswer, Demarche, FileEntry, Product, QuestionnaireState, Style } from '../types.ts';
import { PageTitle, useProductHead } from '../ui/head.tsx';
import { DistributorBox, Specificite, domId } from './Criteres.tsx';

const CONF = ['Conforme', 'Non conforme'] as const;

function EthiqueCriterionView(props: {
  c: EthiqueCriterion; style: Style; p: Product; q: QuestionnaireState; role?: 'producteur' | 'distributeur';
  producerAnswer?: CriterionAnswer; producerFiles?: Record<string, FileEntry[]>; readOnly: boolean;
}): JSX.Element {
  const { c, style, p, q } = props;
  const a = q.answers[c.id];
  const id = domId(c.id);
  const b = style === 'b';
  const radios = b ? (
    <>
      <p id={`eth-${id}-q`}>Votre produit est-il conforme à ce critère ? *</p>
      <div role="radiogroup" aria-labelledby={`eth-${id}-q`} class="inline">
        {CONF.map((v) => (
          <span class="opt" key={v}>
            <input type="radio" name={`b-conf-${id}`} aria-label={v} checked={a?.conformite === v} disabled={props.readOnly} onChange={() => setCriterion(p.id, 'ethique', c.id, { conformite: v })} />
            <span aria-hidden="true"> {v}</span>
          </span>
        ))}
      </div>
    </>
  ) : (
    <fieldset class="inline" disabled={props.readOnly}>
      <legend>Votre produit est-il conforme à ce critère ? *</legend>
      {CONF.map((v) => (
        <label key={v}>
          <input type="radio" name={`conf-${id}`} value={v} checked={a?.conformite === v} onChange={() => setCriterion(p.id, 'ethique', c.id, { conformite: v })} /> {v}
        </label>
      ))}
    </fieldset>
  );
  const zones = c.evidence.map((ev) => {
    const key = ethiqueKey(c.id, ev.id);
    const prodCount = a?.fromProducer ? (props.producerFiles?.[key]?.length ?? 0) : 0;
    return (
      <FileZone
        key={key}
        title={`${ev.label} (${c.id})`}
        description={a?.conformite === 'Conforme' ? 'Au moins une preuve de ce type est attendue pour un critère « Conforme ».' : 'Type de preuve attendu si le critère est « Conforme ».'}
        files={q.files[key] ?? []}
        archived={q.archived[key] ?? []}
        disabled={props.readOnly}
        producerCount={prodCount}
        onFiles={(f) => addFiles(p.id, 'ethique', key, f)}
        onArchive={(i) => archiveFile(p.id, 'ethique', key, i)}
      />
    );
  });
  const comment = b ? (
    <textarea aria-label={`Commentaire du critère ${c.id}`} rows={3} value={a?.comment ?? ''} readOnly={props.readOnly} onInput={(e) => setCriterion(p.id, 'ethique', c.id, { comment: e.currentTarget.value })} />
  ) : (
    <div class="field">
      <label for={`eth-commentaire-${id}`}>Commentaire</label>
      <textarea id={`eth-commentaire-${id}`} rows={3} value={a?.comment ?? ''} readOnly={props.readOnly} onInput={(e) => setCriterion(p.id, 'ethique', c.id, { comment: e.currentTarget.value })} />
    </div>
  );
  const body = (
    <>
      {b ? (
        <dl class="crit-meta">
          <dt>Objectif du critère</dt>
          <dd>{c.objectif}</dd>
          <dt>Conditions d'affichage</dt>
          <dd>{conditionText(c.condition)}</dd>
        </dl>
      ) : (
        <>
          <h4>Objectif du critère</h4>
          <p>{c.objectif}</p>
          <h4>Conditions d'affichage</h4>
          <p>{conditionText(c.condition)}</p>
        </>
      )}
      {radios}
      {props.role === 'producteur' && <Specificite style={style} productId={p.id} qkey="ethique" critId={c.id} answer={a} />}
      {props.role === 'distributeur' && <DistributorBox style={style} productId={p.id} qkey="ethique" critId={c.id} answer={a} producerAnswer={props.producerAnswer} />}
      {comment}
      <p class="zones-title">Preuves attendues ({c.evidence.length} type{c.evidence.length > 1 ? 's' : ''} de preuve)</p>
      {zones}
    </>
  );
  return b ? (
    <div role="group" class="criterion b" aria-labelledby={`b-${id}-id b-${id}-titre`}>
      <div class="crit-head">
        <span id={`b-${id}-id`} class="crit-id">
          {c.id}
        </span>{' '}
        <strong id={`b-${id}-titre`}>{c.title}</strong> <span class={`badge ${c.nature === 'Obligation' ? 'obl' : 'opt'}`}>{c.nature}</span>
      </div>
      {body}
    </div>
  ) : (
    <article class="criterion" aria-labelledby={`crit-${id}`}>
      <p class={`nature ${c.nature === 'Obligation' ? 'obl' : 'opt'}`}>{c.nature}</p>
      <h3 id={`crit-${id}`}>
        {c.id} {c.title}
      </h3>
      {body}
    </article>
  );
}

/** Éthique Mon espace santé (étape 8.2). */
export function Ethique(props: {
  p: Product; d: Demarche; style: Style; role?: 'producteur' | 'distributeur';
  producerAnswers?: Record<string, CriterionAnswer>; producerFiles?: Record<string, FileEntry[]>;
}): JSX.Element {
  const { p, d, style } = props;
  const base = `/produits/${p.id}/demarches/mes`;
  const q = d.questionnaires.ethique;
  const orientation = d.orientation.validatedAnswers;
  const crits = applicableEthique(orientation);
  const prog = questionnaireProgress('ethique', orientation, q);
  const [errors, setErrors] = useState<string[]>([]);
  const [msg, setMsg] = useState<string | null>(null);
  const alertRef = useRef<HTMLDivElement>(null);
  const head = useProductHead(p, 'questionnaire', `Questionnaire d'évaluation : ${ETHIQUE.title}`);
  const pending = props.role === 'distributeur' && d.whiteLabel.attachment === 'en-attente';
  return (
    <div class="page">
      <Breadcrumb items={head.crumbs({ label: 'Questionnaires', href: `${base}/questionnaires` }, { label: `Questionnaire d'évaluation : ${ETHIQUE.title}` })} />
      <PageTitle head={head}>Questionnaire d'évaluation : {ETHIQUE.title}</PageTitle>
      <div class="q-progress" role="status">
        <p>
          L'évaluation « {ETHIQUE.title} » est complétée à <strong>{prog.percent}%</strong>
        </p>
        <div class="bar" aria-hidden="true">
          <div style={{ width: `${prog.percent}%` }} />
        </div>
        <p>
          {prog.done}/{prog.total} critères évalués
        </p>
      </div>
      <p class="hint">Pour valider le questionnaire, vous devez apporter une réponse à tous les critères et, pour tous les critères répondus « Conforme », charger au moins une preuve par type de preuve attendu.</p>
      {msg && <Alert kind="success">{msg}</Alert>}
      {ETHIQUE.sections.map((sec) => {
        const list = crits.filter((c) => c.section === sec.id);
        if (!list.length) return null;
        return (
          <section key={sec.id} class="q-section" aria-labelledby={`sec-${sec.id}`}>
            <h2 id={`sec-${sec.id}`}>{sec.title}</h2>
            <p class="section-intro">{sec.intro}</p>
            {list.map((c) => (
              <EthiqueCriterionView
                key={c.id}
                c={c}
                style={style}
                p={p}
                q={q}
                role={props.role}
                producerAnswer={props.producerAnswers?.[c.id]}
                producerFiles={props.producerFiles}
                readOnly={pending}
              />
            ))}
          </section>
        );
      })}
      <div ref={alertRef} tabIndex={-1}>
        {errors.length > 0 && <Alert kind="error" title="Le questionnaire ne peut pas être validé :" items={errors} />}
      </div>
      <FooterButtons
        style={style}
        disabled={pending}
        onRetour={() => navigate(`${base}/questionnaires`)}
        onBrouillon={() => {
          questionnaireButton(p.id, 'ethique', 'brouillon');
          setErrors([]);
          setMsg('Votre brouillon a été enregistré.');
        }}
        onDemande={() => {
          questionnaireButton(p.id, 'ethique', 'demande');
          setErrors([]);
          setMsg('Votre demande de validation a été enregistrée.');
        }}
        onValider={() => {
          const e = questionnaireButton(p.id, 'ethique', 'valider');
          setErrors(e);
          setMsg(null);
          if (!e.length) {
            setFlash(`Le questionnaire « ${ETHIQUE.title} » a été validé.`);
            navigate(`${base}/questionnaires`);
          } else setTimeout(() => alertRef.current?.focus(), 0);
        }}
      />
    </div>
  );
}
