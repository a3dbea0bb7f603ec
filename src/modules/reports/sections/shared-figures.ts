/**
 * Figures more than one section reads, computed once per report: the year's visits (Accessi,
 * Tipologie, the centre's visits per open hour) and the courses of a year (Club linguistici and
 * its comparison, Supporto alla scuola guida).
 */
import type { YearFigures } from '../../../contracts/courses.js';
import { courseFiguresOfYear } from '../../courses/courses.usecases.js';
import { type ReportContext, sharedFigures } from '../context.js';
import { countVisits } from '../visits-care.repository.js';

export const visitsOfYear = (ctx: ReportContext): Promise<number> =>
  sharedFigures(ctx, 'visits', () => countVisits(ctx.db, ctx.centreIds, ctx.year));

export const coursesOfYear = (ctx: ReportContext, year: number): Promise<YearFigures> =>
  sharedFigures(ctx, `courses:${year}`, () => courseFiguresOfYear(ctx.db, ctx.centreIds, year));
