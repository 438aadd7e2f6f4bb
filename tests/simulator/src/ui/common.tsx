import { Fragment, type ComponentChildren, type JSX } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import { Link } from '../router.tsx';
import type { Demarche, FileEntry, Style } from '../types.ts';
import { formatSize } from '../rules.ts';
import { textSeparator, type Crumb } from '../display.ts';
import { useDisplay } from './head.tsx';

// ----- messages flash (affichés une fois après une navigation) -----
let flash: string | null = null;
export function setFlash(msg: string): void {
  flash = msg;
}
export function useFlash(): string | null {
  const [msg] = useState(() => {
    const m = flash;
    flash = null;
    return m;
  });
  return msg;
}

export type { Crumb } from '../display.ts';

/**
 * Fil d'Ariane : <nav aria-label="Fil d'Ariane"> + <ol> (défaut) ; avec ?fil=texte, un simple <p class="chemin">
 * (séparateur « › » et liens en style a, « / » sans lien en style b).
 */
export function Breadcrumb({ items }: { items: Crumb[] }): JSX.Element {
  const { display, style } = useDisplay();
  if (display.fil === 'texte') {
    const sep = textSeparator(style);
    return (
      <p class={style === 'b' ? 'chemin chemin-b' : 'chemin'}>
        {items.map((c, i) => (
          <Fragment key={i}>
            {i > 0 && sep}
            {style === 'a' && c.href && i < items.length - 1 ? <Link href={c.href}>{c.label}</Link> : c.label}
          </Fragment>
        ))}
      </p>
    );
  }
  return (
    <nav aria-label="Fil d'Ariane" class="breadcrumb">
      <ol>
        {items.map((c, i) => (
          <li key={i}>
            {i > 0 && <span class="sep" aria-hidden="true"> &gt; </span>}
            {c.href && i < items.length - 1 ? <Link href={c.href}>{c.label}</Link> : <span aria-current={i === items.length - 1 ? 'page' : undefined}>{c.label}</span>}
          </li>
        ))}
      </ol>
    </nav>
  );
}

const FICHE_STATUS = { 'a-completer': 'A compléter', brouillon: 'Brouillon', transmise: 'Complétée' } as const;
const CONV_STATUS = { 'non-disponible': '-', 'en-attente-envoi': 'En attente', 'a-signer': 'À signer', validee: 'Complétée' } as const;

export function Stepper({ d, current }: { d: Demarche; current: 1 | 2 | 3 }): JSX.Element {
  const qStatus = d.convention !== 'validee' ? '-' : d.orientation.validatedAnswers ? 'En cours' : 'A compléter';
  const steps: [string, string, string][] = [
    ['Etape 1', 'Fiche administrative', FICHE_STATUS[d.ficheAdmin.status]],
    ['Etape 2', 'Convention', CONV_STATUS[d.convention]],
    ['Etape 3', 'Questionnaires', qStatus],
  ];
  return (
    <ol class="stepper" aria-label="Étapes de la démarche">
      {steps.map(([n, label, status], i) => (
        <li key={label} class={i + 1 === current ? 'current' : ''} aria-current={i + 1 === current ? 'step' : undefined}>
          <span class="step-num" aria-hidden="true">{i + 1}</span>
          <span class="step-n">{n}</span> <strong>{label}</strong> <span class="step-status">({status})</span>
        </li>
      ))}
    </ol>
  );
}

export function ProgressPanel(props: { sentence: string; percent: number; count: string; remaining: string[] }): JSX.Element {
  return (
    <aside class="progress-panel" aria-label="Progression">
      <p>
        {props.sentence} <strong>{props.percent} %</strong>
      </p>
      <div class="bar" role="progressbar" aria-valuemin={0} aria-valuemax={100} aria-valuenow={props.percent} aria-label="Progression">
        <div style={{ width: `${props.percent}%` }} />
      </div>
      <p>{props.count}</p>
      {props.remaining.length > 0 && (
        <>
          <p class="remaining-title">Questions restantes :</p>
          <ul class="remaining">
            {props.remaining.map((r) => (
              <li key={r}>{r}</li>
            ))}
          </ul>
        </>
      )}
    </aside>
  );
}

export function Alert(props: { kind: 'error' | 'success' | 'info'; title?: string; items?: string[]; children?: ComponentChildren }): JSX.Element {
  return (
    <div class={`alert alert-${props.kind}`} role={props.kind === 'error' ? 'alert' : 'status'}>
      {props.title && <p class="alert-title">{props.title}</p>}
      {props.children}
      {props.items && props.items.length > 0 && (
        <ul>
          {props.items.map((i, n) => (
            <li key={n}>{i}</li>
          ))}
        </ul>
      )}
    </div>
  );
}

let dialogSeq = 0;
export function Dialog(props: { title: string; onClose?: () => void; children: ComponentChildren; wide?: boolean }): JSX.Element {
  const [id] = useState(() => `dialog-title-${++dialogSeq}`);
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const el = ref.current?.querySelector<HTMLElement>('input, select, textarea, button');
    el?.focus();
  }, []);
  return (
    <div class="overlay">
      <div
        ref={ref}
        class={`dialog${props.wide ? ' wide' : ''}`}
        role="dialog"
        aria-modal="true"
        aria-labelledby={id}
        onKeyDown={(e) => {
          if (e.key === 'Escape' && props.onClose) props.onClose();
        }}
      >
        <div class="dialog-head">
          <h2 id={id}>{props.title}</h2>
          {props.onClose && (
            <button type="button" class="close" aria-label="Fermer" onClick={props.onClose}>
              ×
            </button>
          )}
        </div>
        {props.children}
      </div>
    </div>
  );
}

