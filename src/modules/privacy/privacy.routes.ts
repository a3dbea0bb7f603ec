import { pageOf } from '../../contracts/common.js';
import {
  erasureRequestSchema,
  erasureRequestsQuery,
  personPrivacySchema,
  privacyNoticeCreateInput,
  privacyNoticeSchema,
} from '../../contracts/privacy.js';
import { idParams, routesOf } from '../http/route.js';
import { deleteNotice, listErasureRequests, personPrivacy, recordNotice } from './privacy.usecases.js';

/** Privacy notices given to people, and the centres' erasure requests (a request is decided at POST /people/:id/erasure-requests). */
export const privacyRoutes = routesOf(['privacy'], (route, app) => {
  route.get('/people/:id/privacy-notices', {
    permission: 'personal.read',
    summary:
      "A person's privacy notices, the latest given first, and their state: missing, outdated (the last one is not the centre's current version) or current (the read is logged)",
    params: idParams,
    response: personPrivacySchema,
    handle: (actor, { params }) => personPrivacy(app.db, actor, params.id),
  });

  route.post('/people/:id/privacy-notices', {
    permission: 'personal.write',
    summary:
      "Record that a person was given the privacy notice: the date (not in the future), the language (ISO 639-1) and the version (the centre's current one when left out)",
    params: idParams,
    body: privacyNoticeCreateInput,
    response: privacyNoticeSchema,
    status: 201,
    handle: (actor, { params, body }) => recordNotice(app.db, actor, params.id, body),
  });

  route.delete('/privacy-notices/:id', {
    permission: 'personal.write',
    summary: 'Delete a privacy notice recorded by mistake (notices are not changed: record the right one again)',
    params: idParams,
    handle: (actor, { params }) => deleteNotice(app.db, actor, params.id),
  });

  route.get('/erasure-requests', {
    permission: 'personal.delete',
    summary: "Your centres' erasure requests (GDPR art. 17), the latest decided first, with their outcome and who decided",
    querystring: erasureRequestsQuery,
    response: pageOf(erasureRequestSchema),
    handle: (actor, { query }) => listErasureRequests(app.db, actor, query),
  });
});
