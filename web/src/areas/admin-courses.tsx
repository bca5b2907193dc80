/** The admin console's courses: course list and editor, batches, sessions, and the calendar. */
import { createRoute } from '@tanstack/react-router';
import { BatchPage } from '../pages/admin-courses/batch-page.tsx';
import { CalendarPage } from '../pages/admin-courses/calendar-page.tsx';
import { CourseListPage } from '../pages/admin-courses/course-list-page.tsx';
import { CoursePage, NewCoursePage } from '../pages/admin-courses/course-page.tsx';
import { guarded, type NavItem, shellRoute } from '../routes.tsx';

/** The calendar's search: which blended course it shows. */
function calendarSearch(search: Record<string, unknown>): { courseId?: string } {
  return typeof search.courseId === 'string' && /^\d{1,20}$/.test(search.courseId) ? { courseId: search.courseId } : {};
}

/** The course pages (admins; the API refuses anyone else's writes too). */
export const adminCourseRoutes = [
  createRoute({
    getParentRoute: () => shellRoute,
    path: '/admin/courses',
    component: guarded('admin', CourseListPage),
  }),
  createRoute({
    getParentRoute: () => shellRoute,
    path: '/admin/courses/new',
    component: guarded('admin', NewCoursePage),
  }),
  createRoute({
    getParentRoute: () => shellRoute,
    path: '/admin/courses/$courseId',
    component: guarded('admin', CoursePage),
  }),
  createRoute({
    getParentRoute: () => shellRoute,
    path: '/admin/courses/$courseId/batches/$batchId',
    component: guarded('admin', BatchPage),
  }),
  createRoute({
    getParentRoute: () => shellRoute,
    path: '/admin/calendar',
    validateSearch: calendarSearch,
    component: guarded('admin', CalendarPage),
  }),
] as const;

/** The course pages' navigation. */
export const adminCourseLinks: NavItem[] = [
  { to: '/admin/courses', label: 'Courses', face: 'admin' },
  { to: '/admin/calendar', label: 'Calendar', face: 'admin' },
];
