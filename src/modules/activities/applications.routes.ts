import {
  applicationCreateInput,
  applicationListQuery,
  applicationSchema,
  applicationSummary,
  applicationUpdateInput,
  summaryQuery,
} from '../../contracts/activities.js';
import { deleteQuery, pageOf } from '../../contracts/common.js';
import { idParams, routesOf } from '../http/route.js';
import { applicationsExport } from './applications.export.js';
import {
  createApplication,
  deleteApplication,
  listApplicationsFor,
  summariseApplicationsFor,
  updateApplication,
} from './applications.usecases.js';

/** Applications filled in with people (domande / bonus). */
export const applicationsRoutes = routesOf(['applications'], (route, app) => {
  route.exportedList('/applications', {
    permission: 'personal.read',
    summary: 'Applications filled in with people (compilazione domande / bonus), newest first, filtered',
    querystring: applicationListQuery,
    response: pageOf(applicationSchema),
    list: listApplicationsFor,
    export: { what: 'The filtered applications', file: 'domande', entity: 'application', rows: applicationsExport },
  });

  route.get('/applications/summary', {
    permission: 'statistics.read',
    summary: 'Counts of applications by type, level and outcome for a period (aggregated: viewers too)',
    querystring: summaryQuery,
    response: applicationSummary,
    handle: (actor, { query }) => summariseApplicationsFor(app.db, actor, query),
  });

  route.post('/applications', {
    permission: 'personal.write',
    summary: 'Record an application filled in with a person; the operator is the caller',
    body: applicationCreateInput,
    response: applicationSchema,
    status: 201,
    handle: (actor, { body }) => createApplication(app.db, actor, body),
  });

  route.patch('/applications/:id', {
    permission: 'personal.write',
    summary: 'Correct an application or record its outcome (send the version you read)',
    params: idParams,
    body: applicationUpdateInput,
    response: applicationSchema,
    handle: (actor, { params, body }) => updateApplication(app.db, actor, params.id, body),
  });

  route.delete('/applications/:id', {
    permission: 'personal.write',
    summary: 'Delete an application recorded by mistake (send ?version= as read: 409 if someone changed it since)',
    params: idParams,
    querystring: deleteQuery,
    handle: (actor, { params, query }) => deleteApplication(app.db, actor, params.id, query.version),
  });
});
