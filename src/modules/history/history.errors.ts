/** The errors of the years before the records. */
import { createErrorFactory } from '../../errors/index.js';

/** A centre's published figures are one row a year: the second one is refused, the first is edited. */
export const yearTaken = createErrorFactory<number>({
  code: 'history.year_taken',
  status: 409,
  message: (year) => `The centre has figures for ${year} already: edit them`,
  extra: (year) => ({ year }),
});
