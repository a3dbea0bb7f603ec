/** The errors of personal files. */
import type { DuplicateCandidate } from '../../contracts/people.js';
import { createErrorFactory } from '../../errors/index.js';

/** The candidates go with the problem: the desk checks them, then confirms the new file is not one of them. */
export const possibleDuplicate = createErrorFactory<DuplicateCandidate[]>({
  code: 'person.possible_duplicate',
  status: 409,
  message: 'This person is probably registered already',
  extra: (candidates) => ({ candidates }),
});
