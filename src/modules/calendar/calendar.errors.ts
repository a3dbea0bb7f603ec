/** The calendar's own errors: hours sets are one a date, and the past ones are facts of the report. */
import { createErrorFactory, fixedError } from '../../errors/index.js';

export const hoursDateTaken = createErrorFactory<string>({
  code: 'calendar.hours_date_taken',
  status: 409,
  message: (validFrom) => `The centre has hours valid from ${validFrom} already: edit that set`,
});

export const hoursNotFuture = fixedError(
  'calendar.hours_not_future',
  409,
  'Only hours that start in the future can be deleted: add a new set instead',
);
