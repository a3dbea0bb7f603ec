/** Privacy notices given to people and erasure requests (issue 14), on both databases. */
import { afterAll, beforeAll, expect, it } from 'vitest';
import {
  type Api,
  actorOf,
  api,
  auditRowsOf,
  type Cast,
  expectProblem,
  expectStatus,
  loginAs,
  seedCast,
  startTestApp,
  type TestApp,
} from '../../../test/support/app.js';
import { DIALECTS, describeDialect } from '../../../test/support/databases.js';
import { erasurePath, whilePersonDeletesRefused } from '../../../test/support/erasure.js';
import type { CentreSettings } from '../../contracts/centres.js';
import type { Page } from '../../contracts/common.js';
import type { Person } from '../../contracts/people.js';
import type { PersonFile } from '../../contracts/person-file.js';
import type { ErasureRequest, PersonPrivacy, PrivacyNotice } from '../../contracts/privacy.js';
import { todayInRome } from '../../domain/dates.js';
import { addDays } from '../../domain/deadlines.js';
import { decideErasureRequest } from '../people/people.usecases.js';

const noticesPath = (personId: number) => `/people/${personId}/privacy-notices`;
const fieldCodes = (problem: { errors?: { path: string; code: string }[] }) => problem.errors?.map((e) => [e.path, e.code]);

