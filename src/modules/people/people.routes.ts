import { pageOf } from '../../contracts/common.js';
import { peopleSearchQuery, personCreateInput, personSchema, personSummary, personUpdateInput } from '../../contracts/people.js';
import { erasureRequestInput, erasureRequestSchema } from '../../contracts/privacy.js';
import { idParams, routesOf } from '../http/route.js';
import { peopleExport } from './people.export.js';
import { createPerson, decideErasureRequest, getPerson, searchPeopleFor, updatePerson } from './people.usecases.js';

export const peopleRoutes = routesOf(['people'], (route, app) => {
  route.exportedList('/people', {
    permission: 'personal.read',
    summary: 'Search people by name (any order, accents and transliterations forgiven) or codice fiscale',
    querystring: peopleSearchQuery,
    response: pageOf(personSummary),
    list: searchPeopleFor,
    export: { what: 'The people found by the search (all of them without words)', file: 'persone', entity: 'person', rows: peopleExport },
  });

  route.post('/people', {
    permission: 'personal.write',
    summary:
      'Register a person. A probable duplicate answers 409 person.possible_duplicate with the candidates, unless confirmNotDuplicate is true',
    body: personCreateInput,
    response: personSchema,
    status: 201,
    handle: (actor, { body }) => createPerson(app.db, actor, body),
  });

  route.get('/people/:id', {
    permission: 'personal.read',
    summary: "Open a person's file (the read is logged)",
    params: idParams,
    response: personSchema,
    handle: (actor, { params }) => getPerson(app.db, actor, params.id),
  });

  route.patch('/people/:id', {
    permission: 'personal.write',
    summary: 'Change a person (send the version you read: 409 if someone changed it since)',
    params: idParams,
    body: personUpdateInput,
    response: personSchema,
    handle: (actor, { params, body }) => updatePerson(app.db, actor, params.id, body),
  });

  route.post('/people/:id/erasure-requests', {
    permission: 'personal.delete',
    summary:
      "Decide a person's erasure request (GDPR art. 17): its date and reason, and the outcome. Erased: the file is erased with the request recorded (their visits and the statistics stay, anonymous); refused: the file stays, and the refusal says why",
    params: idParams,
    body: erasureRequestInput,
    response: erasureRequestSchema,
    status: 201,
    handle: (actor, { params, body }) => decideErasureRequest(app.db, actor, params.id, body),
  });
});
