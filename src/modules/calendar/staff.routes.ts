import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  projectCreateInput,
  projectListQuery,
  projectSchema,
  projectUpdateInput,
  staffContractCreateInput,
  staffContractParams,
  staffContractUpdateInput,
  staffCreateInput,
  staffListQuery,
  staffListSchema,
  staffMemberSchema,
  staffUpdateInput,
} from '../../contracts/calendar.js';
import { deleteQuery } from '../../contracts/common.js';
import { idParams, routeDeclarer } from '../http/route.js';
import { createContract, deleteContract, updateContract } from './contracts.usecases.js';
import { createProject, deleteProject, listProjectsFor, updateProject } from './projects.usecases.js';
import { createStaff, deleteStaff, getStaff, listStaffFor, updateStaff } from './staff.usecases.js';

/** Managing (and reading) the staff, their contracts and the projects is the coordinator's (and the administrator's). */
const MANAGE = 'catalogues.manage';
/** A project is no personal data: everyone of the centre reads them. */
const READ = 'statistics.read';

/** The centre's staff with their contracts, and its projects. */
export const staffRoutes: FastifyPluginAsyncZod = async (app) => {
  const projects = routeDeclarer(app, ['projects']);
  const staff = routeDeclarer(app, ['staff']);

  // --- staff

  staff.get('/staff', {
    permission: MANAGE,
    summary: 'The centre’s staff with their contracts, the weekly hours in force on a date and the contracted hours of a year',
    querystring: staffListQuery,
    response: staffListSchema,
    handle: (actor, { query }) => listStaffFor(app.db, actor, query),
  });

  staff.post('/staff', {
    permission: MANAGE,
    summary: 'Add a staff member (role, optional user account)',
    body: staffCreateInput,
    response: staffMemberSchema,
    status: 201,
    handle: (actor, { body }) => createStaff(app.db, actor, body),
  });

  staff.get('/staff/:id', {
    permission: MANAGE,
    summary: 'One staff member with their contracts',
    params: idParams,
    response: staffMemberSchema,
    handle: (actor, { params }) => getStaff(app.db, actor, params.id),
  });

  staff.patch('/staff/:id', {
    permission: MANAGE,
    summary: 'Change a staff member (send the version you read)',
    params: idParams,
    body: staffUpdateInput,
    response: staffMemberSchema,
    handle: (actor, { params, body }) => updateStaff(app.db, actor, params.id, body),
  });

  staff.delete('/staff/:id', {
    permission: MANAGE,
    summary: 'Delete a staff member entered by mistake, with their contracts (?version=)',
    params: idParams,
    querystring: deleteQuery,
    handle: (actor, { params, query }) => deleteStaff(app.db, actor, params.id, query.version),
  });

  staff.post('/staff/:id/contracts', {
    permission: MANAGE,
    summary: 'Add a contract period (weekly minutes; periods in force add up); answers the member',
    params: idParams,
    body: staffContractCreateInput,
    response: staffMemberSchema,
    status: 201,
    handle: (actor, { params, body }) => createContract(app.db, actor, params.id, body),
  });

  staff.patch('/staff/:id/contracts/:contractId', {
    permission: MANAGE,
    summary: 'Correct or end a contract period (send the version you read); answers the member',
    params: staffContractParams,
    body: staffContractUpdateInput,
    response: staffMemberSchema,
    handle: (actor, { params, body }) => updateContract(app.db, actor, params.id, params.contractId, body),
  });

  staff.delete('/staff/:id/contracts/:contractId', {
    permission: MANAGE,
    summary: 'Delete a contract period (?version=)',
    params: staffContractParams,
    querystring: deleteQuery,
    handle: (actor, { params, query }) => deleteContract(app.db, actor, params.id, params.contractId, query.version),
  });

  // --- projects

  projects.get('/projects', {
    permission: READ,
    summary: 'The centre’s projects, newest first (with a year: those running in it)',
    querystring: projectListQuery,
    response: z.array(projectSchema),
    handle: (actor, { query }) => listProjectsFor(app.db, actor, query),
  });

  projects.post('/projects', {
    permission: MANAGE,
    summary: 'Add a project (funder or partner, period, extra staff hours a week)',
    body: projectCreateInput,
    response: projectSchema,
    status: 201,
    handle: (actor, { body }) => createProject(app.db, actor, body),
  });

  projects.patch('/projects/:id', {
    permission: MANAGE,
    summary: 'Change a project (send the version you read)',
    params: idParams,
    body: projectUpdateInput,
    response: projectSchema,
    handle: (actor, { params, body }) => updateProject(app.db, actor, params.id, body),
  });

  projects.delete('/projects/:id', {
    permission: MANAGE,
    summary: 'Delete a project entered by mistake (?version=)',
    params: idParams,
    querystring: deleteQuery,
    handle: (actor, { params, query }) => deleteProject(app.db, actor, params.id, query.version),
  });
};
