import { type Area, inMenu } from '../../area.js';

/** Today's reminders (issue 15): the digest in the app; the choice of getting it is on the account page. */
export const remindersArea: Area = inMenu('people', [['/reminders', 'personal.read', () => import('./RemindersPage.js'), 'reminders.nav']]);
