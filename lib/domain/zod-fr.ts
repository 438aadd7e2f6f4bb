import type { z } from 'zod';
import { displaySafe } from './text';

/** Chemin d'une erreur zod écrit `answers[3].value.level` (les clés venues d'un fichier sont neutralisées). */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const p of path) {
    if (typeof p === 'number') out += `[${p}]`;
    else {
      const k = displaySafe(String(p), 60);
      out += out ? `.${k}` : k;
    }
  }
  return out || '(racine)';
}

const TYPE_NAMES: Record<string, string> = {
  string: 'texte',
  number: 'nombre',
  int: 'nombre entier',
  boolean: 'booléen (true ou false)',
  object: 'objet',
  array: 'liste',
  null: 'null',
  undefined: 'champ présent',
  date: 'date',
  bigint: 'nombre',
};

const FORMAT_NAMES: Record<string, string> = {
  datetime: 'date-heure ISO 8601, p. ex. 2025-06-01T10:00:00.000Z',
  date: 'date AAAA-MM-JJ',
  email: 'adresse électronique',
  url: 'adresse web',
  uuid: 'identifiant UUID',
};

function describe(issue: z.core.$ZodIssue): string {
  switch (issue.code) {
    case 'invalid_type':
      // zod ne joint pas toujours la valeur reçue ; son message (anglais, jamais affiché) dit « received undefined ».
      return ('input' in issue && issue.input !== undefined) || !/received undefined/.test(issue.message)
        ? `type attendu : ${TYPE_NAMES[issue.expected] ?? issue.expected}`
        : 'champ manquant';
    case 'unrecognized_keys':
      return `champ(s) inconnu(s) : ${issue.keys.slice(0, 5).map((k) => displaySafe(k, 40)).join(', ')}${issue.keys.length > 5 ? '…' : ''}`;
    case 'invalid_value':
      return `valeur non autorisée (valeurs possibles : ${issue.values.map((v) => displaySafe(String(v), 40)).join(', ')})`;
    case 'invalid_union':
      return 'valeur ne correspondant à aucune forme attendue';
    case 'too_big':
      return issue.origin === 'string'
        ? `texte trop long (maximum ${String(issue.maximum)} caractères)`
        : issue.origin === 'array'
          ? `trop d'éléments (maximum ${String(issue.maximum)})`
          : `valeur trop grande (maximum ${String(issue.maximum)})`;
    case 'too_small':
      return issue.origin === 'string' && Number(issue.minimum) === 1 ? 'texte vide' : `valeur trop petite ou vide (minimum ${String(issue.minimum)})`;
    case 'invalid_format':
      return issue.format === 'regex' ? displaySafe(issue.message, 200) : `format invalide (${FORMAT_NAMES[issue.format] ?? issue.format} attendu)`;
    case 'custom':
      return displaySafe(issue.message, 200);
    default:
      return 'valeur invalide';
  }
}

/** En français, une ligne par erreur, chacune nommant le chemin du champ fautif. */
export function formatZodIssues(issues: readonly z.core.$ZodIssue[], max = 5): string {
  const lines = issues.slice(0, max).map((i) => `champ ${formatPath(i.path)} : ${describe(i)}`);
  if (issues.length > max) lines.push(`… et ${issues.length - max} autre(s) erreur(s)`);
  return lines.join(' ; ');
}
