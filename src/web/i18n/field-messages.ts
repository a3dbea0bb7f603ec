/**
 * The message under a form field, in the UI's language. The API's own messages come with a
 * stable code (contracts/messages/) and their values: the text is the code's, in the UI's
 * language. zod's own checks come with zod's issue code and its parameters: in Italian a
 * generic message by code, in English the server's. Anything not known reads
 * "Valore non valido", never English.
 */
import type { FieldError } from '../../contracts/errors.js';
import type { Locale } from '../../contracts/labels.js';
import { fillMessage, isMessageCode, MESSAGES } from '../../contracts/messages/index.js';
import { italianNumber, shortDate } from '../../domain/report/italian.js';

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

/** One of the API's own messages, in this language (dates in Italian as 17/05/2024). */
function ourMessage(error: FieldError & { code: keyof typeof MESSAGES }, locale: Locale): string {
  const format = (name: string, value: string | number) =>
    locale === 'it' && name === 'date' && typeof value === 'string' ? shortDate(value) : String(value);
  return fillMessage(MESSAGES[error.code][locale], error.params, format);
}

/** The message to show under a field for this error, in this language. */
export function fieldMessage(error: FieldError, locale: Locale): string {
  if (isMessageCode(error.code)) return ourMessage({ ...error, code: error.code }, locale);
  return locale === 'en' ? error.message : genericMessageIt(error);
}
