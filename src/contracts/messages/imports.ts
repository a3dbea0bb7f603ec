/**
 * The messages of imports, by code: why a row of a register is rejected (each with the value
 * as written, where there is one), and what is wrong with a mapping. English for scripts,
 * Italian for the app; the rejected rows' spreadsheet gives the Italian.
 */
import type { Messages } from './message.js';

export const IMPORTS_MESSAGES = {
  // --- a row's values
  'import.value_missing': {
    en: 'This value is missing',
    it: 'Manca questo valore',
  },
  'import.value_rejected': {
    en: 'Value excluded by the mapping: {value}',
    it: 'Valore escluso dalla mappatura: {value}',
  },
  'import.value_mapping_invalid': {
    en: 'The value mapped to is not valid: {value}',
    it: 'Il valore scelto nella mappatura non è valido: {value}',
  },
  'import.text_too_long': {
    en: 'Text too long (at most {max} characters)',
    it: 'Testo troppo lungo (al massimo {max} caratteri)',
  },
  'import.date_invalid': {
    en: 'Not a valid date: {value}',
    it: 'Data non valida: {value}',
  },
  'import.date_in_future': {
    en: 'Date in the future: {value}',
    it: 'Data futura: {value}',
  },
  'import.time_invalid': {
    en: 'Not a valid time: {value}',
    it: 'Ora non valida: {value}',
  },
  'import.family_name_missing': {
    en: 'The surname is missing',
    it: 'Manca il cognome',
  },
  'import.given_name_missing': {
    en: 'The name is missing',
    it: 'Manca il nome',
  },
  'import.full_name_unsplit': {
    en: 'Surname and name cannot be told apart: {value}',
    it: 'Non si distinguono cognome e nome: {value}',
  },
  'import.person_missing': {
    en: 'Neither the name nor the gender and nationality of the visitor are given',
    it: 'Mancano sia il nome sia il sesso e la nazionalità del visitatore',
  },
  'import.gender_missing': {
    en: 'The gender is missing',
    it: 'Manca il sesso',
  },
  'import.gender_unknown': {
    en: 'Gender not recognised: {value}',
    it: 'Sesso non riconosciuto: {value}',
  },
  'import.citizenship_missing': {
    en: 'The nationality is missing',
    it: 'Manca la nazionalità',
  },
  'import.citizenship_unknown': {
    en: 'Nationality not recognised: {value}',
    it: 'Nazionalità non riconosciuta: {value}',
  },
  'import.birth_country_unknown': {
    en: 'Country of birth not recognised: {value}',
    it: 'Paese di nascita non riconosciuto: {value}',
  },
  'import.birth_date_in_future': {
    en: 'Date of birth in the future: {value}',
    it: 'Data di nascita futura: {value}',
  },
  'import.fiscal_code_invalid': {
    en: 'Not a valid codice fiscale: {value}',
    it: 'Codice fiscale non valido: {value}',
  },
  'import.residence_unknown': {
    en: 'Comune not recognised: {value}',
    it: 'Comune non riconosciuto: {value}',
  },
  'import.phone_invalid': {
    en: 'Not a valid telephone number: {value}',
    it: 'Numero di telefono non valido: {value}',
  },
  'import.email_invalid': {
    en: 'Not a valid e-mail address: {value}',
    it: 'Indirizzo e-mail non valido: {value}',
  },
  'import.topics_missing': {
    en: 'The request type is missing',
    it: 'Manca la tipologia di richiesta',
  },
  'import.topic_unknown': {
    en: 'Request type not recognised: {value}',
    it: 'Tipologia di richiesta non riconosciuta: {value}',
  },
  'import.too_many_topics': {
    en: 'Too many request types in one visit ({count}; at most {max})',
    it: 'Troppe tipologie di richiesta in un accesso ({count}; al massimo {max})',
  },
  'import.referral_unknown': {
    en: 'Referral not recognised: {value}',
    it: 'Invio non riconosciuto: {value}',
  },
  'import.channel_unknown': {
    en: 'Channel not recognised: {value}',
    it: 'Canale non riconosciuto: {value}',
  },
  'import.closed_before_opened': {
    en: 'The case closes ({closedOn}) before it opens ({openedOn})',
    it: 'La presa in carico si chiude ({closedOn}) prima di aprirsi ({openedOn})',
  },
  'import.permit_type_unknown': {
    en: 'Kind of permit not recognised: {value}',
    it: 'Tipo di permesso non riconosciuto: {value}',
  },
  'import.expiry_before_issue': {
    en: 'The permit expires ({expiresOn}) before it is issued ({issuedOn})',
    it: 'Il permesso scade ({expiresOn}) prima del rilascio ({issuedOn})',
  },
  'import.course_unknown': {
    en: 'Course not found: {value}',
    it: 'Corso non trovato: {value}',
  },
  'import.programme_unknown': {
    en: 'Programme not recognised: {value}',
    it: 'Programma non riconosciuto: {value}',
  },
  'import.withdrawn_before_enrolled': {
    en: 'The withdrawal ({withdrawnOn}) comes before the enrolment ({enrolledOn})',
    it: 'Il ritiro ({withdrawnOn}) precede l’iscrizione ({enrolledOn})',
  },
  // --- the engine's (helper D's use cases)
  'import.case_already_open': {
    en: 'This person already has an open case',
    it: 'Questa persona ha già una presa in carico aperta',
  },
  // --- a mapping
  'import.column_unknown': {
    en: 'The file has no column {column}',
    it: 'Il file non ha una colonna {column}',
  },
  'import.field_not_of_kind': {
    en: 'This register does not carry the field {field}',
    it: 'Questo registro non ha il campo {field}',
  },
  'import.field_twice': {
    en: 'The field {field} is already given by column {column}',
    it: 'Il campo {field} è già nella colonna {column}',
  },
  'import.field_required': {
    en: 'A column is needed for: {fields}',
    it: 'Serve una colonna per: {fields}',
  },
  'import.person_not_in_centre': {
    en: 'Person {id} is not in this centre’s register',
    it: 'La persona {id} non è nel registro di questo centro',
  },
} as const satisfies Messages;
