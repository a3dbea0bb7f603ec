/** The register of processing (issue 14, art. 30), on both databases: generated from the configuration, completed by the DPO. */
import { afterAll, beforeAll, expect, it } from 'vitest';
import {
  type Api,
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
import { pdfText } from '../../../test/support/pdf.js';
import {
  PROCESSING_REGISTER_SECTIONS,
  type ProcessingRegister,
  type ProcessingRegisterSection,
  type RegisterText,
} from '../../contracts/processing-register.js';
import { DATA_CATEGORIES } from '../../domain/processing-register.js';

const put = (as: Api, section: string, body: unknown) =>
  as.request({ method: 'PUT', url: `/processing-register/texts/${section}`, payload: body as object });

/** The Italian lines generated for a section. */
const linesOf = (register: ProcessingRegister, section: ProcessingRegisterSection) =>
  register.sections.find((s) => s.section === section)?.entries.map((entry) => entry.it) ?? [];

for (const dialect of DIALECTS) {
  describeDialect(dialect)(`${dialect}: the register of processing`, () => {
    let t: TestApp;
    let cast: Cast;
    let admin: Api;
    let coordinator: Api;
    let operator: Api;
    let viewer: Api;

    beforeAll(async () => {
      t = await startTestApp(dialect, { sessionHours: 6, publicUrl: 'https://approdo.comune.example', cookieSecure: true });
      cast = await seedCast(t.db);
      [admin, coordinator, operator, viewer] = (await Promise.all(
        [cast.admin, cast.coordinator, cast.operatorA, cast.viewer].map(async (user) => api(t.app, await loginAs(t.app, user.email))),
      )) as [Api, Api, Api, Api];
    });
    afterAll(() => t?.close());

    const register = async (as: Api = admin) => expectStatus<ProcessingRegister>(await as.get('/processing-register'), 200);

    it('has every section, generated from the schema’s categories and the organisation', async () => {
      const result = await register();
      expect(result.organisation).toBe('Comune di Prova');
      expect(result.sections.map((s) => s.section)).toEqual(PROCESSING_REGISTER_SECTIONS);
      const data = result.sections.find((s) => s.section === 'data');
      expect(data?.entries).toHaveLength(DATA_CATEGORIES.length);
      expect(data?.entries.find((entry) => entry.it.startsWith('Permessi di soggiorno'))).toMatchObject({
        special: true,
        sources: [expect.stringMatching(/^residence_permits: permit_type, number/)],
      });
      expect(linesOf(result, 'controller')).toEqual(['Organizzazione che usa Approdo: Comune di Prova', 'Centro A (A)', 'Centro B (B)']);
      // The roles and their active accounts: one administrator, one coordinator, three operators, one viewer.
      expect(linesOf(result, 'recipients').slice(0, 4)).toEqual([
        'Amministratore: 1 account attivi',
        'Coordinatore: 1 account attivi',
        'Operatore: 3 account attivi',
        'Consultazione: 1 account attivi',
      ]);
      const viewerLine = result.sections.find((s) => s.section === 'recipients')?.entries[3];
      expect(viewerLine?.detail?.it).toMatch(/^solo dati aggregati/);
      expect(result.sections.every((s) => s.dpoText.version === 0 && s.dpoText.text === '')).toBe(true);
    });

    it('the security and retention sections say how the server and the organisation are configured', async () => {
      const before = linesOf(await register(), 'security');
      expect(before).toContain(
        'Secondo fattore (TOTP, con codici di recupero) obbligatorio per: nessun ruolo; attivo per 0 account su 6 con password',
      );
      expect(before.some((line) => line.startsWith('Sessioni: terminano dopo 6 ore senza uso'))).toBe(true);
      expect(before).toContain('Collegamento cifrato (HTTPS, HSTS) all’indirizzo https://approdo.comune.example; cookie Secure');
      expect(
        before.some((line) =>
          line.startsWith(dialect === 'sqlite' ? 'Backup: copia verificata del database SQLite' : 'Backup: copie del database PostgreSQL'),
        ),
      ).toBe(true);

      expectStatus(
        await admin.request({ method: 'PUT', url: '/organisation/second-factor', payload: { roles: ['admin', 'coordinator'] } }),
        200,
      );
      const after = linesOf(await register(), 'security');
      expect(after).toContain(
        'Secondo fattore (TOTP, con codici di recupero) obbligatorio per: Amministratore; Coordinatore; attivo per 0 account su 6 con password',
      );
      expectStatus(await admin.request({ method: 'PUT', url: '/organisation/second-factor', payload: { roles: [] } }), 200);

      expect(linesOf(await register(), 'retention')[0]).toBe(
        'Nessuna cancellazione automatica: le schede restano finché una richiesta di cancellazione non è accolta',
      );
      const retention = { enabled: true, yearsAfterContact: 3, yearsAfterCase: 8 };
      expectStatus(await admin.request({ method: 'PUT', url: '/organisation/retention', payload: retention }), 200);
      expectStatus(await admin.post('/retention/runs'), 201);
      const kept = linesOf(await register(), 'retention');
      expect(kept[0]).toMatch(
        /^Cancellazione automatica ogni giorno: la scheda di una persona mai presa in carico 3 anni dopo .* 8 anni dopo/,
      );
      expect(kept[1]).toMatch(/^Ultima cancellazione eseguita il \d\d\/\d\d\/\d{4}: 0 schede cancellate$/);
    });

    it('administrators write a section’s text at the version read; the register and the log show it', async () => {
      const first = expectStatus<RegisterText>(
        await put(admin, 'controller', { version: 0, text: '  Comune di Prova, piazza Grande 1. ' }),
        200,
      );
      expect(first).toMatchObject({ section: 'controller', text: 'Comune di Prova, piazza Grande 1.', version: 1 });
      expect(first.updatedBy).toEqual({ id: cast.admin.id, displayName: 'Anna Admin' });

      // Someone else's first text, or a stale version: 409 with the current one.
      const taken = expectProblem(await put(admin, 'controller', { version: 0, text: 'altro' }), 409, 'resource.stale_version');
      expect(taken.currentVersion).toBe(1);
      const second = expectStatus<RegisterText>(await put(admin, 'controller', { version: 1, text: 'Titolare: Comune di Prova.' }), 200);
      expect(second.version).toBe(2);
      expect(
        expectProblem(await put(admin, 'controller', { version: 1, text: 'vecchio' }), 409, 'resource.stale_version').currentVersion,
      ).toBe(2);
      expectProblem(await put(admin, 'transfers', { version: 4, text: 'mai scritto' }), 409, 'resource.stale_version');

      const shown = (await register(coordinator)).sections.find((s) => s.section === 'controller')?.dpoText;
      expect(shown).toMatchObject({ text: 'Titolare: Comune di Prova.', version: 2 });

      const { id } = await t.db
        .selectFrom('processingRegisterTexts')
        .select('id')
        .where('section', '=', 'controller')
        .executeTakeFirstOrThrow();
      const rows = await auditRowsOf(t.db, 'processing_register_text', id);
      expect(rows.map((row) => [row.action, row.userId, row.centreId, JSON.parse(row.details ?? 'null')])).toEqual([
        ['create', cast.admin.id, null, { section: 'controller', fields: ['text'] }],
        ['update', cast.admin.id, null, { section: 'controller', fields: ['text'] }],
      ]);
    });

    it('refuses an unknown section, a text too long, unknown fields', async () => {
      expectProblem(await put(admin, 'everything', { version: 0, text: 'x' }), 400, 'validation.failed');
      expectProblem(await put(admin, 'purposes', { version: 0, text: 'x'.repeat(10_001) }), 400, 'validation.failed');
      expectProblem(await put(admin, 'purposes', { version: 0, text: 'x', extra: 1 }), 400, 'validation.failed');
      expectProblem(await put(admin, 'purposes', { version: -1, text: 'x' }), 400, 'validation.failed');
    });

    it('coordinators read it, only administrators write; operators and viewers neither', async () => {
      await register(coordinator);
      expectProblem(await put(coordinator, 'purposes', { version: 0, text: 'x' }), 403, 'auth.forbidden');
      for (const as of [operator, viewer]) {
        expectProblem(await as.get('/processing-register'), 403, 'auth.forbidden');
        expectProblem(await as.get('/processing-register.pdf'), 403, 'auth.forbidden');
        expectProblem(await put(as, 'purposes', { version: 0, text: 'x' }), 403, 'auth.forbidden');
      }
    });

    it('prints as a PDF in Italian with every section and the DPO’s texts', async () => {
      expectStatus(await put(admin, 'transfers', { version: 0, text: 'Nessun trasferimento extra UE: server a Jesi.' }), 200);
      const res = await coordinator.get('/processing-register.pdf');
      expect(res.statusCode, res.body).toBe(200);
      expect(res.headers['content-type']).toBe('application/pdf');
      expect(res.headers['content-disposition']).toBe('attachment; filename="registro-trattamenti.pdf"');
      const text = pdfText(res.rawPayload).replace(/\s+/g, ' ');
      for (const title of [
        'Registro delle attività di trattamento',
        'Titolare del trattamento e centri',
        'Categorie di dati personali',
        'Destinatari',
        'Trasferimenti verso paesi terzi',
        'Termini di conservazione',
        'Misure di sicurezza',
      ]) {
        expect(text).toContain(title);
      }
      expect(text).toContain('Titolare: Comune di Prova.');
      expect(text).toContain('Nessun trasferimento extra UE: server a Jesi.');
      expect(text).toContain('Categoria particolare di dati (art. 9 GDPR)');
      expect(text).toContain('Aggiornata il');
    });
  });
}
