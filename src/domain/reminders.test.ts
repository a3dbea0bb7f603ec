import { describe, expect, it } from 'vitest';
import { addDays } from './dates.js';
import {
  type DueItem,
  digestEmail,
  type NamedItem,
  type ReminderFacts,
  type ReminderReader,
  reminderLocaleOf,
  reminderPath,
  remindersDue,
} from './reminders.js';

const TODAY = '2026-03-10';
const A = 1;
const B = 2;
const OPERATOR = 10;
const OTHER = 11;

const facts: ReminderFacts = {
  permits: [
    { permitId: 100, centreId: A, personId: 1000, expiresOn: addDays(TODAY, 30), responsibleIds: [OPERATOR] },
    { permitId: 101, centreId: A, personId: 1001, expiresOn: TODAY, responsibleIds: [] },
    { permitId: 102, centreId: A, personId: 1002, expiresOn: addDays(TODAY, 61), responsibleIds: [OPERATOR] },
    { permitId: 103, centreId: A, personId: 1003, expiresOn: addDays(TODAY, -1), responsibleIds: [OPERATOR] },
    { permitId: 104, centreId: B, personId: 1004, expiresOn: addDays(TODAY, 5), responsibleIds: [OPERATOR] },
  ],
  actions: [
    { actionId: 200, caseId: 20, centreId: A, personId: 1000, dueOn: addDays(TODAY, -3), responsibleId: OTHER, assigneeId: OPERATOR },
    { actionId: 201, caseId: 21, centreId: A, personId: null, dueOn: TODAY, responsibleId: OPERATOR, assigneeId: null },
    { actionId: 202, caseId: 22, centreId: A, personId: 1002, dueOn: addDays(TODAY, -40), responsibleId: OTHER, assigneeId: null },
  ],
  cases: [
    { caseId: 20, centreId: A, personId: 1000, responsibleId: OPERATOR, openedOn: '2025-01-01', lastNoteOn: addDays(TODAY, -60) },
    { caseId: 21, centreId: A, personId: null, responsibleId: OPERATOR, openedOn: addDays(TODAY, -59), lastNoteOn: null },
    { caseId: 22, centreId: A, personId: 1002, responsibleId: OTHER, openedOn: addDays(TODAY, -200), lastNoteOn: null },
    { caseId: 23, centreId: B, personId: 1004, responsibleId: OPERATOR, openedOn: '2024-01-01', lastNoteOn: null },
  ],
  courses: [
    { courseId: 30, centreId: A, endDate: addDays(TODAY, 30), capacity: 10, enrolled: 9, lastWithdrawnOn: addDays(TODAY, -2), waiting: 4 },
    { courseId: 31, centreId: A, endDate: addDays(TODAY, 30), capacity: 10, enrolled: 10, lastWithdrawnOn: TODAY, waiting: 4 },
    { courseId: 32, centreId: A, endDate: addDays(TODAY, -1), capacity: 10, enrolled: 2, lastWithdrawnOn: addDays(TODAY, -2), waiting: 4 },
    { courseId: 33, centreId: A, endDate: addDays(TODAY, 30), capacity: 10, enrolled: 2, lastWithdrawnOn: addDays(TODAY, -8), waiting: 4 },
    { courseId: 34, centreId: A, endDate: addDays(TODAY, 30), capacity: 10, enrolled: 2, lastWithdrawnOn: TODAY, waiting: 0 },
    { courseId: 35, centreId: A, endDate: addDays(TODAY, 30), capacity: null, enrolled: 2, lastWithdrawnOn: TODAY, waiting: 3 },
  ],
};

const keys = (items: DueItem[]) => items.map((item) => `${item.kind}:${item.recordId ?? item.caseId ?? item.courseId}:${item.amount}`);

