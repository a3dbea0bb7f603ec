import { Migrator } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type Api,
  api,
  type Cast,
  createTestOrganisation,
  expectProblem,
  expectStatus,
  loginAs,
  seedCast,
  startTestApp,
  type TestApp,
} from '../../../test/support/app.js';
import { DIALECTS, describeDialect } from '../../../test/support/databases.js';
import { ERASURE_REQUEST, erasurePath } from '../../../test/support/erasure.js';
import { pdfFonts, pdfText } from '../../../test/support/pdf.js';
import type { Page } from '../../contracts/common.js';
import type {
  Event,
  EventListItem,
  EventsSummary,
  NetworkMeeting,
  NetworkMeetingsSummary,
  NetworkOrganisation,
} from '../../contracts/events.js';
import type { Person } from '../../contracts/people.js';
import { createDatabase } from '../../db/database.js';
import { foundation } from '../../db/migrations/0001-foundation.js';
import { care } from '../../db/migrations/0002-care.js';
import { activitiesCalendar } from '../../db/migrations/0003-activities-calendar.js';
import { addDays } from '../../domain/calendar.js';
import { todayInRome } from '../../domain/dates.js';
import { DEFAULT_NETWORK_ORGANISATIONS } from '../catalogues/default-network-organisations.js';
import { eventsOfYear, networkMeetingsOfYear } from './events.report.js';

const OUTING = {
  title: 'Visita alla Pinacoteca civica',
  date: '2023-12-20',
  startTime: '15:00',
  endTime: '18:00',
  place: 'Pinacoteca civica di Jesi, via XV Settembre',
  meetingPoint: 'Davanti al Centro Servizi, piazza Federico II',
  partner: 'Musei civici di Jesi',
  description: 'Una visita guidata gratuita alle opere di Lorenzo Lotto, con mediazione linguistica.',
  otherParticipants: 12,
};

