/** The errors of the first run. */
import { fixedError } from '../../errors/index.js';

export const setupNotNeeded = fixedError('setup.not_needed', 409, 'Approdo is set up already: log in');

export const setupLinkInvalid = fixedError(
  'setup.invalid_token',
  403,
  'This setup link is not valid any more: restart the server for a new one',
);
