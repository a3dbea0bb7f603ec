import { z } from 'zod';
import { deleteQuery } from '../../contracts/common.js';
import {
  deadlineCountsSchema,
  deadlinesQuery,
  deadlinesSchema,
  identityDocumentCreateInput,
  identityDocumentSchema,
  identityDocumentUpdateInput,
  permitContactInput,
  permitCreateInput,
  permitRenewalInput,
  permitSchema,
  permitUpdateInput,
} from '../../contracts/documents.js';
import { idParams, routesOf } from '../http/route.js';
import { deadlinesExport } from './deadlines.export.js';
import {
  createIdentityDocument,
  deleteIdentityDocument,
  listIdentityDocuments,
  updateIdentityDocument,
} from './identity-documents.usecases.js';
import {
  createPermit,
  deadlineCountsFor,
  deadlinesFor,
  deletePermit,
  listPermits,
  markPermitContacted,
  renewPermit,
  updatePermit,
} from './permits.usecases.js';

export const documentsRoutes = routesOf(['documents'], (route, app) => {
  // --- residence permits

  route.get('/people/:id/permits', {
    permission: 'personal.read',
    summary: "A person's residence permits, the latest expiry first (the read is logged)",
    params: idParams,
    response: z.array(permitSchema),
    handle: (actor, { params }) => listPermits(app.db, actor, params.id),
  });

  route.post('/people/:id/permits', {
    permission: 'personal.write',
    summary:
      'Record a residence permit of a person. The expiry is required (but for an EU long-term permit) and not before the issue date; the issue date is not in the future',
    params: idParams,
    body: permitCreateInput,
    response: permitSchema,
    status: 201,
    handle: (actor, { params, body }) => createPermit(app.db, actor, params.id, body),
  });

  route.patch('/permits/:id', {
    permission: 'personal.write',
    summary: 'Change a residence permit, e.g. its renewal status (send the version you read: 409 if someone changed it since)',
    params: idParams,
    body: permitUpdateInput,
    response: permitSchema,
    handle: (actor, { params, body }) => updatePermit(app.db, actor, params.id, body),
  });

  route.delete('/permits/:id', {
    permission: 'personal.write',
    summary: 'Delete a residence permit recorded by mistake (send ?version= as read: 409 if someone changed it since)',
    params: idParams,
    querystring: deleteQuery,
    handle: (actor, { params, query }) => deletePermit(app.db, actor, params.id, query.version),
  });

  route.post('/permits/:id/contact', {
    permission: 'personal.write',
    summary:
      '"Contattato": the person was contacted about the permit\'s deadline, today unless contactedOn says (the caller is who contacted)',
    params: idParams,
    body: permitContactInput,
    response: permitSchema,
    handle: (actor, { params, body }) => markPermitContacted(app.db, actor, params.id, body),
  });

  route.post('/permits/:id/renewal', {
    permission: 'personal.write',
    summary:
      '"Rinnovato": marks the permit renewed (it leaves the Scadenze) and records the new one with its expiry, after the old one\'s; answers the new permit',
    params: idParams,
    body: permitRenewalInput,
    response: permitSchema,
    status: 201,
    handle: (actor, { params, body }) => renewPermit(app.db, actor, params.id, body),
  });

  // --- identity documents

  route.get('/people/:id/identity-documents', {
    permission: 'personal.read',
    summary: "A person's identity documents, the latest expiry first (the read is logged)",
    params: idParams,
    response: z.array(identityDocumentSchema),
    handle: (actor, { params }) => listIdentityDocuments(app.db, actor, params.id),
  });

  route.post('/people/:id/identity-documents', {
    permission: 'personal.write',
    summary: 'Record an identity document of a person (passport, identity card, refugee travel document…)',
    params: idParams,
    body: identityDocumentCreateInput,
    response: identityDocumentSchema,
    status: 201,
    handle: (actor, { params, body }) => createIdentityDocument(app.db, actor, params.id, body),
  });

  route.patch('/identity-documents/:id', {
    permission: 'personal.write',
    summary: 'Change an identity document (send the version you read: 409 if someone changed it since)',
    params: idParams,
    body: identityDocumentUpdateInput,
    response: identityDocumentSchema,
    handle: (actor, { params, body }) => updateIdentityDocument(app.db, actor, params.id, body),
  });

  route.delete('/identity-documents/:id', {
    permission: 'personal.write',
    summary: 'Delete an identity document recorded by mistake (send ?version= as read: 409 if someone changed it since)',
    params: idParams,
    querystring: deleteQuery,
    handle: (actor, { params, query }) => deleteIdentityDocument(app.db, actor, params.id, query.version),
  });

  // --- Scadenze

  route.exportedList('/deadlines', {
    permission: 'personal.read',
    summary:
      'Scadenze: residence permits expiring within withinDays (default 60) from today (Europe/Rome) and those already expired. ' +
      'Left out: permits whose renewal was done (renewed) or refused, and permits superseded by a later permit of the same person. ' +
      'The list is logged',
    querystring: deadlinesQuery,
    response: deadlinesSchema,
    list: deadlinesFor,
    export: {
      what: 'Scadenze: both lists of the page (expiring, then expired), whole',
      file: 'scadenze',
      entity: 'residence_permit',
      rows: deadlinesExport,
    },
  });

  route.get('/deadlines/count', {
    permission: 'personal.read',
    summary: 'How many permits the Scadenze page lists as expiring and as expired (for the home page)',
    querystring: deadlinesQuery,
    response: deadlineCountsSchema,
    handle: (actor, { query }) => deadlineCountsFor(app.db, actor, query),
  });
});
