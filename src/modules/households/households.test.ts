import { afterAll, beforeAll, expect, it } from 'vitest';
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
import type { Page } from '../../contracts/common.js';
import type { Household, HouseholdListItem, PersonHousehold } from '../../contracts/households.js';
import type { Person } from '../../contracts/people.js';
import { todayInRome } from '../../domain/dates.js';

/** A day after today in Rome, whatever today is. */
function tomorrow(): string {
  const d = new Date(`${todayInRome()}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}

for (const dialect of DIALECTS) {
  describeDialect(dialect)(`${dialect}: households`, () => {
    let t: TestApp;
    let cast: Cast;
    let operator: Api;
    let operatorB: Api;
    let viewer: Api;
    let admin: Api;
    let personB: Person;

    beforeAll(async () => {
      t = await startTestApp(dialect);
      cast = await seedCast(t.db);
      operator = api(t.app, await loginAs(t.app, cast.operatorA.email));
      operatorB = api(t.app, await loginAs(t.app, cast.operatorB.email));
      viewer = api(t.app, await loginAs(t.app, cast.viewer.email));
      admin = api(t.app, await loginAs(t.app, cast.admin.email));
      personB = await person(operatorB, 'Bruna', 'Altrove');
    });
    afterAll(() => t?.close());

    let counter = 0;
    async function person(as: Api, givenNames: string, familyNames: string): Promise<Person> {
      counter += 1;
      const birthDate = `19${String(50 + counter).padStart(2, '0')}-03-0${(counter % 9) + 1}`;
      return expectStatus<Person>(
        await as.post('/people', { givenNames, familyNames, gender: counter % 2 ? 'female' : 'male', citizenship: 'MA', birthDate }),
        201,
      );
    }
    const create = async (body: Record<string, unknown>) => expectStatus<Household>(await operator.post('/households', body), 201);
    const audit = (entity: string, entityId: number | string) =>
      t.db.selectFrom('auditLog').selectAll().where('entity', '=', entity).where('entityId', '=', String(entityId)).orderBy('id').execute();
    const membershipsOf = (personId: number) =>
      t.db.selectFrom('householdMembers').selectAll().where('personId', '=', personId).orderBy('id').execute();

    it('creates a household with its first members in one go, and logs it', async () => {
      const mario = await person(operator, 'Mario', 'Rossi');
      const anna = await person(operator, 'Anna', 'Rossi');
      const luca = await person(operator, 'Luca', 'Rossi');
      const household = await create({
        name: 'Rossi',
        notes: 'Via Roma 1',
        members: [
          { personId: mario.id, relation: 'reference_person', joinedOn: '2023-01-10' },
          { personId: anna.id, relation: 'spouse_partner', joinedOn: '2023-01-10' },
          { personId: luca.id, relation: 'child' },
        ],
      });
      expect(household).toMatchObject({ centreId: cast.centreA.id, name: 'Rossi', notes: 'Via Roma 1', version: 1, history: [] });
      expect(household.members).toEqual([
        {
          id: expect.any(Number),
          personId: mario.id,
          givenNames: 'Mario',
          familyNames: 'Rossi',
          gender: mario.gender,
          birthDate: mario.birthDate,
          relation: 'reference_person',
          joinedOn: '2023-01-10',
        },
        expect.objectContaining({ personId: anna.id, relation: 'spouse_partner', joinedOn: '2023-01-10' }),
        expect.objectContaining({ personId: luca.id, relation: 'child', joinedOn: todayInRome() }),
      ]);

      const created = await audit('household', household.id);
      expect(created).toEqual([expect.objectContaining({ action: 'create', userId: cast.operatorA.id, centreId: cast.centreA.id })]);
      const memberRows = await t.db
        .selectFrom('auditLog')
        .selectAll()
        .where('entity', '=', 'household_member')
        .where(
          'entityId',
          'in',
          household.members.map((m) => String(m.id)),
        )
        .execute();
      expect(memberRows.map((r) => r.action)).toEqual(['create', 'create', 'create']);
      expect(JSON.stringify([...created, ...memberRows])).not.toMatch(/Rossi|Mario|Roma/);

      // Opening it is a logged read that names the people shown.
      const read = expectStatus<Household>(await operator.get(`/households/${household.id}`), 200);
      expect(read).toEqual(household);
      const reads = (await audit('household', household.id)).filter((r) => r.action === 'read');
      expect(reads).toHaveLength(1);
      expect(JSON.parse(reads[0]?.details ?? '{}').personIds.sort()).toEqual([mario.id, anna.id, luca.id].sort());
    });

    it('a household without members goes to the only centre; an administrator of two centres names one', async () => {
      const empty = await create({ name: 'Nucleo vuoto' });
      expect(empty).toMatchObject({ centreId: cast.centreA.id, members: [], notes: null });
      const problem = expectProblem(await admin.post('/households', { name: 'Dove?' }), 400, 'validation.failed');
      expect(problem.errors?.map((e) => e.path)).toEqual(['body.centreId']);
      const inB = expectStatus<Household>(await admin.post('/households', { name: 'In B', centreId: cast.centreB.id }), 201);
      expect(inB.centreId).toBe(cast.centreB.id);
      // Without centreId, the administrator's household goes to its first member's centre.
      const withMember = expectStatus<Household>(
        await admin.post('/households', { name: 'Altrove', members: [{ personId: personB.id, relation: 'reference_person' }] }),
        201,
      );
      expect(withMember.centreId).toBe(cast.centreB.id);
    });

    it('one household at a time: 409 naming the other household, then a move ends the old membership', async () => {
      const omar = await person(operator, 'Omar', 'Haddad');
      const first = await create({
        name: 'Haddad',
        members: [{ personId: omar.id, relation: 'reference_person', joinedOn: '2022-05-01' }],
      });
      const second = await create({ name: 'Haddad-Benali' });
      const auditBefore = (await t.db.selectFrom('auditLog').select('id').execute()).length;

      const problem = expectProblem(
        await operator.post(`/households/${second.id}/members`, { personId: omar.id, relation: 'spouse_partner', joinedOn: '2024-02-01' }),
        409,
        'household.member_elsewhere',
      );
      expect(problem).toMatchObject({ personId: omar.id, householdId: first.id, householdName: 'Haddad' });
      expect(await membershipsOf(omar.id)).toHaveLength(1);
      expect((await t.db.selectFrom('auditLog').select('id').execute()).length).toBe(auditBefore);

      // Creating a household with them is refused as well, and nothing is left half-written.
      const householdsBefore = (await t.db.selectFrom('households').select('id').execute()).length;
      expectProblem(
        await operator.post('/households', { name: 'Terzo', members: [{ personId: omar.id, relation: 'child' }] }),
        409,
        'household.member_elsewhere',
      );
      expect((await t.db.selectFrom('households').select('id').execute()).length).toBe(householdsBefore);

      // A move cannot start before the current membership did.
      const early = expectProblem(
        await operator.post(`/households/${second.id}/members`, {
          personId: omar.id,
          relation: 'spouse_partner',
          joinedOn: '2022-04-30',
          move: true,
        }),
        400,
        'validation.failed',
      );
      expect(early.errors?.map((e) => e.path)).toEqual(['body.joinedOn']);

      const moved = expectStatus<Household>(
        await operator.post(`/households/${second.id}/members`, {
          personId: omar.id,
          relation: 'spouse_partner',
          joinedOn: '2024-02-01',
          move: true,
        }),
        201,
      );
      expect(moved.members).toEqual([expect.objectContaining({ personId: omar.id, relation: 'spouse_partner', joinedOn: '2024-02-01' })]);
      const rows = await membershipsOf(omar.id);
      expect(rows.map((r) => [r.householdId, r.joinedOn, r.leftOn])).toEqual([
        [first.id, '2022-05-01', '2024-02-01'],
        [second.id, '2024-02-01', null],
      ]);

      // The history is kept: the old household shows the past membership.
      const old = expectStatus<Household>(await operator.get(`/households/${first.id}`), 200);
      expect(old.members).toEqual([]);
      expect(old.history).toEqual([
        expect.objectContaining({ personId: omar.id, relation: 'reference_person', joinedOn: '2022-05-01', leftOn: '2024-02-01' }),
      ]);
      const ended = await audit('household_member', rows[0]?.id as number);
      expect(ended).toEqual([
        expect.objectContaining({ action: 'create' }),
        expect.objectContaining({ action: 'update', centreId: cast.centreA.id }),
      ]);
      expect(JSON.parse(ended[1]?.details ?? '{}')).toMatchObject({
        householdId: first.id,
        fields: ['leftOn'],
        movedToHouseholdId: second.id,
      });

      // Already a member here: 409 of its own.
      expectProblem(
        await operator.post(`/households/${second.id}/members`, { personId: omar.id, relation: 'child', move: true }),
        409,
        'household.already_member',
      );

      // The person's file: the household now, with its members, and every membership.
      const file = expectStatus<PersonHousehold>(await operator.get(`/people/${omar.id}/household`), 200);
      expect(file.current).toMatchObject({
        id: second.id,
        name: 'Haddad-Benali',
        relation: 'spouse_partner',
        joinedOn: '2024-02-01',
        membershipId: rows[1]?.id,
        members: [expect.objectContaining({ personId: omar.id })],
      });
      expect(file.memberships).toEqual([
        {
          id: rows[1]?.id,
          householdId: second.id,
          householdName: 'Haddad-Benali',
          relation: 'spouse_partner',
          joinedOn: '2024-02-01',
          leftOn: null,
        },
        {
          id: rows[0]?.id,
          householdId: first.id,
          householdName: 'Haddad',
          relation: 'reference_person',
          joinedOn: '2022-05-01',
          leftOn: '2024-02-01',
        },
      ]);
      const fileReads = (await audit('person', omar.id)).filter((r) => r.action === 'read');
      expect(fileReads).toHaveLength(1);
      expect(JSON.parse(fileReads[0]?.details ?? '{}')).toEqual({ part: 'household', householdId: second.id, personIds: [omar.id] });
    });

    it('a household created with move: true takes its members from their old household', async () => {
      const sara = await person(operator, 'Sara', 'Conti');
      const old = await create({ name: 'Conti', members: [{ personId: sara.id, relation: 'child', joinedOn: '2020-01-01' }] });
      const made = await create({ name: 'Conti nuova', move: true, members: [{ personId: sara.id, relation: 'reference_person' }] });
      expect(made.members.map((m) => m.personId)).toEqual([sara.id]);
      const before = expectStatus<Household>(await operator.get(`/households/${old.id}`), 200);
      expect(before.history).toEqual([expect.objectContaining({ personId: sara.id, leftOn: todayInRome() })]);
    });

    it('leaving: today by default, kept in the history, not twice, and not before joining', async () => {
      const ali = await person(operator, 'Ali', 'Karimi');
      const nadia = await person(operator, 'Nadia', 'Karimi');
      const household = await create({
        name: 'Karimi',
        members: [
          { personId: ali.id, relation: 'reference_person', joinedOn: '2023-03-01' },
          { personId: nadia.id, relation: 'sibling', joinedOn: '2023-03-01' },
        ],
      });
      const [aliMember, nadiaMember] = household.members as [Household['members'][0], Household['members'][0]];

      const tooEarly = expectProblem(
        await operator.post(`/households/${household.id}/members/${nadiaMember.id}/leave`, { leftOn: '2023-02-28' }),
        400,
        'validation.failed',
      );
      expect(tooEarly.errors?.map((e) => e.path)).toEqual(['body.leftOn']);
      const future = expectProblem(
        await operator.post(`/households/${household.id}/members/${nadiaMember.id}/leave`, { leftOn: tomorrow() }),
        400,
        'validation.failed',
      );
      expect(future.errors?.map((e) => e.path)).toEqual(['body.leftOn']);

      const left = expectStatus<Household>(
        await operator.post(`/households/${household.id}/members/${nadiaMember.id}/leave`, { leftOn: '2024-06-30' }),
        200,
      );
      expect(left.members.map((m) => m.personId)).toEqual([ali.id]);
      expect(left.history).toEqual([
        expect.objectContaining({ id: nadiaMember.id, personId: nadia.id, relation: 'sibling', leftOn: '2024-06-30' }),
      ]);
      expect(await audit('household_member', nadiaMember.id)).toEqual([
        expect.objectContaining({ action: 'create' }),
        expect.objectContaining({ action: 'update' }),
      ]);

      expectProblem(
        await operator.post(`/households/${household.id}/members/${nadiaMember.id}/leave`, {}),
        409,
        'household.membership_ended',
      );
      expectProblem(
        await operator.patch(`/households/${household.id}/members/${nadiaMember.id}`, { relation: 'cohabitant' }),
        409,
        'household.membership_ended',
      );

      // Free again: she joins another household without a move, but not before she left.
      const other = await create({ name: 'Karimi-Sadeghi' });
      const overlap = expectProblem(
        await operator.post(`/households/${other.id}/members`, { personId: nadia.id, relation: 'spouse_partner', joinedOn: '2024-06-29' }),
        400,
        'validation.failed',
      );
      expect(overlap.errors?.map((e) => e.path)).toEqual(['body.joinedOn']);
      expectStatus(
        await operator.post(`/households/${other.id}/members`, { personId: nadia.id, relation: 'spouse_partner', joinedOn: '2024-06-30' }),
        201,
      );

      // Today when no date is sent (and no body at all is fine too).
      const empty = expectStatus<Household>(
        await operator.request({ method: 'POST', url: `/households/${household.id}/members/${aliMember.id}/leave` }),
        200,
      );
      expect(empty.history.find((m) => m.id === aliMember.id)?.leftOn).toBe(todayInRome());

      // A person without a household now: null, with the past memberships.
      const file = expectStatus<PersonHousehold>(await operator.get(`/people/${ali.id}/household`), 200);
      expect(file.current).toBeNull();
      expect(file.memberships).toEqual([expect.objectContaining({ householdId: household.id, leftOn: todayInRome() })]);
    });

    it("changes a member's relation, with one reference person per household", async () => {
      const a = await person(operator, 'Giulia', 'Bianchi');
      const b = await person(operator, 'Paolo', 'Bianchi');
      const household = await create({
        name: 'Bianchi',
        members: [
          { personId: a.id, relation: 'reference_person' },
          { personId: b.id, relation: 'cohabitant' },
        ],
      });
      const [ma, mb] = household.members as [Household['members'][0], Household['members'][0]];
      const changed = expectStatus<Household>(
        await operator.patch(`/households/${household.id}/members/${mb.id}`, { relation: 'spouse_partner' }),
        200,
      );
      expect(changed.members.find((m) => m.id === mb.id)?.relation).toBe('spouse_partner');
      const rows = await audit('household_member', mb.id);
      expect(rows.at(-1)).toMatchObject({ action: 'update', userId: cast.operatorA.id });
      expect(JSON.parse(rows.at(-1)?.details ?? '{}')).toEqual({ householdId: household.id, personId: b.id, fields: ['relation'] });

      expectProblem(
        await operator.patch(`/households/${household.id}/members/${mb.id}`, { relation: 'reference_person' }),
        409,
        'household.reference_person_taken',
      );
      const c = await person(operator, 'Chiara', 'Bianchi');
      expectProblem(
        await operator.post(`/households/${household.id}/members`, { personId: c.id, relation: 'reference_person' }),
        409,
        'household.reference_person_taken',
      );
      // Handing the role over: the old reference person first.
      expectStatus(await operator.patch(`/households/${household.id}/members/${ma.id}`, { relation: 'spouse_partner' }), 200);
      expectStatus(await operator.patch(`/households/${household.id}/members/${mb.id}`, { relation: 'reference_person' }), 200);

      // A membership of another household is not found through this one.
      const other = await create({ name: 'Altro' });
      expectProblem(await operator.patch(`/households/${other.id}/members/${mb.id}`, { relation: 'child' }), 404, 'resource.not_found');
      expectProblem(await operator.post(`/households/${other.id}/members/${mb.id}/leave`, {}), 404, 'resource.not_found');
    });

    it('edits name and notes with the version read: 409 when stale', async () => {
      const household = await create({ name: 'Esposito', notes: 'prima' });
      const updated = expectStatus<Household>(
        await operator.patch(`/households/${household.id}`, { version: 1, name: 'Esposito Russo', notes: 'prima' }),
        200,
      );
      expect(updated).toMatchObject({ name: 'Esposito Russo', notes: 'prima', version: 2 });
      const rows = await audit('household', household.id);
      expect(rows.at(-1)).toMatchObject({ action: 'update' });
      expect(JSON.parse(rows.at(-1)?.details ?? '{}')).toEqual({ fields: ['name'] });

      const stale = expectProblem(
        await operator.patch(`/households/${household.id}`, { version: 1, notes: 'dopo' }),
        409,
        'resource.stale_version',
      );
      expect(stale.currentVersion).toBe(2);
      expect((await t.db.selectFrom('households').select('notes').where('id', '=', household.id).executeTakeFirstOrThrow()).notes).toBe(
        'prima',
      );
      const cleared = expectStatus<Household>(await operator.patch(`/households/${household.id}`, { version: 2, notes: null }), 200);
      expect(cleared.notes).toBeNull();
    });

    it('a membership change is a change of the household: its version goes up, so an edit read before is stale', async () => {
      const a = await person(operator, 'Vera', 'Conti');
      const b = await person(operator, 'Ugo', 'Conti');
      const c = await person(operator, 'Tea', 'Conti');
      const household = await create({ name: 'Conti', members: [{ personId: a.id, relation: 'reference_person' }] });
      expect(household.version).toBe(1);
      const added = expectStatus<Household>(
        await operator.post(`/households/${household.id}/members`, { personId: b.id, relation: 'child' }),
        201,
      );
      expect(added.version).toBe(2);
      const mb = added.members.find((m) => m.personId === b.id) as Household['members'][0];
      const related = expectStatus<Household>(
        await operator.patch(`/households/${household.id}/members/${mb.id}`, { relation: 'cohabitant' }),
        200,
      );
      expect(related.version).toBe(3);
      // The same relation again changes nothing.
      expect(
        expectStatus<Household>(await operator.patch(`/households/${household.id}/members/${mb.id}`, { relation: 'cohabitant' }), 200)
          .version,
      ).toBe(3);
      const left = expectStatus<Household>(await operator.post(`/households/${household.id}/members/${mb.id}/leave`, {}), 200);
      expect(left.version).toBe(4);
      const stale = expectProblem(
        await operator.patch(`/households/${household.id}`, { version: 1, name: 'Conti Vecchio' }),
        409,
        'resource.stale_version',
      );
      expect(stale.currentVersion).toBe(4);

      // A move changes the household left as well.
      const other = await create({ name: 'Conti Nuovo' });
      expectStatus(
        await operator.post(`/households/${other.id}/members`, { personId: a.id, relation: 'reference_person', move: true }),
        201,
      );
      expect(expectStatus<Household>(await operator.get(`/households/${household.id}`), 200).version).toBe(5);

      // The database itself allows one current reference person per household.
      const second = await create({ name: 'Conti Due', members: [{ personId: c.id, relation: 'reference_person' }] });
      await expect(
        t.db
          .insertInto('householdMembers')
          .values({
            householdId: second.id,
            personId: b.id,
            relation: 'reference_person',
            joinedOn: todayInRome(),
            createdAt: new Date().toISOString(),
          })
          .execute(),
      ).rejects.toThrow();
    });

    it('two members made reference person at once: one wins, the other gets a 409', async () => {
      const a = await person(operator, 'Primo', 'Gara');
      const b = await person(operator, 'Seconda', 'Gara');
      const household = await create({
        name: 'Gara',
        members: [
          { personId: a.id, relation: 'child' },
          { personId: b.id, relation: 'child' },
        ],
      });
      const results = await Promise.all(
        household.members.map((m) => operator.patch(`/households/${household.id}/members/${m.id}`, { relation: 'reference_person' })),
      );
      expect(results.map((r) => r.statusCode).sort()).toEqual([200, 409]);
      const loser = results.find((r) => r.statusCode === 409);
      expect(loser?.json()).toMatchObject({ code: 'household.reference_person_taken' });
      const refs = await t.db
        .selectFrom('householdMembers')
        .select('id')
        .where('householdId', '=', household.id)
        .where('relation', '=', 'reference_person')
        .execute();
      expect(refs).toHaveLength(1);
    });

    it('edits saved at once with the same version: one wins, the others get 409 with the current version', async () => {
      const household = await create({ name: 'Concorrenza' });
      const results = await Promise.all(
        [1, 2, 3, 4].map((n) => operator.patch(`/households/${household.id}`, { version: 1, notes: `nota ${n}` })),
      );
      expect(results.map((r) => r.statusCode).sort()).toEqual([200, 409, 409, 409]);
      for (const res of results.filter((r) => r.statusCode === 409)) {
        expect(res.json()).toMatchObject({ code: 'resource.stale_version', currentVersion: 2 });
      }
    });

    it('refuses invalid input with 400 and writes nothing', async () => {
      const p = await person(operator, 'Invalid', 'Input');
      const household = await create({ name: 'Validazione' });
      const before = {
        households: (await t.db.selectFrom('households').select('id').execute()).length,
        members: (await t.db.selectFrom('householdMembers').select('id').execute()).length,
      };
      const invalid: Array<[Promise<import('fastify').LightMyRequestResponse>, string[]]> = [
        [operator.post('/households', { name: '' }), ['body.name']],
        [operator.post('/households', { name: 'X', owner: 1 }), []],
        [operator.post('/households', { name: 'X', members: [{ personId: p.id, relation: 'cousin' }] }), ['body.members.0.relation']],
        [operator.post('/households', { name: 'X', members: [{ personId: p.id, relation: 'child', extra: true }] }), []],
        [
          operator.post('/households', {
            name: 'X',
            members: [
              { personId: p.id, relation: 'child' },
              { personId: p.id, relation: 'parent' },
            ],
          }),
          ['body.members'],
        ],
        [
          operator.post('/households', { name: 'X', members: [{ personId: p.id, relation: 'child', joinedOn: tomorrow() }] }),
          ['body.members.0.joinedOn'],
        ],
        [
          operator.post(`/households/${household.id}/members`, { personId: p.id, relation: 'child', joinedOn: tomorrow() }),
          ['body.joinedOn'],
        ],
        [
          operator.post(`/households/${household.id}/members`, { personId: p.id, relation: 'child', joinedOn: '2024-02-30' }),
          ['body.joinedOn'],
        ],
        [operator.post(`/households/${household.id}/members`, { personId: p.id, relation: 'child', since: '2024-01-01' }), []],
        [operator.patch(`/households/${household.id}`, { name: 'Y' }), ['body.version']],
        [operator.patch(`/households/${household.id}`, { version: 1, centreId: cast.centreB.id }), []],
        [operator.patch(`/households/${household.id}/members/1`, { relation: 'child', leftOn: '2024-01-01' }), []],
        [operator.post(`/households/${household.id}/members/1/leave`, { leftOn: '2024-01-01', reason: 'x' }), []],
        [operator.get('/households', { name: 'X' }), []],
        [operator.get('/households/abc'), ['params.id']],
      ];
      for (const [res, paths] of invalid) {
        const problem = expectProblem(await res, 400, 'validation.failed');
        if (paths.length > 0) expect(problem.errors?.map((e) => e.path)).toEqual(paths);
      }
      expectProblem(
        await operator.post('/households', {
          name: 'X',
          members: [
            { personId: p.id, relation: 'reference_person' },
            { personId: personB.id, relation: 'reference_person' },
          ],
        }),
        400,
        'validation.failed',
      );
      expect({
        households: (await t.db.selectFrom('households').select('id').execute()).length,
        members: (await t.db.selectFrom('householdMembers').select('id').execute()).length,
      }).toEqual(before);
    });

    it("another centre's people and households answer 404, as if absent", async () => {
      const p = await person(operator, 'Franco', 'Neri');
      const household = await create({ name: 'Neri', members: [{ personId: p.id, relation: 'reference_person' }] });
      // Another centre's person cannot join, whether the household is named or made.
      expectProblem(
        await operator.post(`/households/${household.id}/members`, { personId: personB.id, relation: 'child' }),
        404,
        'resource.not_found',
      );
      expectProblem(
        await operator.post('/households', { name: 'Misto', members: [{ personId: personB.id, relation: 'reference_person' }] }),
        404,
        'resource.not_found',
      );
      expectProblem(
        await operator.post('/households', {
          name: 'Misto',
          members: [
            { personId: p.id, relation: 'child' },
            { personId: personB.id, relation: 'child' },
          ],
        }),
        404,
        'resource.not_found',
      );
      // Even an administrator of both centres cannot mix them in one household.
      expectProblem(
        await admin.post(`/households/${household.id}/members`, { personId: personB.id, relation: 'child' }),
        404,
        'resource.not_found',
      );
      expectProblem(await operator.post('/households', { name: 'B', centreId: cast.centreB.id }), 404, 'resource.not_found');
      expectProblem(await operator.get(`/people/${personB.id}/household`), 404, 'resource.not_found');
      expectProblem(await operator.get('/households/999999'), 404, 'resource.not_found');

      // The other centre's operator sees none of it.
      const member = household.members[0]?.id;
      expectProblem(await operatorB.get(`/households/${household.id}`), 404, 'resource.not_found');
      expectProblem(await operatorB.patch(`/households/${household.id}`, { version: 1, name: 'X' }), 404, 'resource.not_found');
      expectProblem(
        await operatorB.post(`/households/${household.id}/members`, { personId: personB.id, relation: 'child' }),
        404,
        'resource.not_found',
      );
      expectProblem(
        await operatorB.patch(`/households/${household.id}/members/${member}`, { relation: 'child' }),
        404,
        'resource.not_found',
      );
      expectProblem(await operatorB.post(`/households/${household.id}/members/${member}/leave`, {}), 404, 'resource.not_found');
      expectProblem(await operatorB.get(`/people/${p.id}/household`), 404, 'resource.not_found');
      expectProblem(await operatorB.get('/households', { centreId: cast.centreA.id }), 404, 'resource.not_found');
      const listB = expectStatus<Page<HouseholdListItem>>(await operatorB.get('/households', { pageSize: 200 }), 200);
      expect(listB.items.every((h) => h.centreId === cast.centreB.id)).toBe(true);
      expect(listB.items.map((h) => h.id)).not.toContain(household.id);
    });

    it('viewers get 403 everywhere, anonymous callers 401', async () => {
      const household = await create({ name: 'Permessi' });
      const p = await person(operator, 'Pia', 'Permessi');
      for (const res of [
        viewer.get('/households'),
        viewer.get(`/households/${household.id}`),
        viewer.post('/households', { name: 'X' }),
        viewer.patch(`/households/${household.id}`, { version: 1, name: 'X' }),
        viewer.post(`/households/${household.id}/members`, { personId: p.id, relation: 'child' }),
        viewer.get(`/people/${p.id}/household`),
      ]) {
        expectProblem(await res, 403, 'auth.forbidden');
      }
      expectProblem(await api(t.app, null).get('/households'), 401, 'auth.unauthenticated');
    });

    it('lists households by name, paged, each with its current members, and logs the people shown', async () => {
      const x = await person(operator, 'Yusuf', 'Zanetti');
      const y = await person(operator, 'Ines', 'Zanetti');
      const z1 = await create({
        name: 'Zanetti 100%',
        members: [
          { personId: x.id, relation: 'reference_person' },
          { personId: y.id, relation: 'child' },
        ],
      });
      const z2 = await create({ name: 'zanetti_bis' });
      const page = expectStatus<Page<HouseholdListItem>>(await operator.get('/households', { q: 'ZANETTI', pageSize: 1 }), 200);
      expect(page).toMatchObject({ total: 2, page: 1, pageSize: 1 });
      expect(page.items).toEqual([
        {
          id: z1.id,
          centreId: cast.centreA.id,
          name: 'Zanetti 100%',
          updatedAt: z1.updatedAt,
          members: [
            { id: z1.members[0]?.id, personId: x.id, givenNames: 'Yusuf', familyNames: 'Zanetti', relation: 'reference_person' },
            { id: z1.members[1]?.id, personId: y.id, givenNames: 'Ines', familyNames: 'Zanetti', relation: 'child' },
          ],
        },
      ]);
      const second = expectStatus<Page<HouseholdListItem>>(await operator.get('/households', { q: 'zanetti', pageSize: 1, page: 2 }), 200);
      expect(second.items.map((h) => h.id)).toEqual([z2.id]);
      // Words are searched, punctuation is not: LIKE's wildcards match nothing by themselves.
      const percent = expectStatus<Page<HouseholdListItem>>(await operator.get('/households', { q: '100%' }), 200);
      expect(percent.items.map((h) => h.id)).toEqual([z1.id]);
      const underscore = expectStatus<Page<HouseholdListItem>>(await operator.get('/households', { q: 'zanetti_bis' }), 200);
      expect(underscore.items.map((h) => h.id)).toEqual([z2.id]);
      expect(expectStatus<Page<HouseholdListItem>>(await operator.get('/households', { q: '%_' }), 200)).toMatchObject({ total: 0 });

      const listing = await t.db
        .selectFrom('auditLog')
        .selectAll()
        .where('action', '=', 'list')
        .where('userId', '=', cast.operatorA.id)
        .orderBy('id', 'desc')
        .execute();
      expect(listing.some((r) => JSON.stringify(JSON.parse(r.details ?? '{}').personIds) === JSON.stringify([x.id, y.id]))).toBe(true);

      const all = expectStatus<Page<HouseholdListItem>>(
        await operator.get('/households', { centreId: cast.centreA.id, pageSize: 200 }),
        200,
      );
      expect(all.total).toBeGreaterThanOrEqual(2);
      expect(all.items.every((h) => h.centreId === cast.centreA.id)).toBe(true);
    });

    it('searches and orders by the name folded in JS: accents and case alike on both databases', async () => {
      const names = ['cesari Ordine', 'Çelik Ordine', 'Cavour Ordine', 'Özil Ordine'];
      const made = new Map<string, number>();
      for (const name of names) made.set(name, (await create({ name })).id);
      const search = async (q: string) =>
        expectStatus<Page<HouseholdListItem>>(await operator.get('/households', { q }), 200).items.map((h) => h.name);
      expect(await search('ordine')).toEqual(['Cavour Ordine', 'Çelik Ordine', 'cesari Ordine', 'Özil Ordine']);
      expect(await search('öz')).toEqual(['Özil Ordine']);
      expect(await search('OZIL ordine')).toEqual(['Özil Ordine']);
      expect(await search('CELIK')).toEqual(['Çelik Ordine']);
      // Renaming writes the key again.
      const id = made.get('Özil Ordine') as number;
      expectStatus(await operator.patch(`/households/${id}`, { version: 1, name: 'Ünal Ordine' }), 200);
      expect(await search('özil')).toEqual([]);
      expect(await search('unal')).toEqual(['Ünal Ordine']);
      // A NUL character is refused alike by both databases (400, not a 500 on PostgreSQL).
      expectProblem(await operator.get('/households', { q: 'a\u0000b' }), 400, 'validation.failed');
      expectProblem(await operator.get('/households', { q: 'x'.repeat(201) }), 400, 'validation.failed');
    });

    it('two operators adding the same person at once: one wins, the other gets a 409', async () => {
      const p = await person(operator, 'Race', 'Condition');
      const h1 = await create({ name: 'Race 1' });
      const h2 = await create({ name: 'Race 2' });
      const results = await Promise.all([
        operator.post(`/households/${h1.id}/members`, { personId: p.id, relation: 'child' }),
        operator.post(`/households/${h2.id}/members`, { personId: p.id, relation: 'child' }),
      ]);
      expect(results.map((r) => r.statusCode).sort()).toEqual([201, 409]);
      expect((await membershipsOf(p.id)).filter((m) => m.leftOn === null)).toHaveLength(1);
    });
  });
}
