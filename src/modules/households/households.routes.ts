import { pageOf } from '../../contracts/common.js';
import {
  householdCreateInput,
  householdListItem,
  householdListQuery,
  householdSchema,
  householdUpdateInput,
  memberAddInput,
  memberLeaveInput,
  memberUpdateInput,
  personHousehold,
} from '../../contracts/households.js';
import { idParams, nestedIdParams, routesOf } from '../http/route.js';
import { createHousehold, getHousehold, householdForPerson, listHouseholdsFor, updateHousehold } from './households.usecases.js';
import { addHouseholdMember, changeMemberRelation, leaveHousehold } from './memberships.usecases.js';

const memberParams = nestedIdParams('memberId');

export const householdsRoutes = routesOf(['households'], (route, app) => {
  route.get('/households', {
    permission: 'personal.read',
    summary: 'Households (nuclei familiari) by name, each with its current members',
    querystring: householdListQuery,
    response: pageOf(householdListItem),
    handle: (actor, { query }) => listHouseholdsFor(app.db, actor, query),
  });

  route.post('/households', {
    permission: 'personal.write',
    summary:
      'Create a household with its first members. A person in another household answers 409 household.member_elsewhere, unless move is true',
    body: householdCreateInput,
    response: householdSchema,
    status: 201,
    handle: (actor, { body }) => createHousehold(app.db, actor, body),
  });

  route.get('/households/:id', {
    permission: 'personal.read',
    summary: 'A household: its current members and the history of past memberships (the read is logged)',
    params: idParams,
    response: householdSchema,
    handle: (actor, { params }) => getHousehold(app.db, actor, params.id),
  });

  route.patch('/households/:id', {
    permission: 'personal.write',
    summary: "Change a household's name or notes (send the version you read: 409 if someone changed it since)",
    params: idParams,
    body: householdUpdateInput,
    response: householdSchema,
    handle: (actor, { params, body }) => updateHousehold(app.db, actor, params.id, body),
  });

  route.post('/households/:id/members', {
    permission: 'personal.write',
    summary:
      'A person joins the household (today unless joinedOn). A person in another household answers 409 household.member_elsewhere, unless move is true: then the old membership ends on the joining day',
    params: idParams,
    body: memberAddInput,
    response: householdSchema,
    status: 201,
    handle: (actor, { params, body }) => addHouseholdMember(app.db, actor, params.id, body),
  });

  route.patch('/households/:id/members/:memberId', {
    permission: 'personal.write',
    summary: "Change a current member's relation to the reference person",
    params: memberParams,
    body: memberUpdateInput,
    response: householdSchema,
    handle: (actor, { params, body }) => changeMemberRelation(app.db, actor, params.id, params.memberId, body),
  });

  route.post('/households/:id/members/:memberId/leave', {
    permission: 'personal.write',
    summary: 'A member leaves the household (today unless leftOn); the membership stays in the history',
    params: memberParams,
    // No body at all means today.
    body: memberLeaveInput.nullable(),
    response: householdSchema,
    handle: (actor, { params, body }) => leaveHousehold(app.db, actor, params.id, params.memberId, body ?? {}),
  });

  route.get('/people/:id/household', {
    permission: 'personal.read',
    summary: "A person's household now (with its members, or null) and all their memberships (the read is logged)",
    params: idParams,
    response: personHousehold,
    handle: (actor, { params }) => householdForPerson(app.db, actor, params.id),
  });
});
