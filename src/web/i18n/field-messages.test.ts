import { fileURLToPath } from 'node:url';
import { describe, expect, it as test } from 'vitest';
import { scanFieldMessages, schemaMessages } from '../../../test/support/field-messages.js';
import type { FieldError } from '../../contracts/errors.js';
import { CUSTOM_FIELD_MESSAGES_IT, customMessageIt, fieldMessage, GENERIC_FIELD_MESSAGE_IT } from './field-messages.js';

const ROOT = fileURLToPath(new URL('../../..', import.meta.url));

const zod = (code: string, params: Partial<FieldError> = {}, message = 'Some English text from zod'): FieldError => ({
  path: 'body.field',
  message,
  code,
  ...params,
});
const italian = (error: FieldError) => fieldMessage(error, 'it');

describe('field messages in Italian, by code and parameters', () => {
  test('missing and empty fields are required', () => {
    expect(italian(zod('invalid_type', { expected: 'string', received: 'undefined' }))).toBe('Campo obbligatorio');
    expect(italian(zod('invalid_type', { expected: 'number', received: 'null' }))).toBe('Campo obbligatorio');
    expect(italian(zod('too_small', { origin: 'string', minimum: 1, inclusive: true }))).toBe('Campo obbligatorio');
  });

  test('wrong types', () => {
    expect(italian(zod('invalid_type', { expected: 'int', received: 'number' }))).toBe('Inserisci un numero intero');
    expect(italian(zod('invalid_type', { expected: 'number', received: 'string' }))).toBe('Inserisci un numero');
    expect(italian(zod('invalid_type', { expected: 'string', received: 'number' }))).toBe('Inserisci un testo');
    expect(italian(zod('invalid_type', { expected: 'array', received: 'number' }))).toBe(GENERIC_FIELD_MESSAGE_IT);
  });

  test('lengths, counts and bounds', () => {
    expect(italian(zod('too_small', { origin: 'string', minimum: 3, inclusive: true }))).toBe('Almeno 3 caratteri');
    expect(italian(zod('too_big', { origin: 'string', maximum: 200, inclusive: true }))).toBe('Al massimo 200 caratteri');
    expect(italian(zod('too_big', { origin: 'string', maximum: 16, inclusive: true, exact: true }))).toBe('Esattamente 16 caratteri');
    expect(italian(zod('too_big', { origin: 'string', maximum: 20000, inclusive: true }))).toBe('Al massimo 20.000 caratteri');
    expect(italian(zod('too_small', { origin: 'number', minimum: 1, inclusive: true }))).toBe('Il valore minimo è 1');
    expect(italian(zod('too_small', { origin: 'number', minimum: 0, inclusive: false }))).toBe('Deve essere maggiore di 0');
    expect(italian(zod('too_big', { origin: 'number', maximum: 100, inclusive: true }))).toBe('Il valore massimo è 100');
    expect(italian(zod('too_small', { origin: 'array', minimum: 1, inclusive: true }))).toBe('Scegline almeno uno');
    expect(italian(zod('too_small', { origin: 'array', minimum: 2, inclusive: true }))).toBe('Almeno 2 elementi');
    expect(italian(zod('too_big', { origin: 'array', maximum: 20, inclusive: true }))).toBe('Al massimo 20 elementi');
    expect(italian(zod('too_small', { origin: 'date', minimum: '2024-05-17T00:00:00.000Z' }))).toBe(
      'La data non può essere prima del 17/05/2024',
    );
  });

  test('formats, choices and unknown fields', () => {
    expect(italian(zod('invalid_format', { origin: 'string', format: 'email' }))).toBe('Indirizzo e-mail non valido');
    expect(italian(zod('invalid_format', { origin: 'string', format: 'regex' }))).toBe('Formato non valido');
    expect(italian(zod('invalid_format', { origin: 'string', format: 'date' }))).toBe('Data non valida');
    expect(italian(zod('invalid_value', { values: ['male', 'female'] }))).toBe('Scegli uno dei valori proposti');
    expect(italian(zod('unrecognized_keys', { keys: ['role', 'admin'] }))).toBe('Campi non previsti: role, admin');
    expect(italian(zod('not_multiple_of', { divisor: 5 }))).toBe('Deve essere un multiplo di 5');
  });

  test('anything not known is "Valore non valido", never English', () => {
    expect(italian(zod('invalid_union'))).toBe(GENERIC_FIELD_MESSAGE_IT);
    expect(italian(zod('custom', {}, 'A message nobody translated'))).toBe(GENERIC_FIELD_MESSAGE_IT);
    expect(italian(zod('some_future_code'))).toBe(GENERIC_FIELD_MESSAGE_IT);
    expect(italian(zod('custom', {}, 'constructor'))).toBe(GENERIC_FIELD_MESSAGE_IT);
  });

  test('in English the server’s message is shown as it is', () => {
    const error = zod('too_small', { origin: 'string', minimum: 3 }, 'Too small: expected string to have >=3 characters');
    expect(fieldMessage(error, 'en')).toBe('Too small: expected string to have >=3 characters');
    expect(fieldMessage(zod('custom', {}, 'Unknown or inactive organisation: 3, 4'), 'en')).toBe('Unknown or inactive organisation: 3, 4');
  });
});

