/** The centre's agenda beside its calendar: lessons, events, network meetings and the lawyer's sessions of a period. */
import { z } from 'zod';
import { daysQuery } from './calendar.js';
import { dayAndHours } from './common.js';

export const AGENDA_KINDS = ['lesson', 'event', 'network_meeting', 'legal_consultation'] as const;
export type AgendaKind = (typeof AGENDA_KINDS)[number];

/** The same period as the calendar's days: at most a year, in order. */
export const agendaQuery = daysQuery;
export type AgendaQuery = z.infer<typeof agendaQuery>;

export const agendaEntry = z
  .object({
    kind: z.enum(AGENDA_KINDS),
    /** The lesson's, event's, meeting's or consultation's id: the page links to its own page. */
    id: z.number(),
    /** Meetings and consultations have a day only. */
    ...dayAndHours,
    /** The course's title, the event's title, the meeting's topic, or the lawyer's name (null when not recorded). */
    title: z.string().nullable(),
    /** The course of a lesson (its page), and a lesson's status: scheduled, held or cancelled. */
    courseId: z.number().nullable(),
    status: z.string().nullable(),
    place: z.string().nullable(),
  })
  .meta({ id: 'AgendaEntry' });
export type AgendaEntry = z.infer<typeof agendaEntry>;
