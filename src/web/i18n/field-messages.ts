/**
 * The message under a form field, in the UI's language. The API's field errors are English
 * (for scripts) with zod's issue code and its parameters; in Italian the message is the
 * Italian text of our own custom message (keyed by its English text) or, for zod's own
 * checks, a generic one by code and parameters. In English the server's message is shown
 * as it is. A message not known here reads "Valore non valido", never English.
 */
import type { FieldError } from '../../contracts/errors.js';
import type { Locale } from '../../contracts/labels.js';
import { italianNumber, shortDate } from '../../domain/report/italian.js';

/**
 * Our custom English messages (src/contracts, the validationFailed calls of src/modules and
 * the domain's …Problem functions) and their Italian. A {name} stands for a value the server
 * puts in the message: {date} (YYYY-MM-DD, shown as 17/05/2024), {ids} (a list of ids),
 * {id}, {time}, {weekday}. field-messages.test.ts fails when a message of the sources is
 * missing here.
 */
export const CUSTOM_FIELD_MESSAGES_IT: Readonly<Record<string, string>> = {
  // common
  'Expected a real calendar date as YYYY-MM-DD': 'Data non valida',
  'Expected a date between 1900 and 2100': 'La data deve essere tra il 1900 e il 2100',
  'The date cannot be in the future': 'La data non può essere nel futuro',
  'A date of birth cannot be in the future': 'La data di nascita non può essere nel futuro',
  'Text cannot contain the NUL character': 'Il testo non può contenere il carattere NUL',
  'Expected a time as HH:mm': 'Ora non valida (HH:MM)',
  'Expected a two-letter country code': 'Codice del paese non valido (due lettere)',
  'Expected a 6-digit ISTAT code': 'Codice ISTAT non valido (6 cifre)',
  'from must not be after to': 'La data finale non può essere prima di quella iniziale',
  'Lower-case letters, digits and _': 'Solo lettere minuscole, cifre e _',
  'Required when you work in more than one centre': 'Campo obbligatorio per chi lavora in più centri',

  // accounts
  'At least 12 characters': 'Almeno 12 caratteri',
  'Letters, digits, - and _ (2 to 32)': 'Lettere, cifre, - e _ (da 2 a 32)',

  // people, visits, documents
  'Not a valid codice fiscale (16 characters or the 11-digit provisional number)':
    'Codice fiscale non valido (16 caratteri, oppure il numero provvisorio di 11 cifre)',
  'Digits, spaces and + ( ) . / - only': 'Solo cifre, spazi e + ( ) . / -',
  'Unknown country code, or a territory (give the state instead)': 'Paese sconosciuto, oppure un territorio (indica lo Stato)',
  'Unknown country code': 'Paese sconosciuto',
  'Unknown comune ISTAT code': 'Comune sconosciuto',
  'A visit has either a person (personId) or an anonymous visitor (anonymous), not both':
    'Un accesso è di una persona o di un visitatore anonimo, non di entrambi',
  'Choose at least one request topic': 'Scegli almeno una tipologia di richiesta',
  'A visit cannot be dated in the future': 'Un accesso non può avere una data futura',
  'A visit cannot be timed in the future': 'Un accesso non può avere un’ora futura',
  'Unknown or inactive request topic: {ids}': 'Tipologia di richiesta sconosciuta o non attiva: {ids}',
  'This visit belongs to a person: edit the person instead': 'Questo accesso è di una persona: modifica la persona',
  'The expiry date cannot come before the issue date': 'La scadenza non può essere prima della data di rilascio',
  'An expiry date is required (only an EU long-term permit may have none)':
    'La scadenza è obbligatoria (solo il permesso UE per soggiornanti di lungo periodo può non averla)',
  'Unknown country code (leave it empty when the issuer is not known)':
    'Paese sconosciuto (lascia vuoto se non si sa chi ha rilasciato il documento)',

  // cases
  'An area is named twice': 'Un ambito è indicato due volte',
  'Choose at least one area of need': 'Scegli almeno un ambito di bisogno',
  "A case is a person's (personId) or a household's (householdId), not both":
    'Una presa in carico è di una persona o di un nucleo familiare, non di entrambi',
  'Name the person (personId), the household (householdId) or the visit (visitId) the case is for':
    'Indica la persona, il nucleo familiare o l’accesso della presa in carico',
  'memberIds names members of a household case': 'I componenti si indicano solo per un nucleo familiare',
  'An action is assigned to an operator (assigneeId) or to someone named (assigneeName), not both':
    'Un’azione è affidata a un operatore o a qualcuno indicato per nome, non a entrambi',
  "Not an active operator of the case's centre": 'Non è un operatore attivo del centro della presa in carico',
  'A case cannot be opened on a future date': 'Una presa in carico non può essere aperta in una data futura',
  'This visit is anonymous: name the person (personId)': 'Questo accesso è anonimo: indica la persona',
  'Not current members of the household: {ids}': 'Non fanno parte ora del nucleo familiare: {ids}',
  'This household has no current members': 'Questo nucleo familiare non ha componenti attuali',
  "The visit was recorded in another centre than the case's":
    'L’accesso è stato registrato in un centro diverso da quello della presa in carico',
  'The visit is of someone the case does not name': 'L’accesso è di una persona che la presa in carico non comprende',
  'A case cannot be closed on a future date': 'Una presa in carico non può essere chiusa in una data futura',
  'A case cannot be closed before it was opened ({date})': 'Una presa in carico non può essere chiusa prima dell’apertura ({date})',
  'A case cannot be reopened on a future date': 'Una presa in carico non può essere riaperta in una data futura',
  'A case is reopened after its last closing ({date})': 'Una presa in carico si riapre dopo l’ultima chiusura ({date})',
  'Cannot be dated before the case was opened ({date})': 'La data non può essere prima dell’apertura della presa in carico ({date})',
  'A household case cannot be opened before all its members joined the household ({date})':
    'La presa in carico di un nucleo non può iniziare prima che tutti i componenti ne facciano parte ({date})',

  // households
  'A person can be named only once': 'Una persona può essere indicata una sola volta',
  'A household has one reference person': 'Un nucleo familiare ha una sola persona di riferimento',
  'A person cannot join a household in the future': 'Una persona non può entrare in un nucleo in una data futura',
  'A person belongs to one household at a time: joining must be on or after {date}, when the previous membership ends':
    'Una persona fa parte di un solo nucleo alla volta: l’ingresso deve essere il {date} o dopo, quando finisce l’appartenenza precedente',
  'A person cannot leave a household in the future': 'Una persona non può lasciare un nucleo in una data futura',
  'A person cannot leave before joining ({date})': 'Una persona non può uscire dal nucleo prima di esserci entrata ({date})',

  // activities
  'Unknown or inactive application type: {id}': 'Tipo di domanda sconosciuto o non attivo: {id}',
  'The visit is of a person: name them, or leave the visit out': 'L’accesso è di una persona: indicala, oppure togli l’accesso',
  'The visit is of another person': 'L’accesso è di un’altra persona',

  // calendar
  'The end cannot be before the start': 'La fine non può essere prima dell’inizio',
  'Expected a real day of the year': 'Giorno dell’anno non valido',
  'Expected a day as MM-DD': 'Giorno non valido (MM-GG)',
  'Ask for at most a year at a time': 'Al massimo un anno alla volta',
  'The slot {time}–{time} ends before it starts': 'La fascia {time}–{time} finisce prima di iniziare',
  'Two slots overlap on weekday {weekday}': 'Due fasce si sovrappongono nel giorno {weekday} della settimana',

  // courses
  'A weekday is named twice': 'Un giorno della settimana è indicato due volte',
  'Choose at least one weekday': 'Scegli almeno un giorno della settimana',
  'The end date is before the start date': 'La data di fine è prima della data di inizio',
  'A course lasts at most two years': 'Un corso dura al massimo due anni',
  'The withdrawal is before the enrolment': 'Il ritiro è prima dell’iscrizione',
  'A learner is named twice': 'Un corsista è indicato due volte',
  '0 normal, 1 high, 2 urgent': 'Priorità non valida (0 normale, 1 alta, 2 urgente)',
  'The closing date is before the request': 'La data di chiusura è prima della richiesta',
  'Unknown or inactive course kind: {id}': 'Tipo di corso sconosciuto o non attivo: {id}',
  'The date is after the course’s end': 'La data è dopo la fine del corso',
  'Not a learner of this course on the lesson’s date': 'Non è corsista di questo corso alla data della lezione',
  'The enrolment is before the request': 'L’iscrizione è prima della richiesta',

  // events, network
  'Choose at least one organisation': 'Scegli almeno un’organizzazione',
  'Unknown or inactive organisation: {ids}': 'Organizzazione sconosciuta o non attiva: {ids}',
  'An end time needs a start time': 'Per l’ora di fine serve l’ora di inizio',
  'The end time must come after the start time': 'L’ora di fine deve essere dopo l’ora di inizio',

  // reports
  'Expected free-<letters, digits, dashes>': 'Identificativo non valido (free- seguito da lettere, cifre e trattini)',
  'The year cannot be in the future': 'L’anno non può essere nel futuro',
  'Each block needs its own id': 'Ogni blocco deve avere un identificativo diverso',
  'Name the table to export': 'Indica la tabella da esportare',
};

