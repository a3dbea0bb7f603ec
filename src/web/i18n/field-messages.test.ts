import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it as test } from 'vitest';
import { scanFieldMessages, schemaMessages } from '../../../test/support/field-messages.js';
import type { FieldError } from '../../contracts/errors.js';
import { codeOfEnglish, MESSAGES, type MessageTexts } from '../../contracts/messages/index.js';
import { fieldMessage, GENERIC_FIELD_MESSAGE_IT } from './field-messages.js';

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
  });
});

describe('our own messages, by code', () => {
  test('worded from the code and its values in the UI’s language, dates in Italian', () => {
    const closed = zod(
      'case.closed_before_opening',
      { params: { date: '2024-05-01' } },
      'A case cannot be closed before it was opened (2024-05-01)',
    );
    expect(italian(closed)).toBe('Una presa in carico non può essere chiusa prima dell’apertura (01/05/2024)');
    expect(fieldMessage(closed, 'en')).toBe('A case cannot be closed before it was opened (2024-05-01)');
    expect(italian(zod('network.organisation_unknown', { params: { ids: '3, 4' } }))).toBe('Organizzazione sconosciuta o non attiva: 3, 4');
    expect(italian(zod('hours.slot_ends_before_start', { params: { from: '14:00', to: '09:30' } }))).toBe(
      'La fascia 14:00–09:30 finisce prima di iniziare',
    );
    // The code decides, whatever English the server sent: a changed sentence loses nothing.
    expect(italian(zod('visit.topic_required', { origin: 'array', minimum: 1 }, 'Pick a topic, please'))).toBe(
      'Scegli almeno una tipologia di richiesta',
    );
    expect(fieldMessage(zod('visit.topic_required', {}, 'Pick a topic, please'), 'en')).toBe('Choose at least one request topic');
  });

  test('every code has an Italian and an English text, different, with the same placeholders', () => {
    const placeholders = (text: string) => (text.match(/\{\w+\}/g) ?? []).sort();
    expect(Object.keys(MESSAGES).length).toBeGreaterThan(80);
    for (const [code, texts] of Object.entries(MESSAGES) as Array<[string, MessageTexts]>) {
      expect(code).toMatch(/^[a-z_]+\.[a-z_]+$/);
      expect(texts.it.trim(), code).not.toBe('');
      expect(texts.en.trim(), code).not.toBe('');
      expect(texts.it, code).not.toBe(texts.en);
      expect(placeholders(texts.it), code).toEqual(placeholders(texts.en));
    }
  });

  test('no field message is written in English in the sources: each goes through its code', () => {
    // The scan works: it finds a message written inline in a file like ours.
    const fixture = mkdtempSync(join(tmpdir(), 'approdo-messages-'));
    for (const dir of ['src/contracts', 'src/modules/x', 'src/domain']) mkdirSync(join(fixture, dir), { recursive: true });
    writeFileSync(join(fixture, 'src/modules/x/x.usecases.ts'), "throw validationFailed([{ field: 'a', message: 'Written inline' }]);\n");
    writeFileSync(join(fixture, 'src/contracts/x.ts'), "export const a = z.string().min(1, 'Also inline');\n");
    // An area's error factories hold the problems' English details, not field messages.
    writeFileSync(join(fixture, 'src/modules/x/x.errors.ts'), "export const e = createErrorFactory({ message: 'A detail' });\n");
    expect([...scanFieldMessages(fixture).keys()].sort()).toEqual(['Also inline', 'Written inline']);
    rmSync(fixture, { recursive: true, force: true });
    expect([...scanFieldMessages(ROOT)].map(([message, where]) => `${message} (${where.join(', ')})`)).toEqual([]);
  });

  test('every custom message of the contracts’ zod schemas, walked at run time, is one of ours', () => {
    const contracts = import.meta.glob(['../../contracts/*.ts', '!../../contracts/*.test.ts'], { eager: true });
    const messages = schemaMessages(Object.values(contracts));
    // The walk itself works: it reaches refinements, checks' messages and nested schemas.
    expect(messages.size).toBeGreaterThan(25);
    expect([...messages]).toEqual(expect.arrayContaining([MESSAGES['date.not_real'].en, MESSAGES['visit.topic_required'].en]));
    expect([...messages].filter((message) => codeOfEnglish(message) === undefined)).toEqual([]);
  });
});
