import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { deleteQuery, id, problemResponses } from '../../contracts/common.js';
import {
  attendanceInput,
  attendanceSchema,
  generateLessonsInput,
  generateLessonsResult,
  lessonCreateInput,
  lessonSchema,
  lessonUpdateInput,
} from '../../contracts/courses.js';
import { requireAuth } from '../auth/actor.js';
import { getAttendance, saveAttendance } from './attendance.usecases.js';
import { addLesson, deleteLesson, generateLessons, listLessonsFor, updateLesson } from './lessons.usecases.js';

const params = z.strictObject({ id });
const deleted = { 204: z.null(), ...problemResponses };

/** A course's lessons (managed by the coordinator) and their attendance (taken by operators). */
export const lessonsRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/courses/:id/lessons',
    {
      schema: {
        tags: ['courses'],
        summary: 'A course’s lessons by date, with the weekday, the outside-the-course flag and the attendance counts',
        params,
        response: { 200: z.array(lessonSchema), ...problemResponses },
      },
    },
    async (request) => listLessonsFor(app.db, requireAuth(request.auth, 'statistics.read'), request.params.id),
  );

  app.post(
    '/courses/:id/lessons/generate',
    {
      schema: {
        tags: ['courses'],
        summary:
          'Generate the lessons from the weekly pattern, skipping holidays, the patron day and closures; regenerating keeps held, cancelled, moved, annotated and hand-added lessons',
        params,
        body: generateLessonsInput,
        response: { 200: generateLessonsResult, ...problemResponses },
      },
    },
    async (request) => generateLessons(app.db, requireAuth(request.auth, 'catalogues.manage'), request.params.id, request.body),
  );

  app.post(
    '/courses/:id/lessons',
    {
      schema: {
        tags: ['courses'],
        summary: 'Add one lesson by hand (outside the course’s dates it is allowed, and flagged)',
        params,
        body: lessonCreateInput,
        response: { 201: lessonSchema, ...problemResponses },
      },
    },
    async (request, reply) => {
      const lesson = await addLesson(app.db, requireAuth(request.auth, 'catalogues.manage'), request.params.id, request.body);
      return reply.code(201).send(lesson);
    },
  );

  app.patch(
    '/lessons/:id',
    {
      schema: {
        tags: ['courses'],
        summary: 'Move (date, time, length), cancel or restore, annotate a lesson (send the version you read)',
        params,
        body: lessonUpdateInput,
        response: { 200: lessonSchema, ...problemResponses },
      },
    },
    async (request) => updateLesson(app.db, requireAuth(request.auth, 'catalogues.manage'), request.params.id, request.body),
  );

  app.delete(
    '/lessons/:id',
    {
      schema: {
        tags: ['courses'],
        summary: 'Delete a lesson added by mistake (not one with attendance) (?version=)',
        params,
        querystring: deleteQuery,
        response: deleted,
      },
    },
    async (request, reply) => {
      await deleteLesson(app.db, requireAuth(request.auth, 'catalogues.manage'), request.params.id, request.query.version);
      return reply.code(204).send(null);
    },
  );

  // --- attendance

  app.get(
    '/lessons/:id/attendance',
    {
      schema: {
        tags: ['courses'],
        summary: 'The attendance screen of a lesson: every learner enrolled on its date, with their mark',
        params,
        response: { 200: attendanceSchema, ...problemResponses },
      },
    },
    async (request) => getAttendance(app.db, requireAuth(request.auth, 'personal.read'), request.params.id),
  );

  app.put(
    '/lessons/:id/attendance',
    {
      schema: {
        tags: ['courses'],
        summary: 'Save the whole lesson’s attendance in one go (the marks sent replace the stored ones); the lesson becomes held',
        params,
        body: attendanceInput,
        response: { 200: attendanceSchema, ...problemResponses },
      },
    },
    async (request) => saveAttendance(app.db, requireAuth(request.auth, 'personal.write'), request.params.id, request.body),
  );
};
