import { z } from 'zod';
import { deleteQuery } from '../../contracts/common.js';
import {
  attendanceInput,
  attendanceSchema,
  generateLessonsInput,
  generateLessonsResult,
  lessonCreateInput,
  lessonSchema,
  lessonUpdateInput,
} from '../../contracts/courses.js';
import { idParams, routesOf } from '../http/route.js';
import { getAttendance, saveAttendance } from './attendance.usecases.js';
import { attendanceExport } from './enrolments.export.js';
import { addLesson, deleteLesson, generateLessons, listLessonsFor, updateLesson } from './lessons.usecases.js';

/** A course's lessons (managed by the coordinator) and their attendance (taken by operators). */
export const lessonsRoutes = routesOf(['courses'], (route, app) => {
  route.get('/courses/:id/lessons', {
    permission: 'statistics.read',
    summary: 'A course’s lessons by date, with the weekday, the outside-the-course flag and the attendance counts',
    params: idParams,
    response: z.array(lessonSchema),
    handle: (actor, { params }) => listLessonsFor(app.db, actor, params.id),
  });

  route.post('/courses/:id/lessons/generate', {
    permission: 'catalogues.manage',
    summary:
      'Generate the lessons from the weekly pattern, skipping holidays, the patron day and closures; regenerating keeps held, cancelled, moved, annotated and hand-added lessons',
    params: idParams,
    body: generateLessonsInput,
    response: generateLessonsResult,
    handle: (actor, { params, body }) => generateLessons(app.db, actor, params.id, body),
  });

  route.post('/courses/:id/lessons', {
    permission: 'catalogues.manage',
    summary: 'Add one lesson by hand (outside the course’s dates it is allowed, and flagged)',
    params: idParams,
    body: lessonCreateInput,
    response: lessonSchema,
    status: 201,
    handle: (actor, { params, body }) => addLesson(app.db, actor, params.id, body),
  });

  route.patch('/lessons/:id', {
    permission: 'catalogues.manage',
    summary: 'Move (date, time, length), cancel or restore, annotate a lesson (send the version you read)',
    params: idParams,
    body: lessonUpdateInput,
    response: lessonSchema,
    handle: (actor, { params, body }) => updateLesson(app.db, actor, params.id, body),
  });

  route.delete('/lessons/:id', {
    permission: 'catalogues.manage',
    summary: 'Delete a lesson added by mistake (not one with attendance) (?version=)',
    params: idParams,
    querystring: deleteQuery,
    handle: (actor, { params, query }) => deleteLesson(app.db, actor, params.id, query.version),
  });

  // --- attendance

  route.exportedList('/lessons/:id/attendance', {
    permission: 'personal.read',
    summary: 'The attendance screen of a lesson: every learner enrolled on its date, with their mark',
    params: idParams,
    response: attendanceSchema,
    list: getAttendance,
    export: { what: 'A lesson’s attendance', file: 'presenze', entity: 'attendance', rows: attendanceExport },
  });

  route.put('/lessons/:id/attendance', {
    permission: 'personal.write',
    summary: 'Save the whole lesson’s attendance in one go (the marks sent replace the stored ones); the lesson becomes held',
    params: idParams,
    body: attendanceInput,
    response: attendanceSchema,
    handle: (actor, { params, body }) => saveAttendance(app.db, actor, params.id, body),
  });
});