for (const dialect of DIALECTS) {
  describeDialect(dialect)(`${dialect}: privacy notices and erasure requests`, () => {
    let t: TestApp;
    let cast: Cast;
    let operator: Api;
    let operatorB: Api;
    let coordinator: Api;
    let admin: Api;
    let viewer: Api;

    beforeAll(async () => {
      t = await startTestApp(dialect);
      cast = await seedCast(t.db);
      [operator, operatorB, coordinator, admin, viewer] = (await Promise.all(
        [cast.operatorA, cast.operatorB, cast.coordinator, cast.admin, cast.viewer].map(async (user) =>
          api(t.app, await loginAs(t.app, user.email)),
        ),
      )) as [Api, Api, Api, Api, Api];
    });
    afterAll(() => t?.close());

    let counter = 0;
    const newPerson = async (as: Api = operator) =>
      expectStatus<Person>(
        await as.post('/people', {
          givenNames: 'Test',
          familyNames: `Riservato${++counter}`,
          gender: 'female',
          citizenship: 'TN',
          confirmNotDuplicate: true,
        }),
        201,
      );
    const setNoticeVersion = async (centreId: number, privacyNoticeVersion: string) => {
      const settings = expectStatus<CentreSettings>(await coordinator.get(`/centres/${centreId}/settings`), 200);
      expectStatus(await coordinator.patch(`/centres/${centreId}/settings`, { version: settings.version, privacyNoticeVersion }), 200);
    };
    const details = (rows: Array<{ details: string | null }>) => rows.map((row) => JSON.parse(row.details ?? 'null'));

    it('a person with no notice is "missing" on their file; a notice recorded makes it current, and is logged', async () => {
      const person = await newPerson();
      const file = expectStatus<PersonFile>(await operator.get(`/people/${person.id}/file`), 200);
      expect(file.privacy).toEqual({ state: 'missing', currentVersion: '1', notices: [] });

      const notice = expectStatus<PrivacyNotice>(
        await operator.post(noticesPath(person.id), { givenOn: todayInRome(), language: 'ar' }),
        201,
      );
      expect(notice).toMatchObject({
        personId: person.id,
        centreId: cast.centreA.id,
        givenOn: todayInRome(),
        noticeVersion: '1', // the centre's current one, when left out
        language: 'ar',
        givenBy: { id: cast.operatorA.id, displayName: 'Omar Operatore' },
      });
      const privacy = expectStatus<PersonPrivacy>(await operator.get(noticesPath(person.id)), 200);
      expect(privacy).toEqual({ state: 'current', currentVersion: '1', notices: [notice] });
      expect(expectStatus<PersonFile>(await operator.get(`/people/${person.id}/file`), 200).privacy.state).toBe('current');

      const created = await auditRowsOf(t.db, 'privacy_notice', notice.id);
      expect(created.map((row) => [row.action, row.userId, row.centreId])).toEqual([['create', cast.operatorA.id, cast.centreA.id]]);
      expect(details(created)).toEqual([{ personId: person.id }]);
      // Reading the notices is reading the file.
      const reads = (await auditRowsOf(t.db, 'person', person.id)).filter((row) => row.action === 'read');
      expect(details(reads)).toContainEqual({ part: 'privacy_notices' });
    });

    it('a new notice version makes the last notice given "outdated" until the new one is given', async () => {
      const person = await newPerson();
      expectStatus(await operator.post(noticesPath(person.id), { givenOn: '2023-03-01', language: 'it' }), 201);
      await setNoticeVersion(cast.centreA.id, '2024-01');
      try {
        const outdated = expectStatus<PersonPrivacy>(await operator.get(noticesPath(person.id)), 200);
        expect(outdated).toMatchObject({ state: 'outdated', currentVersion: '2024-01', notices: [{ noticeVersion: '1' }] });
        // An older notice recorded later (typed in after the fact) does not hide the last one given.
        expectStatus(
          await operator.post(noticesPath(person.id), { givenOn: todayInRome(), language: 'fr', noticeVersion: '2024-01' }),
          201,
        );
        expectStatus(await operator.post(noticesPath(person.id), { givenOn: '2022-01-10', language: 'it', noticeVersion: '0' }), 201);
        const current = expectStatus<PersonPrivacy>(await operator.get(noticesPath(person.id)), 200);
        expect(current.state).toBe('current');
        expect(current.notices.map((n) => n.noticeVersion)).toEqual(['2024-01', '1', '0']);
      } finally {
        await setNoticeVersion(cast.centreA.id, '1');
      }
    });

    it('refuses a language not in the list, a date in the future, an empty version and unknown fields (problem+json)', async () => {
      const person = await newPerson();
      const tomorrow = addDays(todayInRome(), 1);
      expect(
        fieldCodes(
          expectProblem(await operator.post(noticesPath(person.id), { givenOn: todayInRome(), language: 'xx' }), 400, 'validation.failed'),
        ),
      ).toEqual([['body.language', 'invalid_value']]);
      expect(
        fieldCodes(
          expectProblem(await operator.post(noticesPath(person.id), { givenOn: tomorrow, language: 'it' }), 400, 'validation.failed'),
        ),
      ).toEqual([['body.givenOn', 'date.in_future']]);
      expectProblem(
        await operator.post(noticesPath(person.id), { givenOn: todayInRome(), language: 'it', noticeVersion: ' ' }),
        400,
        'validation.failed',
      );
      expectProblem(
        await operator.post(noticesPath(person.id), { givenOn: todayInRome(), language: 'it', givenBy: 1 }),
        400,
        'validation.failed',
      );
      expectProblem(
        await coordinator.patch(`/centres/${cast.centreA.id}/settings`, { version: 1, privacyNoticeVersion: '' }),
        400,
        'validation.failed',
      );
      expect(await t.db.selectFrom('privacyNotices').select('id').where('personId', '=', person.id).execute()).toEqual([]);
    });

    it("another centre's operator finds no such person or notice (404); a viewer may not read or record (403); a wrong entry is deleted, audited", async () => {
      const person = await newPerson();
      const notice = expectStatus<PrivacyNotice>(
        await operator.post(noticesPath(person.id), { givenOn: '2024-02-01', language: 'en' }),
        201,
      );
      expectProblem(await operatorB.get(noticesPath(person.id)), 404, 'resource.not_found');
      expectProblem(await operatorB.post(noticesPath(person.id), { givenOn: '2024-02-01', language: 'en' }), 404, 'resource.not_found');
      expectProblem(await operatorB.delete(`/privacy-notices/${notice.id}`), 404, 'resource.not_found');
      expectProblem(await viewer.get(noticesPath(person.id)), 403, 'auth.forbidden');
      expectProblem(await viewer.post(noticesPath(person.id), { givenOn: '2024-02-01', language: 'en' }), 403, 'auth.forbidden');
      expectProblem(await viewer.delete(`/privacy-notices/${notice.id}`), 403, 'auth.forbidden');

      expectStatus(await operator.delete(`/privacy-notices/${notice.id}`), 204);
      expectProblem(await operator.delete(`/privacy-notices/${notice.id}`), 404, 'resource.not_found');
      expect(expectStatus<PersonPrivacy>(await operator.get(noticesPath(person.id)), 200).state).toBe('missing');
      const rows = await auditRowsOf(t.db, 'privacy_notice', notice.id);
      expect(rows.map((row) => row.action)).toEqual(['create', 'delete']);
      expect(details(rows)).toEqual([{ personId: person.id }, { personId: person.id }]);
    });

    it('an erasure request decided "erased" erases the file with the request recorded; the notices go with the file', async () => {
      const person = await newPerson();
      expectStatus(await operator.post(noticesPath(person.id), { givenOn: '2024-02-01', language: 'it' }), 201);
      const request = expectStatus<ErasureRequest>(
        await coordinator.post(erasurePath(person.id), {
          requestedOn: '2024-03-04',
          reason: 'Richiesta scritta del 4 marzo',
          outcome: 'erased',
        }),
        201,
      );
      expect(request).toMatchObject({
        personId: person.id,
        centreId: cast.centreA.id,
        requestedOn: '2024-03-04',
        reason: 'Richiesta scritta del 4 marzo',
        outcome: 'erased',
        refusalReason: null,
        decidedBy: { id: cast.coordinator.id, displayName: 'Carla Coordinatrice' },
      });
      expectProblem(await operator.get(`/people/${person.id}`), 404, 'resource.not_found');
      expect(await t.db.selectFrom('privacyNotices').select('id').where('personId', '=', person.id).execute()).toEqual([]);

      const requestRows = await auditRowsOf(t.db, 'erasure_request', request.id);
      expect(requestRows.map((row) => [row.action, row.userId, row.centreId])).toEqual([['create', cast.coordinator.id, cast.centreA.id]]);
      expect(details(requestRows)).toEqual([{ personId: person.id, outcome: 'erased' }]);
      const personRows = await auditRowsOf(t.db, 'person', person.id);
      expect(personRows.at(-1)).toMatchObject({ action: 'delete', userId: cast.coordinator.id, centreId: cast.centreA.id });
      expect(details(personRows).at(-1)).toEqual({ erasureRequestId: request.id });
      // The file is gone: a second request finds no one.
      expectProblem(
        await coordinator.post(erasurePath(person.id), { requestedOn: '2024-03-04', reason: 'Di nuovo', outcome: 'erased' }),
        404,
        'resource.not_found',
      );
    });

    it('a refused request is recorded with its reason and the file stays; the reason of the refusal is required only then', async () => {
      const person = await newPerson();
      const body = { requestedOn: '2024-05-06', reason: 'Chiede la cancellazione', outcome: 'refused' };
      expect(fieldCodes(expectProblem(await coordinator.post(erasurePath(person.id), body), 400, 'validation.failed'))).toEqual([
        ['body.refusalReason', 'erasure.refusal_reason_required'],
      ]);
      expect(
        fieldCodes(
          expectProblem(
            await coordinator.post(erasurePath(person.id), { ...body, outcome: 'erased', refusalReason: 'no' }),
            400,
            'validation.failed',
          ),
        ),
      ).toEqual([['body.refusalReason', 'erasure.refusal_reason_only_when_refused']]);
      expect(
        fieldCodes(
          expectProblem(
            await coordinator.post(erasurePath(person.id), { ...body, requestedOn: addDays(todayInRome(), 1), refusalReason: 'x' }),
            400,
            'validation.failed',
          ),
        ),
      ).toEqual([['body.requestedOn', 'date.in_future']]);
      expectProblem(await coordinator.post(erasurePath(person.id), { ...body, reason: '', refusalReason: 'x' }), 400, 'validation.failed');

      const refusal = 'Dati necessari per la pratica di ricongiungimento in corso (art. 17.3.b)';
      const refused = expectStatus<ErasureRequest>(
        await coordinator.post(erasurePath(person.id), { ...body, refusalReason: refusal }),
        201,
      );
      expect(refused).toMatchObject({ personId: person.id, outcome: 'refused', refusalReason: refusal });
      expectStatus(await operator.get(`/people/${person.id}`), 200);
      expect(details(await auditRowsOf(t.db, 'erasure_request', refused.id))).toEqual([{ personId: person.id, outcome: 'refused' }]);
      expect((await auditRowsOf(t.db, 'person', person.id)).map((row) => row.action)).not.toContain('delete');
    });

    it('only a coordinator or an administrator decides, in their centres (403 for an operator, 404 for another centre)', async () => {
      const person = await newPerson();
      const personB = await newPerson(operatorB);
      const body = { requestedOn: '2024-05-06', reason: 'Richiesta', outcome: 'erased' };
      expectProblem(await operator.post(erasurePath(person.id), body), 403, 'auth.forbidden');
      expectProblem(await viewer.post(erasurePath(person.id), body), 403, 'auth.forbidden');
      expectProblem(await coordinator.post(erasurePath(personB.id), body), 404, 'resource.not_found');
      expectStatus(await operatorB.get(`/people/${personB.id}`), 200);
      expect(await t.db.selectFrom('erasureRequests').select('id').where('personId', 'in', [person.id, personB.id]).execute()).toEqual([]);
    });

    it('an erasure that fails leaves no request behind (one transaction)', async () => {
      const person = await newPerson();
      // The database refuses to delete people for a moment: the erasure fails after the request was written.
      const actor = await actorOf(t.db, cast.coordinator.id);
      await whilePersonDeletesRefused(t.db, t.dialect, () =>
        expect(
          decideErasureRequest(t.db, actor, person.id, { requestedOn: '2024-05-06', reason: 'Richiesta', outcome: 'erased' }),
        ).rejects.toThrow(/refused by the test/),
      );
      expect(await t.db.selectFrom('erasureRequests').select('id').where('personId', '=', person.id).execute()).toEqual([]);
      expect(await auditRowsOf(t.db, 'person', person.id).then((rows) => rows.map((row) => row.action))).toEqual(['create']);
      expectStatus(await operator.get(`/people/${person.id}`), 200);
    });

    it("lists the centres' requests to coordinators and administrators, the latest first; the list of refused people is logged", async () => {
      const [erasedA, refusedA, erasedB] = [await newPerson(), await newPerson(), await newPerson(operatorB)];
      const decided = async (as: Api, personId: number, outcome: 'erased' | 'refused') =>
        expectStatus<ErasureRequest>(
          await as.post(erasurePath(personId), {
            requestedOn: '2024-06-01',
            reason: 'Richiesta',
            outcome,
            ...(outcome === 'refused' && { refusalReason: 'Obbligo di legge' }),
          }),
          201,
        );
      const a1 = await decided(coordinator, erasedA.id, 'erased');
      const a2 = await decided(coordinator, refusedA.id, 'refused');
      const b1 = await decided(admin, erasedB.id, 'erased');

      const ofA = expectStatus<Page<ErasureRequest>>(await coordinator.get('/erasure-requests'), 200);
      expect(ofA.items.every((request) => request.centreId === cast.centreA.id)).toBe(true);
      expect(ofA.items.slice(0, 2).map((request) => request.id)).toEqual([a2.id, a1.id]);
      const all = expectStatus<Page<ErasureRequest>>(await admin.get('/erasure-requests'), 200);
      expect(all.items.map((request) => request.id)).toEqual(expect.arrayContaining([a1.id, a2.id, b1.id]));
      const ofB = expectStatus<Page<ErasureRequest>>(await admin.get('/erasure-requests', { centreId: cast.centreB.id }), 200);
      expect(ofB.items.map((request) => request.id)).toEqual([b1.id]);
      const refused = expectStatus<Page<ErasureRequest>>(await coordinator.get('/erasure-requests', { outcome: 'refused' }), 200);
      expect(refused.items.every((request) => request.outcome === 'refused')).toBe(true);
      expect(refused.items.map((request) => request.id)).toContain(a2.id);

      expectProblem(await coordinator.get('/erasure-requests', { centreId: cast.centreB.id }), 404, 'resource.not_found');
      expectProblem(await operator.get('/erasure-requests'), 403, 'auth.forbidden');
      expectProblem(await viewer.get('/erasure-requests'), 403, 'auth.forbidden');
      expectProblem(await coordinator.get('/erasure-requests', { outcome: 'forgotten' }), 400, 'validation.failed');

      const listed = await t.db
        .selectFrom('auditLog')
        .select(['userId', 'details'])
        .where('action', '=', 'list')
        .where('entity', '=', 'erasure_request')
        .orderBy('id', 'desc')
        .executeTakeFirstOrThrow();
      expect(listed.userId).toBe(cast.coordinator.id);
      expect(JSON.parse(listed.details ?? '{}').personIds).toContain(refusedA.id);
    });
  });
}
