import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { deleteQuery, id, pageOf, problemResponses } from '../../contracts/common.js';
import {
  attendanceInput,
  attendanceSchema,
  courseCreateInput,
  courseFiguresSchema,
  courseKindCreateInput,
  courseKindListQuery,
  courseKindSchema,
  courseKindUpdateInput,
  courseListQuery,
  courseSchema,
  courseUpdateInput,
  enrolmentCreateInput,
  enrolmentSchema,
  enrolmentUpdateInput,
  generateLessonsInput,
  generateLessonsResult,
  lessonCreateInput,
  lessonSchema,
  lessonUpdateInput,
  personCoursesSchema,
  placeInput,
  placeResult,
  waitingListCreateInput,
  waitingListEntrySchema,
  waitingListQuery,
  waitingListUpdateInput,
  waitingSummaryQuery,
  waitingSummarySchema,
  yearFiguresQuery,
  yearFiguresSchema,
} from '../../contracts/courses.js';
import { requireAuth } from '../auth/actor.js';
import {
  addLesson,
  courseFiguresFor,
  courseKindsFor,
  createCourse,
  createCourseKind,
  createWaitingEntry,
  deleteCourse,
  deleteEnrolment,
  deleteLesson,
  deleteWaitingEntry,
  enrol,
  generateLessons,
  getAttendance,
  getCourse,
  listCoursesFor,
  listEnrolmentsFor,
  listLessonsFor,
  listWaitingFor,
  personCoursesFor,
  placeWaitingEntry,
  saveAttendance,
  updateCourse,
  updateCourseKind,
  updateEnrolment,
  updateLesson,
  updateWaitingEntry,
  waitingSummaryFor,
  yearFiguresFor,
} from './courses.usecases.js';

const params = z.strictObject({ id });
const deleted = { 204: z.null(), ...problemResponses };

/**
 * Courses: kinds (catalogue), courses and their lessons (managed by the coordinator), enrolments
 * and attendance (operators), figures (aggregated: viewers too), waiting lists.
 */
