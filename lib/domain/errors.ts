/** Erreur dont le message, en français, s'adresse à la personne : montrée telle quelle, sans trace de pile. */
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
