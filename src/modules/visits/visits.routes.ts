import { pageOf } from '../../contracts/common.js';
import {
  visitCreateInput,
  visitDeleteQuery,
  visitListQuery,
  visitSchema,
  visitSummary,
  visitSummaryQuery,
  visitUpdateInput,
} from '../../contracts/visits.js';
import { idParams, routesOf } from '../http/route.js';
import { visitsExport } from './visits.export.js';
import { createVisit, deleteVisit, getVisit, listVisitsFor, summariseVisitsFor, updateVisit } from './visits.usecases.js';

export const visitsRoutes = routesOf(['visits'], (route, app) => {
  route.exportedList('/visits', {
    permission: 'personal.read',
    summary: 'Visits (accessi), newest first, filtered',
    querystring: visitListQuery,
    response: pageOf(visitSchema),
    list: listVisitsFor,
    export: { what: 'The filtered visits', file: 'accessi', entity: 'visit', rows: visitsExport },
  });

  route.get('/visits/summary', {
    permission: 'statistics.read',
    summary: 'Counts of visits by origin group, gender, citizenship and topic (aggregated: viewers too)',
    querystring: visitSummaryQuery,
    response: visitSummary,
    handle: (actor, { query }) => summariseVisitsFor(app.db, actor, query),
  });

  route.post('/visits', {
    permission: 'personal.write',
    summary: 'Record a visit for a person (personId) or an anonymous visitor (anonymous); the operator is the caller',
    body: visitCreateInput,
    response: visitSchema,
    status: 201,
    handle: (actor, { body }) => createVisit(app.db, actor, body),
  });

  route.get('/visits/:id', {
    permission: 'personal.read',
    summary: 'One visit',
    params: idParams,
    response: visitSchema,
    handle: (actor, { params }) => getVisit(app.db, actor, params.id),
  });

  route.patch('/visits/:id', {
    permission: 'personal.write',
    summary: 'Correct a visit (send the version you read): its details, topics and notes, or its visitor (another person, or anonymous)',
    params: idParams,
    body: visitUpdateInput,
    response: visitSchema,
    handle: (actor, { params, body }) => updateVisit(app.db, actor, params.id, body),
  });

  route.delete('/visits/:id', {
    permission: 'personal.write',
    summary: 'Delete a visit recorded by mistake (with ?version=, only if unchanged since read)',
    params: idParams,
    querystring: visitDeleteQuery,
    handle: (actor, { params, query }) => deleteVisit(app.db, actor, params.id, query.version),
  });
});
