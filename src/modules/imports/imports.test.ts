/**
 * The import engine over HTTP on both databases: upload, dry run, import, re-import, undo, the
 * matching of people, value and column mappings, bad files, a failure that writes nothing, the
 * report's figures as if typed at the desk, audit, centres and roles. Jobs are awaited through
 * app.importJobs.idle(), never a sleep.
 */
import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { sql } from 'kysely';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { api, type Cast, expectProblem, expectStatus, loginAs, seedCast, startTestApp, type TestApp } from '../../../test/support/app.js';
import { DIALECTS, describeDialect } from '../../../test/support/databases.js';
import type { Import, ImportReject } from '../../contracts/imports.js';
import { IMPORT_MAX_BYTES } from '../../contracts/imports.js';
import { personalFiscalCode } from '../../demo/fiscal-codes.js';
import { recogniseColumns } from '../../domain/imports/columns.js';
import { createCentre } from '../accounts/accounts.usecases.js';
import { reportDataForScope } from '../reports/reports.usecases.js';
import { importFromCli } from './imports.cli.js';
import { markInterruptedImports } from './imports.usecases.js';

type Session = { cookie: string; csrf: string };

const VISIT_HEADERS = [
  'Data',
  'Cognome',
  'Nome',
  'Sesso',
  'Nazionalità',
  'Data di nascita',
  'Codice fiscale',
  'Tipologia richiesta',
  'Note',
];

/** A CSV as Italian registers write it: semicolons, CRLF. */
function csv(rows: string[][]): Buffer {
  return Buffer.from(`${rows.map((r) => r.join(';')).join('\r\n')}\r\n`, 'utf8');
}

const cfOf = (family: string, given: string, birth: string, female: boolean) =>
  personalFiscalCode(family, given, birth, female, 'Z330') as string;

/** Six visits of three people (one repeating) and one anonymous-looking row with a bad date. */
function visitsRegister(): string[][] {
  return [
    VISIT_HEADERS,
    [
      '12/03/2024',
      'El Amrani',
      'Youssef',
      'M',
      'Marocco',
      '05/06/1990',
      cfOf('El Amrani', 'Youssef', '1990-06-05', false),
      'Lavoro',
      'prima volta',
    ],
    ['14/03/2024', 'El Amrani', 'Youssef', 'M', 'Marocco', '05/06/1990', cfOf('El Amrani', 'Youssef', '1990-06-05', false), 'Casa', ''],
    ['02/04/2024', 'Popescu', 'Ana', 'F', 'Romania', '20/01/1985', '', 'Lavoro', ''],
    ['03/04/2024', 'Rossi', 'Mario', 'M', 'Italia', '01/01/1960', '', 'Permesso di soggiorno', ''],
    ['31/02/2024', 'Bianchi', 'Luca', 'M', 'Italia', '01/01/1970', '', 'Lavoro', ''],
  ];
}

