/** The field messages of cases, by code: English for scripts, Italian for the app. */
import type { Messages } from './message.js';

export const CASES_MESSAGES = {
  'case.area_twice': {
    en: 'An area is named twice',
    it: 'Un ambito è indicato due volte',
  },
  'case.area_required': {
    en: 'Choose at least one area of need',
    it: 'Scegli almeno un ambito di bisogno',
  },
  'case.person_or_household': {
    en: "A case is a person's (personId) or a household's (householdId), not both",
    it: 'Una presa in carico è di una persona o di un nucleo familiare, non di entrambi',
  },
  'case.subject_required': {
    en: 'Name the person (personId), the household (householdId) or the visit (visitId) the case is for',
    it: 'Indica la persona, il nucleo familiare o l’accesso della presa in carico',
  },
  'case.members_only_for_household': {
    en: 'memberIds names members of a household case',
    it: 'I componenti si indicano solo per un nucleo familiare',
  },
  'action.assignee_one_kind': {
    en: 'An action is assigned to an operator (assigneeId) or to someone named (assigneeName), not both',
    it: 'Un’azione è affidata a un operatore o a qualcuno indicato per nome, non a entrambi',
  },
  'case.not_staff': {
    en: "Not an active operator of the case's centre",
    it: 'Non è un operatore attivo del centro della presa in carico',
  },
  'case.opened_in_future': {
    en: 'A case cannot be opened on a future date',
    it: 'Una presa in carico non può essere aperta in una data futura',
  },
  'case.visit_anonymous': {
    en: 'This visit is anonymous: name the person (personId)',
    it: 'Questo accesso è anonimo: indica la persona',
  },
  'case.not_household_members': {
    en: 'Not current members of the household: {ids}',
    it: 'Non fanno parte ora del nucleo familiare: {ids}',
  },
  'case.household_empty': {
    en: 'This household has no current members',
    it: 'Questo nucleo familiare non ha componenti attuali',
  },
  'case.visit_other_centre': {
    en: "The visit was recorded in another centre than the case's",
    it: 'L’accesso è stato registrato in un centro diverso da quello della presa in carico',
  },
  'case.visit_other_person': {
    en: 'The visit is of someone the case does not name',
    it: 'L’accesso è di una persona che la presa in carico non comprende',
  },
  'case.closed_in_future': {
    en: 'A case cannot be closed on a future date',
    it: 'Una presa in carico non può essere chiusa in una data futura',
  },
  'case.closed_before_opening': {
    en: 'A case cannot be closed before it was opened ({date})',
    it: 'Una presa in carico non può essere chiusa prima dell’apertura ({date})',
  },
  'case.reopened_in_future': {
    en: 'A case cannot be reopened on a future date',
    it: 'Una presa in carico non può essere riaperta in una data futura',
  },
  'case.reopened_before_closing': {
    en: 'A case is reopened after its last closing ({date})',
    it: 'Una presa in carico si riapre dopo l’ultima chiusura ({date})',
  },
  'case.dated_before_opening': {
    en: 'Cannot be dated before the case was opened ({date})',
    it: 'La data non può essere prima dell’apertura della presa in carico ({date})',
  },
  'case.opened_before_joining': {
    en: 'A household case cannot be opened before all its members joined the household ({date})',
    it: 'La presa in carico di un nucleo non può iniziare prima che tutti i componenti ne facciano parte ({date})',
  },
} as const satisfies Messages;
