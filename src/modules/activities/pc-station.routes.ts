import {
  pcStationSummary,
  pcStationUseCreateInput,
  pcStationUseListQuery,
  pcStationUseSchema,
  summaryQuery,
} from '../../contracts/activities.js';
import { pageOf } from '../../contracts/common.js';
import { idParams, routesOf } from '../http/route.js';
import { createPcUse, deletePcUse, listPcUsesFor, summarisePcUsesFor } from './pc-station.usecases.js';

/** The public PC station's log. */
export const pcStationRoutes = routesOf(['pc station'], (route, app) => {
  route.get('/pc-station-uses', {
    permission: 'personal.read',
    summary: 'Uses of the public PC station, newest first',
    querystring: pcStationUseListQuery,
    response: pageOf(pcStationUseSchema),
    handle: (actor, { query }) => listPcUsesFor(app.db, actor, query),
  });

  route.get('/pc-station-uses/summary', {
    permission: 'statistics.read',
    summary: 'Uses, minutes, distinct people and uses by purpose for a period (aggregated: viewers too)',
    querystring: summaryQuery,
    response: pcStationSummary,
    handle: (actor, { query }) => summarisePcUsesFor(app.db, actor, query),
  });

  route.post('/pc-station-uses', {
    permission: 'personal.write',
    summary: 'Log a use of the public PC station (person if known); the operator is the caller',
    body: pcStationUseCreateInput,
    response: pcStationUseSchema,
    status: 201,
    handle: (actor, { body }) => createPcUse(app.db, actor, body),
  });

  route.delete('/pc-station-uses/:id', {
    permission: 'personal.write',
    summary: 'Delete a use logged by mistake',
    params: idParams,
    handle: (actor, { params }) => deletePcUse(app.db, actor, params.id),
  });
});
