/**
 * Figures more than one section reads, computed once per report: the year's visits (Accessi,
 * Tipologie, the centre's visits per open hour) and the courses of a year (Club linguistici and
 * its comparison, Supporto alla scuola guida).
 */
import type { YearFigures } from '../../../contracts/courses.js';
import { courseFiguresOfYear } from '../../courses/figures.usecases.js';
import { type ReportContext, sharedFigures } from '../context.js';
import { type VisitCell, visitCells } from '../visits-care.repository.js';

/** The year's visits by every combination of their snapshot columns: one pass over the year. */
export const visitCellsOfYear = (ctx: ReportContext): Promise<VisitCell[]> =>
  sharedFigures(ctx, 'visitCells', () => visitCells(ctx.db, ctx.centreIds, ctx.year));

/** The year's visits: the sum of its cells. */
export const visitsOfYear = async (ctx: ReportContext): Promise<number> =>
  (await visitCellsOfYear(ctx)).reduce((sum, cell) => sum + cell.n, 0);

export const coursesOfYear = (ctx: ReportContext, year: number): Promise<YearFigures> =>
  sharedFigures(ctx, `courses:${year}`, () => courseFiguresOfYear(ctx.db, ctx.centreIds, year));
