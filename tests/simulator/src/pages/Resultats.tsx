import type { JSX } from 'preact';
import { Link } from '../router.tsx';
import { Alert, Breadcrumb } from '../ui/common.tsx';
import { QUESTIONNAIRE_TITLES, depositQuestionnaire, levelQuestionnaire } from '../data/index.ts';
import type { QuestionnaireKey } from '../data/types.ts';
import { applicableEthique, applicableLevelCriteria, ethiqueKey, formatDate, formatTime, isLevelAcceptable, levelLabel, minimumText, questionnaireAttained } from '../rules.ts';
import type { Demarche, Product } from '../types.ts';
import { PageTitle, useProductHead } from '../ui/head.tsx';

/** Résultats de l'évaluation (étape 7.2) : un tableau au lieu du graphe radial. */
export function Resultats({ p, d, k }: { p: Product; d: Demarche; k: QuestionnaireKey }): JSX.Element {
  const base = `/produits/${p.id}/demarches/mes`;
  const q = d.questionnaires[k];
  const v = q.validated;
  const o = d.orientation.validatedAnswers;
  const title = QUESTIONNAIRE_TITLES[k];
  const head = useProductHead(p, 'questionnaire', `Résultats de l'évaluation : ${title}`);
  const draft = q.modifiedSinceValidation || q.status === 'brouillon' ? q : null;
  let rows: JSX.Element[];
  if (k === 'interoperabilite' || k === 'urbanisation' || k === 'maturite-securite') {
    // Section complémentaire : affichée si la réponse validée ou en cours la révèle.
    const def = levelQuestionnaire(k, d.grand);
    const shown = new Set([...applicableLevelCriteria(def, o, v?.answers), ...applicableLevelCriteria(def, o, draft?.answers)]);
    rows = def.criteria.filter((c) => shown.has(c)).map((c) => {
      const a = v?.answers[c.id];
      const dr = draft?.answers[c.id];
      return (
        <tr key={c.id}>
          <th scope="row">{c.id}</th>
          <td>{c.title}</td>
          <td>{c.nature}</td>
          <td>{minimumText(c)}</td>
          <td>{a?.level ? levelLabel(a.level, c.wording) : '—'}</td>
          <td>{dr?.level ? levelLabel(dr.level, c.wording) : '—'}</td>
          <td>{c.nature === 'Option' ? '—' : isLevelAcceptable(c, a?.level) ? 'Atteint' : 'Non atteint'}</td>
        </tr>
      );
    });
  } else if (k === 'ethique') {
    rows = applicableEthique(o).map((c) => {
      const a = v?.answers[c.id];
      const n = c.evidence.reduce((s, ev) => s + (v?.files[ethiqueKey(c.id, ev.id)]?.length ?? 0), 0);
      return (
        <tr key={c.id}>
          <th scope="row">{c.id}</th>
          <td>{c.title}</td>
          <td>{c.nature}</td>
          <td>{n} preuve(s)</td>
          <td>{a?.conformite ?? '—'}</td>
          <td>{draft?.answers[c.id]?.conformite ?? '—'}</td>
          <td>{c.nature === 'Option' ? '—' : a?.conformite === 'Conforme' ? 'Atteint' : 'Non atteint'}</td>
        </tr>
      );
    });
  } else {
    rows = depositQuestionnaire(k).zones.map((z) => (
      <tr key={z.id}>
        <th scope="row">{z.id}</th>
        <td>{z.title}</td>
        <td>Obligation</td>
        <td>—</td>
        <td>{(v?.files[z.id] ?? []).map((f) => f.name).join(', ') || '—'}</td>
        <td>—</td>
        <td>{(v?.files[z.id]?.length ?? 0) > 0 ? 'Atteint' : 'Non atteint'}</td>
      </tr>
    ));
  }
  const lvl = k === 'interoperabilite' || k === 'urbanisation' || k === 'maturite-securite';
  return (
    <div class="page">
      <Breadcrumb items={head.crumbs({ label: 'Questionnaires', href: `${base}/questionnaires` }, { label: `Résultats de l'évaluation : ${title}` })} />
      <PageTitle head={head}>Résultats de l'évaluation : {title}</PageTitle>
      {!v ? (
        <Alert kind="info">Ce questionnaire n'a pas encore été validé.</Alert>
      ) : (
        <p>
          Dernière réponse validée le {formatDate(v.at)} à {formatTime(v.at)} — Niveau d'auto-évaluation : <strong>{questionnaireAttained(k, o, v, d.grand) ? 'Atteint' : 'Non atteint'}</strong>
        </p>
      )}
      <table class="table">
        <caption>Résultats par critère (dernière réponse validée et dernier brouillon enregistré)</caption>
        <thead>
          <tr>
            <th scope="col">Identifiant</th>
            <th scope="col">Critère</th>
            <th scope="col">Nature</th>
            <th scope="col">{lvl ? 'Niveau minimum requis' : 'Preuves'}</th>
            <th scope="col">Dernière réponse validée</th>
            <th scope="col">Dernier brouillon</th>
            <th scope="col">Résultat</th>
          </tr>
        </thead>
        <tbody>{rows}</tbody>
      </table>
      <h2>Recommandations</h2>
      <p>Pour chaque critère obligatoire non atteint, la plateforme propose des recommandations pour atteindre le niveau minimum requis (textes non reproduits par le simulateur).</p>
      <h2>Historique des réponses validées</h2>
      {q.history.length ? (
        <ul>
          {q.history.map((h) => (
            <li key={h}>
              Réponse validée le {formatDate(h)} à {formatTime(h)}
            </li>
          ))}
        </ul>
      ) : (
        <p>Aucune réponse validée.</p>
      )}
      <Link href={`${base}/questionnaires`} class="btn secondary">
        Retour
      </Link>
    </div>
  );
}
