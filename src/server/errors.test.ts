/**
 * Field errors carry, beside the English message, zod's issue code and the parameters a
 * client needs to say it in its own language (the web app's Italian); the API's own checks
 * have the code `custom`. Never the value that was sent.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { type Api, api, expectProblem, loginAs, seedCast, startTestApp, type TestApp } from '../../test/support/app.js';
import { DIALECTS, describeDialect } from '../../test/support/databases.js';
import type { FieldError } from '../contracts/errors.js';

const PERSON = { givenNames: 'Amadou', familyNames: 'Traoré', gender: 'male', citizenship: 'ML', birthDate: '1988-08-08' };

for (const dialect of DIALECTS) {
  describeDialect(dialect)(`${dialect}: field errors with codes`, () => {
    let t: TestApp;
    let operator: Api;

    beforeAll(async () => {
      t = await startTestApp(dialect);
      const cast = await seedCast(t.db);
      operator = api(t.app, await loginAs(t.app, cast.operatorA.email));
    });
    afterAll(() => t?.close());

    /** The field errors of a 400 validation problem, by path. */
    const fieldErrors = async (res: Promise<import('fastify').LightMyRequestResponse>): Promise<Record<string, FieldError>> => {
      const problem = expectProblem(await res, 400, 'validation.failed');
      return Object.fromEntries((problem.errors ?? []).map((e) => [e.path, e]));
    };

    it('zod issues: the code and its parameters, the English message kept', async () => {
      const { givenNames: _, ...withoutName } = PERSON;
      const errors = await fieldErrors(
        operator.post('/people', {
          ...withoutName,
          familyNames: 'x'.repeat(101),
          gender: 'unknown_value',
          email: 'not-an-email',
          birthDate: 19880808,
          role: 'admin',
        }),
      );
      expect(errors['body.givenNames']).toEqual({
        path: 'body.givenNames',
        message: 'Invalid input: expected string, received undefined',
        code: 'invalid_type',
        expected: 'string',
        received: 'undefined',
      });
      expect(errors['body.birthDate']).toMatchObject({ code: 'invalid_type', expected: 'string', received: 'number' });
      expect(errors['body.familyNames']).toMatchObject({ code: 'too_big', origin: 'string', maximum: 100, inclusive: true });
      expect(errors['body.familyNames']?.message).toMatch(/100/);
      expect(errors['body.gender']).toMatchObject({ code: 'invalid_value', values: expect.arrayContaining(['male', 'female']) });
      expect(errors['body.email']).toMatchObject({ code: 'invalid_format', format: 'email', message: 'Invalid email address' });
      expect(errors.body).toMatchObject({ code: 'unrecognized_keys', keys: ['role'] });
      // Nothing of what was sent comes back: no input, no pattern.
      for (const error of Object.values(errors)) {
        expect(Object.keys(error).sort()).not.toContain('input');
        expect(JSON.stringify(error)).not.toContain('not-an-email');
      }
    });

    it('numbers and lists: minimum and maximum, with their origin', async () => {
      const page = await fieldErrors(operator.get('/visits', { page: 0 }));
      expect(page['querystring.page']).toMatchObject({ code: 'too_small', origin: 'number', minimum: 1, inclusive: true });
      const pageSize = await fieldErrors(operator.get('/visits', { pageSize: 1000 }));
      expect(pageSize['querystring.pageSize']).toMatchObject({ code: 'too_big', origin: 'number', maximum: expect.any(Number) });
      const topics = await fieldErrors(
        operator.post('/visits', { anonymous: { gender: 'female', citizenship: 'MA', ageBand: '30-44' }, topicIds: [] }),
      );
      // A check given one of our messages takes its code, and keeps the check's parameters.
      expect(topics['body.topicIds']).toMatchObject({
        code: 'visit.topic_required',
        origin: 'array',
        minimum: 1,
        message: 'Choose at least one request topic',
      });
    });

    it("our own checks: the message's stable code, its values, the English text from the catalogue", async () => {
      const fiscal = await fieldErrors(operator.post('/people', { ...PERSON, fiscalCode: 'ABCDEF12G34H567I' }));
      expect(fiscal['body.fiscalCode']).toEqual({
        path: 'body.fiscalCode',
        code: 'person.codice_fiscale_not_valid',
        message: 'Not a valid codice fiscale (16 characters or the 11-digit provisional number)',
      });
      // A use case's field names the field of its input; the API says it came in the body.
      const topic = await fieldErrors(
        operator.post('/visits', { anonymous: { gender: 'female', citizenship: 'MA', ageBand: '30-44' }, topicIds: [999999] }),
      );
      expect(topic['body.topicIds']).toEqual({
        path: 'body.topicIds',
        code: 'visit.topic_unknown',
        params: { ids: '999999' },
        message: 'Unknown or inactive request topic: 999999',
      });
      // A refinement with values carries them too (superRefine's issue()).
      const course = await fieldErrors(
        operator.post('/courses', {
          kindId: 1,
          title: 'Corso',
          startDate: '2024-05-10',
          endDate: '2024-05-01',
          weekdays: [1],
          startTime: '09:00',
          lessonMinutes: 180,
        }),
      );
      expect(course['body.endDate']).toMatchObject({ code: 'course.end_before_start', message: 'The end date is before the start date' });
    });

    it('the OpenAPI document declares the field errors with their code', async () => {
      const doc = (await api(t.app, null).get('/api/openapi.json')).json<{
        components: { schemas: Record<string, { properties?: Record<string, unknown>; required?: string[] }> };
      }>();
      const fieldError = doc.components.schemas.FieldError;
      expect(Object.keys(fieldError?.properties ?? {})).toEqual(
        expect.arrayContaining(['path', 'message', 'code', 'origin', 'minimum', 'maximum', 'format', 'expected', 'keys', 'params']),
      );
      expect(fieldError?.required).toEqual(expect.arrayContaining(['path', 'message', 'code']));
    });
  });
}
