/** The learner portal's routes and navigation. */
import { createRoute } from '@tanstack/react-router';
import { Catalog, MyCourses } from '../pages/learner-courses.tsx';
import { type NavItem, shellRoute } from '../routes.tsx';

/** The learner portal's pages (everyone learns, so they are not guarded). */
export const learnerRoutes = [
  createRoute({ getParentRoute: () => shellRoute, path: '/learn', component: MyCourses }),
  createRoute({ getParentRoute: () => shellRoute, path: '/learn/catalog', component: Catalog }),
] as const;

/** The learner portal's navigation. */
export const learnerLinks: NavItem[] = [
  { to: '/learn', label: 'My courses', face: 'learner' },
  { to: '/learn/catalog', label: 'Catalog', face: 'learner' },
];
