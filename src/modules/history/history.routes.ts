import { z } from 'zod';
import { deleteQuery } from '../../contracts/common.js';
import {
  historicalFiguresCreateInput,
  historicalFiguresQuery,
  historicalFiguresSchema,
  historicalFiguresUpdateInput,
} from '../../contracts/history.js';
import { idParams, routesOf } from '../http/route.js';
import { createHistoricalFigures, deleteHistoricalFigures, listHistoricalFiguresFor, updateHistoricalFigures } from './history.usecases.js';

/** Aggregate figures, no personal data: everyone of the centre reads them. */
const READ = 'statistics.read';
/** They feed the report: typed by whoever writes the report (administrator, coordinator). */
const WRITE = 'reports.write';

/** The years before the records: the figures a centre published before Approdo, one row a year. */
export const historyRoutes = routesOf(['history'], (route, app) => {
  route.get('/history/figures', {
    permission: READ,
    summary:
      'The published figures of the years before the records (of one centre with ?centreId=), newest year first, each saying whether records cover its year',
    querystring: historicalFiguresQuery,
    response: z.array(historicalFiguresSchema),
    handle: (actor, { query }) => listHistoricalFiguresFor(app.db, actor, query),
  });

  route.post('/history/figures', {
    permission: WRITE,
    summary: 'Enter a year’s published figures (one row a year and centre); each breakdown adds up to its total or is left empty',
    body: historicalFiguresCreateInput,
    response: historicalFiguresSchema,
    status: 201,
    handle: (actor, { body }) => createHistoricalFigures(app.db, actor, body),
  });

  route.patch('/history/figures/:id', {
    permission: WRITE,
    summary: 'Correct a year’s published figures (send the version you read)',
    params: idParams,
    body: historicalFiguresUpdateInput,
    response: historicalFiguresSchema,
    handle: (actor, { params, body }) => updateHistoricalFigures(app.db, actor, params.id, body),
  });

  route.delete('/history/figures/:id', {
    permission: WRITE,
    summary: 'Delete a year’s published figures (?version=): the report counts that year from the records again',
    params: idParams,
    querystring: deleteQuery,
    handle: (actor, { params, query }) => deleteHistoricalFigures(app.db, actor, params.id, query.version),
  });
});
