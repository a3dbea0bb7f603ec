import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { deleteQuery, id, pageOf, problemResponses } from '../../contracts/common.js';
import {
  courseCreateInput,
  courseFiguresSchema,
  courseListQuery,
  courseSchema,
  courseUpdateInput,
  personCoursesSchema,
  yearFiguresQuery,
  yearFiguresSchema,
} from '../../contracts/courses.js';
import { requireAuth } from '../auth/actor.js';
import { COURSE_KINDS } from '../catalogues/catalogues.js';
import { catalogueRoutes } from '../catalogues/catalogues.routes.js';
import { createCourse, deleteCourse, getCourse, listCoursesFor, updateCourse } from './courses.usecases.js';
import { enrolmentsRoutes } from './enrolments.routes.js';
import { courseFiguresFor, yearFiguresFor } from './figures.usecases.js';
import { lessonsRoutes } from './lessons.routes.js';
import { personCoursesFor } from './person-courses.usecases.js';
import { waitingListRoutes } from './waiting-list.routes.js';

const params = z.strictObject({ id });
const deleted = { 204: z.null(), ...problemResponses };

/**
 * Courses: kinds (catalogue), courses and their lessons (managed by the coordinator), enrolments
 * and attendance (operators), figures (aggregated: viewers too), waiting lists.
 */
export const coursesRoutes: FastifyPluginAsyncZod = async (app) => {
  await app.register(catalogueRoutes(COURSE_KINDS));
  await app.register(lessonsRoutes);
  await app.register(enrolmentsRoutes);
  await app.register(waitingListRoutes);

  // --- courses (no personal data: viewers read them too)

  app.get(
    '/courses',
    {
      schema: {
        tags: ['courses'],
        summary: 'Courses, newest first: those running in a year, of a kind',
        querystring: courseListQuery,
        response: { 200: pageOf(courseSchema), ...problemResponses },
      },
    },
    async (request) => listCoursesFor(app.db, requireAuth(request.auth, 'statistics.read'), request.query),
  );

  app.get(
    '/courses/figures',
    {
      schema: {
        tags: ['courses'],
        summary:
          'The figures of the courses that started in a year: each course, the totals (enrolments and, beside them, distinct learners) and by kind',
        querystring: yearFiguresQuery,
        response: { 200: yearFiguresSchema, ...problemResponses },
      },
    },
    async (request) => yearFiguresFor(app.db, requireAuth(request.auth, 'statistics.read'), request.query),
  );

  app.get(
    '/courses/:id',
    { schema: { tags: ['courses'], summary: 'One course', params, response: { 200: courseSchema, ...problemResponses } } },
    async (request) => getCourse(app.db, requireAuth(request.auth, 'statistics.read'), request.params.id),
  );

  app.get(
    '/courses/:id/figures',
    {
      schema: {
        tags: ['courses'],
        summary: 'A course’s figures: lessons and hours held, enrolled by programme, attendance rate, learners who completed',
        params,
        response: { 200: courseFiguresSchema, ...problemResponses },
      },
    },
    async (request) => courseFiguresFor(app.db, requireAuth(request.auth, 'statistics.read'), request.params.id),
  );

  app.post(
    '/courses',
    {
      schema: {
        tags: ['courses'],
        summary: 'Create a course: kind, title, level, partner, place, dates, weekly pattern, lesson length, capacity',
        body: courseCreateInput,
        response: { 201: courseSchema, ...problemResponses },
      },
    },
    async (request, reply) => {
      const course = await createCourse(app.db, requireAuth(request.auth, 'catalogues.manage'), request.body);
      return reply.code(201).send(course);
    },
  );

  app.patch(
    '/courses/:id',
    {
      schema: {
        tags: ['courses'],
        summary: 'Change a course (send the version you read); regenerate its lessons after changing the pattern',
        params,
        body: courseUpdateInput,
        response: { 200: courseSchema, ...problemResponses },
      },
    },
    async (request) => updateCourse(app.db, requireAuth(request.auth, 'catalogues.manage'), request.params.id, request.body),
  );

  app.delete(
    '/courses/:id',
    {
      schema: {
        tags: ['courses'],
        summary: 'Delete a course nobody is enrolled in, with its lessons (?version=)',
        params,
        querystring: deleteQuery,
        response: deleted,
      },
    },
    async (request, reply) => {
      await deleteCourse(app.db, requireAuth(request.auth, 'catalogues.manage'), request.params.id, request.query.version);
      return reply.code(204).send(null);
    },
  );

  // --- the person's file

  app.get(
    '/people/:id/courses',
    {
      schema: {
        tags: ['courses'],
        summary: 'A person’s enrolments (with attendance) and waiting-list entries: a part of their file, logged as its read',
        params,
        response: { 200: personCoursesSchema, ...problemResponses },
      },
    },
    async (request) => personCoursesFor(app.db, requireAuth(request.auth, 'personal.read'), request.params.id),
  );
};