for (const dialect of DIALECTS) {
  describeDialect(dialect)(`${dialect}: imports`, () => {
    let t: TestApp;
    let cast: Cast;
    let coordinator: Session;
    let admin: Session;
    let importDir: string;

    beforeAll(async () => {
      importDir = await mkdtemp(join(tmpdir(), 'approdo-imports-test-'));
      t = await startTestApp(dialect, { importDir });
      cast = await seedCast(t.db);
      coordinator = await loginAs(t.app, cast.coordinator.email);
      admin = await loginAs(t.app, cast.admin.email);
    });
    afterAll(async () => {
      await t?.close();
      await rm(importDir, { recursive: true, force: true });
    });

    async function upload(
      session: Session,
      kind: string,
      body: Buffer,
      query: Record<string, string | number> = {},
      fileName = 'registro.csv',
    ) {
      const params = new URLSearchParams({ kind, fileName, ...Object.fromEntries(Object.entries(query).map(([k, v]) => [k, String(v)])) });
      return api(t.app, session).request({
        method: 'POST',
        url: `/imports?${params}`,
        headers: { 'content-type': 'application/octet-stream' },
        payload: body,
      });
    }

    /** Uploads and waits for the dry run. */
    async function analysed(session: Session, kind: string, body: Buffer, query: Record<string, string | number> = {}): Promise<Import> {
      const created = expectStatus<Import>(await upload(session, kind, body, query), 201);
      await t.app.importJobs.idle();
      return expectStatus<Import>(await api(t.app, session).get(`/imports/${created.id}`), 200);
    }

    async function run(session: Session, item: Import): Promise<Import> {
      const started = expectStatus<Import>(await api(t.app, session).post(`/imports/${item.id}/run`, { version: item.version }), 202);
      expect(started.id).toBe(item.id);
      await t.app.importJobs.idle();
      return expectStatus<Import>(await api(t.app, session).get(`/imports/${item.id}`), 200);
    }

    async function countIn(table: 'visits' | 'people' | 'cases' | 'residencePermits', centreId: number): Promise<number> {
      const row = await t.db
        .selectFrom(table)
        .where('centreId', '=', centreId)
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow();
      return Number(row.n);
    }

    it('dry run, import, the same file again adds nothing, undo removes it all', async () => {
      const file = csv(visitsRegister());
      const dry = await analysed(coordinator, 'visits', file);
      expect(dry.status, JSON.stringify(dry.failure)).toBe('analysed');
      expect(dry.summary).toMatchObject({
        rows: 5,
        accepted: 4,
        rejected: 1,
        alreadyImported: 0,
        newPeople: 3,
        matchedPeople: 1,
        records: 4,
      });
      expect(dry.summary?.preview[0]?.values).toMatchObject({ familyNames: 'El Amrani', visitDate: '2024-03-12', topics: 'Lavoro' });
      const rejects = expectStatus<{ items: ImportReject[]; total: number }>(
        await api(t.app, coordinator).get(`/imports/${dry.id}/rejects`),
        200,
      );
      expect(rejects.items.map((r) => r.rowNumber)).toEqual([6]);
      // Nothing was written by the dry run.
      expect(await countIn('visits', cast.centreA.id)).toBe(0);

      const done = await run(coordinator, dry);
      expect(done.status, JSON.stringify(done.failure)).toBe('imported');
      expect(done.canUndo).toBe(true);
      expect(await countIn('visits', cast.centreA.id)).toBe(4);
      expect(await countIn('people', cast.centreA.id)).toBe(3);
      // The snapshot the desk takes: origin group by the date, age band on the date.
      const youssef = await t.db
        .selectFrom('visits')
        .innerJoin('people', 'people.id', 'visits.personId')
        .select(['visits.originGroup', 'visits.ageBand', 'visits.citizenship', 'visits.visitYear', 'visits.occurredAt'])
        .where('people.familyNames', '=', 'El Amrani')
        .orderBy('visits.visitDate')
        .execute();
      expect(youssef).toHaveLength(2);
      expect(youssef[0]).toMatchObject({ originGroup: 'non_eu', ageBand: '30-44', citizenship: 'MA', visitYear: 2024 });
      const tokens = await t.db.selectFrom('personNameTokens').select('token').where('centreId', '=', cast.centreA.id).execute();
      expect(tokens.map((r) => r.token)).toEqual(expect.arrayContaining(['el', 'amrani', 'youssef', 'popescu']));
      // The file is gone once imported.
      expect((await readdir(t.app.config.importDir)).filter((f) => f.endsWith('.csv'))).toHaveLength(0);

      const again = await analysed(coordinator, 'visits', file);
      expect(again.summary).toMatchObject({ rows: 5, accepted: 0, alreadyImported: 4, rejected: 1 });
      const againDone = await run(coordinator, again);
      expect(againDone.status).toBe('imported');
      expect(await countIn('visits', cast.centreA.id)).toBe(4);

      const undone = expectStatus<Import>(await api(t.app, coordinator).post(`/imports/${done.id}/undo`, { version: done.version }), 200);
      expect(undone.status).toBe('undone');
      expect(await countIn('visits', cast.centreA.id)).toBe(0);
      expect(await countIn('people', cast.centreA.id)).toBe(0);
      expect(await t.db.selectFrom('personNameTokens').select('token').where('centreId', '=', cast.centreA.id).execute()).toHaveLength(0);

      // Undone, the file may come again: its rows are new.
      const third = await analysed(coordinator, 'visits', file);
      expect(third.summary).toMatchObject({ accepted: 4, alreadyImported: 0 });
      const thirdDone = await run(coordinator, third);
      expect(await countIn('visits', cast.centreA.id)).toBe(4);

      // A visit typed at the desk for an imported person: undo is refused and writes nothing.
      const person = await t.db.selectFrom('people').select('id').where('familyNames', '=', 'Popescu').executeTakeFirstOrThrow();
      const topic = await t.db.selectFrom('requestTopics').select('id').where('code', '=', 'work').executeTakeFirstOrThrow();
      expectStatus(
        await api(t.app, coordinator).post('/visits', {
          personId: person.id,
          topicIds: [topic.id],
          channel: 'in_person',
          referralSource: 'spontaneous',
        }),
        201,
      );
      const reread = expectStatus<Import>(await api(t.app, coordinator).get(`/imports/${thirdDone.id}`), 200);
      expect(reread.canUndo).toBe(false);
      const refused = expectProblem(
        await api(t.app, coordinator).post(`/imports/${thirdDone.id}/undo`, { version: reread.version }),
        409,
        'import.records_in_use',
      );
      expect(refused.count).toBe(1);
      expect(await countIn('visits', cast.centreA.id)).toBe(5);

      // Audited: created, run, undone; not one row per visit.
      const audit = await t.db
        .selectFrom('auditLog')
        .select(['action', 'entityId', 'details'])
        .where('entity', '=', 'import')
        .where('entityId', '=', String(done.id))
        .orderBy('id')
        .execute();
      expect(audit.map((a) => [a.action, (JSON.parse(a.details ?? '{}') as { step?: string }).step ?? null])).toEqual([
        ['create', null],
        ['update', 'run'],
        ['update', 'undo'],
      ]);
      await t.db.deleteFrom('visitTopics').execute();
      await t.db.deleteFrom('visits').execute();
      await t.db.deleteFrom('personNameTokens').execute();
      await t.db.deleteFrom('people').execute();
      await t.db.deleteFrom('importRows').execute();
    });

    it('matches people by codice fiscale, by names and birth date, and lists the doubtful ones for a decision', async () => {
      const people = api(t.app, coordinator);
      const byCf = expectStatus<{ id: number }>(
        await people.post('/people', {
          givenNames: 'Fatima',
          familyNames: 'Zahra',
          gender: 'female',
          citizenship: 'MA',
          birthDate: '1992-02-02',
          fiscalCode: cfOf('Zahra', 'Fatima', '1992-02-02', true),
        }),
        201,
      );
      const byNames = expectStatus<{ id: number }>(
        await people.post('/people', {
          givenNames: 'Karim',
          familyNames: 'Benali',
          gender: 'male',
          citizenship: 'MA',
          birthDate: '1980-03-03',
        }),
        201,
      );
      const doubtfulCandidate = expectStatus<{ id: number }>(
        await people.post('/people', {
          givenNames: 'Amina',
          familyNames: 'Diallo',
          gender: 'female',
          citizenship: 'SN',
          birthDate: '1999-09-09',
        }),
        201,
      );
      const file = csv([
        VISIT_HEADERS,
        // The codice fiscale finds her though the names are written otherwise.
        ['10/05/2024', 'ZAHRA', 'FATIMA', 'F', 'Marocco', '', cfOf('Zahra', 'Fatima', '1992-02-02', true), 'Lavoro', ''],
        ['11/05/2024', 'benali', 'karim', 'M', 'Marocco', '03/03/1980', '', 'Casa', ''],
        // Same names, another birth date: doubtful.
        ['12/05/2024', 'Diallo', 'Amina', 'F', 'Senegal', '10/10/1998', '', 'Lavoro', ''],
        ['13/05/2024', 'Diallo', 'Amina', 'F', 'Senegal', '10/10/1998', '', 'Casa', ''],
      ]);
      const dry = await analysed(coordinator, 'visits', file);
      expect(dry.summary).toMatchObject({ accepted: 4, newPeople: 0, matchedPeople: 2, undecided: 1 });
      expect(dry.summary?.doubtful).toHaveLength(1);
      const doubt = dry.summary?.doubtful[0];
      expect(doubt).toMatchObject({ rowNumbers: [4, 5], decision: null });
      expect(doubt?.candidates.map((c) => c.id)).toEqual([doubtfulCandidate.id]);
      // Reading the candidates (people of the register) is logged like a list naming them.
      const logged = await t.db
        .selectFrom('auditLog')
        .select('details')
        .where('entity', '=', 'import_candidate')
        .where('action', '=', 'list')
        .execute();
      expect(logged.map((r) => JSON.parse(String(r.details)))).toContainEqual({ personIds: [doubtfulCandidate.id] });

      expectProblem(
        await api(t.app, coordinator).post(`/imports/${dry.id}/run`, { version: dry.version }),
        409,
        'import.decisions_pending',
      );
      // A person of another centre cannot be chosen.
      const elsewhere = await t.db
        .insertInto('people')
        .values({
          centreId: cast.centreB.id,
          givenNames: 'X',
          familyNames: 'Y',
          gender: 'male',
          citizenship: 'IT',
          languages: '[]',
          residenceKind: 'unknown',
          createdAt: '2024-01-01T00:00:00Z',
          updatedAt: '2024-01-01T00:00:00Z',
          version: 1,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      const wrong = expectProblem(
        await api(t.app, coordinator).patch(`/imports/${dry.id}`, {
          version: dry.version,
          decisions: { [doubt?.key as string]: elsewhere.id },
        }),
        400,
        'validation.failed',
      );
      expect(wrong.errors?.[0]?.path).toContain('decisions');

      expectStatus(
        await api(t.app, coordinator).patch(`/imports/${dry.id}`, { version: dry.version, decisions: { [doubt?.key as string]: 'new' } }),
        200,
      );
      await t.app.importJobs.idle();
      const decided = expectStatus<Import>(await api(t.app, coordinator).get(`/imports/${dry.id}`), 200);
      expect(decided.summary).toMatchObject({ newPeople: 1, matchedPeople: 3, undecided: 0 });
      expect(decided.summary?.doubtful[0]?.decision).toBe('new');
      const done = await run(coordinator, decided);
      expect(done.status, JSON.stringify(done.failure)).toBe('imported');
      const visitsOf = async (id: number) =>
        Number(
          (
            await t.db
              .selectFrom('visits')
              .where('personId', '=', id)
              .select((eb) => eb.fn.countAll<number>().as('n'))
              .executeTakeFirstOrThrow()
          ).n,
        );
      expect(await visitsOf(byCf.id)).toBe(1);
      expect(await visitsOf(byNames.id)).toBe(1);
      expect(await visitsOf(doubtfulCandidate.id)).toBe(0);
      const dialloes = await t.db.selectFrom('people').select('id').where('familyNames', '=', 'Diallo').execute();
      expect(dialloes).toHaveLength(2);
    });

    it('a value mapping changes the dry run, and the mapping is kept for the next file of the same shape', async () => {
      const headers = ['Data accesso', 'Cognome', 'Nome', 'Genere', 'Cittadinanza', 'Richiesta', 'Annotazioni'];
      const file = csv([
        headers,
        ['05/02/2024', 'Ndiaye', 'Moussa', 'M', 'Atlantide', 'Lavoro', 'x'],
        ['06/02/2024', 'Sow', 'Awa', 'F', 'Senegal', 'Lavoro', 'y'],
      ]);
      const dry = await analysed(coordinator, 'visits', file);
      expect(dry.summary).toMatchObject({ accepted: 1, rejected: 1 });
      expect(dry.summary?.unmatched).toEqual([
        expect.objectContaining({ field: 'citizenship', value: 'Atlantide', count: 1, mappedTo: null }),
      ]);
      const notesColumn = String(headers.indexOf('Annotazioni'));
      expect(dry.mapping[notesColumn]).toBe('notes');

      const patched = expectStatus<Import>(
        await api(t.app, coordinator).patch(`/imports/${dry.id}`, {
          version: dry.version,
          valueMappings: { citizenship: { Atlantide: 'SN' } },
          mapping: { [notesColumn]: null },
        }),
        200,
      );
      expect(patched.status).toBe('analysing');
      await t.app.importJobs.idle();
      const again = expectStatus<Import>(await api(t.app, coordinator).get(`/imports/${dry.id}`), 200);
      expect(again.summary).toMatchObject({ accepted: 2, rejected: 0 });
      expect(again.summary?.unmatched).toEqual([
        expect.objectContaining({ field: 'citizenship', value: 'Atlantide', count: 1, mappedTo: 'SN' }),
      ]);
      expect(again.summary?.preview[0]?.values.notes ?? null).toBeNull();

      // A field the kind does not take, or a mapping that leaves a requirement unmet: 400.
      expectProblem(
        await api(t.app, coordinator).patch(`/imports/${dry.id}`, { version: again.version, mapping: { '0': 'permitType' } }),
        400,
        'validation.failed',
      );
      expectProblem(
        await api(t.app, coordinator).patch(`/imports/${dry.id}`, { version: again.version, mapping: { '0': null } }),
        400,
        'validation.failed',
      );

      // The next file with these headers starts with the saved mapping and answers.
      const next = await analysed(coordinator, 'visits', csv([headers, ['07/02/2024', 'Fall', 'Ibrahima', 'M', 'Atlantide', 'Casa', 'z']]));
      expect(next.mapping[notesColumn]).toBeNull();
      expect(next.valueMappings).toEqual({ citizenship: { Atlantide: 'SN' } });
      expect(next.summary).toMatchObject({ accepted: 1, rejected: 0 });
      expectStatus(await api(t.app, coordinator).delete(`/imports/${next.id}`), 204);
      expectProblem(await api(t.app, coordinator).get(`/imports/${next.id}`), 404, 'resource.not_found');
    });

    it('refuses bad files with a clear answer and leaves nothing behind', async () => {
      const before = await t.db.selectFrom('imports').select('id').execute();
      const filesBefore = await readdir(t.app.config.importDir).catch(() => []);
      expectProblem(
        await upload(coordinator, 'visits', Buffer.from('%PDF-1.7\n%âãÏÓ\n1 0 obj\n<<>>\nendobj\n', 'latin1'), {}, 'registro.pdf'),
        422,
        'import.not_spreadsheet',
      );
      expectProblem(await upload(coordinator, 'visits', Buffer.alloc(0)), 422, 'import.empty');
      expectProblem(
        await upload(
          coordinator,
          'visits',
          csv([
            ['01/01/2024', '12', '3'],
            ['02/01/2024', '4', '5'],
          ]),
        ),
        422,
        'import.no_header',
      );
      const tooLarge = expectProblem(await upload(coordinator, 'visits', Buffer.alloc(IMPORT_MAX_BYTES + 1, 65)), 413, 'request.too_large');
      expect(tooLarge.limit).toBe(IMPORT_MAX_BYTES);
      expect(tooLarge.detail).toContain('25 MB');
      expectProblem(
        await api(t.app, coordinator).request({ method: 'POST', url: '/imports?kind=visits&fileName=a.csv', payload: { a: 1 } }),
        415,
        'request.unsupported_media_type',
      );
      expect(await t.db.selectFrom('imports').select('id').execute()).toEqual(before);
      expect(await readdir(t.app.config.importDir).catch(() => [])).toEqual(filesBefore);

      // 10,000 bad rows: each rejected with its reason, nothing written.
      const rows = [VISIT_HEADERS];
      for (let i = 0; i < 10_000; i++)
        rows.push(['99/99/2024', `Cognome${i}`, 'Nome', 'M', 'Marocco', '', '', 'Lavoro', i === 0 ? '=HYPERLINK("x")' : '']);
      const dry = await analysed(coordinator, 'visits', csv(rows));
      expect(dry.summary).toMatchObject({ rows: 10_000, accepted: 0, rejected: 10_000 });
      const rejects = expectStatus<{ total: number }>(
        await api(t.app, coordinator).get(`/imports/${dry.id}/rejects`, { pageSize: 10 }),
        200,
      );
      expect(rejects.total).toBeGreaterThanOrEqual(10_000);
      const sheet = await api(t.app, coordinator).get(`/imports/${dry.id}/rejects.xlsx`);
      expect(sheet.statusCode).toBe(200);
      expect(sheet.headers['content-type']).toContain('spreadsheetml');
      // The rejected rows to fix: row number, the original headers and cells as text (never formulas), the reason in Italian.
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load(sheet.rawPayload as unknown as ArrayBuffer);
      const rejected = workbook.worksheets[0];
      expect(rejected?.getRow(1).values).toEqual([undefined, 'Riga del file', ...VISIT_HEADERS, 'Motivo dello scarto']);
      // Fixed and imported again, its own two columns are not taken for the register's.
      const headers = ['Riga del file', ...VISIT_HEADERS, 'Motivo dello scarto'];
      expect(Object.values(recogniseColumns('visits', headers)).filter((f) => f !== null)).toHaveLength(VISIT_HEADERS.length);
      expect(rejected?.rowCount).toBe(10_001);
      const first = rejected?.getRow(2);
      expect(first?.getCell(1).value).toBe(2);
      expect(first?.getCell(2).value).toBe('99/99/2024');
      expect(first?.getCell(VISIT_HEADERS.length + 1).value).toBe('=HYPERLINK("x")');
      expect(first?.getCell(VISIT_HEADERS.length + 1).type).toBe(ExcelJS.ValueType.String);
      expect(String(first?.getCell(VISIT_HEADERS.length + 2).value)).toContain('Data non valida: 99/99/2024');
      const visitsBefore = await countIn('visits', cast.centreA.id);
      const done = await run(coordinator, dry);
      expect(done.status).toBe('imported');
      expect(await countIn('visits', cast.centreA.id)).toBe(visitsBefore);
    });

    it('a failure in the middle of the import writes nothing and says why', async () => {
      const rows = [VISIT_HEADERS];
      for (let i = 0; i < 3000; i++)
        rows.push(['01/06/2024', `Famiglia${i}`, 'Nome', 'F', 'Romania', '', '', 'Lavoro', i === 2500 ? 'BOOM' : '']);
      const dry = await analysed(coordinator, 'visits', csv(rows));
      expect(dry.summary).toMatchObject({ accepted: 3000 });
      // A database rule refuses one row (row 2,502): the whole import rolls back.
      if (dialect === 'sqlite') {
        await sql`create trigger import_boom before insert on visits when new.notes = 'BOOM' begin select raise(abort, 'boom'); end`.execute(
          t.db,
        );
      } else {
        await sql`create function import_boom() returns trigger language plpgsql as $$ begin if new.notes = 'BOOM' then raise exception 'boom'; end if; return new; end $$`.execute(
          t.db,
        );
        await sql`create trigger import_boom before insert on visits for each row execute function import_boom()`.execute(t.db);
      }
      const peopleBefore = await countIn('people', cast.centreA.id);
      const visitsBefore = await countIn('visits', cast.centreA.id);
      try {
        const failed = await run(coordinator, dry);
        expect(failed.status).toBe('failed');
        expect(failed.failure?.code).toBe('import.write_failed');
        expect(await countIn('people', cast.centreA.id)).toBe(peopleBefore);
        expect(await countIn('visits', cast.centreA.id)).toBe(visitsBefore);
        const fingerprints = await t.db.selectFrom('importRows').select('rowNumber').where('importId', '=', dry.id).execute();
        expect(fingerprints).toHaveLength(0);
      } finally {
        await sql`drop trigger import_boom${sql.raw(dialect === 'postgres' ? ' on visits' : '')}`.execute(t.db);
      }
      // Fixed, it can be run again; without the dry run's plan the file is read again (the same rows written).
      for (const name of await readdir(importDir)) if (name.endsWith('.plan')) await rm(join(importDir, name));
      const reread = expectStatus<Import>(await api(t.app, coordinator).get(`/imports/${dry.id}`), 200);
      const done = await run(coordinator, reread);
      expect(done.status).toBe('imported');
      expect(await countIn('visits', cast.centreA.id)).toBe(visitsBefore + 3000);
      expectStatus(await api(t.app, coordinator).post(`/imports/${dry.id}/undo`, { version: done.version }), 200);
    });

    it("the imported visits and cases count in the report exactly as the desk's", async () => {
      const year = 2023;
      const people = [
        { family: 'Kone', given: 'Adama', gender: 'M', g: 'male', country: 'Mali', code: 'ML', birth: '1994-04-04' },
        { family: 'Ionescu', given: 'Maria', gender: 'F', g: 'female', country: 'Romania', code: 'RO', birth: '2010-07-07' },
        { family: 'Verdi', given: 'Paolo', gender: 'M', g: 'male', country: 'Italia', code: 'IT', birth: '1950-12-12' },
      ];
      const visits: Array<[number, string, string]> = [
        [0, '2023-01-15', 'Lavoro'],
        [0, '2023-06-15', 'Casa'],
        [1, '2023-03-10', 'Lavoro'],
        [2, '2023-11-30', 'Permesso di soggiorno'],
        [2, '2022-12-31', 'Lavoro'],
      ];
      const it_ = (iso: string) => iso.split('-').reverse().join('/');
      const file = csv([
        VISIT_HEADERS,
        ...visits.map(([p, date, topic]) => {
          const person = people[p] as (typeof people)[number];
          return [it_(date), person.family, person.given, person.gender, person.country, it_(person.birth), '', topic, ''];
        }),
      ]);
      const dry = await analysed(admin, 'visits', file, { centreId: cast.centreB.id });
      expect((await run(admin, dry)).status).toBe('imported');
      const cases = csv([
        ['Cognome', 'Nome', 'Sesso', 'Nazionalità', 'Data di nascita', 'Data presa in carico', 'Data chiusura'],
        [people[0]?.family, people[0]?.given, 'M', 'Mali', it_(people[0]?.birth as string), '01/02/2023', '30/09/2023'] as string[],
        [people[1]?.family, people[1]?.given, 'F', 'Romania', it_(people[1]?.birth as string), '10/03/2023', ''] as string[],
      ]);
      const casesDry = await analysed(admin, 'cases', cases, { centreId: cast.centreB.id });
      expect(casesDry.summary, JSON.stringify(casesDry.failure)).toMatchObject({ accepted: 2, matchedPeople: 2, newPeople: 0 });
      expect((await run(admin, casesDry)).status).toBe('imported');

      // The same register typed at the desk of a third centre of the organisation.
      const centreC = await createCentre(t.db, { organisationId: cast.organisationId, code: 'C', name: 'Centro C' }, null);
      await t.db.insertInto('userCentres').values({ userId: cast.admin.id, centreId: centreC.id }).execute();
      const admin2 = await loginAs(t.app, cast.admin.email);
      const desk = api(t.app, admin2);
      const topics = await t.db.selectFrom('requestTopics').select(['id', 'labelIt']).execute();
      const ids: number[] = [];
      for (const p of people) {
        const made = expectStatus<{ id: number }>(
          await desk.post('/people', {
            centreId: centreC.id,
            givenNames: p.given,
            familyNames: p.family,
            gender: p.g,
            citizenship: p.code,
            birthDate: p.birth,
            confirmNotDuplicate: true,
          }),
          201,
        );
        ids.push(made.id);
      }
      for (const [p, date, topic] of visits) {
        const topicId = topics.find((x) => x.labelIt === topic)?.id;
        expectStatus(
          await desk.post('/visits', {
            personId: ids[p],
            date,
            time: '12:00',
            topicIds: [topicId],
            channel: 'in_person',
            referralSource: 'spontaneous',
          }),
          201,
        );
      }
      const opened = expectStatus<{ id: number; version: number }>(
        await desk.post('/cases', { personId: ids[0], openedOn: '2023-02-01', areas: ['work'] }),
        201,
      );
      expectStatus(await desk.post(`/cases/${opened.id}/close`, { version: opened.version, closedOn: '2023-09-30', reason: 'other' }), 200);
      expectStatus(await desk.post('/cases', { personId: ids[1], openedOn: '2023-03-10', areas: ['work'] }), 201);

      const figures = async (centreId: number) => {
        const data = await reportDataForScope(t.db, { organisationId: cast.organisationId, centreIds: [centreId], year });
        return data.sections
          .filter((s) => s.id === 'visits' || s.id === 'care')
          .map((s) => JSON.stringify(s).replaceAll(/Centro [BC]/g, 'Centro'));
      };
      const imported = await figures(cast.centreB.id);
      expect(imported.join()).toContain('4');
      expect(imported).toEqual(await figures(centreC.id));
    });

    it('imports people, permits (superseded kept) and enrolments (with their snapshot), and refuses a second open case', async () => {
      const centre = { centreId: cast.centreB.id };
      const registry = csv([
        ['Cognome', 'Nome', 'Sesso', 'Cittadinanza', 'Data di nascita'],
        ['Hoxha', 'Elira', 'F', 'Albania', '12/12/1988'],
        ['Gashi', 'Arben', 'M', 'Kosovo', '01/02/1979'],
      ]);
      const peopleDry = await analysed(admin, 'people', registry, centre);
      expect(peopleDry.summary).toMatchObject({ accepted: 2, newPeople: 2, records: 2 });
      expect((await run(admin, peopleDry)).status).toBe('imported');
      const elira = await t.db.selectFrom('people').selectAll().where('familyNames', '=', 'Hoxha').executeTakeFirstOrThrow();
      expect(elira).toMatchObject({ centreId: cast.centreB.id, gender: 'female', citizenship: 'AL', birthDate: '1988-12-12' });

      const permits = csv([
        ['Cognome', 'Nome', 'Sesso', 'Cittadinanza', 'Data di nascita', 'Tipo permesso', 'Numero permesso', 'Data rilascio', 'Scadenza'],
        ['Hoxha', 'Elira', 'F', 'Albania', '12/12/1988', 'Lavoro subordinato', 'A1', '01/01/2022', '31/12/2023'],
        ['Hoxha', 'Elira', 'F', 'Albania', '12/12/1988', 'Lavoro subordinato', 'A2', '01/01/2024', '31/12/2025'],
      ]);
      const permitsDry = await analysed(admin, 'permits', permits, centre);
      expect(permitsDry.summary).toMatchObject({ accepted: 2, newPeople: 0, matchedPeople: 2, records: 2 });
      const permitsDone = await run(admin, permitsDry);
      expect(permitsDone.status, JSON.stringify(permitsDone.failure)).toBe('imported');
      const written = await t.db
        .selectFrom('residencePermits')
        .select(['number', 'permitType', 'superseded', 'expiresOn'])
        .where('personId', '=', elira.id)
        .orderBy('number')
        .execute();
      expect(written).toEqual([
        { number: 'A1', permitType: 'employment', superseded: 1, expiresOn: '2023-12-31' },
        { number: 'A2', permitType: 'employment', superseded: 0, expiresOn: '2025-12-31' },
      ]);

      const kind = await t.db
        .selectFrom('courseKinds')
        .select('id')
        .where('organisationId', '=', cast.organisationId)
        .executeTakeFirstOrThrow();
      const course = await t.db
        .insertInto('courses')
        .values({
          centreId: cast.centreB.id,
          kindId: kind.id,
          title: 'Italiano A2',
          level: null,
          partner: null,
          place: null,
          startDate: '2024-02-01',
          endDate: '2024-06-30',
          weekdays: '[2,4]',
          startTime: '18:00',
          lessonMinutes: 90,
          capacity: null,
          notes: null,
          createdAt: '2024-01-01T00:00:00Z',
          updatedAt: '2024-01-01T00:00:00Z',
          version: 1,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      const enrolments = csv([
        ['Cognome', 'Nome', 'Sesso', 'Cittadinanza', 'Data di nascita', 'Corso', 'Programma', 'Data iscrizione'],
        ['Gashi', 'Arben', 'M', 'Kosovo', '01/02/1979', 'italiano a2', 'SAI', '05/02/2024'],
        ['Gashi', 'Arben', 'M', 'Kosovo', '01/02/1979', 'Tedesco B1', 'SAI', '05/02/2024'],
      ]);
      const enrolmentsDry = await analysed(admin, 'enrolments', enrolments, centre);
      expect(enrolmentsDry.summary).toMatchObject({ accepted: 1, rejected: 1 });
      const enrolmentsDone = await run(admin, enrolmentsDry);
      expect(enrolmentsDone.status, JSON.stringify(enrolmentsDone.failure)).toBe('imported');
      const enrolment = await t.db.selectFrom('enrolments').selectAll().where('courseId', '=', course.id).executeTakeFirstOrThrow();
      expect(enrolment).toMatchObject({ programme: 'sai', enrolledOn: '2024-02-05', gender: 'male', citizenship: 'XK', withdrawnOn: null });

      // One open case a person: a second one, in the register or in the file, is rejected.
      const cases = csv([
        ['Cognome', 'Nome', 'Sesso', 'Cittadinanza', 'Data di nascita', 'Data apertura', 'Data chiusura'],
        ['Hoxha', 'Elira', 'F', 'Albania', '12/12/1988', '01/03/2024', ''],
        ['Hoxha', 'Elira', 'F', 'Albania', '12/12/1988', '01/04/2024', ''],
        ['Hoxha', 'Elira', 'F', 'Albania', '12/12/1988', '01/01/2023', '31/12/2023'],
      ]);
      const casesDry = await analysed(admin, 'cases', cases, centre);
      expect(casesDry.summary).toMatchObject({ accepted: 2, rejected: 1 });
      const rejects = expectStatus<{ items: ImportReject[] }>(await api(t.app, admin).get(`/imports/${casesDry.id}/rejects`), 200);
      expect(rejects.items.map((r) => [r.rowNumber, r.code])).toEqual([[3, 'import.case_already_open']]);
      const casesDone = await run(admin, casesDry);
      const later = csv([
        ['Cognome', 'Nome', 'Sesso', 'Cittadinanza', 'Data di nascita', 'Data apertura', 'Data chiusura'],
        ['Hoxha', 'Elira', 'F', 'Albania', '12/12/1988', '01/05/2024', ''],
      ]);
      const againDry = await analysed(admin, 'cases', later, centre);
      expect(againDry.summary).toMatchObject({ accepted: 0, rejected: 1 });

      // Undo of the permits, the enrolments and the cases: their records go, the people stay.
      for (const done of [casesDone, enrolmentsDone, permitsDone]) {
        const fresh = expectStatus<Import>(await api(t.app, admin).get(`/imports/${done.id}`), 200);
        expect(fresh.canUndo).toBe(true);
        expectStatus(await api(t.app, admin).post(`/imports/${done.id}/undo`, { version: fresh.version }), 200);
      }
      expect(await t.db.selectFrom('residencePermits').select('id').where('personId', '=', elira.id).execute()).toHaveLength(0);
      expect(await t.db.selectFrom('enrolments').select('id').where('courseId', '=', course.id).execute()).toHaveLength(0);
      expect(await t.db.selectFrom('cases').select('id').where('personId', '=', elira.id).execute()).toHaveLength(0);
      expect(await countIn('people', cast.centreB.id)).toBeGreaterThanOrEqual(2);
    });

    it('the command line imports with the same use cases, and says with its exit code what happened', async () => {
      const file = join(importDir, 'registro-cli.csv');
      await writeFile(
        file,
        csv([
          VISIT_HEADERS,
          ['01/07/2024', 'Traoré', 'Fatoumata', 'F', 'Mali', '03/03/1993', '', 'Lavoro', ''],
          ['02/07/2024', 'Traoré', 'Fatoumata', 'F', 'Mali', '03/03/1993', '', 'Atlantide', ''],
        ]),
      );
      const lines: string[] = [];
      const options = { kind: 'visits', file, centre: cast.centreB.code };
      const visitsBefore = await countIn('visits', cast.centreB.id);
      expect(await importFromCli(t.db, importDir, { ...options, dryRun: true }, (line) => lines.push(line))).toBe(0);
      expect(lines.join('\n')).toContain('riga 3');
      expect(await countIn('visits', cast.centreB.id)).toBe(visitsBefore);
      lines.length = 0;
      expect(await importFromCli(t.db, importDir, { ...options, json: true }, (line) => lines.push(line))).toBe(3);
      const answer = JSON.parse(lines.join('\n')) as { import: Import; rejects: ImportReject[] };
      expect(answer.import.status).toBe('imported');
      expect(answer.rejects.map((r) => r.rowNumber)).toEqual([3]);
      expect(await countIn('visits', cast.centreB.id)).toBe(visitsBefore + 1);
      // The same file again: nothing new, the rejected row still rejected.
      expect(await importFromCli(t.db, importDir, options, () => {})).toBe(3);
      expect(await countIn('visits', cast.centreB.id)).toBe(visitsBefore + 1);
      const audit = await t.db
        .selectFrom('auditLog')
        .select('userId')
        .where('entity', '=', 'import')
        .where('entityId', '=', String(answer.import.id))
        .execute();
      expect(audit.length).toBeGreaterThan(0);
      expect(audit.every((a) => a.userId === null)).toBe(true);
    });

    it('an import a stopped server left running is failed on start, with nothing written', async () => {
      const dry = await analysed(coordinator, 'visits', csv(visitsRegister()));
      await t.db.updateTable('imports').set({ status: 'importing' }).where('id', '=', dry.id).execute();
      expect(await markInterruptedImports(t.db)).toBe(1);
      const after = expectStatus<Import>(await api(t.app, coordinator).get(`/imports/${dry.id}`), 200);
      expect(after.status).toBe('failed');
      expect(after.failure).toEqual({ code: 'import.interrupted', params: { during: 'importing' } });
      expectStatus(await api(t.app, coordinator).delete(`/imports/${dry.id}`), 204);
    });

    it('a register without names records anonymous visits with their snapshot', async () => {
      const file = csv([
        ['Data', 'Sesso', 'Nazionalità', 'Tipologia richiesta'],
        ['15/01/2024', 'F', 'Ucraina', 'Lavoro'],
        ['16/01/2024', 'M', 'Romania', 'Casa'],
      ]);
      const dry = await analysed(admin, 'visits', file, { centreId: cast.centreB.id });
      expect(dry.summary).toMatchObject({ accepted: 2, newPeople: 0, matchedPeople: 0, records: 2 });
      const done = await run(admin, dry);
      const created = await t.db
        .selectFrom('importRecordRanges as r')
        .innerJoin('visits', (join) => join.onRef('visits.id', '>=', 'r.firstId').onRef('visits.id', '<=', 'r.lastId'))
        .select(['visits.personId', 'visits.gender', 'visits.citizenship', 'visits.originGroup', 'visits.ageBand', 'visits.visitDate'])
        .where('r.importId', '=', done.id)
        .where('r.entity', '=', 'visit')
        .orderBy('visits.visitDate')
        .execute();
      expect(created).toEqual([
        { personId: null, gender: 'female', citizenship: 'UA', originGroup: 'non_eu', ageBand: 'unknown', visitDate: '2024-01-15' },
        { personId: null, gender: 'male', citizenship: 'RO', originGroup: 'eu', ageBand: 'unknown', visitDate: '2024-01-16' },
      ]);
      expectStatus(await api(t.app, admin).post(`/imports/${done.id}/undo`, { version: done.version }), 200);
    });

    it('identical rows are each a visit; the same file again adds none, a longer one adds the rows it has more', async () => {
      const same = ['20/02/2024', 'F', 'Ucraina', 'Lavoro'];
      const header = ['Data', 'Sesso', 'Nazionalità', 'Tipologia richiesta'];
      const first = await run(admin, await analysed(admin, 'visits', csv([header, same, same]), { centreId: cast.centreB.id }));
      expect(first.summary).toMatchObject({ accepted: 2, alreadyImported: 0 });
      const again = await analysed(admin, 'visits', csv([header, same, same]), { centreId: cast.centreB.id });
      expect(again.summary).toMatchObject({ accepted: 0, alreadyImported: 2 });
      expectStatus(await api(t.app, admin).delete(`/imports/${again.id}`), 204);
      const longer = await run(admin, await analysed(admin, 'visits', csv([header, same, same, same]), { centreId: cast.centreB.id }));
      expect(longer.summary).toMatchObject({ accepted: 1, alreadyImported: 2 });
      const visits = await t.db
        .selectFrom('visits')
        .where('centreId', '=', cast.centreB.id)
        .where('visitDate', '=', '2024-02-20')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow();
      expect(Number(visits.n)).toBe(3);
      expectStatus(await api(t.app, admin).post(`/imports/${longer.id}/undo`, { version: longer.version }), 200);
      const reread = expectStatus<Import>(await api(t.app, admin).get(`/imports/${first.id}`), 200);
      expectStatus(await api(t.app, admin).post(`/imports/${first.id}/undo`, { version: reread.version }), 200);
    });

    it('is bounded by the centres and the role', async () => {
      const inB = await analysed(admin, 'visits', csv(visitsRegister()), { centreId: cast.centreB.id });
      expectProblem(await api(t.app, coordinator).get(`/imports/${inB.id}`), 404, 'resource.not_found');
      expectProblem(await api(t.app, coordinator).post(`/imports/${inB.id}/run`, { version: inB.version }), 404, 'resource.not_found');
      expectProblem(await upload(coordinator, 'visits', csv(visitsRegister()), { centreId: cast.centreB.id }), 404, 'resource.not_found');
      const list = expectStatus<{ items: Import[] }>(await api(t.app, coordinator).get('/imports'), 200);
      expect(list.items.every((i) => i.centreId === cast.centreA.id)).toBe(true);
      const operator = await loginAs(t.app, cast.operatorA.email);
      expectProblem(await upload(operator, 'visits', csv(visitsRegister())), 403, 'auth.forbidden');
      expectProblem(await api(t.app, operator).get('/imports'), 403, 'auth.forbidden');
      expectStatus(await api(t.app, admin).delete(`/imports/${inB.id}`), 204);
    });
  });
}
