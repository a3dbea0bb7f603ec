import { afterAll, beforeAll, expect, it } from 'vitest';
import {
  type Api,
  actorOf,
  api,
  type Cast,
  expectProblem,
  expectStatus,
  loginAs,
  seedCast,
  startTestApp,
  type TestApp,
} from '../../../test/support/app.js';
import { DIALECTS, describeDialect } from '../../../test/support/databases.js';
import { ERASURE_REQUEST, erasurePath } from '../../../test/support/erasure.js';
import type { DeadlineCounts, DeadlineItem, Deadlines, IdentityDocument, Permit } from '../../contracts/documents.js';
import type { Person } from '../../contracts/people.js';
import { todayInRome } from '../../domain/dates.js';
import { addDays } from '../../domain/deadlines.js';
import { documentsForPerson } from './documents.usecases.js';

const today = () => todayInRome();
/** A date `days` from today (Europe/Rome). */
const inDays = (days: number) => addDays(today(), days);
const ids = (items: DeadlineItem[]) => items.map((item) => item.permitId);

for (const dialect of DIALECTS) {
  describeDialect(dialect)(`${dialect}: documents`, () => {
    let t: TestApp;
    let cast: Cast;
    let operator: Api;
    let operator2: Api;
    let operatorB: Api;
    let admin: Api;
    let viewer: Api;

    beforeAll(async () => {
      t = await startTestApp(dialect);
      cast = await seedCast(t.db);
      [operator, operator2, operatorB, admin, viewer] = (await Promise.all(
        [cast.operatorA, cast.operatorA2, cast.operatorB, cast.admin, cast.viewer].map(async (user) =>
          api(t.app, await loginAs(t.app, user.email)),
        ),
      )) as [Api, Api, Api, Api, Api];
    });
    afterAll(() => t?.close());

    let counter = 0;
    const newPerson = async (as: Api = operator, familyNames = `Persona${++counter}`) =>
      expectStatus<Person>(
        await as.post('/people', { givenNames: 'Test', familyNames, gender: 'female', citizenship: 'MA', confirmNotDuplicate: true }),
        201,
      );
    const newPermit = async (personId: number, body: Record<string, unknown>, as: Api = operator) =>
      expectStatus<Permit>(await as.post(`/people/${personId}/permits`, { permitType: 'employment', ...body }), 201);
    const auditOf = (entity: string, entityId: number) =>
      t.db.selectFrom('auditLog').selectAll().where('entity', '=', entity).where('entityId', '=', String(entityId)).orderBy('id').execute();

    it("records, lists, changes and deletes a person's permit, each change logged without values", async () => {
      const person = await newPerson();
      const created = expectStatus<Permit>(
        await operator.post(`/people/${person.id}/permits`, {
          permitType: 'family',
          number: '  I0123456 ',
          issuedOn: '2023-05-10',
          expiresOn: '2025-05-09',
          notes: 'ricevuta alla Questura',
        }),
        201,
      );
      expect(created).toMatchObject({
        personId: person.id,
        centreId: cast.centreA.id,
        permitType: 'family',
        number: 'I0123456',
        issuedOn: '2023-05-10',
        expiresOn: '2025-05-09',
        renewalStatus: 'none',
        superseded: false,
        notes: 'ricevuta alla Questura',
        version: 1,
      });
      const euLongTerm = await newPermit(person.id, { permitType: 'eu_long_term', issuedOn: '2024-01-15' });
      expect(euLongTerm).toMatchObject({ expiresOn: null, number: null, superseded: false });

      // Without expiry first, then the latest expiry.
      const listed = expectStatus<Permit[]>(await operator.get(`/people/${person.id}/permits`), 200);
      expect(listed.map((p) => [p.id, p.superseded])).toEqual([
        [euLongTerm.id, false],
        [created.id, true],
      ]);

      const updated = expectStatus<Permit>(
        await operator2.patch(`/permits/${created.id}`, { version: 1, renewalStatus: 'requested', number: 'I0123456' }),
        200,
      );
      expect(updated).toMatchObject({ renewalStatus: 'requested', number: 'I0123456', expiresOn: '2025-05-09', version: 2 });
      const stale = expectProblem(
        await operator.patch(`/permits/${created.id}`, { version: 1, renewalStatus: 'renewed' }),
        409,
        'resource.stale_version',
      );
      expect(stale.currentVersion).toBe(2);
      expect(
        (await t.db.selectFrom('residencePermits').select('renewalStatus').where('id', '=', created.id).executeTakeFirstOrThrow())
          .renewalStatus,
      ).toBe('requested');
      // Clearing a field with null.
      expect(expectStatus<Permit>(await operator.patch(`/permits/${created.id}`, { version: 2, notes: null }), 200)).toMatchObject({
        notes: null,
        version: 3,
      });

      // A delete names the version read: none is 400, an old one 409 with the current one, and nothing goes.
      expectProblem(await operator.delete(`/permits/${created.id}`), 400, 'validation.failed');
      const staleDelete = expectProblem(await operator.delete(`/permits/${created.id}?version=2`), 409, 'resource.stale_version');
      expect(staleDelete.currentVersion).toBe(3);
      expect(await t.db.selectFrom('residencePermits').select('id').where('id', '=', created.id).execute()).toHaveLength(1);
      expect((await operator.delete(`/permits/${created.id}?version=3`)).statusCode).toBe(204);
      expectProblem(await operator.delete(`/permits/${created.id}?version=3`), 404, 'resource.not_found');
      expectProblem(await operator.patch(`/permits/${created.id}`, { version: 3, notes: 'x' }), 404, 'resource.not_found');

      const audit = await auditOf('residence_permit', created.id);
      expect(audit.map((row) => [row.action, row.userId, row.centreId])).toEqual([
        ['create', cast.operatorA.id, cast.centreA.id],
        ['update', cast.operatorA2.id, cast.centreA.id],
        ['update', cast.operatorA.id, cast.centreA.id],
        ['delete', cast.operatorA.id, cast.centreA.id],
      ]);
      // The update names the fields whose value changed, never the values.
      expect(JSON.parse(audit[1]?.details ?? '{}')).toEqual({ personId: person.id, fields: ['renewalStatus'] });
      expect(JSON.stringify(audit)).not.toMatch(/I0123456|Questura/);
      const reads = await auditOf('person', person.id);
      expect(reads.filter((row) => row.action === 'read').map((row) => JSON.parse(row.details ?? '{}'))).toEqual([
        { part: 'residence_permits' },
      ]);
    });

    it('refuses an expiry before the issue, an issue in the future, a missing expiry, unknown fields and values', async () => {
      const person = await newPerson();
      const cases: Array<[Record<string, unknown>, string]> = [
        [{ permitType: 'employment', issuedOn: '2024-03-10', expiresOn: '2024-03-09' }, 'body.expiresOn'],
        [{ permitType: 'employment', issuedOn: inDays(1), expiresOn: inDays(400) }, 'body.issuedOn'],
        [{ permitType: 'employment', issuedOn: '2024-03-10' }, 'body.expiresOn'],
        [{ permitType: 'employment', expiresOn: '2024-02-30' }, 'body.expiresOn'],
        [{ permitType: 'tourism', expiresOn: '2030-01-01' }, 'body.permitType'],
        [{ permitType: 'employment', expiresOn: '2030-01-01', renewalStatus: 'lost' }, 'body.renewalStatus'],
        [{ permitType: 'employment', expiresOn: '2030-01-01', number: 'X'.repeat(41) }, 'body.number'],
        [{ permitType: 'employment', expiresOn: '2030-01-01', centreId: cast.centreB.id }, 'body'],
      ];
      for (const [body, path] of cases) {
        const problem = expectProblem(await operator.post(`/people/${person.id}/permits`, body), 400, 'validation.failed');
        expect(
          problem.errors?.map((e) => e.path),
          JSON.stringify(body),
        ).toEqual([path]);
      }
      // The same day is fine; so is an issue date of today.
      await newPermit(person.id, { issuedOn: today(), expiresOn: today() });

      // An update is checked against the stored record.
      const permit = await newPermit(person.id, { issuedOn: '2024-03-10', expiresOn: '2026-03-10' });
      const earlier = expectProblem(
        await operator.patch(`/permits/${permit.id}`, { version: 1, expiresOn: '2024-01-01' }),
        400,
        'validation.failed',
      );
      expect(earlier.errors?.map((e) => e.path)).toEqual(['body.expiresOn']);
      expectProblem(await operator.patch(`/permits/${permit.id}`, { version: 1, expiresOn: null }), 400, 'validation.failed');
      const euLongTerm = await newPermit(person.id, { permitType: 'eu_long_term' });
      expectProblem(await operator.patch(`/permits/${euLongTerm.id}`, { version: 1, permitType: 'study' }), 400, 'validation.failed');
      expectProblem(await operator.patch(`/permits/${permit.id}`, { renewalStatus: 'renewed' }), 400, 'validation.failed');
      expectProblem(await operator.patch(`/permits/${permit.id}`, { version: 1, personId: 1 }), 400, 'validation.failed');
      expect(
        (await t.db.selectFrom('residencePermits').select('version').where('id', '=', permit.id).executeTakeFirstOrThrow()).version,
      ).toBe(1);
      // A malformed id is a validation error, not a 500.
      expectProblem(await operator.get('/people/abc/permits'), 400, 'validation.failed');
    });

    it('records identity documents with a known issuing country', async () => {
      const person = await newPerson();
      const passport = expectStatus<IdentityDocument>(
        await operator.post(`/people/${person.id}/identity-documents`, {
          kind: 'passport',
          number: 'AB1234567',
          issuingCountry: 'ma',
          issuedOn: '2022-06-01',
          expiresOn: '2027-05-31',
        }),
        201,
      );
      expect(passport).toMatchObject({
        personId: person.id,
        centreId: cast.centreA.id,
        kind: 'passport',
        number: 'AB1234567',
        issuingCountry: 'MA',
        issuedOn: '2022-06-01',
        expiresOn: '2027-05-31',
        version: 1,
      });
      // A territory that issues its own passports is an issuer; the issuer may be unknown.
      const hongKong = expectStatus<IdentityDocument>(
        await operator.post(`/people/${person.id}/identity-documents`, { kind: 'passport', issuingCountry: 'HK' }),
        201,
      );
      const card = expectStatus<IdentityDocument>(
        await operator.post(`/people/${person.id}/identity-documents`, { kind: 'identity_card' }),
        201,
      );
      expect(card).toMatchObject({ number: null, issuingCountry: null, issuedOn: null, expiresOn: null });

      const cases: Array<[Record<string, unknown>, string]> = [
        [{ kind: 'passport', issuingCountry: 'QQ' }, 'body.issuingCountry'],
        [{ kind: 'passport', issuingCountry: 'XS' }, 'body.issuingCountry'],
        [{ kind: 'passport', issuingCountry: 'MAR' }, 'body.issuingCountry'],
        [{ kind: 'passport', issuedOn: '2024-03-10', expiresOn: '2024-03-09' }, 'body.expiresOn'],
        [{ kind: 'passport', issuedOn: inDays(2) }, 'body.issuedOn'],
        [{ kind: 'driving_licence' }, 'body.kind'],
        [{ kind: 'passport', colour: 'red' }, 'body'],
      ];
      for (const [body, path] of cases) {
        const problem = expectProblem(await operator.post(`/people/${person.id}/identity-documents`, body), 400, 'validation.failed');
        expect(
          problem.errors?.map((e) => e.path),
          JSON.stringify(body),
        ).toEqual([path]);
      }

      const list = expectStatus<IdentityDocument[]>(await operator.get(`/people/${person.id}/identity-documents`), 200);
      expect(list.map((d) => d.id)).toEqual([card.id, hongKong.id, passport.id]);

      const renewed = expectStatus<IdentityDocument>(
        await operator.patch(`/identity-documents/${passport.id}`, { version: 1, expiresOn: '2032-05-31' }),
        200,
      );
      expect(renewed).toMatchObject({ expiresOn: '2032-05-31', issuingCountry: 'MA', version: 2 });
      expectProblem(
        await operator.patch(`/identity-documents/${passport.id}`, { version: 1, number: 'C1' }),
        409,
        'resource.stale_version',
      );
      expectProblem(
        await operator.patch(`/identity-documents/${passport.id}`, { version: 2, issuingCountry: 'QQ' }),
        400,
        'validation.failed',
      );
      expectProblem(
        await operator.patch(`/identity-documents/${passport.id}`, { version: 2, expiresOn: '2020-01-01' }),
        400,
        'validation.failed',
      );
      expectProblem(await operator.delete(`/identity-documents/${card.id}`), 400, 'validation.failed');
      expect(
        expectProblem(await operator.delete(`/identity-documents/${card.id}?version=7`), 409, 'resource.stale_version').currentVersion,
      ).toBe(card.version);
      expect((await operator.delete(`/identity-documents/${card.id}?version=${card.version}`)).statusCode).toBe(204);
      expectProblem(await operator.delete(`/identity-documents/${card.id}?version=${card.version}`), 404, 'resource.not_found');

      const audit = await auditOf('identity_document', passport.id);
      expect(audit.map((row) => row.action)).toEqual(['create', 'update']);
      expect(JSON.parse(audit[1]?.details ?? '{}')).toEqual({ personId: person.id, fields: ['expiresOn'] });
      expect(JSON.stringify(audit)).not.toMatch(/AB1234567/);
      expect((await auditOf('identity_document', card.id)).map((row) => row.action)).toEqual(['create', 'delete']);
      const reads = (await auditOf('person', person.id)).filter((row) => row.action === 'read');
      expect(reads.map((row) => JSON.parse(row.details ?? '{}'))).toEqual([{ part: 'identity_documents' }]);
    });

    it("keeps viewers out (403) and other centres' documents out of reach (404)", async () => {
      const person = await newPerson();
      const permit = await newPermit(person.id, { expiresOn: inDays(10) });
      const document = expectStatus<IdentityDocument>(
        await operator.post(`/people/${person.id}/identity-documents`, { kind: 'passport' }),
        201,
      );

      for (const res of [
        await viewer.get(`/people/${person.id}/permits`),
        await viewer.post(`/people/${person.id}/permits`, { permitType: 'study', expiresOn: inDays(100) }),
        await viewer.patch(`/permits/${permit.id}`, { version: 1, renewalStatus: 'to_renew' }),
        await viewer.delete(`/permits/${permit.id}?version=1`),
        await viewer.get(`/people/${person.id}/identity-documents`),
        await viewer.get('/deadlines'),
        await viewer.get('/deadlines/count'),
      ]) {
        expectProblem(res, 403, 'auth.forbidden');
      }
      expectProblem(await api(t.app, null).get('/deadlines/count'), 401, 'auth.unauthenticated');

      for (const res of [
        await operatorB.get(`/people/${person.id}/permits`),
        await operatorB.post(`/people/${person.id}/permits`, { permitType: 'study', expiresOn: inDays(100) }),
        await operatorB.patch(`/permits/${permit.id}`, { version: 1, renewalStatus: 'to_renew' }),
        await operatorB.delete(`/permits/${permit.id}?version=1`),
        await operatorB.get(`/people/${person.id}/identity-documents`),
        await operatorB.post(`/people/${person.id}/identity-documents`, { kind: 'passport' }),
        await operatorB.patch(`/identity-documents/${document.id}`, { version: 1, number: 'X' }),
        await operatorB.delete(`/identity-documents/${document.id}?version=1`),
        await operator.get('/people/987654/permits'),
        await operator.post('/people/987654/permits', { permitType: 'study', expiresOn: inDays(100) }),
        await operator.get('/deadlines', { centreId: cast.centreB.id }),
        await operator.get('/deadlines/count', { centreId: cast.centreB.id }),
      ]) {
        expectProblem(res, 404, 'resource.not_found');
      }
      const stored = await t.db.selectFrom('residencePermits').selectAll().where('id', '=', permit.id).executeTakeFirstOrThrow();
      expect(stored).toMatchObject({ version: 1, renewalStatus: 'none' });
      expect(await t.db.selectFrom('residencePermits').select('id').where('personId', '=', person.id).execute()).toHaveLength(1);
    });

    it('Scadenze: expiring within the window and expired, without renewed, refused, superseded or other centres', async () => {
      const nextMonth = await newPerson(operator, 'Prossimo');
      const expiringNextMonth = await newPermit(nextMonth.id, { permitType: 'asylum_request', number: 'P1', expiresOn: inDays(30) });
      const lastDay = await newPermit((await newPerson()).id, { expiresOn: today() });
      const requested = await newPermit((await newPerson()).id, { expiresOn: inDays(5), renewalStatus: 'requested' });
      const toRenew = await newPermit((await newPerson()).id, { expiresOn: inDays(60), renewalStatus: 'to_renew' });
      const beyond = await newPermit((await newPerson()).id, { expiresOn: inDays(61) });
      const renewed = await newPermit((await newPerson()).id, { expiresOn: inDays(10), renewalStatus: 'renewed' });
      const refused = await newPermit((await newPerson()).id, { expiresOn: inDays(-3), renewalStatus: 'refused' });
      const expired = await newPermit((await newPerson()).id, { expiresOn: inDays(-10) });
      const longExpired = await newPermit((await newPerson()).id, { issuedOn: '2019-01-01', expiresOn: '2021-01-01' });
      // Superseded: a newer permit of the same person expires later, or never.
      const renewedPerson = await newPerson();
      const superseded = await newPermit(renewedPerson.id, { expiresOn: inDays(-20) });
      const successor = await newPermit(renewedPerson.id, { expiresOn: inDays(700) });
      const euPerson = await newPerson();
      const supersededByEu = await newPermit(euPerson.id, { expiresOn: inDays(20) });
      await newPermit(euPerson.id, { permitType: 'eu_long_term' });
      // A person with two permits that both still count: only the later one is watched.
      const twoPermits = await newPerson();
      const earlierOfTwo = await newPermit(twoPermits.id, { expiresOn: inDays(-40) });
      const laterOfTwo = await newPermit(twoPermits.id, { expiresOn: inDays(15) });
      // Centre B's permit.
      const personB = await newPerson(operatorB);
      const permitB = await newPermit(personB.id, { expiresOn: inDays(7) }, operatorB);

      const before = (await t.db.selectFrom('auditLog').select('id').where('action', '=', 'list').execute()).length;
      const deadlines = expectStatus<Deadlines>(await operator.get('/deadlines'), 200);
      expect(deadlines).toMatchObject({ today: today(), until: inDays(60), withinDays: 60 });
      const expectingIds = [lastDay.id, requested.id, laterOfTwo.id, expiringNextMonth.id, toRenew.id];
      expect(ids(deadlines.expiring).filter((id) => expectingIds.includes(id))).toEqual(expectingIds);
      expect(ids(deadlines.expired).filter((id) => [expired.id, longExpired.id].includes(id))).toEqual([expired.id, longExpired.id]);
      const listed = [...ids(deadlines.expiring), ...ids(deadlines.expired)];
      for (const absent of [beyond, renewed, refused, superseded, successor, supersededByEu, earlierOfTwo, permitB]) {
        expect(listed, `permit ${absent.id} (${absent.expiresOn}, ${absent.renewalStatus})`).not.toContain(absent.id);
      }
      // Sorted: expiring soonest first, expired most recently first.
      const expiries = (items: DeadlineItem[]) => items.map((item) => item.expiresOn);
      expect(expiries(deadlines.expiring)).toEqual([...expiries(deadlines.expiring)].sort());
      expect(expiries(deadlines.expired)).toEqual([...expiries(deadlines.expired)].sort().reverse());
      expect(deadlines.expiring.find((item) => item.permitId === expiringNextMonth.id)).toEqual({
        permitId: expiringNextMonth.id,
        centreId: cast.centreA.id,
        person: { id: nextMonth.id, givenNames: 'Test', familyNames: 'Prossimo' },
        permitType: 'asylum_request',
        number: 'P1',
        expiresOn: inDays(30),
        daysLeft: 30,
        renewalStatus: 'none',
        phone: null,
        contacted: null,
        version: 1,
      });
      expect(deadlines.expiring.find((item) => item.permitId === lastDay.id)?.daysLeft).toBe(0);
      expect(deadlines.expired.find((item) => item.permitId === expired.id)?.daysLeft).toBe(-10);
      expect(deadlines.expiringTotal).toBe(deadlines.expiring.length);
      expect(deadlines.expiredTotal).toBe(deadlines.expired.length);

      // The list is logged with the people it showed.
      const listings = await t.db.selectFrom('auditLog').selectAll().where('action', '=', 'list').orderBy('id').execute();
      expect(listings).toHaveLength(before + 1);
      expect(listings.at(-1)).toMatchObject({ userId: cast.operatorA.id, entity: 'person' });
      expect(JSON.parse(listings.at(-1)?.details ?? '{}').personIds).toEqual(expect.arrayContaining([nextMonth.id, twoPermits.id]));

      // A shorter first screen: the soonest ones, with the totals beside them.
      const firstTwo = expectStatus<Deadlines>(await operator.get('/deadlines', { limit: 2 }), 200);
      expect(ids(firstTwo.expiring)).toEqual(ids(deadlines.expiring).slice(0, 2));
      expect(ids(firstTwo.expired)).toEqual(ids(deadlines.expired).slice(0, 2));
      expect(firstTwo).toMatchObject({ expiringTotal: deadlines.expiringTotal, expiredTotal: deadlines.expiredTotal });
      for (const limit of [0, 501, 'tutti']) expectProblem(await operator.get('/deadlines', { limit }), 400, 'validation.failed');

      // The superseded mark follows every write: the successor deleted or moved earlier, the old permit is due again.
      expect(
        expectStatus<Permit[]>(await operator.get(`/people/${renewedPerson.id}/permits`), 200).map((p) => [p.id, p.superseded]),
      ).toEqual([
        [successor.id, false],
        [superseded.id, true],
      ]);
      expectStatus(await operator.patch(`/permits/${successor.id}`, { version: 1, expiresOn: inDays(-30) }), 200);
      expect(ids(expectStatus<Deadlines>(await operator.get('/deadlines'), 200).expired)).toContain(superseded.id);
      expectStatus(await operator.patch(`/permits/${successor.id}`, { version: 2, expiresOn: inDays(700) }), 200);
      expect(ids(expectStatus<Deadlines>(await operator.get('/deadlines'), 200).expired)).not.toContain(superseded.id);
      expect((await operator.delete(`/permits/${successor.id}?version=3`)).statusCode).toBe(204);
      expect(ids(expectStatus<Deadlines>(await operator.get('/deadlines'), 200).expired)).toContain(superseded.id);

      // A wider window takes in the permit at 61 days; marking a permit renewed takes it off.
      expect(ids(expectStatus<Deadlines>(await operator.get('/deadlines', { withinDays: 90 }), 200).expiring)).toContain(beyond.id);
      expectStatus(await operator.patch(`/permits/${toRenew.id}`, { version: 1, renewalStatus: 'renewed' }), 200);
      expect(ids(expectStatus<Deadlines>(await operator.get('/deadlines'), 200).expiring)).not.toContain(toRenew.id);

      // The count endpoint agrees with the lists.
      const now = expectStatus<Deadlines>(await operator.get('/deadlines'), 200);
      expect(expectStatus<DeadlineCounts>(await operator.get('/deadlines/count'), 200)).toEqual({
        expiring: now.expiring.length,
        expired: now.expired.length,
      });
      expect(expectStatus<DeadlineCounts>(await operatorB.get('/deadlines/count'), 200)).toEqual({ expiring: 1, expired: 0 });
      expect(expectStatus<DeadlineCounts>(await operatorB.get('/deadlines/count', { withinDays: 6 }), 200)).toEqual({
        expiring: 0,
        expired: 0,
      });

      // Someone working in both centres sees both, or one when asking for it.
      const both = expectStatus<Deadlines>(await admin.get('/deadlines'), 200);
      expect(ids(both.expiring)).toEqual(expect.arrayContaining([permitB.id, expiringNextMonth.id]));
      expect(ids(expectStatus<Deadlines>(await admin.get('/deadlines', { centreId: cast.centreB.id }), 200).expiring)).toEqual([
        permitB.id,
      ]);

      for (const withinDays of [0, 366, 'abc', 1.5]) {
        expectProblem(await operator.get('/deadlines', { withinDays }), 400, 'validation.failed');
        expectProblem(await operator.get('/deadlines/count', { withinDays }), 400, 'validation.failed');
      }
      expectProblem(await operator.get('/deadlines', { sort: 'name' }), 400, 'validation.failed');
    });

    it('Scadenze lists a deadline once when two permits of a person expire the same day: the later recorded is watched', async () => {
      const person = await newPerson();
      const first = await newPermit(person.id, { expiresOn: inDays(25), number: 'SAME1' });
      const second = await newPermit(person.id, { expiresOn: inDays(25), number: 'SAME2' });
      const expired = await newPermit(person.id, { expiresOn: inDays(-5), number: 'OLD' });
      expect(expectStatus<Permit[]>(await operator.get(`/people/${person.id}/permits`), 200).map((p) => [p.id, p.superseded])).toEqual([
        [second.id, false],
        [first.id, true],
        [expired.id, true],
      ]);
      const listed = expectStatus<Deadlines>(await operator.get('/deadlines'), 200);
      const ofPerson = [...listed.expiring, ...listed.expired].filter((item) => item.person.id === person.id);
      expect(ofPerson.map((item) => item.permitId)).toEqual([second.id]);
      // Deleting the watched one gives the deadline back to the other.
      expect((await operator.delete(`/permits/${second.id}?version=1`)).statusCode).toBe(204);
      const after = expectStatus<Deadlines>(await operator.get('/deadlines'), 200);
      expect(after.expiring.filter((item) => item.person.id === person.id).map((item) => item.permitId)).toEqual([first.id]);
    });

    it('Scadenze: the telephone to call, "contattato" (the day, who) and the renewal with its new expiry, each audited', async () => {
      const person = expectStatus<Person>(
        await operator.post('/people', {
          givenNames: 'Amina',
          familyNames: 'Diallo',
          gender: 'female',
          citizenship: 'GN',
          phone: '+39 333 1234567',
          confirmNotDuplicate: true,
        }),
        201,
      );
      const permit = await newPermit(person.id, { permitType: 'family', expiresOn: inDays(20), number: 'OLD1' });
      const itemOf = async (as: Api = operator) =>
        expectStatus<Deadlines>(await as.get('/deadlines'), 200).expiring.find((item) => item.permitId === permit.id);
      expect(await itemOf()).toMatchObject({ phone: '+39 333 1234567', contacted: null });

      // Contacted today by the caller, or on a day given (not in the future).
      const contacted = expectStatus<Permit>(await operator.post(`/permits/${permit.id}/contact`, { version: 1 }), 200);
      expect(contacted).toMatchObject({ contactedOn: today(), contactedBy: cast.operatorA.id, version: 2 });
      expect((await itemOf())?.contacted).toEqual({ on: today(), by: { id: cast.operatorA.id, displayName: 'Omar Operatore' } });
      expectProblem(
        await operator2.post(`/permits/${permit.id}/contact`, { version: 2, contactedOn: inDays(1) }),
        400,
        'validation.failed',
      );
      expectProblem(await operator2.post(`/permits/${permit.id}/contact`, { version: 1 }), 409, 'resource.stale_version');
      expectStatus(await operator2.post(`/permits/${permit.id}/contact`, { version: 2, contactedOn: inDays(-1) }), 200);
      expect((await itemOf())?.contacted).toEqual({ on: inDays(-1), by: { id: cast.operatorA2.id, displayName: 'Olga Operatrice' } });
      // Viewers and other centres: not theirs.
      expectProblem(await viewer.post(`/permits/${permit.id}/contact`, { version: 3 }), 403, 'auth.forbidden');
      expectProblem(await operatorB.post(`/permits/${permit.id}/contact`, { version: 3 }), 404, 'resource.not_found');

      // Renewed: not to an expiry before the old one's; then the old permit is renewed and off the list, the new one recorded.
      const early = await operator.post(`/permits/${permit.id}/renewal`, { version: 3, expiresOn: inDays(10) });
      expectProblem(early, 400, 'validation.failed');
      expect(expectStatus<Permit[]>(await operator.get(`/people/${person.id}/permits`), 200)).toHaveLength(1);
      const renewal = expectStatus<Permit>(
        await operator.post(`/permits/${permit.id}/renewal`, { version: 3, expiresOn: inDays(730), issuedOn: today(), number: 'NEW1' }),
        201,
      );
      expect(renewal).toMatchObject({
        personId: person.id,
        permitType: 'family',
        number: 'NEW1',
        issuedOn: today(),
        expiresOn: inDays(730),
        renewalStatus: 'none',
        superseded: false,
        contactedOn: null,
      });
      expect(
        expectStatus<Permit[]>(await operator.get(`/people/${person.id}/permits`), 200).map((p) => [p.id, p.renewalStatus, p.superseded]),
      ).toEqual([
        [renewal.id, 'none', false],
        [permit.id, 'renewed', true],
      ]);
      expect(await itemOf()).toBeUndefined();

      const audit = await auditOf('residence_permit', permit.id);
      expect(audit.map((row) => [row.action, JSON.parse(row.details ?? '{}').fields])).toEqual([
        ['create', undefined],
        ['update', ['contactedOn', 'contactedBy']],
        ['update', ['contactedOn', 'contactedBy']],
        ['update', ['renewalStatus']],
      ]);
      expect((await auditOf('residence_permit', renewal.id)).map((row) => row.action)).toEqual(['create']);
      expect(JSON.stringify(audit)).not.toContain('333');
    });

    it('changes saved at once with the same version: one wins, the others get 409 with the current version', async () => {
      const person = await newPerson();
      const permit = await newPermit(person.id, { expiresOn: inDays(200) });
      const document = expectStatus<IdentityDocument>(
        await operator.post(`/people/${person.id}/identity-documents`, { kind: 'passport' }),
        201,
      );
      const permitResults = await Promise.all(
        ['P1', 'P2', 'P3', 'P4'].map((number) => operator.patch(`/permits/${permit.id}`, { version: 1, number })),
      );
      const documentResults = await Promise.all(
        ['D1', 'D2', 'D3', 'D4'].map((number) => operator.patch(`/identity-documents/${document.id}`, { version: 1, number })),
      );
      for (const results of [permitResults, documentResults]) {
        expect(results.map((r) => r.statusCode).sort()).toEqual([200, 409, 409, 409]);
        for (const res of results.filter((r) => r.statusCode === 409)) {
          expect(res.json()).toMatchObject({ code: 'resource.stale_version', currentVersion: 2 });
        }
      }
    });

    it('documentsForPerson gives the file its permits and identity documents, within the actor’s centres', async () => {
      const person = await newPerson();
      const permit = await newPermit(person.id, { expiresOn: inDays(100) });
      const document = expectStatus<IdentityDocument>(
        await operator.post(`/people/${person.id}/identity-documents`, { kind: 'passport' }),
        201,
      );
      const documents = await documentsForPerson(t.db, await actorOf(t.db, cast.operatorA.id), person.id);
      expect(documents.permits.map((p) => p.id)).toEqual([permit.id]);
      expect(documents.identityDocuments.map((d) => d.id)).toEqual([document.id]);
      expect(await documentsForPerson(t.db, await actorOf(t.db, cast.operatorB.id), person.id)).toEqual({
        permits: [],
        identityDocuments: [],
      });

      // Erasing the person erases the documents.
      expect(
        (await api(t.app, await loginAs(t.app, cast.coordinator.email)).post(erasurePath(person.id), ERASURE_REQUEST)).statusCode,
      ).toBe(201);
      expect(await documentsForPerson(t.db, await actorOf(t.db, cast.operatorA.id), person.id)).toEqual({
        permits: [],
        identityDocuments: [],
      });
    });
  });
}