/** What each placeholder matches in the server's message. */
const PLACEHOLDER_PATTERNS: Record<string, string> = {
  date: String.raw`(\d{4}-\d{2}-\d{2})`,
  ids: String.raw`(\d+(?:, \d+)*)`,
  id: String.raw`(\d+)`,
  time: String.raw`(\d{2}:\d{2})`,
  weekday: String.raw`(\d+)`,
};

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

interface Template {
  pattern: RegExp;
  names: string[];
  italian: string;
}

/** The messages with placeholders, as patterns: the others are looked up as they are. */
const TEMPLATES: Template[] = Object.entries(CUSTOM_FIELD_MESSAGES_IT)
  .filter(([english]) => /\{\w+\}/.test(english))
  .map(([english, italian]) => {
    const names: string[] = [];
    const source = english
      .split(/(\{\w+\})/)
      .map((part) => {
        const name = /^\{(\w+)\}$/.exec(part)?.[1];
        if (!name) return escapeRegExp(part);
        names.push(name);
        return PLACEHOLDER_PATTERNS[name] ?? '(.+?)';
      })
      .join('');
    return { pattern: new RegExp(`^${source}$`), names, italian };
  });

/** The Italian of one of our custom messages, or undefined when it is not one of them. */
export function customMessageIt(message: string): string | undefined {
  if (Object.hasOwn(CUSTOM_FIELD_MESSAGES_IT, message) && !/\{\w+\}/.test(message)) return CUSTOM_FIELD_MESSAGES_IT[message];
  for (const template of TEMPLATES) {
    const match = template.pattern.exec(message);
    if (!match) continue;
    // Each name's values in the order they came: {time}–{time} takes the first, then the second.
    const values = new Map<string, string[]>();
    for (const [i, name] of template.names.entries()) values.set(name, [...(values.get(name) ?? []), match[i + 1] ?? '']);
    return template.italian.replace(/\{(\w+)\}/g, (_, name: string) => {
      const value = values.get(name)?.shift() ?? '';
      return name === 'date' ? shortDate(value) : value;
    });
  }
  return undefined;
}

