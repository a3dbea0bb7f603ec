import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type Api,
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
import type { Page } from '../../contracts/common.js';
import type { DuplicateCandidate, Person, PersonSummary } from '../../contracts/people.js';

/** Valid codici fiscali (the schema checks the check character). */
const ROSSI_CF = 'RSSMRA85T10A271G';
const DIALLO_CF = 'DLLMNA90D42Z343E';
const PROVISIONAL_CF = '12345678903';

const fullName = (p: { givenNames: string; familyNames: string }) => `${p.givenNames} ${p.familyNames}`;

for (const dialect of DIALECTS) {
  describeDialect(dialect)(`${dialect}: people`, () => {
    let t: TestApp;
    let cast: Cast;
    let operator: Api;
    let coordinator: Api;

    beforeAll(async () => {
      t = await startTestApp(dialect);
      cast = await seedCast(t.db);
      operator = api(t.app, await loginAs(t.app, cast.operatorA.email));
      coordinator = api(t.app, await loginAs(t.app, cast.coordinator.email));
    });
    afterAll(() => t?.close());

    const create = async (body: Record<string, unknown>) => expectStatus<Person>(await operator.post('/people', body), 201);

    it('registers a person with every field, derives the origin group, and logs the creation', async () => {
      const res = await operator.post('/people', {
        givenNames: '  Amina ',
        familyNames: 'Diallo',
        gender: 'female',
        birthDate: '1990-04-02',
        birthCountry: 'sn',
        citizenship: 'sn',
        fiscalCode: 'dllmna 90d42 z343e',
        phone: '+39 333 123 4567',
        email: 'amina@example.org',
        languages: ['fr', 'wo'],
        residence: { kind: 'comune', comuneIstat: '042021' },
      });
      const person = expectStatus<Person>(res, 201);
      expect(person).toMatchObject({
        centreId: cast.centreA.id,
        givenNames: 'Amina',
        familyNames: 'Diallo',
        gender: 'female',
        birthDate: '1990-04-02',
        birthCountry: 'SN',
        citizenship: 'SN',
        originGroup: 'non_eu',
        fiscalCode: DIALLO_CF,
        phone: '+39 333 123 4567',
        email: 'amina@example.org',
        languages: ['fr', 'wo'],
        residence: { kind: 'comune', comuneIstat: '042021' },
        version: 1,
      });
      const stored = await t.db.selectFrom('people').selectAll().where('id', '=', person.id).executeTakeFirstOrThrow();
      expect(stored).toMatchObject({
        createdBy: cast.operatorA.id,
        residenceKind: 'comune',
        residenceComune: '042021',
        languages: '["fr","wo"]',
      });
      const audit = await t.db
        .selectFrom('auditLog')
        .selectAll()
        .where('entity', '=', 'person')
        .where('entityId', '=', String(person.id))
        .execute();
      expect(audit).toEqual([expect.objectContaining({ action: 'create', userId: cast.operatorA.id, centreId: cast.centreA.id })]);
      // The audit log names no personal values.
      expect(JSON.stringify(audit)).not.toMatch(/Amina|Diallo|DLLMNA/);

      const minimal = await create({ givenNames: 'Ivan', familyNames: 'Petrov', gender: 'male', citizenship: 'XS' });
      expect(minimal).toMatchObject({
        birthDate: null,
        fiscalCode: null,
        languages: [],
        residence: { kind: 'unknown' },
        originGroup: 'non_eu',
      });
    });

    it('refuses unknown reference codes and invalid codici fiscali', async () => {
      const base = { givenNames: 'Test', familyNames: 'Codes', gender: 'male', citizenship: 'MA' };
      const cases: Array<[Record<string, unknown>, string]> = [
        [{ ...base, citizenship: 'QQ' }, 'body.citizenship'],
        [{ ...base, birthCountry: 'ZZ' }, 'body.birthCountry'],
        [{ ...base, residence: { kind: 'comune', comuneIstat: '999999' } }, 'body.residence.comuneIstat'],
        [{ ...base, fiscalCode: 'RSSMRA85T10A271X' }, 'body.fiscalCode'],
        [{ ...base, fiscalCode: '12345678901' }, 'body.fiscalCode'],
      ];
      for (const [body, path] of cases) {
        const problem = expectProblem(await operator.post('/people', body), 400, 'validation.failed');
        expect(problem.errors?.map((e) => e.path)).toEqual([path]);
      }
      expect(await t.db.selectFrom('people').select('id').where('familyNames', '=', 'Codes').execute()).toEqual([]);
    });

    describe('possible duplicates', () => {
      it('the same codice fiscale answers 409 with the candidate, until the operator confirms', async () => {
        const rossi = await create({ givenNames: 'Mario', familyNames: 'Rossi', gender: 'male', citizenship: 'IT', fiscalCode: ROSSI_CF });
        expect(rossi.originGroup).toBe('italian');
        const again = {
          givenNames: 'M.',
          familyNames: 'Rossi Bianchi',
          gender: 'male',
          citizenship: 'IT',
          fiscalCode: ` ${ROSSI_CF.toLowerCase()} `,
        };
        const problem = expectProblem(await operator.post('/people', again), 409, 'person.possible_duplicate');
        expect(problem.candidates).toEqual([
          expect.objectContaining({ id: rossi.id, givenNames: 'Mario', familyNames: 'Rossi', fiscalCode: ROSSI_CF, reason: 'fiscal_code' }),
        ]);
        expect(await t.db.selectFrom('people').select('id').where('fiscalCode', '=', ROSSI_CF).execute()).toHaveLength(1);

        const confirmed = expectStatus<Person>(await operator.post('/people', { ...again, confirmNotDuplicate: true }), 201);
        expect(confirmed.fiscalCode).toBe(ROSSI_CF);
        expect(await t.db.selectFrom('people').select('id').where('fiscalCode', '=', ROSSI_CF).execute()).toHaveLength(2);
      });

      it('a close name with the same birth date answers 409 (Muhammad Ali vs Mohamed Ali), a different date does not', async () => {
        const mohamed = await create({
          givenNames: 'Mohamed',
          familyNames: 'Ali',
          gender: 'male',
          citizenship: 'EG',
          birthDate: '1992-07-15',
        });
        const muhammad = { givenNames: 'Muhammad', familyNames: 'Ali', gender: 'male', citizenship: 'EG', birthDate: '1992-07-15' };
        const problem = expectProblem(await operator.post('/people', muhammad), 409, 'person.possible_duplicate');
        const candidates = problem.candidates as DuplicateCandidate[];
        expect(candidates).toEqual([
          expect.objectContaining({ id: mohamed.id, givenNames: 'Mohamed', familyNames: 'Ali', reason: 'name_and_birth_date' }),
        ]);
        // Names in the other order, in capitals, are the same probable person.
        expectProblem(
          await operator.post('/people', { ...muhammad, givenNames: 'ALI', familyNames: 'MOHAMMED' }),
          409,
          'person.possible_duplicate',
        );
        // Another name on the same day is someone else.
        await create({ ...muhammad, givenNames: 'Amina' });
        // The same name born on another day is someone else too.
        await create({ ...muhammad, birthDate: '1993-07-15' });

        const confirmed = expectStatus<Person>(await operator.post('/people', { ...muhammad, confirmNotDuplicate: true }), 201);
        expect(fullName(confirmed)).toBe('Muhammad Ali');
      });

      it('another centre’s look-alike is no duplicate for an operator who cannot see it', async () => {
        const operatorB = api(t.app, await loginAs(t.app, cast.operatorB.email));
        const inB = expectStatus<Person>(
          await operatorB.post('/people', {
            givenNames: 'Mario',
            familyNames: 'Rossi',
            gender: 'male',
            citizenship: 'IT',
            fiscalCode: ROSSI_CF,
          }),
          201,
        );
        expect(inB.centreId).toBe(cast.centreB.id);
      });
    });

    describe('search', () => {
      const names = async (q: string, extra: Record<string, string | number> = {}) => {
        const page = expectStatus<Page<PersonSummary>>(await operator.get('/people', { q, ...extra }), 200);
        return page.items.map(fullName);
      };

      beforeAll(async () => {
        for (const person of [
          { givenNames: 'José', familyNames: 'Pérez García', gender: 'male', citizenship: 'ES' },
          { givenNames: 'Mohammed', familyNames: 'Ben Salah', gender: 'male', citizenship: 'TN' },
          { givenNames: 'Fatima Zahra', familyNames: 'El Idrissi', gender: 'female', citizenship: 'MA' },
          { givenNames: 'Fatma', familyNames: 'Yılmaz', gender: 'female', citizenship: 'TR' },
          { givenNames: 'Thị Lan', familyNames: 'Nguyễn', gender: 'female', citizenship: 'VN' },
          { givenNames: 'Oksana', familyNames: 'Kovalenko', gender: 'female', citizenship: 'UA', fiscalCode: PROVISIONAL_CF },
        ]) {
          await create(person);
        }
      });

      it('forgives accents and case', async () => {
        expect(await names('jose perez')).toEqual(['José Pérez García']);
        expect(await names('PÉREZ')).toEqual(['José Pérez García']);
        expect(await names('garcia')).toEqual(['José Pérez García']);
        expect(await names('nguyen lan')).toEqual(['Thị Lan Nguyễn']);
        expect(await names('rossi')).toEqual(['Mario Rossi', 'M. Rossi Bianchi']);
      });

      it('finds Turkish names typed without their dotless ı (Yılmaz as yilmaz)', async () => {
        expect(await names('yilmaz')).toEqual(['Fatma Yılmaz']);
      });

      it('forgives the order of names', async () => {
        expect(await names('garcia jose')).toEqual(['José Pérez García']);
        expect(await names('idrissi fatima')).toEqual(['Fatima Zahra El Idrissi']);
      });

      it('forgives transliteration (Mohamed / Mohammed / Muhammad, Fatima / Fatma), exact spellings first', async () => {
        const mohammed = await names('mohammed');
        expect(mohammed[0]).toBe('Mohammed Ben Salah');
        expect(mohammed.slice(1).sort()).toEqual(['Mohamed Ali', 'Muhammad Ali', 'Muhammad Ali']);
        const muhammadAli = await names('Muhammad Ali');
        expect(muhammadAli.slice(0, 2)).toEqual(['Muhammad Ali', 'Muhammad Ali']);
        expect(muhammadAli.slice(2)).toEqual(['Mohamed Ali']);
        expect((await names('fatma')).sort()).toEqual(['Fatima Zahra El Idrissi', 'Fatma Yılmaz']);
        expect((await names('fatima')).sort()).toEqual(['Fatima Zahra El Idrissi', 'Fatma Yılmaz']);
        // Different names do not match: Amina is not Mohamed, Fabio is not Fatima.
        expect(await names('fabio')).toEqual([]);
        expect(await names('amina ali')).toEqual(['Amina Ali']);
      });

      it('matches prefixes as the operator types', async () => {
        expect((await names('moh')).sort()).toEqual(['Mohamed Ali', 'Mohammed Ben Salah']);
        expect(await names('kov')).toEqual(['Oksana Kovalenko']);
        expect(await names('oks kova')).toEqual(['Oksana Kovalenko']);
        expect((await names('fat')).sort()).toEqual(['Fatima Zahra El Idrissi', 'Fatma Yılmaz']);
        expect(await names('kovx')).toEqual([]);
      });

      it('finds by codice fiscale, personal or provisional, however it is typed', async () => {
        expect((await names(ROSSI_CF.toLowerCase())).sort()).toEqual(['M. Rossi Bianchi', 'Mario Rossi']);
        expect(await names('DLLMNA90D42 Z343E')).toEqual(['Amina Diallo']);
        expect(await names(PROVISIONAL_CF)).toEqual(['Oksana Kovalenko']);
      });

      it('pages with a total', async () => {
        const first = expectStatus<Page<PersonSummary>>(await operator.get('/people', { q: 'ali', pageSize: 2 }), 200);
        const second = expectStatus<Page<PersonSummary>>(await operator.get('/people', { q: 'ali', pageSize: 2, page: 2 }), 200);
        expect(first.total).toBe(second.total);
        expect(first.items).toHaveLength(2);
        const all = [...first.items, ...second.items].map(fullName);
        expect(new Set([...first.items, ...second.items].map((p) => p.id)).size).toBe(all.length);
        expect(all.length).toBe(first.total);
        expect(all.sort()).toEqual(['Amina Ali', 'Mohamed Ali', 'Muhammad Ali', 'Muhammad Ali']);
      });
    });

    it('update changes the fields and the search index; a stale version answers 409 and changes nothing', async () => {
      const person = await create({
        givenNames: 'Olena',
        familyNames: 'Shevchenko',
        gender: 'female',
        citizenship: 'UA',
        birthDate: '1975-11-30',
      });
      const updated = expectStatus<Person>(
        await operator.patch(`/people/${person.id}`, {
          version: 1,
          familyNames: 'Bondarenko',
          residence: { kind: 'no_fixed_abode' },
          phone: null,
        }),
        200,
      );
      expect(updated).toMatchObject({ familyNames: 'Bondarenko', givenNames: 'Olena', residence: { kind: 'no_fixed_abode' }, version: 2 });
      expect(expectStatus<Page<PersonSummary>>(await operator.get('/people', { q: 'bondarenko' }), 200).items.map((p) => p.id)).toEqual([
        person.id,
      ]);
      expect(expectStatus<Page<PersonSummary>>(await operator.get('/people', { q: 'shevchenko' }), 200).items).toEqual([]);

      const stale = await operator.patch(`/people/${person.id}`, { version: 1, familyNames: 'Kovalchuk', citizenship: 'PL' });
      const problem = expectProblem(stale, 409, 'resource.stale_version');
      // The answer tells the current version, never the record: reading it is a logged read.
      expect(problem.currentVersion).toBe(2);
      expect(problem).not.toHaveProperty('current');
      expect(JSON.stringify(problem)).not.toContain('Bondarenko');
      const stored = await t.db.selectFrom('people').selectAll().where('id', '=', person.id).executeTakeFirstOrThrow();
      expect(stored).toMatchObject({ familyNames: 'Bondarenko', citizenship: 'UA', version: 2 });
      expect(expectStatus<Page<PersonSummary>>(await operator.get('/people', { q: 'kovalchuk' }), 200).items).toEqual([]);
      const updates = await t.db
        .selectFrom('auditLog')
        .select(['action', 'details'])
        .where('entity', '=', 'person')
        .where('entityId', '=', String(person.id))
        .where('action', '=', 'update')
        .execute();
      expect(updates).toHaveLength(1);
      // Only what changed is named: the phone was empty already; the residence is its kind column.
      expect(JSON.parse(updates[0]?.details ?? '{}')).toEqual({ fields: ['familyNames', 'residenceKind'] });

      expectProblem(await operator.patch('/people/987654', { version: 1, givenNames: 'Nobody' }), 404, 'resource.not_found');

      // Two edits sent at once from the same version: exactly one is applied.
      const racing = await Promise.all(
        ['Petrenko', 'Melnyk', 'Tkachenko'].map((familyNames) => operator.patch(`/people/${person.id}`, { version: 2, familyNames })),
      );
      expect(racing.map((res) => res.statusCode).sort()).toEqual([200, 409, 409]);
      const winner = racing.find((res) => res.statusCode === 200)?.json<Person>();
      const afterRace = await t.db.selectFrom('people').selectAll().where('id', '=', person.id).executeTakeFirstOrThrow();
      expect(afterRace).toMatchObject({ familyNames: winner?.familyNames, version: 3 });
      const indexed = await t.db
        .selectFrom('personNameTokens')
        .select('token')
        .where('personId', '=', person.id)
        .orderBy('token')
        .execute();
      expect(indexed.map((row) => row.token)).toEqual(['olena', winner?.familyNames.toLowerCase()].sort());
    });

    it('GET /people/:id returns the file and logs the read', async () => {
      const person = await create({ givenNames: 'Kwame', familyNames: 'Mensah', gender: 'male', citizenship: 'GH' });
      const before = await t.db.selectFrom('auditLog').select('id').where('action', '=', 'read').execute();
      const read = expectStatus<Person>(await operator.get(`/people/${person.id}`), 200);
      expect(read).toEqual(person);
      const reads = await t.db.selectFrom('auditLog').selectAll().where('action', '=', 'read').execute();
      expect(reads).toHaveLength(before.length + 1);
      expect(reads.at(-1)).toMatchObject({
        userId: cast.operatorA.id,
        centreId: cast.centreA.id,
        entity: 'person',
        entityId: String(person.id),
      });
      // Searching is not opening a file: no read row per search hit.
      await operator.get('/people', { q: 'mensah' });
      expect(await t.db.selectFrom('auditLog').select('id').where('action', '=', 'read').execute()).toHaveLength(before.length + 1);
    });

    it('erasing a person keeps their visits as anonymous records: the statistics do not change', async () => {
      const person = await create({
        givenNames: 'Sara',
        familyNames: 'Tesfaye',
        gender: 'female',
        citizenship: 'ER',
        birthDate: '2000-02-29',
      });
      const topic = await t.db.selectFrom('requestTopics').select('id').where('code', '=', 'health').executeTakeFirstOrThrow();
      const visitIds: number[] = [];
      for (const date of ['2023-05-02', '2023-06-02']) {
        const visit = expectStatus<{ id: number }>(
          await operator.post('/visits', { personId: person.id, date, time: '10:00', topicIds: [topic.id] }),
          201,
        );
        visitIds.push(visit.id);
      }
      const range = { from: '2023-01-01', to: '2023-12-31' };
      const summaryBefore = expectStatus(await coordinator.get('/visits/summary', range), 200);
      expect(summaryBefore).toMatchObject({ total: 2, byGender: { female: 2 }, byCitizenship: { ER: 2 }, byTopic: { [topic.id]: 2 } });

      expect((await coordinator.post(erasurePath(person.id), ERASURE_REQUEST)).statusCode).toBe(201);

      expectProblem(await operator.get(`/people/${person.id}`), 404, 'resource.not_found');
      expect(expectStatus<Page<PersonSummary>>(await operator.get('/people', { q: 'tesfaye' }), 200).total).toBe(0);
      expect(await t.db.selectFrom('personNameTokens').select('token').where('personId', '=', person.id).execute()).toEqual([]);
      expect(expectStatus(await coordinator.get('/visits/summary', range), 200)).toEqual(summaryBefore);
      const visits = expectStatus<Page<{ id: number; person: unknown; gender: string; citizenship: string; ageBand: string }>>(
        await operator.get('/visits', range),
        200,
      );
      expect(visits.items.map((v) => v.id).sort()).toEqual([...visitIds].sort());
      for (const visit of visits.items) {
        expect(visit).toMatchObject({ person: null, gender: 'female', citizenship: 'ER', ageBand: '18-29' });
      }
      const audit = await t.db
        .selectFrom('auditLog')
        .selectAll()
        .where('entity', '=', 'person')
        .where('entityId', '=', String(person.id))
        .execute();
      expect(audit.map((row) => row.action)).toEqual(['create', 'delete']);
      expect(audit[1]).toMatchObject({ userId: cast.coordinator.id, centreId: cast.centreA.id });
      expectProblem(await coordinator.post(erasurePath(person.id), ERASURE_REQUEST), 404, 'resource.not_found');
    });
  });
}
