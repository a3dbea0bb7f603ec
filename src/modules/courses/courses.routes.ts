import { deleteQuery, pageOf } from '../../contracts/common.js';
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
import { COURSE_KINDS } from '../catalogues/catalogues.js';
import { catalogueRoutes } from '../catalogues/catalogues.routes.js';
import { idParams, routesOf } from '../http/route.js';
import { createCourse, deleteCourse, getCourse, listCoursesFor, updateCourse } from './courses.usecases.js';
import { enrolmentsRoutes } from './enrolments.routes.js';
import { courseFiguresFor, yearFiguresFor } from './figures.usecases.js';
import { lessonsRoutes } from './lessons.routes.js';
import { personCoursesFor } from './person-courses.usecases.js';
import { waitingListRoutes } from './waiting-list.routes.js';

/**
 * Courses: kinds (catalogue), courses and their lessons (managed by the coordinator), enrolments
 * and attendance (operators), figures (aggregated: viewers too), waiting lists.
 */
export const coursesRoutes = routesOf(['courses'], async (route, app) => {
  await app.register(catalogueRoutes(COURSE_KINDS));
  await app.register(lessonsRoutes);
  await app.register(enrolmentsRoutes);
  await app.register(waitingListRoutes);

  // --- courses (no personal data: viewers read them too)

  route.get('/courses', {
    permission: 'statistics.read',
    summary: 'Courses, newest first: those running in a year, of a kind',
    querystring: courseListQuery,
    response: pageOf(courseSchema),
    handle: (actor, { query }) => listCoursesFor(app.db, actor, query),
  });

  route.get('/courses/figures', {
    permission: 'statistics.read',
    summary:
      'The figures of the courses that started in a year: each course, the totals (enrolments and, beside them, distinct learners) and by kind',
    querystring: yearFiguresQuery,
    response: yearFiguresSchema,
    handle: (actor, { query }) => yearFiguresFor(app.db, actor, query),
  });

  route.get('/courses/:id', {
    permission: 'statistics.read',
    summary: 'One course',
    params: idParams,
    response: courseSchema,
    handle: (actor, { params }) => getCourse(app.db, actor, params.id),
  });

  route.get('/courses/:id/figures', {
    permission: 'statistics.read',
    summary: 'A course’s figures: lessons and hours held, enrolled by programme, attendance rate, learners who completed',
    params: idParams,
    response: courseFiguresSchema,
    handle: (actor, { params }) => courseFiguresFor(app.db, actor, params.id),
  });

  route.post('/courses', {
    permission: 'catalogues.manage',
    summary: 'Create a course: kind, title, level, partner, place, dates, weekly pattern, lesson length, capacity',
    body: courseCreateInput,
    response: courseSchema,
    status: 201,
    handle: (actor, { body }) => createCourse(app.db, actor, body),
  });

  route.patch('/courses/:id', {
    permission: 'catalogues.manage',
    summary: 'Change a course (send the version you read); regenerate its lessons after changing the pattern',
    params: idParams,
    body: courseUpdateInput,
    response: courseSchema,
    handle: (actor, { params, body }) => updateCourse(app.db, actor, params.id, body),
  });

  route.delete('/courses/:id', {
    permission: 'catalogues.manage',
    summary: 'Delete a course nobody is enrolled in, with its lessons (?version=)',
    params: idParams,
    querystring: deleteQuery,
    handle: (actor, { params, query }) => deleteCourse(app.db, actor, params.id, query.version),
  });

  // --- the person's file

  route.get('/people/:id/courses', {
    permission: 'personal.read',
    summary: 'A person’s enrolments (with attendance) and waiting-list entries: a part of their file, logged as its read',
    params: idParams,
    response: personCoursesSchema,
    handle: (actor, { params }) => personCoursesFor(app.db, actor, params.id),
  });
});
