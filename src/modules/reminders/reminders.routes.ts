import { problemSchema } from '../../contracts/common.js';
import { reminderDigestSchema, reminderPreferenceInput, reminderPreferenceSchema } from '../../contracts/reminders.js';
import { routesOf } from '../http/route.js';
import { reminderPreferenceFor, setReminderPreference, todaysDigest } from './reminders.usecases.js';

const problems = { 400: problemSchema, 401: problemSchema, 403: problemSchema, 409: problemSchema };

/** Reminders: for the staff who read personal files (viewers get none), each their own. */
export const remindersRoutes = routesOf(['reminders'], (route, app) => {
  const emailAvailable = () => app.config.smtp !== null;

  route.get('/account/reminders', {
    permission: 'personal.read',
    summary: 'Your daily reminders: off, in the app, or in the app and by e-mail (and whether this server sends e-mail)',
    response: reminderPreferenceSchema,
    handle: (actor) => reminderPreferenceFor(app.db, actor, emailAvailable()),
  });

  route.put('/account/reminders', {
    permission: 'personal.read',
    summary: 'Choose your daily reminders (409 for e-mail when this server sends none); audited',
    body: reminderPreferenceInput,
    response: reminderPreferenceSchema,
    problems,
    handle: (actor, { body }) => setReminderPreference(app.db, actor, body, emailAvailable()),
  });

  route.get('/reminders', {
    permission: 'personal.read',
    summary:
      "Today's digest: permits expiring, plan actions overdue, cases without a note for too long, course places freed for people waiting, in your scope (the list is logged)",
    response: reminderDigestSchema,
    handle: (actor) => todaysDigest(app.db, actor),
  });
});
