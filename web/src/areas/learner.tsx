/** The learner portal's routes and navigation. */
import { createRoute } from '@tanstack/react-router';
import { Catalog, MyCourses } from '../pages/learner/course-lists.tsx';
import { CoursePage } from '../pages/learner/course-page.tsx';
import { MyCalendar } from '../pages/learner/my-calendar.tsx';
import { type NavItem, shellRoute } from '../routes.tsx';

/** The learner portal's pages (everyone learns, so they are not guarded; the API decides what each person sees). */
export const learnerRoutes = [
  createRoute({ getParentRoute: () => shellRoute, path: '/learn', component: MyCourses }),
  createRoute({ getParentRoute: () => shellRoute, path: '/learn/catalog', component: Catalog }),
  createRoute({ getParentRoute: () => shellRoute, path: '/learn/courses/$courseId', component: CoursePage }),
  createRoute({ getParentRoute: () => shellRoute, path: '/learn/calendar', component: MyCalendar }),
] as const;

/** The learner portal's navigation. */
export const learnerLinks: NavItem[] = [
  { to: '/learn', label: 'My courses', face: 'learner' },
  { to: '/learn/catalog', label: 'Catalog', face: 'learner' },
  { to: '/learn/calendar', label: 'My calendar', face: 'learner' },
];