describe('remindersDue', () => {
  it('a coordinator: everything due in their centres, by kind then day', () => {
    const coordinator: ReminderReader = { userId: 1, role: 'coordinator', centreIds: [A] };
    expect(keys(remindersDue(coordinator, facts, TODAY))).toEqual([
      'permit_expiring:101:0',
      'permit_expiring:100:30',
      'action_overdue:202:40',
      'action_overdue:200:3',
      'case_silent:22:200',
      'case_silent:20:60',
      'course_places:30:1',
    ]);
  });

  it('an operator: their own cases (responsible or assigned), the permits of their cases’ people, their centres’ course places', () => {
    const operator: ReminderReader = { userId: OPERATOR, role: 'operator', centreIds: [A] };
    expect(keys(remindersDue(operator, facts, TODAY))).toEqual([
      'permit_expiring:100:30',
      'action_overdue:200:3',
      'case_silent:20:60',
      'course_places:30:1',
    ]);
  });

  it('another centre’s items stay out; an administrator reads their centres; a viewer gets nothing', () => {
    const admin: ReminderReader = { userId: 2, role: 'admin', centreIds: [B] };
    expect(keys(remindersDue(admin, facts, TODAY))).toEqual(['permit_expiring:104:5', 'case_silent:23:799']);
    expect(remindersDue({ userId: 3, role: 'viewer', centreIds: [A, B] }, facts, TODAY)).toEqual([]);
  });

  it('the course item carries the places free and the people waiting, dated by the last withdrawal', () => {
    const [course] = remindersDue(
      { userId: 1, role: 'coordinator', centreIds: [A] },
      { ...facts, permits: [], actions: [], cases: [] },
      TODAY,
    );
    expect(course).toEqual({
      kind: 'course_places',
      centreId: A,
      personId: null,
      caseId: null,
      courseId: 30,
      recordId: null,
      dueOn: addDays(TODAY, -2),
      amount: 1,
      waiting: 4,
    });
  });
});

describe('digestEmail', () => {
  const items: NamedItem[] = [
    {
      kind: 'permit_expiring',
      centreId: A,
      personId: 1000,
      caseId: null,
      courseId: null,
      recordId: 100,
      dueOn: '2026-04-09',
      amount: 30,
      waiting: null,
      name: 'Amina Diallo',
    },
    {
      kind: 'case_silent',
      centreId: A,
      personId: null,
      caseId: 21,
      courseId: null,
      recordId: null,
      dueOn: '2026-01-01',
      amount: 68,
      waiting: null,
      name: 'Famiglia Rossi',
    },
    {
      kind: 'course_places',
      centreId: A,
      personId: null,
      caseId: null,
      courseId: 30,
      recordId: null,
      dueOn: '2026-03-08',
      amount: 2,
      waiting: 4,
      name: 'Italiano A2',
    },
  ];

  it('Italian: the names and links by kind, no dates nor days of a person', () => {
    const mail = digestEmail({ recipient: 'Carla', digestOn: TODAY, items }, 'it', 'https://approdo.example/');
    expect(mail.subject).toBe('Approdo: 3 promemoria del 10/03/2026');
    expect(mail.text).toContain('Buongiorno Carla,');
    expect(mail.text).toContain('Permessi di soggiorno in scadenza (1)\n- Amina Diallo\n  https://approdo.example/people/1000');
    expect(mail.text).toContain('Casi senza note da troppo tempo (1)\n- Famiglia Rossi\n  https://approdo.example/cases/21');
    expect(mail.text).toContain('- Italiano A2: 2 posti liberi, 4 in attesa\n  https://approdo.example/courses/30');
    expect(mail.text).toContain('https://approdo.example/account');
    expect(mail.text).not.toContain('Azioni del piano');
    for (const detail of ['2026-04-09', '09/04/2026', 'giorni', '68', '2026-01-01']) expect(mail.text).not.toContain(detail);
  });

  it('English by the user’s locale', () => {
    const mail = digestEmail(
      { recipient: 'Carla', digestOn: TODAY, items: items.slice(0, 1) },
      reminderLocaleOf('en'),
      'http://localhost:3000',
    );
    expect(mail.subject).toBe('Approdo: 1 reminder for 2026-03-10');
    expect(mail.text).toContain('Residence permits expiring (1)\n- Amina Diallo\n  http://localhost:3000/people/1000');
    expect(reminderLocaleOf('fr')).toBe('it');
  });

  it('each kind leads to its page', () => {
    expect(items.map(reminderPath)).toEqual(['/people/1000', '/cases/21', '/courses/30']);
  });
});
