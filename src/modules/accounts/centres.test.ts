/**
 * A centre's own settings on both databases: one resource (GET/PATCH /centres/:id/settings),
 * validated (a comune the ISTAT list has, a real e-mail and patron day), versioned, audited with
 * the fields changed, changed only by an administrator or the centre's coordinator, and only for
 * one of their own centres (another answers 404, as if it did not exist).
 * The logo on the report's cover beside them (PUT/GET/DELETE /centres/:id/logo): a PNG or a JPEG
 * as its bytes say, whatever its name or media type (a PDF, an SVG, a text renamed .png are
 * refused), at most 1 MB (413 with the limit) and 4000 pixels a side, set and removed by the
 * same people, audited; the settings say it is there, and the centre's report shows it.
 */
import JSZip from 'jszip';
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
import { jpegImage, pngImage } from '../../../test/support/images.js';
import { accessibilityProblems, nodesOf, readPdfStructure } from '../../../test/support/pdf-structure.js';
import { type CentreLogo, type CentreSettings, LOGO_MAX_BYTES } from '../../contracts/centres.js';

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
    const logoPath = (id: number) => `/centres/${id}/logo`;
    const put = (who: Api, id: number, bytes: Buffer, type = 'application/octet-stream') =>
      who.request({ method: 'PUT', url: logoPath(id), payload: bytes, headers: { 'content-type': type } });

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

    // --- the logo on the report's cover (PUT/GET/DELETE /centres/:id/logo)

    it('a centre has no logo at first: the settings say null, GET and DELETE answer 404', async () => {
      expect(expectStatus<CentreSettings>(await operator.get(path(cast.centreA.id)), 200).logo).toBeNull();
      expectProblem(await operator.get(logoPath(cast.centreA.id)), 404, 'resource.not_found');
      expectProblem(await coordinator.delete(logoPath(cast.centreA.id)), 404, 'resource.not_found');
    });

    it('refuses what is not a PNG or a JPEG by its bytes: a PDF, an SVG (even sent as image/png), a text renamed .png', async () => {
      const svg = Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><script>alert(1)</script></svg>');
      for (const [bytes, type] of [
        [Buffer.from('%PDF-1.7\n%âãÏÓ\n1 0 obj\n<<>>\nendobj\n', 'latin1'), 'application/octet-stream'],
        [svg, 'application/octet-stream'],
        [svg, 'image/png'],
        [Buffer.from('non sono un logo, solo testo'), 'image/png'],
      ] as const) {
        expectProblem(await put(coordinator, cast.centreA.id, bytes, type), 422, 'logo.unsupported_type');
      }
      // An SVG's own media type is not taken at all.
      expectProblem(await put(coordinator, cast.centreA.id, svg, 'image/svg+xml'), 415, 'request.unsupported_media_type');
      // JSON is not an image sent as it is.
      expectProblem(
        await coordinator.request({ method: 'PUT', url: logoPath(cast.centreA.id), payload: { image: 'x' } }),
        415,
        'request.unsupported_media_type',
      );
      expectProblem(await put(coordinator, cast.centreA.id, pngImage(10, 10).subarray(0, 20)), 422, 'logo.unreadable');
      expect(await auditRowsOf(t.db, 'centre_logo', cast.centreA.id)).toEqual([]);
    });

    it('refuses more than 1 MB (413 with the limit) and more than 4000 pixels a side (422 with the size)', async () => {
      const big = Buffer.concat([pngImage(10, 10), Buffer.alloc(LOGO_MAX_BYTES, 0)]);
      const tooLarge = expectProblem(await put(coordinator, cast.centreA.id, big), 413, 'request.too_large');
      expect(tooLarge).toMatchObject({ limit: LOGO_MAX_BYTES, limitMb: 1 });
      const wide = expectProblem(await put(coordinator, cast.centreA.id, jpegImage(4001, 8)), 422, 'logo.too_many_pixels');
      expect(wide).toMatchObject({ width: 4001, height: 8, limit: 4000 });
      expectProblem(await put(coordinator, cast.centreA.id, pngImage(10, 4001)), 422, 'logo.too_many_pixels');
    });

    it('an operator may not set or remove it (403); another organisation’s centre answers 404, as one that does not exist', async () => {
      expectProblem(await put(operator, cast.centreA.id, pngImage(20, 20)), 403, 'auth.forbidden');
      expectProblem(await operator.delete(logoPath(cast.centreA.id)), 403, 'auth.forbidden');
      expectProblem(await put(admin, otherCentre, pngImage(20, 20)), 404, 'resource.not_found');
      expectProblem(await admin.get(logoPath(otherCentre)), 404, 'resource.not_found');
      expectProblem(await put(otherAdmin, cast.centreA.id, pngImage(20, 20)), 404, 'resource.not_found');
      expectProblem(await put(coordinator, 987654, pngImage(20, 20)), 404, 'resource.not_found');
    });

    it('the coordinator uploads a PNG, everyone of the centre reads it back; a JPEG replaces it; removed; all audited', async () => {
      const versionBefore = expectStatus<CentreSettings>(await operator.get(path(cast.centreA.id)), 200).version;
      const png = pngImage(240, 80);
      const set = expectStatus<CentreLogo>(await put(coordinator, cast.centreA.id, png, 'image/png'), 200);
      expect(set).toEqual({ mediaType: 'image/png', byteSize: png.length, width: 240, height: 80, uploadedAt: expect.any(String) });
      const read = await operator.get(logoPath(cast.centreA.id));
      expect(read.statusCode).toBe(200);
      expect(read.headers['content-type']).toBe('image/png');
      expect(Buffer.compare(read.rawPayload, png)).toBe(0);
      const settings = expectStatus<CentreSettings>(await operator.get(path(cast.centreA.id)), 200);
      expect(settings.logo).toEqual(set);
      // Setting the logo is not a change of the settings: their version stays.
      expect(settings.version).toBe(versionBefore);

      const jpeg = jpegImage(120, 120);
      expect(expectStatus<CentreLogo>(await put(admin, cast.centreA.id, jpeg), 200)).toMatchObject({ mediaType: 'image/jpeg', width: 120 });
      const again = await coordinator.get(logoPath(cast.centreA.id));
      expect(again.headers['content-type']).toBe('image/jpeg');
      expect(Buffer.compare(again.rawPayload, jpeg)).toBe(0);

      expect((await coordinator.delete(logoPath(cast.centreA.id))).statusCode).toBe(204);
      expectProblem(await coordinator.get(logoPath(cast.centreA.id)), 404, 'resource.not_found');
      expect(expectStatus<CentreSettings>(await coordinator.get(path(cast.centreA.id)), 200).logo).toBeNull();

      const audit = await auditRowsOf(t.db, 'centre_logo', cast.centreA.id);
      expect(audit.map((row) => [row.action, row.centreId, JSON.parse(row.details ?? 'null')])).toEqual([
        ['update', cast.centreA.id, { mediaType: 'image/png', byteSize: png.length, width: 240, height: 80 }],
        ['update', cast.centreA.id, { mediaType: 'image/jpeg', byteSize: jpeg.length, width: 120, height: 120 }],
        ['delete', cast.centreA.id, null],
      ]);
    });

    it('the report of the centre shows it on the cover: a Figure on page 1 of the PDF with its Alt, the first image of the DOCX', async () => {
      expectStatus<CentreLogo>(await put(coordinator, cast.centreA.id, pngImage(300, 100)), 200);
      const report = expectStatus<{ id: number }>(await coordinator.post('/reports', { year: 2024 }), 201);
      const alt = `Logo di ${expectStatus<CentreSettings>(await coordinator.get(path(cast.centreA.id)), 200).name}`;
      const pdf = await coordinator.get(`/reports/${report.id}/export`, { format: 'pdf' });
      expect(pdf.statusCode).toBe(200);
      const structure = await readPdfStructure(pdf.rawPayload);
      expect(accessibilityProblems(structure)).toEqual([]);
      expect(nodesOf(structure.tree, 'Figure')[0]).toMatchObject({ alt, pages: [1] });
      const docx = await coordinator.get(`/reports/${report.id}/export`, { format: 'docx' });
      const document = await (await JSZip.loadAsync(docx.rawPayload)).file('word/document.xml')!.async('string');
      expect(document.match(/<wp:docPr [^>]*descr="([^"]*)"/)?.[1]).toBe(alt);
    });
  });
}
