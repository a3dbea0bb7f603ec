import { lazy } from 'react';
import type { Area } from '../../area.js';

const CoursesPage = lazy(() => import('./CoursesPage.js'));
const CourseFormPage = lazy(() => import('./CourseFormPage.js'));
const CoursePage = lazy(() => import('./CoursePage.js'));
const AttendancePage = lazy(() => import('./AttendancePage.js'));
const WaitingListPage = lazy(() => import('./WaitingListPage.js'));
const CourseKindsPage = lazy(() => import('./CourseKindsPage.js'));

/** Courses (club linguistici, driving-exam support), their lessons and attendance, waiting lists. */
export const coursesArea: Area = [
  // Courses and their figures name nobody: viewers read them too; the learners need personal.read.
  {
    path: '/courses',
    permission: 'statistics.read',
    element: <CoursesPage />,
    menu: { label: 'courses.nav.courses', group: 'activities' },
  },
  { path: '/courses/new', permission: 'catalogues.manage', element: <CourseFormPage /> },
  { path: '/courses/:id', permission: 'statistics.read', element: <CoursePage /> },
  { path: '/courses/:id/edit', permission: 'catalogues.manage', element: <CourseFormPage /> },
  { path: '/lessons/:id/attendance', permission: 'personal.read', element: <AttendancePage /> },
  {
    path: '/waiting-list',
    permission: 'personal.read',
    element: <WaitingListPage />,
    menu: { label: 'courses.nav.waitingList', group: 'activities' },
  },
  {
    path: '/admin/course-kinds',
    permission: 'catalogues.manage',
    element: <CourseKindsPage />,
    menu: { label: 'courses.nav.kinds', group: 'admin' },
  },
];
