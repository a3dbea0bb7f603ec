import { z } from 'zod';
import { deleteQuery } from '../../contracts/common.js';
import { enrolmentCreateInput, enrolmentSchema, enrolmentUpdateInput } from '../../contracts/courses.js';
import { idParams, routesOf } from '../http/route.js';
import { enrolmentsExport } from './enrolments.export.js';
import { deleteEnrolment, enrol, listEnrolmentsFor, updateEnrolment } from './enrolments.usecases.js';

/** Enrolments (operators): personal data. */
export const enrolmentsRoutes = routesOf(['courses'], (route, app) => {
  route.exportedList('/courses/:id/enrolments', {
    permission: 'personal.read',
    summary: 'A course’s enrolments by name, with each learner’s attendance and completion',
    params: idParams,
    response: z.array(enrolmentSchema),
    list: listEnrolmentsFor,
    export: { what: 'A course’s enrolments', file: 'iscritti', entity: 'enrolment', rows: enrolmentsExport },
  });

  route.post('/courses/:id/enrolments', {
    permission: 'personal.write',
    summary: 'Enrol a person of the course’s centre, with the programme they come from (409 when full or enrolled already)',
    params: idParams,
    body: enrolmentCreateInput,
    response: enrolmentSchema,
    status: 201,
    handle: (actor, { params, body }) => enrol(app.db, actor, params.id, body),
  });

  route.patch('/enrolments/:id', {
    permission: 'personal.write',
    summary: 'Correct an enrolment or record the withdrawal (send the version you read)',
    params: idParams,
    body: enrolmentUpdateInput,
    response: enrolmentSchema,
    handle: (actor, { params, body }) => updateEnrolment(app.db, actor, params.id, body),
  });

  route.delete('/enrolments/:id', {
    permission: 'personal.write',
    summary: 'Delete an enrolment made by mistake, with its attendance (?version=)',
    params: idParams,
    querystring: deleteQuery,
    handle: (actor, { params, query }) => deleteEnrolment(app.db, actor, params.id, query.version),
  });
});
