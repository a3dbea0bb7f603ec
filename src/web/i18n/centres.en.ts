import type { centresIt } from './centres.it.js';

/** English messages of the centre's settings. */
export const centresEn: Record<keyof typeof centresIt, string> = {
  'centres.nav.settings': 'Centre settings',
  'centres.title': 'Centre settings',
  'centres.intro':
    'The centre’s comune, address and contacts appear in the report, on the public hours page, in the iCal calendar and in invitations. The comune also splits the residence of the people in care into inside and outside the comune.',
  'centres.centre': 'Centre',
  'centres.section': 'The centre',
  'centres.edit': 'Edit the settings',
  'centres.save': 'Save the settings',
  'centres.saved': 'Centre settings saved.',
  'centres.name': 'Centre name',
  'centres.code': 'Code',
  'centres.comune': 'Centre’s comune',
  'centres.comuneHint': 'Search by name; a frazione leads to its comune (e.g. Moie → Maiolati Spontini).',
  'centres.comuneChosen': 'Comune chosen: {comune}',
  'centres.comuneClear': 'Remove the comune',
  'centres.noComune': 'Not set',
  'centres.noComuneWarning':
    'The centre’s comune is not set: the report cannot split the residence of the people in care into inside and outside the comune.',
  'centres.address': 'Address',
  'centres.phone': 'Telephone',
  'centres.email': 'Centre e-mail',
  'centres.patronDay': 'Patron saint’s day',
  'centres.patronDayHint': 'Month and day as MM-DD, e.g. 09-22 for Saint Septimius in Jesi. Empty if none. The centre is closed.',
  'centres.threshold': 'Course completion threshold (%)',
  'centres.thresholdHint': 'Share of a course’s lessons a learner attends to have completed it (1 to 100).',
  'centres.privacyNoticeVersion': 'Privacy notice version',
  'centres.privacyNoticeVersionHint':
    'The version the centre gives today (e.g. 2024-01): a person given another version is flagged on their file.',
  'centres.notSet': '—',
  'centres.calendarLink': 'Patron day, contacts and course threshold: Administration › Centre settings',

  'centres.setup.centre': 'The centre',
  'centres.setup.comune': 'Centre’s comune',
  'centres.setup.comuneRequired': 'Choose the centre’s comune from the list.',
  'centres.setup.contactsHint': 'Address, telephone and e-mail can also be completed later, in Administration › Centre settings.',
} as const;
