import type { deskIt } from './desk.it.js';

/** English messages of the corrections of visits at the desk and in the lists (merged into the English dictionary in en.ts). */
export const deskEn: Record<keyof typeof deskIt, string> = {
  'desk.correct.action': 'Correct',
  'desk.correct.title': 'Correct the {visit}',
  'desk.correct.visitOf': 'visit of {when}, {who}',
  'desk.correct.otherPerson': 'Another person',
  'desk.correct.save': 'Save the correction',
  'desk.correct.done': 'Corrected: {visit}.',
  'desk.delete.action': 'Delete',
  'desk.delete.title': 'Delete the visit?',
  'desk.delete.confirm':
    'Delete the {visit}? It will no longer appear in the lists or the statistics; the deletion stays in the activity log.',
  'desk.delete.done': 'Deleted: {visit}.',
  'desk.anonymous.genderRequired': 'Choose the visitor’s gender.',
  'desk.anonymous.citizenshipRequired': 'Choose the visitor’s citizenship.',
  'desk.anonymous.ageBandRequired': 'Choose the visitor’s age band.',
};
