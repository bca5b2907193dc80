/** The admin console's routes and navigation. */
import { createRoute } from '@tanstack/react-router';
import { AdminDashboard } from '../pages/admin-dashboard.tsx';
import { guarded, type NavItem, shellRoute } from '../routes.tsx';

/** The admin console's pages. */
export const adminRoutes = [
  createRoute({ getParentRoute: () => shellRoute, path: '/admin', component: guarded('admin', AdminDashboard) }),
] as const;

/** The admin console's navigation. */
export const adminLinks: NavItem[] = [{ to: '/admin', label: 'Dashboard', face: 'admin' }];
