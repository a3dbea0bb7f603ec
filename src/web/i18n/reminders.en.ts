import type { remindersIt } from './reminders.it.js';

/** English messages of reminders (merged into en.ts). */
export const remindersEn: Record<keyof typeof remindersIt, string> = {
  'reminders.nav': 'Reminders',
  'reminders.title': 'Today’s reminders',
  'reminders.intro':
    'Every day Approdo gathers what needs attention: residence permits expiring in the next 60 days, plan actions overdue, open cases without a diary note for at least 60 days, course places freed while people are on a waiting list. Operators see their own cases; coordinators everything of their centres.',
  'reminders.off': 'You get no reminders. You can turn them on from the page',
  'reminders.offLink': 'My account',
  'reminders.none': 'Nothing to report today.',
  'reminders.emailSent': 'Also sent by e-mail.',
  'reminders.emailPending': 'The e-mail goes with the next sending.',
  'reminders.emailFailed': 'The e-mail could not be sent: it is tried again with the next sending.',
  'reminders.permitDue': 'expires on {date} ({days})',
  'reminders.actionDue': 'due by {date}, {count} days late',
  'reminders.actionDue.one': 'due by {date}, {count} day late',
  'reminders.caseSilent': 'no note for {count} days (since {date})',
  'reminders.caseSilent.one': 'no note for {count} day (since {date})',
  'reminders.coursePlaces': '{count} places free; on the centre’s waiting list: {waiting}',
  'reminders.coursePlaces.one': '{count} place free; on the centre’s waiting list: {waiting}',

  'account.reminders.title': 'Daily reminders',
  'account.reminders.intro':
    'One summary a day of permits expiring, actions overdue, cases without notes and course places free. The e-mail holds only the names and the links: the details stay in the app.',
  'account.reminders.delivery': 'Get the reminders',
  'account.reminders.emailTo': 'The e-mails go to {email}.',
  'account.reminders.emailUnavailable': 'This server sends no e-mail: reminders are in the app only.',
  'account.reminders.save': 'Save',
  'account.reminders.saved': 'Reminder preference saved.',

  'error.reminders.email_unavailable': 'This server sends no e-mail: choose reminders in the app.',
};
