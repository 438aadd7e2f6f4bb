/** An error whose message is French and meant for the user (no stack trace shown). */
export class UserError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UserError';
  }
}

export function errorMessage(e: unknown): string {
  if (e instanceof UserError) return e.message;
  if (e instanceof Error && e.name === 'UserError') return e.message;
  return `Erreur interne : ${e instanceof Error ? e.message : String(e)}`;
}