export const coursesRoutes: FastifyPluginAsyncZod = async (app) => {
  // --- kinds

  app.get(
    '/course-kinds',
    {
      schema: {
        tags: ['courses'],
        summary: 'The course-kind catalogue (club linguistico, supporto alla scuola guida…)',
        querystring: courseKindListQuery,
        response: { 200: z.array(courseKindSchema), ...problemResponses },
      },
    },
    async (request) => courseKindsFor(app.db, requireAuth(request.auth), request.query.active === 'true'),
  );

  app.post(
    '/course-kinds',
    {
      schema: {
        tags: ['courses'],
        summary: 'Add a course kind',
        body: courseKindCreateInput,
        response: { 201: courseKindSchema, ...problemResponses },
      },
    },
    async (request, reply) => {
      const kind = await createCourseKind(app.db, requireAuth(request.auth, 'catalogues.manage'), request.body);
      return reply.code(201).send(kind);
    },
  );

  app.patch(
    '/course-kinds/:id',
    {
      schema: {
        tags: ['courses'],
        summary: 'Rename, reorder or deactivate a course kind (kinds are never deleted: past courses keep them)',
        params,
        body: courseKindUpdateInput,
        response: { 200: courseKindSchema, ...problemResponses },
      },
    },
    async (request) => updateCourseKind(app.db, requireAuth(request.auth, 'catalogues.manage'), request.params.id, request.body),
  );

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

  // --- lessons

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

  // --- enrolments

  app.get(
    '/courses/:id/enrolments',
    {
      schema: {
        tags: ['courses'],
        summary: 'A course’s enrolments by name, with each learner’s attendance and completion',
        params,
        response: { 200: z.array(enrolmentSchema), ...problemResponses },
      },
    },
    async (request) => listEnrolmentsFor(app.db, requireAuth(request.auth, 'personal.read'), request.params.id),
  );

  app.post(
    '/courses/:id/enrolments',
    {
      schema: {
        tags: ['courses'],
        summary: 'Enrol a person of the course’s centre, with the programme they come from (409 when full or enrolled already)',
        params,
        body: enrolmentCreateInput,
        response: { 201: enrolmentSchema, ...problemResponses },
      },
    },
    async (request, reply) => {
      const enrolment = await enrol(app.db, requireAuth(request.auth, 'personal.write'), request.params.id, request.body);
      return reply.code(201).send(enrolment);
    },
  );

  app.patch(
    '/enrolments/:id',
    {
      schema: {
        tags: ['courses'],
        summary: 'Correct an enrolment or record the withdrawal (send the version you read)',
        params,
        body: enrolmentUpdateInput,
        response: { 200: enrolmentSchema, ...problemResponses },
      },
    },
    async (request) => updateEnrolment(app.db, requireAuth(request.auth, 'personal.write'), request.params.id, request.body),
  );

  app.delete(
    '/enrolments/:id',
    {
      schema: {
        tags: ['courses'],
        summary: 'Delete an enrolment made by mistake, with its attendance (?version=)',
        params,
        querystring: deleteQuery,
        response: deleted,
      },
    },
    async (request, reply) => {
      await deleteEnrolment(app.db, requireAuth(request.auth, 'personal.write'), request.params.id, request.query.version);
      return reply.code(204).send(null);
    },
  );

  // --- waiting lists

  app.get(
    '/waiting-list',
    {
      schema: {
        tags: ['courses'],
        summary: 'Waiting-list entries, the most urgent and the longest waiting first, with the days waited',
        querystring: waitingListQuery,
        response: { 200: pageOf(waitingListEntrySchema), ...problemResponses },
      },
    },
    async (request) => listWaitingFor(app.db, requireAuth(request.auth, 'personal.read'), request.query),
  );

  app.get(
    '/waiting-list/summary',
    {
      schema: {
        tags: ['courses'],
        summary: 'Waiting-list counts of a period by kind and status (Bisogni rilevati; aggregated: viewers too)',
        querystring: waitingSummaryQuery,
        response: { 200: waitingSummarySchema, ...problemResponses },
      },
    },
    async (request) => waitingSummaryFor(app.db, requireAuth(request.auth, 'statistics.read'), request.query),
  );

  app.post(
    '/waiting-list',
    {
      schema: {
        tags: ['courses'],
        summary: 'Put a person on a waiting list',
        body: waitingListCreateInput,
        response: { 201: waitingListEntrySchema, ...problemResponses },
      },
    },
    async (request, reply) => {
      const entry = await createWaitingEntry(app.db, requireAuth(request.auth, 'personal.write'), request.body);
      return reply.code(201).send(entry);
    },
  );

  app.patch(
    '/waiting-list/:id',
    {
      schema: {
        tags: ['courses'],
        summary: 'Correct an entry, or withdraw it (status withdrawn) or take the withdrawal back (send the version you read)',
        params,
        body: waitingListUpdateInput,
        response: { 200: waitingListEntrySchema, ...problemResponses },
      },
    },
    async (request) => updateWaitingEntry(app.db, requireAuth(request.auth, 'personal.write'), request.params.id, request.body),
  );

  app.post(
    '/waiting-list/:id/place',
    {
      schema: {
        tags: ['courses'],
        summary: 'Place the person in a course: enrols them and closes the entry, in one transaction',
        params,
        body: placeInput,
        response: { 200: placeResult, ...problemResponses },
      },
    },
    async (request) => placeWaitingEntry(app.db, requireAuth(request.auth, 'personal.write'), request.params.id, request.body),
  );

  app.delete(
    '/waiting-list/:id',
    {
      schema: {
        tags: ['courses'],
        summary: 'Delete an entry made by mistake (?version=)',
        params,
        querystring: deleteQuery,
        response: deleted,
      },
    },
    async (request, reply) => {
      await deleteWaitingEntry(app.db, requireAuth(request.auth, 'personal.write'), request.params.id, request.query.version);
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
