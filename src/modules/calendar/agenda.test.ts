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
import type { AgendaEntry } from '../../contracts/calendar-agenda.js';

const MARCH = { from: '2024-03-01', to: '2024-03-31' };
const brief = (entries: AgendaEntry[]) => entries.map((e) => [e.date, e.startTime, e.endTime, e.kind, e.title]);

for (const dialect of DIALECTS) {
  describeDialect(dialect)(`${dialect}: the calendar's agenda`, () => {
    let t: TestApp;
    let cast: Cast;
    let coordinator: Api;
    let operator: Api;
    let operatorB: Api;
    let viewer: Api;

    beforeAll(async () => {
      t = await startTestApp(dialect);
      cast = await seedCast(t.db);
      [coordinator, operator, operatorB, viewer] = (await Promise.all(
        [cast.coordinator, cast.operatorA, cast.operatorB, cast.viewer].map(async (user) => api(t.app, await loginAs(t.app, user.email))),
      )) as [Api, Api, Api, Api];

      const kinds = expectStatus<Array<{ id: number; code: string }>>(await coordinator.get('/course-kinds'), 200);
      const course = expectStatus<{ id: number }>(
        await coordinator.post('/courses', {
          kindId: kinds[0]?.id,
          title: 'Italiano A1',
          place: 'Aula 1',
          startDate: '2024-03-18',
          endDate: '2024-04-15',
          weekdays: [1],
          startTime: '15:00',
          lessonMinutes: 90,
        }),
        201,
      );
      expectStatus(await coordinator.post(`/courses/${course.id}/lessons/generate`, {}), 200);
      expectStatus(
        await operator.post('/events', {
          title: 'Festa dei popoli',
          date: '2024-03-18',
          startTime: '10:00',
          endTime: '12:00',
          place: 'Piazza',
        }),
        201,
      );
      const organisations = expectStatus<Array<{ id: number }>>(await operator.get('/network-organisations'), 200);
      expectStatus(
        await operator.post('/network-meetings', { date: '2024-03-18', organisationIds: [organisations[0]?.id], topic: 'Tavolo lavoro' }),
        201,
      );
      expectStatus(
        await operator.post('/legal-consultations', {
          date: '2024-03-20',
          minutes: 120,
          lawyerName: 'Avv. Maria Bianchi',
          questions: 'Una domanda di una persona',
        }),
        201,
      );
      // Another centre's event stays in its agenda.
      expectStatus(await operatorB.post('/events', { title: 'Altrove', date: '2024-03-18' }), 201);
    });
    afterAll(() => t?.close());

    it("lists the period's lessons, events, network meetings and the lawyer's sessions, by date, the all-day ones first", async () => {
      const agenda = expectStatus<AgendaEntry[]>(await operator.get('/calendar/agenda', MARCH), 200);
      expect(brief(agenda)).toEqual([
        ['2024-03-18', null, null, 'network_meeting', 'Tavolo lavoro'],
        ['2024-03-18', '10:00', '12:00', 'event', 'Festa dei popoli'],
        ['2024-03-18', '15:00', '16:30', 'lesson', 'Italiano A1'],
        ['2024-03-20', null, null, 'legal_consultation', 'Avv. Maria Bianchi'],
        ['2024-03-25', '15:00', '16:30', 'lesson', 'Italiano A1'],
      ]);
      expect(agenda[2]).toMatchObject({ status: 'scheduled', place: 'Aula 1', courseId: expect.any(Number) });
      // The questions are a person's: never in the agenda.
      expect(JSON.stringify(agenda)).not.toContain('domanda');
    });

    it("every member of staff reads it; a viewer without the lawyer's sessions; another centre its own", async () => {
      for (const as of [coordinator, operator]) {
        expect(expectStatus<AgendaEntry[]>(await as.get('/calendar/agenda', MARCH), 200)).toHaveLength(5);
      }
      const seen = expectStatus<AgendaEntry[]>(await viewer.get('/calendar/agenda', MARCH), 200);
      expect(seen.map((e) => e.kind)).toEqual(['network_meeting', 'event', 'lesson', 'lesson']);
      expect(brief(expectStatus<AgendaEntry[]>(await operatorB.get('/calendar/agenda', MARCH), 200))).toEqual([
        ['2024-03-18', null, null, 'event', 'Altrove'],
      ]);
      expectProblem(await operator.get('/calendar/agenda', { ...MARCH, centreId: cast.centreB.id }), 404, 'resource.not_found');
      expectProblem(await operator.get('/calendar/agenda', { from: '2024-03-31', to: '2024-03-01' }), 400, 'validation.failed');
      expectProblem(await api(t.app, null).get('/calendar/agenda', MARCH), 401, 'auth.unauthenticated');
    });
  });
}