for (const dialect of DIALECTS) {
  describeDialect(dialect)(`${dialect}: events and network meetings`, () => {
    let t: TestApp;
    let cast: Cast;
    let coordinator: Api;
    let operator: Api;
    let operatorB: Api;
    let viewer: Api;
    let amina: Person; // centre A
    let omar: Person; // centre A
    let bruno: Person; // centre B
    const today = todayInRome();

    const person = async (as: Api, givenNames: string, familyNames: string) =>
      expectStatus<Person>(await as.post('/people', { givenNames, familyNames, gender: 'female', citizenship: 'MA' }), 201);

    const auditOf = (entity: string, entityId?: number) => {
      let query = t.db.selectFrom('auditLog').select(['action', 'userId', 'centreId', 'details']).where('entity', '=', entity);
      if (entityId !== undefined) query = query.where('entityId', '=', String(entityId));
      return query.orderBy('id').execute();
    };

    const counts = async () => ({
      events: (await t.db.selectFrom('events').select('id').execute()).length,
      participants: (await t.db.selectFrom('eventParticipants').select('eventId').execute()).length,
      meetings: (await t.db.selectFrom('networkMeetings').select('id').execute()).length,
      links: (await t.db.selectFrom('networkMeetingOrganisations').select('meetingId').execute()).length,
    });

    beforeAll(async () => {
      t = await startTestApp(dialect);
      cast = await seedCast(t.db);
      [coordinator, operator, operatorB, viewer] = (await Promise.all(
        [cast.coordinator, cast.operatorA, cast.operatorB, cast.viewer].map(async (user) => api(t.app, await loginAs(t.app, user.email))),
      )) as [Api, Api, Api, Api];
      amina = await person(operator, 'Amina', 'Benali');
      omar = await person(operator, 'Omar', 'Haddad');
      bruno = await person(operatorB, 'Bruno', 'Kone');
    });
    afterAll(() => t?.close());

    describe('events and outings', () => {
      it('an operator records an event, planned ahead, with people of the centre and a count of others', async () => {
        const planned = addDays(today, 60);
        const event = expectStatus<Event>(
          await operator.post('/events', { ...OUTING, date: planned, participantIds: [omar.id, amina.id, amina.id] }),
          201,
        );
        expect(event).toMatchObject({
          centreId: cast.centreA.id,
          title: OUTING.title,
          date: planned,
          startTime: '15:00',
          endTime: '18:00',
          meetingPoint: OUTING.meetingPoint,
          partner: OUTING.partner,
          namedParticipants: 2,
          otherParticipants: 12,
          version: 1,
        });
        // By family name, without repeats.
        expect(event.participants.map((p) => p.id)).toEqual([amina.id, omar.id]);
        expect(await auditOf('event', event.id)).toEqual([
          { action: 'create', userId: cast.operatorA.id, centreId: cast.centreA.id, details: null },
        ]);

        const minimal = expectStatus<Event>(await operator.post('/events', { title: 'Festa di fine anno', date: '2024-12-20' }), 201);
        expect(minimal).toMatchObject({
          startTime: null,
          endTime: null,
          place: null,
          description: null,
          namedParticipants: 0,
          otherParticipants: 0,
          participants: [],
        });
        for (const made of [event, minimal]) expectStatus(await operator.delete(`/events/${made.id}?version=${made.version}`), 204);
      });

      it('refuses bad times, unknown fields and bad values with 400, writing nothing', async () => {
        const before = await counts();
        const invalid = async (body: Record<string, unknown>, path: string) => {
          const problem = expectProblem(await operator.post('/events', { ...OUTING, ...body }), 400, 'validation.failed');
          expect(problem.errors?.map((e) => e.path)).toContain(path);
        };
        await invalid({ endTime: '14:00' }, 'body.endTime');
        await invalid({ endTime: '15:00' }, 'body.endTime');
        await invalid({ startTime: null }, 'body.endTime');
        await invalid({ startTime: '25:00' }, 'body.startTime');
        await invalid({ surprise: true }, 'body');
        await invalid({ title: '   ' }, 'body.title');
        await invalid({ date: '2023-02-30' }, 'body.date');
        await invalid({ otherParticipants: -1 }, 'body.otherParticipants');
        await invalid({ description: 'x'.repeat(4001) }, 'body.description');
        expect(await counts()).toEqual(before);
      });

      it('answers 404 for a participant of another centre, and for another centre’s event', async () => {
        const before = await counts();
        expectProblem(await operator.post('/events', { ...OUTING, participantIds: [amina.id, bruno.id] }), 404, 'resource.not_found');
        expectProblem(await operator.post('/events', { ...OUTING, participantIds: [2_000_000] }), 404, 'resource.not_found');
        expect(await counts()).toEqual(before);

        const event = expectStatus<Event>(await operator.post('/events', { ...OUTING, participantIds: [amina.id] }), 201);
        expectProblem(await operator.patch(`/events/${event.id}`, { version: 1, participantIds: [bruno.id] }), 404, 'resource.not_found');
        expectProblem(await operatorB.get(`/events/${event.id}`), 404, 'resource.not_found');
        expectProblem(await operatorB.patch(`/events/${event.id}`, { version: 1, title: 'X' }), 404, 'resource.not_found');
        expectProblem(await operatorB.delete(`/events/${event.id}?version=1`), 404, 'resource.not_found');
        expectProblem(await operatorB.get(`/events/${event.id}/invitation.pdf`), 404, 'resource.not_found');
        expectProblem(await operatorB.get('/events', { centreId: cast.centreA.id }), 404, 'resource.not_found');
        expect(expectStatus<Page<EventListItem>>(await operatorB.get('/events'), 200).items).toEqual([]);
        expectStatus(await operator.delete(`/events/${event.id}?version=1`), 204);
      });

      it('corrects an event at the version read: 409 when stale, the times checked as they will be stored', async () => {
        const event = expectStatus<Event>(await operator.post('/events', { ...OUTING, participantIds: [amina.id] }), 201);
        // A new end before the start kept; clearing the start while an end stays.
        expectProblem(await operator.patch(`/events/${event.id}`, { version: 1, endTime: '14:30' }), 400, 'validation.failed');
        expectProblem(await operator.patch(`/events/${event.id}`, { version: 1, startTime: null }), 400, 'validation.failed');

        const moved = expectStatus<Event>(
          await operator.patch(`/events/${event.id}`, {
            version: 1,
            startTime: '09:30',
            endTime: '12:00',
            place: '',
            participantIds: [omar.id, amina.id],
            otherParticipants: 15,
          }),
          200,
        );
        expect(moved).toMatchObject({
          version: 2,
          startTime: '09:30',
          endTime: '12:00',
          place: null,
          namedParticipants: 2,
          otherParticipants: 15,
        });
        const audit = await auditOf('event', event.id);
        expect(audit.at(-1)).toMatchObject({ action: 'update', userId: cast.operatorA.id, centreId: cast.centreA.id });
        expect(JSON.parse(audit.at(-1)?.details ?? '{}')).toEqual({
          fields: ['startTime', 'endTime', 'place', 'otherParticipants', 'participantIds'],
        });

        const stale = expectProblem(
          await operator.patch(`/events/${event.id}`, { version: 1, title: 'Vecchio' }),
          409,
          'resource.stale_version',
        );
        expect(stale.currentVersion).toBe(2);
        const staleDelete = expectProblem(await operator.delete(`/events/${event.id}?version=1`), 409, 'resource.stale_version');
        expect(staleDelete.currentVersion).toBe(2);
        expectProblem(await operator.delete(`/events/${event.id}`), 400, 'validation.failed');
        expect((await t.db.selectFrom('events').select('title').where('id', '=', event.id).executeTakeFirst())?.title).toBe(OUTING.title);

        expectStatus(await operator.delete(`/events/${event.id}?version=2`), 204);
        expect(await t.db.selectFrom('eventParticipants').select('personId').where('eventId', '=', event.id).execute()).toEqual([]);
        expect((await auditOf('event', event.id)).at(-1)).toMatchObject({ action: 'delete', userId: cast.operatorA.id });
        expectProblem(await operator.get(`/events/${event.id}`), 404, 'resource.not_found');
      });

      it('lists events by period and counts them; viewers see the events and counts, never the names', async () => {
        const made: Event[] = [];
        for (const body of [
          { ...OUTING, date: '2024-06-15', startTime: '10:00', endTime: null, participantIds: [amina.id, omar.id], otherParticipants: 3 },
          { title: 'Festa dei popoli', date: '2024-06-15', participantIds: [amina.id], otherParticipants: 40 },
          { title: 'Cena multietnica', date: '2024-09-01', otherParticipants: 25 },
          { title: 'Fuori periodo', date: '2025-01-10', participantIds: [omar.id] },
        ]) {
          made.push(expectStatus<Event>(await operator.post('/events', body), 201));
        }
        expectStatus(await operatorB.post('/events', { title: 'Altro centro', date: '2024-07-01', participantIds: [bruno.id] }), 201);

        const list = expectStatus<Page<EventListItem>>(await viewer.get('/events', { from: '2024-01-01', to: '2024-12-31' }), 200);
        // In date order, an event without a time before one with a time on the same day.
        expect(list.items.map((e) => [e.title, e.namedParticipants, e.otherParticipants])).toEqual([
          ['Festa dei popoli', 1, 40],
          [OUTING.title, 2, 3],
          ['Cena multietnica', 0, 25],
        ]);
        expect(list.total).toBe(3);
        expect(JSON.stringify(list)).not.toContain('Benali');

        const summary = expectStatus<EventsSummary>(await viewer.get('/events/summary', { from: '2024-01-01', to: '2024-12-31' }), 200);
        expect(summary).toEqual({ events: 3, namedParticipants: 3, otherParticipants: 68, participants: 71, distinctPeople: 2 });
        const both = expectStatus<EventsSummary>(await viewer.get('/events/summary', { from: '2024-01-01', to: '2025-12-31' }), 200);
        expect(both).toMatchObject({ events: 4, namedParticipants: 4, distinctPeople: 2 });
        expectProblem(await viewer.get('/events/summary', { from: '2024-12-31', to: '2024-01-01' }), 400, 'validation.failed');

        // The names are personal data: viewers get 403, and an operator's read is logged with them.
        const first = made[0] as Event;
        expectProblem(await viewer.get(`/events/${first.id}`), 403, 'auth.forbidden');
        expectProblem(await viewer.post('/events', { title: 'X', date: '2024-01-01' }), 403, 'auth.forbidden');
        expectProblem(await viewer.patch(`/events/${first.id}`, { version: 1, title: 'X' }), 403, 'auth.forbidden');
        expectProblem(await viewer.delete(`/events/${first.id}?version=1`), 403, 'auth.forbidden');
        const read = expectStatus<Event>(await coordinator.get(`/events/${first.id}`), 200);
        expect(read.participants.map((p) => p.familyNames)).toEqual(['Benali', 'Haddad']);
        const readAudit = (await auditOf('event', first.id)).at(-1);
        expect(readAudit).toMatchObject({ action: 'read', userId: cast.coordinator.id, centreId: cast.centreA.id });
        expect(JSON.parse(readAudit?.details ?? '{}')).toEqual({ personIds: [amina.id, omar.id] });

        // What the annual report takes (section 9).
        const year = await eventsOfYear(t.db, [cast.centreA.id], 2024);
        expect(year.events.map((e) => e.title)).toEqual(['Festa dei popoli', OUTING.title, 'Cena multietnica']);
        expect(year.totals).toEqual({ events: 3, namedParticipants: 3, otherParticipants: 68, participants: 71, distinctPeople: 2 });
        expect((await eventsOfYear(t.db, [cast.centreA.id, cast.centreB.id], 2024)).totals.events).toBe(4);
        expect((await eventsOfYear(t.db, [], 2024)).totals.events).toBe(0);

        // Erasing a person keeps the events' counts: they become one of the others.
        const erased = await person(operator, 'Zaina', 'Temporanea');
        const festa = made[1] as Event;
        const withZaina = expectStatus<Event>(
          await operator.patch(`/events/${festa.id}`, { version: festa.version, participantIds: [amina.id, erased.id] }),
          200,
        );
        expectStatus(await coordinator.post(erasurePath(erased.id), ERASURE_REQUEST), 201);
        const after = expectStatus<Event>(await operator.get(`/events/${festa.id}`), 200);
        expect(after).toMatchObject({ namedParticipants: 1, otherParticipants: 41, version: withZaina.version + 1 });
      });

      it('prints an invitation: the weekday computed in Italian, the centre’s contacts, DejaVu embedded, no names', async () => {
        await t.db
          .updateTable('centres')
          .set({ address: 'Piazza Federico II 7, 60035 Jesi (AN)', phone: '0731 538111', email: 'integrazione@comune.jesi.an.it' })
          .where('id', '=', cast.centreA.id)
          .execute();
        const event = expectStatus<Event>(await operator.post('/events', { ...OUTING, participantIds: [amina.id] }), 201);

        for (const who of [operator, viewer]) {
          const res = await who.get(`/events/${event.id}/invitation.pdf`);
          expect(res.statusCode, res.body).toBe(200);
          expect(res.headers['content-type']).toBe('application/pdf');
          expect(res.headers['content-disposition']).toBe('inline; filename="invito-2023-12-20-visita-alla-pinacoteca-civica.pdf"');
        }
        const pdf = (await operator.get(`/events/${event.id}/invitation.pdf`)).rawPayload;
        expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');

        const text = pdfText(pdf).replace(/\s+/g, ' ');
        // The reference report called this day "Venerdì 20 dicembre 2023": it was a Wednesday.
        expect(text).toContain('mercoledì 20 dicembre 2023');
        expect(text).not.toMatch(/venerdì/i);
        for (const expected of [
          'INVITO',
          OUTING.title,
          'dalle 15:00 alle 18:00',
          `Luogo: ${OUTING.place}`,
          `Punto di ritrovo: ${OUTING.meetingPoint}`,
          `In collaborazione con: ${OUTING.partner}`,
          OUTING.description,
          'Centro A',
          'Comune di Prova',
          'Piazza Federico II 7, 60035 Jesi (AN)',
          'Telefono: 0731 538111',
          'E-mail: integrazione@comune.jesi.an.it',
        ]) {
          expect(text).toContain(expected);
        }
        expect(text).not.toContain('Benali');
        expect(text).not.toContain('Amina');

        const fonts = pdfFonts(pdf);
        expect(fonts.map((font) => font.name.replace(/^[A-Z]{6}\+/, '')).sort()).toEqual(['DejaVuSans', 'DejaVuSans-Bold']);
        for (const font of fonts) expect(font.embedded, font.name).toBe(true);

        // Without contacts set, they are left out; without a place or time, so are those lines.
        await t.db.updateTable('centres').set({ address: null, phone: null, email: null }).where('id', '=', cast.centreA.id).execute();
        const bare = expectStatus<Event>(await operator.post('/events', { title: 'Festa: «àèìòù»', date: '2024-02-29' }), 201);
        const bareRes = await operator.get(`/events/${bare.id}/invitation.pdf`);
        expect(bareRes.headers['content-disposition']).toBe('inline; filename="invito-2024-02-29-festa-aeiou.pdf"');
        const bareText = pdfText(bareRes.rawPayload).replace(/\s+/g, ' ');
        expect(bareText).toContain('giovedì 29 febbraio 2024');
        expect(bareText).toContain('Festa: «àèìòù»');
        for (const absent of ['Telefono', 'E-mail', 'Luogo', 'Punto di ritrovo', 'dalle', 'null', 'undefined']) {
          expect(bareText).not.toContain(absent);
        }

        expectProblem(await api(t.app, null).get(`/events/${event.id}/invitation.pdf`), 401, 'auth.unauthenticated');
        expectProblem(await operator.get('/events/999999/invitation.pdf'), 404, 'resource.not_found');
      });
    });

    describe('network meetings', () => {
      let catalogue: NetworkOrganisation[];
      const org = (code: string): NetworkOrganisation => {
        const found = catalogue.find((row) => row.code === code);
        if (!found) throw new Error(`no network organisation ${code}`);
        return found;
      };

      it('a new organisation starts with the default catalogue: unions, services, schools, other', async () => {
        catalogue = expectStatus<NetworkOrganisation[]>(await viewer.get('/network-organisations'), 200);
        expect(catalogue.map((row) => row.code).sort()).toEqual(DEFAULT_NETWORK_ORGANISATIONS.map((row) => row.code).sort());
        expect(catalogue.map((row) => row.name)).toEqual([
          'ACLI',
          'CGIL',
          'CISL',
          'UIL',
          'ASP',
          'Centro per l’impiego',
          'Prefettura',
          'Questura',
          'Servizi sociali del Comune',
          'Scuole',
          'Altro',
        ]);
        expect(org('cgil')).toMatchObject({ kind: 'union', active: true });
      });

      it('the coordinator manages the catalogue; operators and viewers may not', async () => {
        const body = { code: 'caritas', name: 'Caritas diocesana', kind: 'association' };
        expectProblem(await operator.post('/network-organisations', body), 403, 'auth.forbidden');
        expectProblem(await viewer.post('/network-organisations', body), 403, 'auth.forbidden');
        const caritas = expectStatus<NetworkOrganisation>(await coordinator.post('/network-organisations', body), 201);
        expect(caritas).toMatchObject({ code: 'caritas', name: 'Caritas diocesana', kind: 'association', active: true });
        expectProblem(await coordinator.post('/network-organisations', { ...body, name: 'Doppione' }), 409, 'resource.conflict');
        expectProblem(await coordinator.post('/network-organisations', { ...body, code: 'Bad Code' }), 400, 'validation.failed');
        expectProblem(await coordinator.post('/network-organisations', { ...body, code: 'x2', kind: 'church' }), 400, 'validation.failed');

        expectProblem(await operator.patch(`/network-organisations/${caritas.id}`, { active: false }), 403, 'auth.forbidden');
        const renamed = expectStatus<NetworkOrganisation>(
          await coordinator.patch(`/network-organisations/${caritas.id}`, { name: 'Caritas Jesi' }),
          200,
        );
        expect(renamed.name).toBe('Caritas Jesi');
        expect((await auditOf('network_organisation', caritas.id)).map((row) => row.action)).toEqual(['create', 'update']);

        // Another organisation's catalogue is not this one's.
        const other = await createTestOrganisation(t.db, { name: 'Ambito 9', centres: ['Z'] });
        const foreign = await t.db
          .selectFrom('networkOrganisations')
          .select('id')
          .where('organisationId', '=', other.organisationId)
          .where('code', '=', 'cgil')
          .executeTakeFirstOrThrow();
        expectProblem(await coordinator.patch(`/network-organisations/${foreign.id}`, { name: 'X' }), 404, 'resource.not_found');
        expect((await operator.get('/network-organisations')).json<NetworkOrganisation[]>().map((row) => row.id)).not.toContain(foreign.id);
        catalogue = expectStatus<NetworkOrganisation[]>(await operator.get('/network-organisations'), 200);
        expectProblem(
          await operator.post('/network-meetings', { date: '2024-03-01', organisationIds: [foreign.id], topic: 'X' }),
          400,
          'validation.failed',
        );
      });

      it('an operator records, corrects and deletes meetings, at the version read', async () => {
        const before = await counts();
        const invalid = async (body: Record<string, unknown>) =>
          expectProblem(
            await operator.post('/network-meetings', { date: '2024-03-01', organisationIds: [org('cgil').id], topic: 'Permessi', ...body }),
            400,
            'validation.failed',
          );
        await invalid({ date: addDays(today, 1) });
        await invalid({ organisationIds: [] });
        await invalid({ organisationIds: [9_999_999] });
        await invalid({ topic: '' });
        await invalid({ notes: 'x' });
        expect(await counts()).toEqual(before);

        const meeting = expectStatus<NetworkMeeting>(
          await operator.post('/network-meetings', {
            date: '2024-03-01',
            organisationIds: [org('social_services').id, org('cgil').id, org('cgil').id, org('cisl').id],
            topic: 'Lavoro stagionale e permessi di soggiorno',
            outcome: 'Sportello congiunto il martedì',
          }),
          201,
        );
        expect(meeting).toMatchObject({
          centreId: cast.centreA.id,
          date: '2024-03-01',
          outcome: 'Sportello congiunto il martedì',
          version: 1,
        });
        expect(meeting.organisations.map((row) => row.code)).toEqual(['cgil', 'cisl', 'social_services']);
        expect(await auditOf('network_meeting', meeting.id)).toEqual([
          { action: 'create', userId: cast.operatorA.id, centreId: cast.centreA.id, details: null },
        ]);

        // A deactivated organisation stays on the meetings that name it, but new ones cannot take it.
        expectStatus(await coordinator.patch(`/network-organisations/${org('cisl').id}`, { active: false }), 200);
        expectProblem(
          await operator.post('/network-meetings', { date: '2024-03-02', organisationIds: [org('cisl').id], topic: 'X' }),
          400,
          'validation.failed',
        );
        const corrected = expectStatus<NetworkMeeting>(
          await operator.patch(`/network-meetings/${meeting.id}`, {
            version: 1,
            organisationIds: [org('cisl').id, org('uil').id],
            outcome: null,
          }),
          200,
        );
        expect(corrected).toMatchObject({ version: 2, outcome: null });
        expect(corrected.organisations.map((row) => row.code)).toEqual(['cisl', 'uil']);
        expect(JSON.parse((await auditOf('network_meeting', meeting.id)).at(-1)?.details ?? '{}')).toEqual({
          fields: ['outcome', 'organisationIds'],
        });
        expectStatus(await coordinator.patch(`/network-organisations/${org('cisl').id}`, { active: true }), 200);

        const stale = expectProblem(
          await operator.patch(`/network-meetings/${meeting.id}`, { version: 1, topic: 'X' }),
          409,
          'resource.stale_version',
        );
        expect(stale.currentVersion).toBe(2);
        expectProblem(await operator.delete(`/network-meetings/${meeting.id}?version=1`), 409, 'resource.stale_version');
        expectProblem(await operatorB.get(`/network-meetings/${meeting.id}`), 404, 'resource.not_found');
        expectProblem(await operatorB.patch(`/network-meetings/${meeting.id}`, { version: 2, topic: 'X' }), 404, 'resource.not_found');
        expectProblem(await operatorB.delete(`/network-meetings/${meeting.id}?version=2`), 404, 'resource.not_found');
        expectProblem(await viewer.get(`/network-meetings/${meeting.id}`), 403, 'auth.forbidden');
        expectProblem(await viewer.get('/network-meetings'), 403, 'auth.forbidden');
        expectProblem(
          await viewer.post('/network-meetings', { date: '2024-03-01', organisationIds: [org('cgil').id], topic: 'X' }),
          403,
          'auth.forbidden',
        );

        expect(expectStatus<NetworkMeeting>(await operator.get(`/network-meetings/${meeting.id}`), 200).version).toBe(2);
        expectStatus(await operator.delete(`/network-meetings/${meeting.id}?version=2`), 204);
        expectProblem(await operator.get(`/network-meetings/${meeting.id}`), 404, 'resource.not_found');
        expect((await auditOf('network_meeting', meeting.id)).map((row) => row.action)).toEqual(['create', 'update', 'delete']);
        expect(await counts()).toEqual(before);
      });

      it('lists meetings by period and organisation, and counts them by organisation', async () => {
        for (const [date, codes, topic] of [
          ['2024-01-15', ['cgil', 'cisl', 'uil'], 'Tavolo sindacale sul lavoro'],
          ['2024-05-20', ['cgil'], 'Patronato: pratiche di cittadinanza'],
          ['2024-10-03', ['asp', 'social_services'], 'Casi complessi'],
          ['2023-11-30', ['acli'], 'Anno precedente'],
        ] as const) {
          expectStatus(await operator.post('/network-meetings', { date, organisationIds: codes.map((code) => org(code).id), topic }), 201);
        }
        expectStatus(
          await operatorB.post('/network-meetings', { date: '2024-02-02', organisationIds: [org('cgil').id], topic: 'Centro B' }),
          201,
        );

        const year = { from: '2024-01-01', to: '2024-12-31' };
        const list = expectStatus<Page<NetworkMeeting>>(await operator.get('/network-meetings', year), 200);
        expect(list.items.map((row) => row.date)).toEqual(['2024-10-03', '2024-05-20', '2024-01-15']);
        const withCgil = expectStatus<Page<NetworkMeeting>>(
          await operator.get('/network-meetings', { ...year, organisationId: org('cgil').id }),
          200,
        );
        expect(withCgil.items.map((row) => row.topic)).toEqual(['Patronato: pratiche di cittadinanza', 'Tavolo sindacale sul lavoro']);
        expect(withCgil.total).toBe(2);

        const summary = expectStatus<NetworkMeetingsSummary>(await viewer.get('/network-meetings/summary', year), 200);
        expect(summary.meetings).toBe(3);
        const byCode = Object.fromEntries(summary.byOrganisation.map((row) => [row.code, row.meetings]));
        expect(byCode).toMatchObject({ cgil: 2, cisl: 1, uil: 1, asp: 1, social_services: 1, acli: 0, questura: 0, caritas: 0 });

        // What the annual report takes (section 6).
        const report = await networkMeetingsOfYear(t.db, [cast.centreA.id], 2024);
        expect(report.meetings).toBe(3);
        expect(report.list.map((row) => [row.date, row.organisations.map((o) => o.name)])).toEqual([
          ['2024-01-15', ['CGIL', 'CISL', 'UIL']],
          ['2024-05-20', ['CGIL']],
          ['2024-10-03', ['ASP', 'Servizi sociali del Comune']],
        ]);
        expect(report.byOrganisation).toEqual(summary.byOrganisation);
        expect((await networkMeetingsOfYear(t.db, [cast.centreA.id, cast.centreB.id], 2024)).meetings).toBe(4);
        expect(await networkMeetingsOfYear(t.db, [], 2024)).toEqual({ meetings: 0, byOrganisation: [], list: [] });
      });
    });
  });
}

