/**
 * The centre's logo on the cover of a published version is frozen with it (issue 15): published
 * with logo A, the version's PDF and DOCX still carry A after the centre changes to B or removes
 * its logo, while the draft carries the current one (B, then none); a version published without a
 * logo stays without one; the command line finds a version's logo through the report's scope.
 * The images are compared by their bytes: a JPEG is embedded as it is in the PDF (DCTDecode) and
 * in the DOCX (word/media).
 */
import JSZip from 'jszip';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { type Api, api, type Cast, expectStatus, loginAs, seedCast, startTestApp, type TestApp } from '../../../test/support/app.js';
import { DIALECTS, describeDialect } from '../../../test/support/databases.js';
import { jpegImage } from '../../../test/support/images.js';
import { nodesOf, readPdfStructure } from '../../../test/support/pdf-structure.js';
import type { Report, ReportData, ReportVersionSummary } from '../../contracts/reports.js';
import { coverImageForScope } from './report-exports.usecases.js';

const LOGO_A = jpegImage(64, 32);
const LOGO_B = jpegImage(48, 48);
const LOGO_C = jpegImage(40, 16);

for (const dialect of DIALECTS) {
  describeDialect(dialect)(`${dialect}: the cover's logo of a published report version, frozen`, () => {
    let t: TestApp;
    let cast: Cast;
    let coordinator: Api;
    let report: Report;

    const setLogo = async (bytes: Buffer) =>
      expectStatus(
        await coordinator.request({
          method: 'PUT',
          url: `/centres/${cast.centreA.id}/logo`,
          payload: bytes,
          headers: { 'content-type': 'image/jpeg' },
        }),
        200,
      );
    const publish = async () => {
      report = expectStatus<Report>(await coordinator.get(`/reports/${report.id}`), 200);
      return expectStatus<ReportVersionSummary>(await coordinator.post(`/reports/${report.id}/publish`, { version: report.version }), 201);
    };
    const document = async (format: 'pdf' | 'docx', version?: number) => {
      const res = await coordinator.get(`/reports/${report.id}/export`, { format, ...(version ? { version: String(version) } : {}) });
      expect(res.statusCode, res.body).toBe(200);
      return res.rawPayload;
    };
    /** The cover's logo among A, B and C, by the JPEG's bytes in the PDF and in the DOCX; null: none of them. */
    const logoOf = async (version?: number) => {
      const pdf = await document('pdf', version);
      const zip = await JSZip.loadAsync(await document('docx', version));
      const media = await Promise.all(
        Object.keys(zip.files)
          .filter((name) => name.startsWith('word/media/'))
          .map((name) => zip.file(name)!.async('nodebuffer')),
      );
      const named = { A: LOGO_A, B: LOGO_B, C: LOGO_C };
      const inPdf = Object.entries(named).filter(([, bytes]) => pdf.includes(bytes));
      const inDocx = Object.entries(named).filter(([, bytes]) => media.some((file) => file.equals(bytes)));
      expect(
        inPdf.map(([name]) => name),
        'the PDF and the DOCX carry the same logo',
      ).toEqual(inDocx.map(([name]) => name));
      expect(inPdf.length).toBeLessThanOrEqual(1);
      return inPdf[0]?.[0] ?? null;
    };

    beforeAll(async () => {
      t = await startTestApp(dialect);
      cast = await seedCast(t.db);
      coordinator = api(t.app, await loginAs(t.app, cast.coordinator.email));
      report = expectStatus<Report>(await coordinator.post('/reports', { year: 2024 }), 201);
    });
    afterAll(() => t?.close());

    it('published with logo A, the version keeps A when the centre changes to B; the draft shows B', async () => {
      await setLogo(LOGO_A);
      expect(await logoOf()).toBe('A');
      expect((await publish()).number).toBe(1);
      await setLogo(LOGO_B);
      expect(await logoOf(1)).toBe('A');
      expect(await logoOf()).toBe('B');
      // With the alternative text it was published with, a Figure on the cover.
      const structure = await readPdfStructure(await document('pdf', 1));
      expect(nodesOf(structure.tree, 'Figure')[0]).toMatchObject({ alt: expect.stringMatching(/^Logo di /), pages: [1] });
    });

    it('the centre removes its logo: the version still carries A, the draft none', async () => {
      expect((await coordinator.delete(`/centres/${cast.centreA.id}/logo`)).statusCode).toBe(204);
      expect(await logoOf(1)).toBe('A');
      expect(await logoOf()).toBeNull();
      // The command line's documents (`approdo report --published 1`) find it through the report's scope.
      const scope = { organisationId: cast.organisationId, centreIds: [cast.centreA.id], year: 2024 };
      const published = expectStatus<ReportData>(await coordinator.get(`/reports/${report.id}/data`, { version: '1' }), 200);
      expect((await coverImageForScope(t.db, scope, published))?.bytes.equals(LOGO_A)).toBe(true);
      const draft = expectStatus<ReportData>(await coordinator.get(`/reports/${report.id}/data`), 200);
      expect(await coverImageForScope(t.db, scope, draft)).toBeNull();
    });

    it('a version published without a logo stays without one when the centre sets one', async () => {
      expect((await publish()).number).toBe(2);
      await setLogo(LOGO_C);
      expect(await logoOf(2)).toBeNull();
      expect(await logoOf(1)).toBe('A');
      expect(await logoOf()).toBe('C');
    });
  });
}
