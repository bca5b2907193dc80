/**
 * Every area of the app: its pages and its navigation. An area is one file under areas/; adding one is an import and
 * an entry in each list below.
 */
import type { NavItem } from '../routes.tsx';
import { adminLinks, adminRoutes } from './admin.tsx';
import { adminCourseLinks, adminCourseRoutes } from './admin-courses.tsx';
import { adminPeopleLinks, adminPeopleRoutes } from './admin-people.tsx';
import { learnerLinks, learnerRoutes } from './learner.tsx';
import { trainerLinks, trainerRoutes } from './trainer.tsx';

/** The signed-in pages of every area, children of the shell. */
export const areaRoutes = [
  ...adminRoutes,
  ...adminCourseRoutes,
  ...adminPeopleRoutes,
  ...trainerRoutes,
  ...learnerRoutes,
];

/** The navigation, in the order it is shown. */
export const areaLinks: NavItem[] = [
  ...adminLinks,
  ...adminCourseLinks,
  ...adminPeopleLinks,
  ...trainerLinks,
  ...learnerLinks,
];