describe('migration 0003 on a database with organisations already', () => {
  it('gives each existing organisation the default network organisations', async () => {
    const database = createDatabase('sqlite::memory:');
    try {
      const steps = { '0001-foundation': foundation('sqlite'), '0002-care': care('sqlite') };
      const migrate = (list: Record<string, ReturnType<typeof care>>) =>
        new Migrator({ db: database.db, provider: { getMigrations: async () => list } }).migrateToLatest();
      expect((await migrate(steps)).error).toBeUndefined();
      const now = new Date().toISOString();
      for (const name of ['Comune di Jesi', 'Ambito 9'])
        await database.db.insertInto('organisations').values({ name, createdAt: now }).execute();
      expect((await migrate({ ...steps, '0003-activities-calendar': activitiesCalendar('sqlite') })).error).toBeUndefined();
      const rows = await database.db
        .selectFrom('networkOrganisations')
        .select(['organisationId', 'code', 'name', 'kind', 'active'])
        .orderBy('organisationId')
        .orderBy('id')
        .execute();
      expect(rows).toHaveLength(DEFAULT_NETWORK_ORGANISATIONS.length * 2);
      // The migration's frozen copy matches today's defaults.
      expect(rows.slice(0, DEFAULT_NETWORK_ORGANISATIONS.length).map(({ code, name, kind }) => ({ code, name, kind }))).toEqual(
        DEFAULT_NETWORK_ORGANISATIONS,
      );
      expect(rows.every((row) => row.active === 1)).toBe(true);
    } finally {
      await database.close();
    }
  });
});