/** Les quatre boutons des questionnaires (« Enregistrer et demander validation » optionnel). */
export function FooterButtons(props: {
  style: Style;
  onRetour: () => void;
  onBrouillon: () => void;
  onDemande?: () => void;
  onValider: () => void;
  disabled?: boolean;
}): JSX.Element {
  if (props.style === 'b') {
    const act = (fn: () => void) => (e: Event) => {
      e.preventDefault();
      fn();
    };
    return (
      <form
        class="footer-buttons"
        onSubmit={(e) => {
          e.preventDefault();
          props.onValider();
        }}
      >
        <a href="#" role="button" class="btn secondary" onClick={act(props.onRetour)}>
          Retour
        </a>
        <a href="#" role="button" class="btn secondary" onClick={act(props.onBrouillon)}>
          Enregistrer comme brouillon
        </a>
        {props.onDemande && (
          <button type="button" class="btn secondary" onClick={props.onDemande}>
            Enregistrer et demander validation
          </button>
        )}
        <input type="submit" class="btn" value="Valider" disabled={props.disabled} />
      </form>
    );
  }
  return (
    <div class="footer-buttons">
      <button type="button" class="btn secondary" onClick={props.onRetour}>
        Retour
      </button>
      <button type="button" class="btn secondary" onClick={props.onBrouillon} disabled={props.disabled}>
        Enregistrer comme brouillon
      </button>
      {props.onDemande && (
        <button type="button" class="btn secondary" onClick={props.onDemande} disabled={props.disabled}>
          Enregistrer et demander validation
        </button>
      )}
      <button type="button" class="btn" onClick={props.onValider} disabled={props.disabled}>
        Valider
      </button>
    </div>
  );
}

export function toEntries(list: FileList | null | undefined): FileEntry[] {
  if (!list) return [];
  const at = new Date().toISOString();
  return Array.from(list).map((f) => ({ name: f.name, size: f.size, type: f.type || 'application/octet-stream', at }));
}

let zoneSeq = 0;
/** Zone de dépôt : <input type="file"> étiqueté « Charger », glisser-déposer, liste à droite, archivage. */
export function FileZone(props: {
  title: string;
  description?: string;
  files: FileEntry[];
  archived: FileEntry[];
  locked?: boolean;
  disabled?: boolean;
  onFiles: (files: FileEntry[]) => void;
  onArchive: (index: number) => void;
  producerCount?: number;
  accept?: string;
  children?: ComponentChildren;
}): JSX.Element {
  const [id] = useState(() => `depot-${++zoneSeq}`);
  const [over, setOver] = useState(false);
  const blocked = props.locked || props.disabled;
  return (
    <div class="file-zone" role="group" aria-labelledby={`${id}-titre`}>
      <div class="file-zone-main">
        <p class="zone-title" id={`${id}-titre`}>
          {props.title}
        </p>
        {props.description && <p class="hint">{props.description}</p>}
        {props.children}
        <div
          class={`drop${over ? ' over' : ''}${blocked ? ' blocked' : ''}`}
          onDragOver={(e) => {
            if (blocked) return;
            e.preventDefault();
            setOver(true);
          }}
          onDragLeave={() => setOver(false)}
          onDrop={(e) => {
            e.preventDefault();
            setOver(false);
            if (!blocked) props.onFiles(toEntries(e.dataTransfer?.files));
          }}
        >
          {props.locked ? (
            <p>Document déposé et confirmé : il ne peut plus être archivé ni remplacé.</p>
          ) : (
            <>
              <p aria-hidden="true">Glissez-déposez vos fichiers ici ou</p>
              <input
                id={`${id}-input`}
                class="visually-hidden"
                type="file"
                multiple
                accept={props.accept}
                disabled={blocked}
                onChange={(e) => {
                  const input = e.currentTarget;
                  props.onFiles(toEntries(input.files));
                  input.value = '';
                }}
              />
              <label for={`${id}-input`} class={`btn small${blocked ? ' disabled' : ''}`}>
                Charger<span class="visually-hidden"> : {props.title}</span>
              </label>
            </>
          )}
        </div>
      </div>
      <div class="file-zone-list">
        <p class="list-title">Preuves déposées ({props.files.length})</p>
        {props.files.length === 0 && !props.producerCount && <p class="hint">Aucun fichier déposé.</p>}
        <ul>
          {props.files.map((f, i) => (
            <li key={`${f.name}-${i}`}>
              <span class="file-name">{f.name}</span> <span class="hint">({formatSize(f.size)})</span>
              {!props.locked && !props.disabled && (
                <button type="button" class="archive" aria-label={`Archiver ${f.name}`} title={`Archiver ${f.name}`} onClick={() => props.onArchive(i)}>
                  ×
                </button>
              )}
            </li>
          ))}
        </ul>
        {props.producerCount ? (
          <p class="producer-evidence">
            Preuves de l'éditeur producteur (confidentielles) : {props.producerCount} fichier{props.producerCount > 1 ? 's' : ''}
          </p>
        ) : null}
        {props.archived.length > 0 && (
          <details>
            <summary>Voir les preuves archivées ({props.archived.length})</summary>
            <ul>
              {props.archived.map((f, i) => (
                <li key={i}>{f.name}</li>
              ))}
            </ul>
          </details>
        )}
        {props.archived.length === 0 && (
          <details>
            <summary>Voir les preuves archivées</summary>
            <p class="hint">Aucune preuve archivée.</p>
          </details>
        )}
      </div>
    </div>
  );
}
