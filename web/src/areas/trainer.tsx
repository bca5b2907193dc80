/** The trainer desk's routes and navigation: my sessions (list and calendar), a session's attendance, grading, my feed. */
import { createRoute } from '@tanstack/react-router';
import { FeedPage } from '../pages/trainer/feed-page.tsx';
import { Grading } from '../pages/trainer/grading.tsx';
import { MarksPage } from '../pages/trainer/marks-page.tsx';
import { MySessions } from '../pages/trainer/my-sessions.tsx';
import { SessionPage } from '../pages/trainer/session-page.tsx';
import { guarded, type NavItem, shellRoute } from '../routes.tsx';

/** The trainer desk's pages (the API refuses what a person's roles do not allow; the guard only spares them a dead end). */
export const trainerRoutes = [
  createRoute({ getParentRoute: () => shellRoute, path: '/trainer', component: guarded('trainer', MySessions) }),
  createRoute({
    getParentRoute: () => shellRoute,
    path: '/trainer/sessions/$courseId/$batchId/$moduleId/$sessionId',
    component: guarded('trainer', SessionPage),
  }),
  createRoute({ getParentRoute: () => shellRoute, path: '/trainer/grading', component: guarded('trainer', Grading) }),
  createRoute({
    getParentRoute: () => shellRoute,
    path: '/trainer/grading/$courseId/$batchId/$moduleId/$kind/$itemId',
    component: guarded('trainer', MarksPage),
  }),
  createRoute({ getParentRoute: () => shellRoute, path: '/trainer/feed', component: guarded('trainer', FeedPage) }),
] as const;

/** The trainer desk's navigation. */
export const trainerLinks: NavItem[] = [
  { to: '/trainer', label: 'My sessions', face: 'trainer' },
  { to: '/trainer/grading', label: 'Grading', face: 'trainer' },
  { to: '/trainer/feed', label: 'Calendar feed', face: 'trainer' },
];
