import { describe, expect, it } from 'vitest';
import { addMinutes, agendaByDate, agendaOrder } from './agenda.js';

describe('agenda', () => {
  it('ends an activity its minutes after its start, never past midnight', () => {
    expect(addMinutes('09:30', 90)).toBe('11:00');
    expect(addMinutes('18:45', 15)).toBe('19:00');
    expect(addMinutes('10:00', 0)).toBe('10:00');
    expect(addMinutes('23:00', 120)).toBe('23:59');
    expect(addMinutes('10:00', -30)).toBe('10:00');
  });

  it('orders a period by date, the all-day ones first, then by time, kind and id', () => {
    const entries = [
      { kind: 'event', id: 1, date: '2026-03-02', startTime: '10:00' },
      { kind: 'legal_consultation', id: 7, date: '2026-03-02', startTime: null },
      { kind: 'lesson', id: 3, date: '2026-03-02', startTime: '10:00' },
      { kind: 'network_meeting', id: 2, date: '2026-03-02', startTime: null },
      { kind: 'lesson', id: 5, date: '2026-03-01', startTime: '18:00' },
      { kind: 'lesson', id: 4, date: '2026-03-02', startTime: '09:00' },
      { kind: 'lesson', id: 2, date: '2026-03-02', startTime: '10:00' },
    ];
    expect(agendaOrder(entries).map((e) => `${e.date} ${e.startTime ?? '--'} ${e.kind} ${e.id}`)).toEqual([
      '2026-03-01 18:00 lesson 5',
      '2026-03-02 -- network_meeting 2',
      '2026-03-02 -- legal_consultation 7',
      '2026-03-02 09:00 lesson 4',
      '2026-03-02 10:00 lesson 2',
      '2026-03-02 10:00 lesson 3',
      '2026-03-02 10:00 event 1',
    ]);
    // The input is left as it was.
    expect(entries[0]?.id).toBe(1);
  });

  it('groups by date, each day in order', () => {
    const days = agendaByDate([
      { kind: 'event', id: 1, date: '2026-03-02', startTime: '10:00' },
      { kind: 'lesson', id: 5, date: '2026-03-01', startTime: '18:00' },
      { kind: 'lesson', id: 4, date: '2026-03-02', startTime: '09:00' },
    ]);
    expect([...days.keys()]).toEqual(['2026-03-01', '2026-03-02']);
    expect(days.get('2026-03-02')?.map((e) => e.id)).toEqual([4, 1]);
    expect(agendaByDate([]).size).toBe(0);
  });
});