describe('our custom messages in Italian', () => {
  test('by their English text, whatever the code', () => {
    expect(italian(zod('custom', {}, 'The date cannot be in the future'))).toBe('La data non può essere nel futuro');
    expect(
      italian(zod('invalid_format', { format: 'regex' }, 'Not a valid codice fiscale (16 characters or the 11-digit provisional number)')),
    ).toBe('Codice fiscale non valido (16 caratteri, oppure il numero provvisorio di 11 cifre)');
    // A custom message given to a zod check wins over the generic one of its code.
    expect(italian(zod('too_small', { origin: 'array', minimum: 1 }, 'Choose at least one request topic'))).toBe(
      'Scegli almeno una tipologia di richiesta',
    );
    expect(italian(zod('too_small', { origin: 'string', minimum: 12 }, 'At least 12 characters'))).toBe('Almeno 12 caratteri');
  });

  test('the ones ending with a list of ids, a date or times', () => {
    expect(customMessageIt('Unknown or inactive organisation: 3, 4')).toBe('Organizzazione sconosciuta o non attiva: 3, 4');
    expect(customMessageIt('Unknown or inactive organisation: 12')).toBe('Organizzazione sconosciuta o non attiva: 12');
    expect(customMessageIt('Unknown or inactive request topic: 7, 8, 9')).toBe('Tipologia di richiesta sconosciuta o non attiva: 7, 8, 9');
    expect(customMessageIt('Not current members of the household: 5')).toBe('Non fanno parte ora del nucleo familiare: 5');
    expect(customMessageIt('Unknown or inactive course kind: 41')).toBe('Tipo di corso sconosciuto o non attivo: 41');
    expect(customMessageIt('A case cannot be closed before it was opened (2024-05-01)')).toBe(
      'Una presa in carico non può essere chiusa prima dell’apertura (01/05/2024)',
    );
    expect(customMessageIt('The slot 14:00–09:30 ends before it starts')).toBe('La fascia 14:00–09:30 finisce prima di iniziare');
    // Not a list of ids: not the pattern.
    expect(customMessageIt('Unknown or inactive organisation: all of them')).toBeUndefined();
    expect(italian(zod('custom', {}, 'Unknown or inactive organisation: all of them'))).toBe(GENERIC_FIELD_MESSAGE_IT);
  });

  test('every custom message written in the sources has an Italian text', () => {
    const found = scanFieldMessages(ROOT);
    // The scan itself works: it finds messages of each kind of source.
    expect(found.size).toBeGreaterThan(60);
    for (const known of [
      'Choose at least one request topic', // zod check argument (contracts)
      'Expected a real calendar date as YYYY-MM-DD', // refine message (contracts)
      'A course lasts at most two years', // a contract's …Problems function
      'Unknown or inactive organisation: {}', // validationFailed template (modules)
      'Required when you work in more than one centre', // an AppError's errors (modules)
      'A person cannot leave before joining ({})', // a domain …Problem function
    ]) {
      expect([...found.keys()]).toContain(known);
    }
    const translated = new Set(Object.keys(CUSTOM_FIELD_MESSAGES_IT).map((english) => english.replace(/\{\w+\}/g, '{}')));
    const missing = [...found]
      .filter(([message]) => !translated.has(message))
      .map(([message, where]) => `${message} (${where.join(', ')})`);
    expect(missing, 'add these to CUSTOM_FIELD_MESSAGES_IT in src/web/i18n/field-messages.ts').toEqual([]);
  });

  test('every custom message of the contracts’ zod schemas, walked at run time, has an Italian text', () => {
    const contracts = import.meta.glob(['../../contracts/*.ts', '!../../contracts/*.test.ts'], { eager: true });
    const messages = schemaMessages(Object.values(contracts));
    // The walk itself works: it reaches refinements, checks' messages and nested schemas.
    expect(messages.size).toBeGreaterThan(25);
    expect([...messages]).toEqual(
      expect.arrayContaining(['Expected a real calendar date as YYYY-MM-DD', 'Choose at least one request topic']),
    );
    expect([...messages].filter((message) => customMessageIt(message) === undefined)).toEqual([]);
  });

  test('no Italian text left empty or still English', () => {
    for (const [english, text] of Object.entries(CUSTOM_FIELD_MESSAGES_IT)) {
      expect(text, english).not.toBe('');
      expect(text, english).not.toBe(english);
      const placeholders = (s: string) => (s.match(/\{\w+\}/g) ?? []).sort();
      expect(placeholders(text), english).toEqual(placeholders(english));
    }
  });
});
