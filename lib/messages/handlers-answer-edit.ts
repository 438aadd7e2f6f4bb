/**
 * Gestionnaires des messages « modifier les réponses » (issue 11 § 1). Les écritures et leurs refus sont dans
 * lib/library/answer-write.ts ; ici, seulement le branchement sur le protocole.
 */
import type { Repository } from '../db/repository';
import { bulkEdit, editAnswer, editContext, restoreAnswer } from '../library/answer-write';
import type { Handlers } from './handler-types';

type AnswerEditHandlers = Pick<Handlers, 'answers.editContext' | 'answers.edit' | 'answers.bulkEdit' | 'answers.restore'>;

export function answerEditHandlers(repo: Repository): AnswerEditHandlers {
  return {
    'answers.editContext': async ({ productId, variantId }) => editContext(repo, productId, variantId),
    'answers.edit': async (req) => editAnswer(repo, req),
    'answers.bulkEdit': async (req) => bulkEdit(repo, req),
    'answers.restore': async (req) => restoreAnswer(repo, req),
  };
}
