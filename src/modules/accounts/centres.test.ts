/**
 * A centre's own settings on both databases: one resource (GET/PATCH /centres/:id/settings),
 * validated (a comune the ISTAT list has, a real e-mail and patron day), versioned, audited with
 * the fields changed, changed only by an administrator or the centre's coordinator, and only for
 * one of their own centres (another answers 404, as if it did not exist).
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import {
  type Api,
  api,
  auditRowsOf,
  type Cast,
  createTestOrganisation,
  createTestUser,
  expectProblem,
  expectStatus,
  loginAs,
  seedCast,
  startTestApp,
  type TestApp,
} from '../../../test/support/app.js';
import { DIALECTS, describeDialect } from '../../../test/support/databases.js';
import type { CentreSettings } from '../../contracts/centres.js';

for (const dialect of DIALECTS) {
  describeDialect(dialect)(`${dialect}: the centre's settings`, () => {
    let t: TestApp;
    let cast: Cast;
    let coordinator: Api; // centre A
    let operator: Api; // centre A
    let admin: Api; // centres A and B
    let coordinatorB: Api; // centre B
    let otherAdmin: Api; // another organisation
    let otherCentre: number;
    const path = (id: number) => `/centres/${id}/settings`;

    const auditOf = (id: number) => auditRowsOf(t.db, 'centre_settings', id);

    beforeAll(async () => {
      t = await startTestApp(dialect);
      cast = await seedCast(t.db);
      const coordinatorOfB = await createTestUser(t.db, {
        organisationId: cast.organisationId,
        role: 'coordinator',
        centreIds: [cast.centreB.id],
        email: 'coordinator.b@example.test',
      });
      const other = await createTestOrganisation(t.db, { name: 'Altra organizzazione', centres: ['Z'] });
      otherCentre = (other.centres[0] as { id: number }).id;
      const otherUser = await createTestUser(t.db, {
        organisationId: other.organisationId,
        role: 'admin',
        centreIds: [otherCentre],
        email: 'admin.z@example.test',
      });
      [coordinator, operator, admin, coordinatorB, otherAdmin] = (await Promise.all(
        [cast.coordinator.email, cast.operatorA.email, cast.admin.email, coordinatorOfB.email, otherUser.email].map(async (email) =>
          api(t.app, await loginAs(t.app, email)),
        ),
      )) as [Api, Api, Api, Api, Api];
    });
    afterAll(() => t?.close());

    it('reads a new centre: no comune, no contacts, the default threshold, version 1', async () => {
      const settings = expectStatus<CentreSettings>(await operator.get(path(cast.centreA.id)), 200);
      expect(settings).toEqual({
        id: cast.centreA.id,
        code: cast.centreA.code,
        name: cast.centreA.name,
        comuneIstat: null,
        comuneName: null,
        comuneProvince: null,
        address: null,
        phone: null,
        email: null,
        patronDay: null,
        completionThreshold: 70,
        privacyNoticeVersion: '1',
        logo: null,
        version: 1,
      });
    });

    it('refuses a comune the ISTAT list does not have, a bad e-mail, a patron day or threshold that is not real', async () => {
      const at = (problem: { errors?: { path: string; code: string }[] }) => problem.errors?.map((e) => [e.path, e.code]);
      expect(
        at(expectProblem(await coordinator.patch(path(cast.centreA.id), { version: 1, comuneIstat: '999999' }), 400, 'validation.failed')),
      ).toEqual([['body.comuneIstat', 'comune.unknown']]);
      expect(
        at(expectProblem(await coordinator.patch(path(cast.centreA.id), { version: 1, comuneIstat: 'Jesi' }), 400, 'validation.failed')),
      ).toEqual([['body.comuneIstat', 'comune.not_istat_code']]);
      expectProblem(await coordinator.patch(path(cast.centreA.id), { version: 1, email: 'non è una mail' }), 400, 'validation.failed');
      for (const patronDay of ['02-30', '13-01', '9-22', '00-10']) {
        expectProblem(await coordinator.patch(path(cast.centreA.id), { version: 1, patronDay }), 400, 'validation.failed');
      }
      for (const completionThreshold of [0, 101, 50.5]) {
        expectProblem(await coordinator.patch(path(cast.centreA.id), { version: 1, completionThreshold }), 400, 'validation.failed');
      }
      expectProblem(await coordinator.patch(path(cast.centreA.id), { version: 1, name: '  ' }), 400, 'validation.failed');
      expectProblem(await coordinator.patch(path(cast.centreA.id), { version: 1, code: 'NEW' }), 400, 'validation.failed');
      // Nothing was written.
      expect(expectStatus<CentreSettings>(await coordinator.get(path(cast.centreA.id)), 200).version).toBe(1);
      expect(await auditOf(cast.centreA.id)).toEqual([]);
    });

    it('an operator may not change them (403); another centre, of the organisation or not, answers 404', async () => {
      expectProblem(await operator.patch(path(cast.centreA.id), { version: 1, phone: '0731 1' }), 403, 'auth.forbidden');
      expectProblem(await coordinator.patch(path(cast.centreB.id), { version: 1, phone: '0731 1' }), 404, 'resource.not_found');
      expectProblem(await coordinator.get(path(cast.centreB.id)), 404, 'resource.not_found');
      expectProblem(await admin.patch(path(otherCentre), { version: 1, phone: '0731 1' }), 404, 'resource.not_found');
      expectProblem(await otherAdmin.get(path(cast.centreA.id)), 404, 'resource.not_found');
      expectProblem(await coordinator.get(path(987654)), 404, 'resource.not_found');
    });

    it('the coordinator sets the comune, contacts and patron day at the version read; audited with the fields changed', async () => {
      const saved = expectStatus<CentreSettings>(
        await coordinator.patch(path(cast.centreA.id), {
          version: 1,
          name: 'Sportello Immigrati Jesi',
          comuneIstat: '042021',
          address: 'Piazza Indipendenza 1',
          phone: '0731 000000',
          email: 'Sportello@Example.test',
          patronDay: '09-22',
          completionThreshold: 75,
        }),
        200,
      );
      expect(saved).toMatchObject({
        name: 'Sportello Immigrati Jesi',
        comuneIstat: '042021',
        comuneName: 'Jesi',
        comuneProvince: 'AN',
        email: 'sportello@example.test',
        patronDay: '09-22',
        completionThreshold: 75,
        version: 2,
      });
      // A stale version is refused with the version now stored, and changes nothing.
      const stale = expectProblem(
        await coordinator.patch(path(cast.centreA.id), { version: 1, phone: null }),
        409,
        'resource.stale_version',
      );
      expect(stale.currentVersion).toBe(2);
      // An empty text clears; the same value again is no change.
      const cleared = expectStatus<CentreSettings>(
        await admin.patch(path(cast.centreA.id), { version: 2, phone: '', email: 'sportello@example.test' }),
        200,
      );
      expect(cleared).toMatchObject({ phone: null, email: 'sportello@example.test', version: 3 });
      const audit = await auditOf(cast.centreA.id);
      expect(audit.map((row) => ({ action: row.action, centreId: row.centreId, details: JSON.parse(row.details ?? '{}') }))).toEqual([
        {
          action: 'update',
          centreId: cast.centreA.id,
          details: { fields: ['name', 'comuneIstat', 'address', 'phone', 'email', 'patronDay', 'completionThreshold'] },
        },
        { action: 'update', centreId: cast.centreA.id, details: { fields: ['phone'] } },
      ]);
      // The centres' list (and the session's) names the centre by its new name.
      const centres = expectStatus<{ id: number; name: string; comuneIstat: string | null }[]>(await coordinator.get('/centres'), 200);
      expect(centres).toEqual([expect.objectContaining({ id: cast.centreA.id, name: 'Sportello Immigrati Jesi', comuneIstat: '042021' })]);
    });

    it("the coordinator of centre B changes B's; the comune can be cleared", async () => {
      const set = expectStatus<CentreSettings>(await coordinatorB.patch(path(cast.centreB.id), { version: 1, comuneIstat: '042023' }), 200);
      expect(set).toMatchObject({ comuneName: 'Maiolati Spontini', version: 2 });
      const cleared = expectStatus<CentreSettings>(await coordinatorB.patch(path(cast.centreB.id), { version: 2, comuneIstat: null }), 200);
      expect(cleared).toMatchObject({ comuneIstat: null, comuneName: null, version: 3 });
    });
  });
}
