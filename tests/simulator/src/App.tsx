import type { JSX } from 'preact';
import { match, usePath } from './router.tsx';
import { useSim } from './store.ts';
import { Layout } from './ui/Layout.tsx';
import { DisplayContext } from './ui/head.tsx';
import { displayOf } from './display.ts';
import { depositQuestionnaire, isLevelKey, isQuestionnaireKey, levelQuestionnaire } from './data/index.ts';
import { producerData, whiteLabelContext } from './rules.ts';
import type { Product, SimState } from './types.ts';
import { Dashboard, NotSimulated, Parcours, ProductList } from './pages/Accueil.tsx';
import { NewDemarche, ProductForm, ProductRecap, ProductSheet } from './pages/Produit.tsx';
import { Convention, DemarchePage, FicheAdmin } from './pages/Demarche.tsx';
import { QuestionnaireList } from './pages/Liste.tsx';
import { Orientation } from './pages/Orientation.tsx';
import { LevelQuestionnaire } from './pages/Niveaux.tsx';
import { Ethique } from './pages/Ethique.tsx';
import { DepotQuestionnaire } from './pages/Depot.tsx';
import { Resultats } from './pages/Resultats.tsx';
import { DossierDetail, Dossiers } from './pages/Dossiers.tsx';
import { Notifications } from './pages/Notifications.tsx';

function NotFound({ what }: { what: string }): JSX.Element {
  return (
    <div class="page">
      <h1>Page introuvable</h1>
      <p>{what}</p>
      <p>
        <a href="/tableau-de-bord">Retour au tableau de bord</a>
      </p>
    </div>
  );
}

function DemarcheRoutes({ s, p, rest }: { s: SimState; p: Product; rest: string }): JSX.Element {
  const d = p.demarche;
  if (!d) return <NotFound what={`Le produit ${p.id} n'est pas rattaché à la démarche Référencement Mon espace santé guidé.`} />;
  const style = s.style;
  if (rest === '') return <DemarchePage p={p} d={d} />;
  if (rest === '/fiche-administrative') return <FicheAdmin key="fiche" p={p} d={d} recap={false} />;
  if (rest === '/fiche-administrative/recapitulatif') return <FicheAdmin key="recap" p={p} d={d} recap />;
  if (rest === '/convention') return <Convention p={p} d={d} />;
  if (rest === '/questionnaires') return <QuestionnaireList s={s} p={p} d={d} />;
  if (rest === '/questionnaires/orientation') return <Orientation p={p} d={d} style={style} />;
  if (rest === '/dossiers') return <Dossiers p={p} d={d} />;
  const dm = match('/dossiers/:ref', rest);
  if (dm) return <DossierDetail p={p} d={d} dossierRef={dm.ref ?? ''} />;
  const rm = match('/questionnaires/:q/resultats', rest);
  if (rm && isQuestionnaireKey(rm.q ?? '')) return <Resultats p={p} d={d} k={rm.q as never} />;
  const qm = match('/questionnaires/:q', rest);
  const key = qm?.q ?? '';
  if (qm && isQuestionnaireKey(key)) {
    if (d.convention !== 'validee' || !d.orientation.validatedAnswers) {
      return <NotFound what="Ce questionnaire n'est pas encore accessible : la convention doit être validée et le questionnaire d'orientation validé." />;
    }
    const ctx = whiteLabelContext(s, p);
    const pd = producerData(s, p, key);
    if (isLevelKey(key)) {
      return <LevelQuestionnaire key={key} p={p} d={d} def={levelQuestionnaire(key, d.grand)} style={style} role={ctx.role} producerAnswers={pd?.answers} />;
    }
    if (key === 'ethique') return <Ethique p={p} d={d} style={style} role={ctx.role} producerAnswers={pd?.answers} producerFiles={pd?.files} />;
    return <DepotQuestionnaire key={key} p={p} d={d} def={depositQuestionnaire(key)} style={style} />;
  }
  return <NotFound what={`Aucune page à l'adresse ${rest}.`} />;
}

export function App(): JSX.Element {
  const s = useSim();
  const path = usePath();
  const pm = /^\/produits\/(\d+)(\/.*)?$/.exec(path);
  const productId = pm ? Number(pm[1]) : null;
  let page: JSX.Element;
  if (path === '/' || path === '/tableau-de-bord') page = <Dashboard />;
  else if (path === '/parcours/mon-espace-sante') page = <Parcours s={s} />;
  else if (path === '/parcours/doctrine') page = <NotSimulated title="Doctrine du Numérique en Santé" />;
  else if (path === '/parcours/segur') page = <NotSimulated title="Ségur du Numérique en Santé" />;
  else if (path === '/parcours/certification-dmn') page = <NotSimulated title="Certification de conformité des dispositifs médicaux numériques" />;
  else if (path === '/produits') page = <ProductList s={s} />;
  else if (path === '/produits/nouveau') page = <ProductForm s={s} />;
  else if (path === '/produits/nouveau/recapitulatif') page = <ProductRecap s={s} />;
  else if (path === '/notifications') page = <Notifications s={s} />;
  else if (pm) {
    const p = s.products.find((x) => x.id === productId);
    const rest = pm[2] ?? '';
    if (!p) page = <NotFound what={`Le produit ${productId} n'existe pas dans ce scénario.`} />;
    else if (rest === '') page = <ProductSheet p={p} />;
    else if (rest === '/nouvelle-demarche/mon-espace-sante') page = <NewDemarche s={s} p={p} modal={false} />;
    else if (rest === '/nouvelle-demarche/mon-espace-sante/marque-blanche') page = <NewDemarche s={s} p={p} modal />;
    else if (rest.startsWith('/demarches/mes')) page = <DemarcheRoutes s={s} p={p} rest={rest.slice('/demarches/mes'.length)} />;
    else page = <NotFound what={`Aucune page à l'adresse ${path}.`} />;
  } else page = <NotFound what={`Aucune page à l'adresse ${path}.`} />;
  return (
    <DisplayContext.Provider value={{ display: displayOf(s.display), style: s.style }}>
      <Layout s={s} path={path} productId={productId}>
        <div key={path}>{page}</div>
      </Layout>
    </DisplayContext.Provider>
  );
}
