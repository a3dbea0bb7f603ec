import { deleteQuery, pageOf } from '../../contracts/common.js';
import {
  placeInput,
  placeResult,
  waitingListCreateInput,
  waitingListEntrySchema,
  waitingListQuery,
  waitingListUpdateInput,
  waitingSummaryQuery,
  waitingSummarySchema,
} from '../../contracts/courses.js';
import { idParams, routesOf } from '../http/route.js';
import { waitingListExport } from './waiting-list.export.js';
import {
  createWaitingEntry,
  deleteWaitingEntry,
  listWaitingFor,
  placeWaitingEntry,
  updateWaitingEntry,
  waitingSummaryFor,
} from './waiting-list.usecases.js';

/** Waiting lists (operators), and their counts (aggregated: viewers too). */
export const waitingListRoutes = routesOf(['courses'], (route, app) => {
  route.exportedList('/waiting-list', {
    permission: 'personal.read',
    summary: 'Waiting-list entries, the most urgent and the longest waiting first, with the days waited',
    querystring: waitingListQuery,
    response: pageOf(waitingListEntrySchema),
    list: listWaitingFor,
    export: {
      what: 'The filtered waiting-list entries',
      file: 'liste-di-attesa',
      sheet: "Liste d'attesa",
      entity: 'waiting_list_entry',
      rows: waitingListExport,
    },
  });

  route.get('/waiting-list/summary', {
    permission: 'statistics.read',
    summary: 'Waiting-list counts of a period by kind and status (Bisogni rilevati; aggregated: viewers too)',
    querystring: waitingSummaryQuery,
    response: waitingSummarySchema,
    handle: (actor, { query }) => waitingSummaryFor(app.db, actor, query),
  });

  route.post('/waiting-list', {
    permission: 'personal.write',
    summary: 'Put a person on a waiting list',
    body: waitingListCreateInput,
    response: waitingListEntrySchema,
    status: 201,
    handle: (actor, { body }) => createWaitingEntry(app.db, actor, body),
  });

  route.patch('/waiting-list/:id', {
    permission: 'personal.write',
    summary: 'Correct an entry, or withdraw it (status withdrawn) or take the withdrawal back (send the version you read)',
    params: idParams,
    body: waitingListUpdateInput,
    response: waitingListEntrySchema,
    handle: (actor, { params, body }) => updateWaitingEntry(app.db, actor, params.id, body),
  });

  route.post('/waiting-list/:id/place', {
    permission: 'personal.write',
    summary: 'Place the person in a course: enrols them and closes the entry, in one transaction',
    params: idParams,
    body: placeInput,
    response: placeResult,
    handle: (actor, { params, body }) => placeWaitingEntry(app.db, actor, params.id, body),
  });

  route.delete('/waiting-list/:id', {
    permission: 'personal.write',
    summary: 'Delete an entry made by mistake (?version=)',
    params: idParams,
    querystring: deleteQuery,
    handle: (actor, { params, query }) => deleteWaitingEntry(app.db, actor, params.id, query.version),
  });
});
