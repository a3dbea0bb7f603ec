import { type Area, inMenu, lazyPage } from '../../area.js';

const courseForm = lazyPage(() => import('./CourseFormPage.js'));

/** Courses (club linguistici, driving-exam support), their lessons and attendance, waiting lists. */
export const coursesArea: Area = [
  // Courses and their figures name nobody: viewers read them too; the learners need personal.read.
  ...inMenu('activities', [
    ['/courses', 'statistics.read', () => import('./CoursesPage.js'), 'courses.nav.courses'],
    ['/waiting-list', 'personal.read', () => import('./WaitingListPage.js'), 'courses.nav.waitingList'],
  ]),
  { path: '/courses/new', permission: 'catalogues.manage', element: courseForm },
  { path: '/courses/:id', permission: 'statistics.read', element: lazyPage(() => import('./CoursePage.js')) },
  { path: '/courses/:id/edit', permission: 'catalogues.manage', element: courseForm },
  { path: '/lessons/:id/attendance', permission: 'personal.read', element: lazyPage(() => import('./AttendancePage.js')) },
  ...inMenu('admin', [['/admin/course-kinds', 'catalogues.manage', () => import('./CourseKindsPage.js'), 'courses.nav.kinds']]),
];
