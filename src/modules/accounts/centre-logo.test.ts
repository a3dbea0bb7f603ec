/**
 * A centre's logo for the report's cover on both databases (PUT/GET/DELETE /centres/:id/logo):
 * a PNG or a JPEG as its bytes say, whatever its name or media type (a PDF, an SVG, a text
 * renamed .png are refused), at most 1 MB (413 with the limit) and 4000 pixels a side, set and
 * removed by the centre's coordinator or an administrator (an operator: 403), audited, only for
 * one of their own centres (another organisation's answers 404); the settings say it is there,
 * and the centre's report shows it on its cover.
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
  describeDialect(dialect)(`${dialect}: the centre's logo on the report's cover`, () => {
    let t: TestApp;
    let cast: Cast;
    let coordinator: Api; // centre A
    let operator: Api; // centre A
    let admin: Api; // centres A and B
    let otherAdmin: Api; // another organisation
    let otherCentre: number;
    const path = (id: number) => `/centres/${id}/logo`;
    const put = (who: Api, id: number, bytes: Buffer, type = 'application/octet-stream') =>
      who.request({ method: 'PUT', url: path(id), payload: bytes, headers: { 'content-type': type } });

    beforeAll(async () => {
      t = await startTestApp(dialect);
      cast = await seedCast(t.db);
      const other = await createTestOrganisation(t.db, { name: 'Altra organizzazione', centres: ['Z'] });
      otherCentre = (other.centres[0] as { id: number }).id;
      const otherUser = await createTestUser(t.db, {
        organisationId: other.organisationId,
        role: 'admin',
        centreIds: [otherCentre],
        email: 'admin.z@example.test',
      });
      [coordinator, operator, admin, otherAdmin] = (await Promise.all(
        [cast.coordinator.email, cast.operatorA.email, cast.admin.email, otherUser.email].map(async (email) =>
          api(t.app, await loginAs(t.app, email)),
        ),
      )) as [Api, Api, Api, Api];
    });
    afterAll(() => t?.close());

    it('a centre has no logo at first: the settings say null, GET and DELETE answer 404', async () => {
      expect(expectStatus<CentreSettings>(await operator.get(`/centres/${cast.centreA.id}/settings`), 200).logo).toBeNull();
      expectProblem(await operator.get(path(cast.centreA.id)), 404, 'resource.not_found');
      expectProblem(await coordinator.delete(path(cast.centreA.id)), 404, 'resource.not_found');
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
        await coordinator.request({ method: 'PUT', url: path(cast.centreA.id), payload: { image: 'x' } }),
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
      expectProblem(await operator.delete(path(cast.centreA.id)), 403, 'auth.forbidden');
      expectProblem(await put(admin, otherCentre, pngImage(20, 20)), 404, 'resource.not_found');
      expectProblem(await admin.get(path(otherCentre)), 404, 'resource.not_found');
      expectProblem(await put(otherAdmin, cast.centreA.id, pngImage(20, 20)), 404, 'resource.not_found');
      expectProblem(await put(coordinator, 987654, pngImage(20, 20)), 404, 'resource.not_found');
    });

    it('the coordinator uploads a PNG, everyone of the centre reads it back; a JPEG replaces it; removed; all audited', async () => {
      const png = pngImage(240, 80);
      const set = expectStatus<CentreLogo>(await put(coordinator, cast.centreA.id, png, 'image/png'), 200);
      expect(set).toEqual({ mediaType: 'image/png', byteSize: png.length, width: 240, height: 80, uploadedAt: expect.any(String) });
      const read = await operator.get(path(cast.centreA.id));
      expect(read.statusCode).toBe(200);
      expect(read.headers['content-type']).toBe('image/png');
      expect(Buffer.compare(read.rawPayload, png)).toBe(0);
      const settings = expectStatus<CentreSettings>(await operator.get(`/centres/${cast.centreA.id}/settings`), 200);
      expect(settings.logo).toEqual(set);
      // Setting the logo is not a change of the settings' version.
      expect(settings.version).toBe(1);

      const jpeg = jpegImage(120, 120);
      expect(expectStatus<CentreLogo>(await put(admin, cast.centreA.id, jpeg), 200)).toMatchObject({ mediaType: 'image/jpeg', width: 120 });
      const again = await coordinator.get(path(cast.centreA.id));
      expect(again.headers['content-type']).toBe('image/jpeg');
      expect(Buffer.compare(again.rawPayload, jpeg)).toBe(0);

      expect((await coordinator.delete(path(cast.centreA.id))).statusCode).toBe(204);
      expectProblem(await coordinator.get(path(cast.centreA.id)), 404, 'resource.not_found');
      expect(expectStatus<CentreSettings>(await coordinator.get(`/centres/${cast.centreA.id}/settings`), 200).logo).toBeNull();

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
      const alt = `Logo di ${cast.centreA.name}`;
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
