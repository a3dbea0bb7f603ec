/** The errors of the first run. */
import { createErrorFactory } from '../../errors/index.js';

export const setupNotNeeded = createErrorFactory({ code: 'setup.not_needed', status: 409, message: 'Approdo is set up already: log in' });

export const setupLinkInvalid = createErrorFactory({
  code: 'setup.invalid_token',
  status: 403,
  message: 'This setup link is not valid any more: restart the server for a new one',
});
