/** The trainer desk's routes and navigation. */
import { createRoute } from '@tanstack/react-router';
import { TrainerSessions } from '../pages/trainer-sessions.tsx';
import { guarded, type NavItem, shellRoute } from '../routes.tsx';

/** The trainer desk's pages. */
export const trainerRoutes = [
  createRoute({ getParentRoute: () => shellRoute, path: '/trainer', component: guarded('trainer', TrainerSessions) }),
] as const;

/** The trainer desk's navigation. */
export const trainerLinks: NavItem[] = [{ to: '/trainer', label: 'My sessions', face: 'trainer' }];
