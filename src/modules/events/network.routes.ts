import { deleteQuery, pageOf } from '../../contracts/common.js';
import {
  eventsSummaryQuery,
  networkMeetingCreateInput,
  networkMeetingListQuery,
  networkMeetingSchema,
  networkMeetingsSummary,
  networkMeetingUpdateInput,
} from '../../contracts/events.js';
import { idParams, routesOf } from '../http/route.js';
import { createMeeting, deleteMeeting, getMeetingFor, listMeetingsFor, summariseMeetingsFor, updateMeeting } from './network.usecases.js';

/** Network meetings with trade unions, services and schools. */
export const networkMeetingsRoutes = routesOf(['network meetings'], (route, app) => {
  route.get('/network-meetings', {
    permission: 'personal.read',
    summary: 'Network meetings of a period, newest first, with the organisations involved',
    querystring: networkMeetingListQuery,
    response: pageOf(networkMeetingSchema),
    handle: (actor, { query }) => listMeetingsFor(app.db, actor, query),
  });

  route.get('/network-meetings/summary', {
    permission: 'statistics.read',
    summary: 'Network meetings of a period and how many involved each organisation (aggregated: viewers too)',
    querystring: eventsSummaryQuery,
    response: networkMeetingsSummary,
    handle: (actor, { query }) => summariseMeetingsFor(app.db, actor, query),
  });

  route.post('/network-meetings', {
    permission: 'personal.write',
    summary: 'Record a network meeting: date, organisations involved, topic, outcome notes',
    body: networkMeetingCreateInput,
    response: networkMeetingSchema,
    status: 201,
    handle: (actor, { body }) => createMeeting(app.db, actor, body),
  });

  route.get('/network-meetings/:id', {
    permission: 'personal.read',
    summary: 'One network meeting',
    params: idParams,
    response: networkMeetingSchema,
    handle: (actor, { params }) => getMeetingFor(app.db, actor, params.id),
  });

  route.patch('/network-meetings/:id', {
    permission: 'personal.write',
    summary: 'Correct a network meeting (send the version you read); organisationIds, if sent, replace the organisations',
    params: idParams,
    body: networkMeetingUpdateInput,
    response: networkMeetingSchema,
    handle: (actor, { params, body }) => updateMeeting(app.db, actor, params.id, body),
  });

  route.delete('/network-meetings/:id', {
    permission: 'personal.write',
    summary: 'Delete a network meeting (send the version you read as ?version=)',
    params: idParams,
    querystring: deleteQuery,
    handle: (actor, { params, query }) => deleteMeeting(app.db, actor, params.id, query.version),
  });
});
