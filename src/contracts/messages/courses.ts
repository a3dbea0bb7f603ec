/** The field messages of courses, by code: English for scripts, Italian for the app. */
import type { Messages } from './message.js';

export const COURSES_MESSAGES = {
  'course.weekday_twice': {
    en: 'A weekday is named twice',
    it: 'Un giorno della settimana è indicato due volte',
  },
  'course.weekday_required': {
    en: 'Choose at least one weekday',
    it: 'Scegli almeno un giorno della settimana',
  },
  'course.end_before_start': {
    en: 'The end date is before the start date',
    it: 'La data di fine è prima della data di inizio',
  },
  'course.too_long': {
    en: 'A course lasts at most two years',
    it: 'Un corso dura al massimo due anni',
  },
  'enrolment.withdrawn_before_enrolled': {
    en: 'The withdrawal is before the enrolment',
    it: 'Il ritiro è prima dell’iscrizione',
  },
  'attendance.learner_twice': {
    en: 'A learner is named twice',
    it: 'Un corsista è indicato due volte',
  },
  'waiting_list.priority_not_valid': {
    en: '0 normal, 1 high, 2 urgent',
    it: 'Priorità non valida (0 normale, 1 alta, 2 urgente)',
  },
  'waiting_list.closed_before_request': {
    en: 'The closing date is before the request',
    it: 'La data di chiusura è prima della richiesta',
  },
  'course.kind_unknown': {
    en: 'Unknown or inactive course kind: {id}',
    it: 'Tipo di corso sconosciuto o non attivo: {id}',
  },
  'lesson.after_course_end': {
    en: 'The date is after the course’s end',
    it: 'La data è dopo la fine del corso',
  },
  'attendance.not_learner': {
    en: 'Not a learner of this course on the lesson’s date',
    it: 'Non è corsista di questo corso alla data della lezione',
  },
  'waiting_list.enrolled_before_request': {
    en: 'The enrolment is before the request',
    it: 'L’iscrizione è prima della richiesta',
  },
} as const satisfies Messages;
