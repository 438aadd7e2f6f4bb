import type { JSX } from 'preact';
import { useRef, useState } from 'preact/hooks';
import { navigate } from '../router.tsx';
import { Alert, Breadcrumb, Dialog, FileZone, FooterButtons, setFlash } from '../ui/common.tsx';
import type { DepositQuestionnaireDef, DepositZone } from '../data/types.ts';
import { addFiles, archiveFile, confirmSingleDeposit, questionnaireButton } from '../actions.ts';
import { formatSize, questionnaireProgress } from '../rules.ts';
import type { Demarche, FileEntry, Product, Style } from '../types.ts';
import { PageTitle, useProductHead } from '../ui/head.tsx';

/** Téléchargement d'un fichier d'exemple généré localement (aucune requête externe). */
function downloadText(name: string, content: string): void {
  const url = URL.createObjectURL(new Blob([content], { type: 'application/octet-stream' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/** RGPD Mon espace santé (9.2) et Sécurité Mon espace santé pour les échanges de données (9.3). */
export function DepotQuestionnaire({ p, d, def, style }: { p: Product; d: Demarche; def: DepositQuestionnaireDef; style: Style }): JSX.Element {
  const base = `/produits/${p.id}/demarches/mes`;
  const q = d.questionnaires[def.key];
  const prog = questionnaireProgress(def.key, d.orientation.validatedAnswers, q);
  const [errors, setErrors] = useState<string[]>([]);
  const [msg, setMsg] = useState<string | null>(null);
  const [pending, setPending] = useState<{ zone: DepositZone; file: FileEntry } | null>(null);
  const alertRef = useRef<HTMLDivElement>(null);
  const head = useProductHead(p, 'questionnaire', `Questionnaire d'évaluation : ${def.title}`);
  const short = def.key === 'rgpd' ? 'RGPD' : 'Sécurité pour les échanges de données';
  return (
    <div class="page">
      <Breadcrumb items={head.crumbs({ label: 'Questionnaires', href: `${base}/questionnaires` }, { label: `Questionnaire d'évaluation : ${def.title}` })} />
      <PageTitle head={head}>Questionnaire d'évaluation : {def.title}</PageTitle>
      {def.key === 'securite-echanges' && (
        <section class="info-box" aria-labelledby="infos-demarrage">
          <h2 id="infos-demarrage">Informations utiles au démarrage</h2>
          <p>
            Afin de garantir la sécurité du dépôt des preuves du questionnaire Sécurité et de limiter l'accès à ces preuves aux autres habilités du référencement au catalogue de services Mon espace santé, nous mettons à votre disposition la solution ZED certifiée par l'ANSSI.
          </p>
          <p>Vous pouvez consulter notre guide d'utilisation de la solution ZED pour ajouter les preuves Sécurité.</p>
        </section>
      )}
      {def.key === 'rgpd' && <h2>RGPD</h2>}
      <div class="q-progress" role="status">
        <p>
          L'évaluation « {short} » est complétée à <strong>{prog.percent} %</strong>
        </p>
        <div class="bar" aria-hidden="true">
          <div style={{ width: `${prog.percent}%` }} />
        </div>
        <p>
          {prog.done} / {prog.total} types de documents déposés
        </p>
      </div>
      {msg && <Alert kind="success">{msg}</Alert>}
      <section class="q-section" aria-labelledby="depot-section">
        <h2 id="depot-section">
          {def.sectionTitle} <span class="hint">[{prog.done}/{prog.total}] preuves ajoutées</span> <span class="badge obl">Obligation</span>
        </h2>
        {def.zones.map((z) => (
          <div class="criterion" key={z.id}>
            <h3>{z.title}</h3>
            <ul>
              {z.instructions.map((i) => (
                <li key={i}>{i}</li>
              ))}
            </ul>
            {z.single && (
              <p class="hint">
                Cette preuve est à dépôt unique. Une fois le document chargé, il vous sera demandé de confirmer votre dépôt. A la suite de cette confirmation, il ne vous sera plus possible d'archiver ou de déposer un nouveau document "Questionnaire RGPD".
              </p>
            )}
            {z.single && (
              <button type="button" class="btn small secondary" onClick={() => downloadText('questionnaire_RGPD_a_completer.txt', 'Questionnaire RGPD (modèle illustratif du simulateur)\n')}>
                Télécharger le questionnaire RGPD
              </button>
            )}
            {z.zed && (
              <button type="button" class="btn small secondary" onClick={() => downloadText(`conteneur_${z.id}.zed`, 'Conteneur ZED factice (simulateur)\n')}>
                {def.key === 'rgpd' ? 'Télécharger le contenu ZED' : 'Télécharger le conteneur ZED'}
              </button>
            )}
            <FileZone
              title={z.title}
              files={q.files[z.id] ?? []}
              archived={q.archived[z.id] ?? []}
              locked={Boolean(q.locked[z.id])}
              accept={z.zed ? '.zed' : undefined}
              onFiles={(files) => {
                if (!files.length) return;
                if (z.single) setPending({ zone: z, file: files[0] as FileEntry });
                else addFiles(p.id, def.key, z.id, files);
              }}
              onArchive={(i) => archiveFile(p.id, def.key, z.id, i)}
            />
          </div>
        ))}
      </section>
      <div ref={alertRef} tabIndex={-1}>
        {errors.length > 0 && <Alert kind="error" title="Le questionnaire ne peut pas être validé :" items={errors} />}
      </div>
      <FooterButtons
        style={style}
        onRetour={() => navigate(`${base}/questionnaires`)}
        onBrouillon={() => {
          questionnaireButton(p.id, def.key, 'brouillon');
          setErrors([]);
          setMsg('Votre brouillon a été enregistré.');
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
      {pending && (
        <Dialog title="Confirmer le dépôt du questionnaire RGPD" onClose={() => setPending(null)}>
          <p>
            Vous allez déposer le document « {pending.file.name} » ({formatSize(pending.file.size)}). Cette preuve est à dépôt unique : après confirmation, vous ne pourrez ni l'archiver ni déposer un nouveau document « Questionnaire RGPD ».
          </p>
          <div class="dialog-actions">
            <button type="button" class="btn secondary" onClick={() => setPending(null)}>
              Annuler
            </button>
            <button
              type="button"
              class="btn"
              onClick={() => {
                confirmSingleDeposit(p.id, def.key, pending.zone.id, pending.file);
                setPending(null);
              }}
            >
              Confirmer le dépôt
            </button>
          </div>
        </Dialog>
      )}
    </div>
  );
}
