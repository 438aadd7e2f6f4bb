import type { z } from 'zod';

/** Render a zod issue path as `answers[3].value.level`. */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const p of path) {
    if (typeof p === 'number') out += `[${p}]`;
    else out += out ? `.${String(p)}` : String(p);
  }
  return out || '(racine)';
}

function describe(issue: z.core.$ZodIssue): string {
  switch (issue.code) {
    case 'invalid_type':
      return `type attendu : ${issue.expected}`;
    case 'unrecognized_keys':
      return `champ(s) inconnu(s) : ${issue.keys.join(', ')}`;
    case 'invalid_value':
      return `valeur non autorisée (valeurs possibles : ${issue.values.map((v) => String(v)).join(', ')})`;
    case 'invalid_union':
      return 'valeur ne correspondant à aucune forme attendue';
    case 'too_big':
      return `valeur trop grande (maximum ${String(issue.maximum)})`;
    case 'too_small':
      return `valeur trop petite ou vide (minimum ${String(issue.minimum)})`;
    case 'invalid_format':
      return issue.format === 'regex' ? issue.message : `format invalide (${issue.format} attendu)`;
    case 'custom':
      return issue.message;
    default:
      return 'valeur invalide';
  }
}

/** French, one line per issue, each naming the path of the bad field. */
export function formatZodIssues(issues: readonly z.core.$ZodIssue[], max = 5): string {
  const lines = issues.slice(0, max).map((i) => `champ ${formatPath(i.path)} : ${describe(i)}`);
  if (issues.length > max) lines.push(`… et ${issues.length - max} autre(s) erreur(s)`);
  return lines.join(' ; ');
}
