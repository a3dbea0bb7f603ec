import type { auditIt } from './audit.it.js';

/** English texts of the audit log's review. */
export const auditEn: Record<keyof typeof auditIt, string> = {
  'audit.filters': 'Filters of the log',
  'audit.person': 'Person',
  'audit.personHint':
    'Shows the rows of the person’s file (creation, readings of it or of a part, changes, erasure) and the rows naming the person: lists that showed their name, documents, enrolments, households, meetings. Visits and cases appear with their own number, not the person’s.',
  'audit.personChosen': 'Person no. {id}',
  'audit.personRemove': 'Remove the person',
  'audit.userFilter': 'User',
  'audit.entityId': 'Record number',
  'audit.export': 'Export CSV',
  'audit.count': '{count} rows found',
  'audit.commandLine': 'Command line',
  'audit.unusual.title': 'Unusual reading',
  'audit.unusual.intro':
    'Personal files opened unusually in the period chosen in the filters (without one, the last 30 days; a year at most): who opened too many files in one hour, and the files opened while the centre was closed (after hours, at weekends, on holidays and closures, by the centre’s calendar).',
  'audit.unusual.perHour': 'More than how many files in an hour',
  'audit.unusual.perHourHint': 'From 5 to 500.',
  'audit.unusual.apply': 'Update',
  'audit.unusual.period': 'From {from} to {to}',
  'audit.unusual.busy': 'Too many files in one hour',
  'audit.unusual.busyNone': 'No user opened more than {perHour} files in one hour.',
  'audit.unusual.hour': 'Hour',
  'audit.unusual.files': 'Files opened',
  'audit.unusual.outside': 'Files opened while the centre was closed',
  'audit.unusual.outsideNone': 'No file was opened while the centre was closed.',
  'audit.unusual.outsideMore': 'The latest {shown} of {total} are shown.',
  'audit.unusual.reads': 'Readings',
};
