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
import { deleteQuery, id, problemResponses } from '../../contracts/common.js';
import { requireAuth } from '../auth/actor.js';
import { createContract, deleteContract, updateContract } from './contracts.usecases.js';
import { createProject, deleteProject, listProjectsFor, updateProject } from './projects.usecases.js';
import { createStaff, deleteStaff, getStaff, listStaffFor, updateStaff } from './staff.usecases.js';

const params = z.strictObject({ id });
const deleted = { 204: z.null(), ...problemResponses };
/** Managing (and reading) the staff, their contracts and the projects is the coordinator's (and the administrator's). */
const MANAGE = 'catalogues.manage';
/** A project is no personal data: everyone of the centre reads them. */
const READ = 'statistics.read';

/** The centre's staff with their contracts, and its projects. */
export const staffRoutes: FastifyPluginAsyncZod = async (app) => {
  // --- staff

  app.get(
    '/staff',
    {
      schema: {
        tags: ['staff'],
        summary: 'The centre’s staff with their contracts, the weekly hours in force on a date and the contracted hours of a year',
        querystring: staffListQuery,
        response: { 200: staffListSchema, ...problemResponses },
      },
    },
    async (request) => listStaffFor(app.db, requireAuth(request.auth, MANAGE), request.query),
  );

  app.post(
    '/staff',
    {
      schema: {
        tags: ['staff'],
        summary: 'Add a staff member (role, optional user account)',
        body: staffCreateInput,
        response: { 201: staffMemberSchema, ...problemResponses },
      },
    },
    async (request, reply) => {
      const member = await createStaff(app.db, requireAuth(request.auth, MANAGE), request.body);
      return reply.code(201).send(member);
    },
  );

  app.get(
    '/staff/:id',
    {
      schema: {
        tags: ['staff'],
        summary: 'One staff member with their contracts',
        params,
        response: { 200: staffMemberSchema, ...problemResponses },
      },
    },
    async (request) => getStaff(app.db, requireAuth(request.auth, MANAGE), request.params.id),
  );

  app.patch(
    '/staff/:id',
    {
      schema: {
        tags: ['staff'],
        summary: 'Change a staff member (send the version you read)',
        params,
        body: staffUpdateInput,
        response: { 200: staffMemberSchema, ...problemResponses },
      },
    },
    async (request) => updateStaff(app.db, requireAuth(request.auth, MANAGE), request.params.id, request.body),
  );

  app.delete(
    '/staff/:id',
    {
      schema: {
        tags: ['staff'],
        summary: 'Delete a staff member entered by mistake, with their contracts (?version=)',
        params,
        querystring: deleteQuery,
        response: deleted,
      },
    },
    async (request, reply) => {
      await deleteStaff(app.db, requireAuth(request.auth, MANAGE), request.params.id, request.query.version);
      return reply.code(204).send(null);
    },
  );

  app.post(
    '/staff/:id/contracts',
    {
      schema: {
        tags: ['staff'],
        summary: 'Add a contract period (weekly minutes; periods in force add up); answers the member',
        params,
        body: staffContractCreateInput,
        response: { 201: staffMemberSchema, ...problemResponses },
      },
    },
    async (request, reply) => {
      const member = await createContract(app.db, requireAuth(request.auth, MANAGE), request.params.id, request.body);
      return reply.code(201).send(member);
    },
  );

  app.patch(
    '/staff/:id/contracts/:contractId',
    {
      schema: {
        tags: ['staff'],
        summary: 'Correct or end a contract period (send the version you read); answers the member',
        params: staffContractParams,
        body: staffContractUpdateInput,
        response: { 200: staffMemberSchema, ...problemResponses },
      },
    },
    async (request) =>
      updateContract(app.db, requireAuth(request.auth, MANAGE), request.params.id, request.params.contractId, request.body),
  );

  app.delete(
    '/staff/:id/contracts/:contractId',
    {
      schema: {
        tags: ['staff'],
        summary: 'Delete a contract period (?version=)',
        params: staffContractParams,
        querystring: deleteQuery,
        response: deleted,
      },
    },
    async (request, reply) => {
      const { id: staffId, contractId } = request.params;
      await deleteContract(app.db, requireAuth(request.auth, MANAGE), staffId, contractId, request.query.version);
      return reply.code(204).send(null);
    },
  );

  // --- projects

  app.get(
    '/projects',
    {
      schema: {
        tags: ['projects'],
        summary: 'The centre’s projects, newest first (with a year: those running in it)',
        querystring: projectListQuery,
        response: { 200: z.array(projectSchema), ...problemResponses },
      },
    },
    async (request) => listProjectsFor(app.db, requireAuth(request.auth, READ), request.query),
  );

  app.post(
    '/projects',
    {
      schema: {
        tags: ['projects'],
        summary: 'Add a project (funder or partner, period, extra staff hours a week)',
        body: projectCreateInput,
        response: { 201: projectSchema, ...problemResponses },
      },
    },
    async (request, reply) => {
      const project = await createProject(app.db, requireAuth(request.auth, MANAGE), request.body);
      return reply.code(201).send(project);
    },
  );

  app.patch(
    '/projects/:id',
    {
      schema: {
        tags: ['projects'],
        summary: 'Change a project (send the version you read)',
        params,
        body: projectUpdateInput,
        response: { 200: projectSchema, ...problemResponses },
      },
    },
    async (request) => updateProject(app.db, requireAuth(request.auth, MANAGE), request.params.id, request.body),
  );

  app.delete(
    '/projects/:id',
    {
      schema: {
        tags: ['projects'],
        summary: 'Delete a project entered by mistake (?version=)',
        params,
        querystring: deleteQuery,
        response: deleted,
      },
    },
    async (request, reply) => {
      await deleteProject(app.db, requireAuth(request.auth, MANAGE), request.params.id, request.query.version);
      return reply.code(204).send(null);
    },
  );
};
