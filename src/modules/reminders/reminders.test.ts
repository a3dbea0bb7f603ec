/**
 * Reminders (issue 15): the preference, today's digest in the user's scope, and the daily run's
 * e-mails received by a real SMTP server started here; on both databases.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import {
  type Api,
  actorOf,
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
import { ERASURE_REQUEST, erasurePath } from '../../../test/support/erasure.js';
import { type ReceivedMail, startSmtpServer, type TestSmtpServer } from '../../../test/support/smtp-server.js';
import type { Person } from '../../contracts/people.js';
import type { ReminderDigest, ReminderPreference } from '../../contracts/reminders.js';
import { addDays, todayInRome } from '../../domain/dates.js';
import { createMailer, type Mailer } from './mailer.js';
import { runReminders, setReminderPreference } from './reminders.usecases.js';

const PUBLIC_URL = 'https://approdo.example';
const FROM = 'Approdo <approdo@comune.example>';

for (const dialect of DIALECTS) {
  describeDialect(dialect)(`${dialect}: reminders`, () => {
    let t: TestApp;
    let cast: Cast;
    let smtp: TestSmtpServer;
    let mailer: Mailer;
    let coordinator: Api;
    let operator: Api;
    let operatorA2: Api;
    let operatorB: Api;
    let admin: Api;
    let viewer: Api;
    const today = todayInRome();
    const ids = { amina: 0, omar: 0, bruna: 0, aminaCase: 0, course: 0 };
    const mailTo = (address: string) => smtp.received.filter((mail) => mail.to.includes(address));
    const choose = async (as: Api, delivery: string) =>
      expectStatus<ReminderPreference>(await as.put('/account/reminders', { delivery }), 200);

    beforeAll(async () => {
      smtp = await startSmtpServer();
      mailer = createMailer({ url: smtp.url, from: FROM });
      t = await startTestApp(dialect, { smtp: { url: smtp.url, from: FROM }, publicUrl: PUBLIC_URL });
      cast = await seedCast(t.db);
      [coordinator, operator, operatorA2, operatorB, admin, viewer] = (await Promise.all(
        [cast.coordinator, cast.operatorA, cast.operatorA2, cast.operatorB, cast.admin, cast.viewer].map(async (user) =>
          api(t.app, await loginAs(t.app, user.email)),
        ),
      )) as [Api, Api, Api, Api, Api, Api];

      const person = async (as: Api, givenNames: string, familyNames: string) =>
        expectStatus<Person>(
          await as.post('/people', { givenNames, familyNames, gender: 'female', citizenship: 'MA', phone: '+39 333 1234567' }),
          201,
        ).id;
      const permit = async (as: Api, personId: number, days: number, number: string) =>
        expectStatus(
          await as.post(`/people/${personId}/permits`, {
            permitType: 'employment',
            number,
            expiresOn: addDays(today, days),
            notes: 'Nota riservata sul rinnovo',
          }),
          201,
        );
      ids.amina = await person(operator, 'Amina', 'Diallo');
      ids.omar = await person(operator, 'Omar', 'Haddad');
      ids.bruna = await person(operatorB, 'Bruna', 'Rossi');
      await permit(operator, ids.amina, 10, 'X1234567');
      await permit(operator, ids.omar, 20, 'Y7654321');
      await permit(operatorB, ids.bruna, 5, 'Z5555555');

      // Amina's case, 90 days without a note, with an overdue action of the plan.
      const opened = expectStatus<{ id: number }>(
        await operator.post('/cases', {
          personId: ids.amina,
          areas: ['work'],
          responsibleId: cast.operatorA.id,
          openedOn: addDays(today, -90),
        }),
        201,
      );
      ids.aminaCase = opened.id;
      const goal = expectStatus<{ id: number }>(await operator.post(`/cases/${opened.id}/goals`, { title: 'Trovare lavoro' }), 201);
      expectStatus(
        await operator.post(`/goals/${goal.id}/actions`, {
          description: 'Iscrizione al Centro per l’impiego',
          assigneeId: cast.operatorA.id,
          dueOn: addDays(today, -5),
        }),
        201,
      );

      // Bruna's case in centre B, just opened: her permit is her operator's to watch.
      expectStatus(await operatorB.post('/cases', { personId: ids.bruna, areas: ['housing'], responsibleId: cast.operatorB.id }), 201);

      // A course of centre A whose only place was freed today, with Amina waiting.
      const kind = await t.db.selectFrom('courseKinds').select('id').where('code', '=', 'language_club').executeTakeFirstOrThrow();
      const course = expectStatus<{ id: number }>(
        await coordinator.post('/courses', {
          kindId: kind.id,
          title: 'Club linguistico A2',
          startDate: addDays(today, -30),
          endDate: addDays(today, 60),
          weekdays: [1],
          startTime: '15:00',
          lessonMinutes: 120,
          capacity: 1,
        }),
        201,
      );
      ids.course = course.id;
      const enrolment = expectStatus<{ id: number }>(
        await operator.post(`/courses/${course.id}/enrolments`, {
          personId: ids.omar,
          programme: 'centre_user',
          enrolledOn: addDays(today, -30),
        }),
        201,
      );
      expectStatus(await operator.patch(`/enrolments/${enrolment.id}`, { version: 1, withdrawnOn: today }), 200);
      expectStatus(await operator.post('/waiting-list', { personId: ids.amina, kind: 'adult_l2', notes: 'Solo il pomeriggio' }), 201);
    });
    afterAll(async () => {
      mailer?.close();
      await smtp?.close();
      await t?.close();
    });

    it('the preference: off until chosen, validated, audited; no reminders for viewers', async () => {
      expect(expectStatus<ReminderPreference>(await coordinator.get('/account/reminders'), 200)).toEqual({
        delivery: 'off',
        email: cast.coordinator.email,
        emailAvailable: true,
        updatedAt: null,
      });
      expectProblem(await coordinator.put('/account/reminders', { delivery: 'sms' }), 400, 'validation.failed');
      expectProblem(await coordinator.put('/account/reminders', { delivery: 'app', userId: cast.operatorA.id }), 400, 'validation.failed');
      expectProblem(await coordinator.put('/account/reminders', {}), 400, 'validation.failed');
      expect(await choose(coordinator, 'email')).toMatchObject({ delivery: 'email', emailAvailable: true });
      expect(await auditRowsOf(t.db, 'reminder_preference', cast.coordinator.id)).toEqual([
        { action: 'update', userId: cast.coordinator.id, centreId: null, details: JSON.stringify({ delivery: 'email' }) },
      ]);

      for (const res of [
        await viewer.get('/account/reminders'),
        await viewer.put('/account/reminders', { delivery: 'app' }),
        await viewer.get('/reminders'),
      ]) {
        expectProblem(res, 403, 'auth.forbidden');
      }
      expectProblem(await api(t.app, null).get('/reminders'), 401, 'auth.unauthenticated');

      // A server that sends no e-mail offers the app only.
      await expect(setReminderPreference(t.db, await actorOf(t.db, cast.operatorA.id), { delivery: 'email' }, false)).rejects.toMatchObject(
        {
          code: 'reminders.email_unavailable',
          status: 409,
        },
      );
    });

    it('the daily run: a digest for each who wants one, in their scope; the e-mail holds names and links only; a second run sends nothing', async () => {
      await choose(operator, 'email');
      await choose(operatorB, 'email');
      await choose(admin, 'app');
      const run = await runReminders(t.db, { mailer, publicUrl: PUBLIC_URL });
      expect(run).toEqual({ digestOn: today, made: 4, sent: 3, failed: 0, unsent: 0 });
      expect(smtp.received).toHaveLength(3);

      const [toCoordinator] = mailTo(cast.coordinator.email) as [ReceivedMail];
      expect(toCoordinator.from).toBe('approdo@comune.example');
      expect(toCoordinator.subject).toMatch(/^Approdo: 5 promemoria del \d\d\/\d\d\/\d{4}$/);
      const text = toCoordinator.text;
      expect(text).toContain(`Buongiorno ${cast.coordinator.displayName},`);
      expect(text).toContain(
        [
          'Permessi di soggiorno in scadenza (2)',
          '- Amina Diallo',
          `  ${PUBLIC_URL}/people/${ids.amina}`,
          '- Omar Haddad',
          `  ${PUBLIC_URL}/people/${ids.omar}`,
        ].join('\n'),
      );
      expect(text).toContain(`Azioni del piano scadute (1)\n- Amina Diallo\n  ${PUBLIC_URL}/cases/${ids.aminaCase}`);
      expect(text).toContain(`Casi senza note da troppo tempo (1)\n- Amina Diallo\n  ${PUBLIC_URL}/cases/${ids.aminaCase}`);
      expect(text).toContain(`- Club linguistico A2: 1 posto libero, 1 in attesa\n  ${PUBLIC_URL}/courses/${ids.course}`);
      // Nothing else about a person: no permit number, expiry, notes, nationality, telephone, action, nor another centre's.
      for (const detail of [
        'X1234567',
        'Y7654321',
        'Nota riservata',
        'Solo il pomeriggio',
        'Iscrizione al Centro',
        addDays(today, 10),
        addDays(today, 10).split('-').reverse().join('/'),
        'Marocco',
        'MA',
        '333',
        'Bruna',
        'Trovare lavoro',
      ]) {
        expect(text, detail).not.toContain(detail);
      }

      // The operator: their own case and its person's permit, not Omar's; the operator of B: Bruna's only.
      const toOperator = (mailTo(cast.operatorA.email)[0] as ReceivedMail).text;
      expect(toOperator).toContain('Amina Diallo');
      expect(toOperator).not.toContain('Omar Haddad');
      expect(toOperator).toContain('Club linguistico A2');
      const toOperatorB = (mailTo(cast.operatorB.email)[0] as ReceivedMail).text;
      expect(toOperatorB).toContain(`Permessi di soggiorno in scadenza (1)\n- Bruna Rossi\n  ${PUBLIC_URL}/people/${ids.bruna}`);
      expect(toOperatorB).not.toMatch(/Amina|Haddad|Club/);

      // Run again, and twice at once: nothing made, nothing sent again.
      const again = await Promise.all([
        runReminders(t.db, { mailer, publicUrl: PUBLIC_URL }),
        runReminders(t.db, { mailer, publicUrl: PUBLIC_URL }),
      ]);
      expect(again.map((r) => r.made + r.sent + r.failed)).toEqual([0, 0]);
      expect(smtp.received).toHaveLength(3);
    });

    it('GET /reminders: today’s digest in the app, exactly the due items of the reader’s scope, the list logged', async () => {
      const digest = expectStatus<ReminderDigest>(await coordinator.get('/reminders'), 200);
      expect(digest).toMatchObject({ digestOn: today, delivery: 'email', emailStatus: 'sent' });
      expect(digest.items.map((item) => [item.kind, item.name, item.path, item.amount])).toEqual([
        ['permit_expiring', 'Amina Diallo', `/people/${ids.amina}`, 10],
        ['permit_expiring', 'Omar Haddad', `/people/${ids.omar}`, 20],
        ['action_overdue', 'Amina Diallo', `/cases/${ids.aminaCase}`, 5],
        ['case_silent', 'Amina Diallo', `/cases/${ids.aminaCase}`, 90],
        ['course_places', 'Club linguistico A2', `/courses/${ids.course}`, 1],
      ]);
      expect(digest.items.every((item) => item.centreId === cast.centreA.id)).toBe(true);
      expect(digest.items.at(-1)).toMatchObject({ waiting: 1, dueOn: today });
      const listing = await t.db
        .selectFrom('auditLog')
        .select('details')
        .where('entity', '=', 'reminder_digest')
        .where('userId', '=', cast.coordinator.id)
        .executeTakeFirstOrThrow();
      expect(JSON.parse(listing.details as string)).toEqual({ personIds: [ids.amina, ids.omar] });

      const ofOperatorB = expectStatus<ReminderDigest>(await operatorB.get('/reminders'), 200);
      expect(ofOperatorB.items.map((item) => [item.kind, item.name])).toEqual([['permit_expiring', 'Bruna Rossi']]);
      const ofAdmin = expectStatus<ReminderDigest>(await admin.get('/reminders'), 200);
      expect(ofAdmin).toMatchObject({ delivery: 'app', emailStatus: 'none' });
      expect(new Set(ofAdmin.items.map((item) => item.name))).toEqual(
        new Set(['Amina Diallo', 'Omar Haddad', 'Bruna Rossi', 'Club linguistico A2']),
      );

      // Someone who wants none: an empty digest, nothing made.
      expect(expectStatus<ReminderDigest>(await operatorA2.get('/reminders'), 200)).toEqual({
        digestOn: today,
        delivery: 'off',
        emailStatus: 'none',
        items: [],
      });
    });

    it('SMTP down: the failure recorded, no crash; sent by the next run', async () => {
      await choose(operatorA2, 'email');
      const down = await startSmtpServer();
      await down.close();
      // Credentials in the URL: neither they nor the error's text are kept.
      const deadMailer = createMailer({ url: down.url.replace('smtp://', 'smtp://approdo:segreto@'), from: FROM });
      const failed = await runReminders(t.db, { mailer: deadMailer, publicUrl: PUBLIC_URL });
      deadMailer.close();
      expect(failed).toEqual({ digestOn: today, made: 1, sent: 0, failed: 1, unsent: 0 });
      const row = await t.db
        .selectFrom('reminderDigests')
        .select(['emailStatus', 'emailAttempts', 'emailError', 'emailSentAt'])
        .where('userId', '=', cast.operatorA2.id)
        .executeTakeFirstOrThrow();
      expect(row).toMatchObject({ emailStatus: 'failed', emailAttempts: 1, emailSentAt: null });
      expect(row.emailError).toMatch(/^E[A-Z]+( \d{3})?$/);

      // No SMTP configured at all: left pending for a run that has one.
      expect(await runReminders(t.db, { mailer: null, publicUrl: PUBLIC_URL })).toMatchObject({ made: 0, sent: 0, unsent: 1 });

      const before = smtp.received.length;
      expect(await runReminders(t.db, { mailer, publicUrl: PUBLIC_URL })).toMatchObject({ made: 0, sent: 1, failed: 0 });
      const [mail] = mailTo(cast.operatorA2.email) as [ReceivedMail];
      expect(mail.text).toContain(
        `Posti liberi nei corsi per chi è in lista d’attesa (1)\n- Club linguistico A2: 1 posto libero, 1 in attesa`,
      );
      expect(smtp.received).toHaveLength(before + 1);
      expect(
        await t.db
          .selectFrom('reminderDigests')
          .select(['emailStatus', 'emailAttempts'])
          .where('userId', '=', cast.operatorA2.id)
          .executeTakeFirstOrThrow(),
      ).toEqual({ emailStatus: 'sent', emailAttempts: 2 });
      expect(await runReminders(t.db, { mailer, publicUrl: PUBLIC_URL })).toMatchObject({ made: 0, sent: 0 });
    });

    it('an erased person’s items go with their file', async () => {
      const ofAdmin = async () => expectStatus<ReminderDigest>(await admin.get('/reminders'), 200);
      expect((await ofAdmin()).items.some((item) => item.name === 'Bruna Rossi')).toBe(true);
      expectStatus(await admin.post(erasurePath(ids.bruna), ERASURE_REQUEST), 201);
      expect((await ofAdmin()).items.some((item) => item.personId === ids.bruna)).toBe(false);
    });
  });
}
