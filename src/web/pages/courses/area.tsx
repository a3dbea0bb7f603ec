import { lazy } from 'react';
import type { Area } from '../../area.js';

const CoursesPage = lazy(() => import('./CoursesPage.js'));
const CourseFormPage = lazy(() => import('./CourseFormPage.js'));
const CoursePage = lazy(() => import('./CoursePage.js'));
const AttendancePage = lazy(() => import('./AttendancePage.js'));
const WaitingListPage = lazy(() => import('./WaitingListPage.js'));
const CourseKindsPage = lazy(() => import('./CourseKindsPage.js'));

/** Courses (club linguistici, driving-exam support), their lessons and attendance, waiting lists. */
export const coursesArea: Area = {
  routes: [
    // Courses and their figures name nobody: viewers read them too; the learners need personal.read.
    { path: '/courses', permission: 'statistics.read', element: <CoursesPage /> },
    { path: '/courses/new', permission: 'catalogues.manage', element: <CourseFormPage /> },
    { path: '/courses/:id', permission: 'statistics.read', element: <CoursePage /> },
    { path: '/courses/:id/edit', permission: 'catalogues.manage', element: <CourseFormPage /> },
    { path: '/lessons/:id/attendance', permission: 'personal.read', element: <AttendancePage /> },
    { path: '/waiting-list', permission: 'personal.read', element: <WaitingListPage /> },
    { path: '/admin/course-kinds', permission: 'catalogues.manage', element: <CourseKindsPage /> },
  ],
  nav: [
    { to: '/courses', label: 'courses.nav.courses', permission: 'statistics.read', group: 'activities' },
    { to: '/waiting-list', label: 'courses.nav.waitingList', permission: 'personal.read', group: 'activities' },
    { to: '/admin/course-kinds', label: 'courses.nav.kinds', permission: 'catalogues.manage', group: 'admin' },
  ],
};