export const GENERIC_FIELD_MESSAGE_IT = 'Valore non valido';
const REQUIRED_IT = 'Campo obbligatorio';

const boundText = (value: number | string | undefined) => (typeof value === 'number' ? italianNumber(value) : String(value ?? ''));

const isDateBound = (value: unknown): value is string => typeof value === 'string' && /^\d{4}-\d{2}-\d{2}/.test(value);

/** zod's own checks, by issue code and parameters. */
function genericMessageIt(error: FieldError): string {
  const { origin } = error;
  switch (error.code) {
    case 'invalid_type':
      if (error.received === 'undefined' || error.received === 'null') return REQUIRED_IT;
      if (error.expected === 'int') return 'Inserisci un numero intero';
      if (error.expected === 'number') return 'Inserisci un numero';
      if (error.expected === 'string') return 'Inserisci un testo';
      if (error.expected === 'date') return 'Data non valida';
      return GENERIC_FIELD_MESSAGE_IT;
    case 'too_small': {
      const n = boundText(error.minimum);
      if (origin === 'string') {
        if (error.exact) return `Esattamente ${n} caratteri`;
        return error.minimum === 1 ? REQUIRED_IT : `Almeno ${n} caratteri`;
      }
      if (origin === 'array' || origin === 'set') return error.minimum === 1 ? 'Scegline almeno uno' : `Almeno ${n} elementi`;
      if (origin === 'number' || origin === 'int' || origin === 'bigint') {
        return error.inclusive === false ? `Deve essere maggiore di ${n}` : `Il valore minimo è ${n}`;
      }
      if (origin === 'date' && isDateBound(error.minimum))
        return `La data non può essere prima del ${shortDate(error.minimum.slice(0, 10))}`;
      return GENERIC_FIELD_MESSAGE_IT;
    }
    case 'too_big': {
      const n = boundText(error.maximum);
      if (origin === 'string') return error.exact ? `Esattamente ${n} caratteri` : `Al massimo ${n} caratteri`;
      if (origin === 'array' || origin === 'set') return `Al massimo ${n} elementi`;
      if (origin === 'number' || origin === 'int' || origin === 'bigint') {
        return error.inclusive === false ? `Deve essere minore di ${n}` : `Il valore massimo è ${n}`;
      }
      if (origin === 'date' && isDateBound(error.maximum)) return `La data non può essere dopo il ${shortDate(error.maximum.slice(0, 10))}`;
      return GENERIC_FIELD_MESSAGE_IT;
    }
    case 'invalid_format':
      if (error.format === 'email') return 'Indirizzo e-mail non valido';
      if (error.format === 'url') return 'Indirizzo web non valido';
      if (error.format === 'date' || error.format === 'datetime') return 'Data non valida';
      if (error.format === 'time') return 'Ora non valida';
      return 'Formato non valido';
    case 'invalid_value':
      return 'Scegli uno dei valori proposti';
    case 'unrecognized_keys':
      return error.keys?.length ? `Campi non previsti: ${error.keys.join(', ')}` : 'Campi non previsti';
    case 'not_multiple_of':
      return error.divisor === undefined ? GENERIC_FIELD_MESSAGE_IT : `Deve essere un multiplo di ${boundText(error.divisor)}`;
    default:
      return GENERIC_FIELD_MESSAGE_IT;
  }
}

/** The message to show under a field for this error, in this language. */
export function fieldMessage(error: FieldError, locale: Locale): string {
  if (locale === 'en') return error.message;
  // A custom message given to one of zod's checks (.min(1, 'Choose at least one …')) wins over the generic one.
  return customMessageIt(error.message) ?? genericMessageIt(error);
}
