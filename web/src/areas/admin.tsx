/** The admin console's routes and navigation. */
import { createRoute, lazyRouteComponent } from '@tanstack/react-router';
import { AdminDashboard } from '../pages/admin/dashboard.tsx';
import { guarded, type NavItem, shellRoute } from '../routes.tsx';

/** A page loaded on first visit (the router suspends until its code is in). */
function lazyPage(Lazy: React.ComponentType) {
  return () => <Lazy />;
}

// The dashboard is the admins' landing page; the others load when opened, keeping the initial bundle small.
const progressPages = () => import('../pages/admin/progress.tsx');
const webhookPages = () => import('../pages/admin/webhooks.tsx');
const ProgressCourses = lazyPage(lazyRouteComponent(progressPages, 'ProgressCourses'));
const CourseProgressPage = lazyPage(lazyRouteComponent(progressPages, 'CourseProgressPage'));
const WebhooksPage = lazyPage(lazyRouteComponent(webhookPages, 'WebhooksPage'));
const WebhookDeliveriesPage = lazyPage(lazyRouteComponent(webhookPages, 'WebhookDeliveriesPage'));
const ControlRoom = lazyPage(lazyRouteComponent(() => import('../pages/admin/control-room.tsx'), 'ControlRoom'));

const adminRoute = <const Path extends string>(path: Path, Page: () => React.JSX.Element) =>
  createRoute({ getParentRoute: () => shellRoute, path, component: guarded('admin', Page) });

/** The admin console's pages. */
export const adminRoutes = [
  adminRoute('/admin', AdminDashboard),
  adminRoute('/admin/progress', ProgressCourses),
  createRoute({
    getParentRoute: () => shellRoute,
    path: '/admin/progress/$courseId',
    // ?batchId= picks the batch of a blended course.
    validateSearch: (search: Record<string, unknown>): { batchId?: string } =>
      typeof search.batchId === 'string' && /^\d{1,20}$/.test(search.batchId) ? { batchId: search.batchId } : {},
    component: guarded('admin', CourseProgressPage),
  }),
  adminRoute('/admin/webhooks', WebhooksPage),
  adminRoute('/admin/webhooks/$webhookId', WebhookDeliveriesPage),
  adminRoute('/admin/control-room', ControlRoom),
] as const;

/** The admin console's navigation; the control room only in a demo portal (its resets would wipe real data). */
export const adminLinks: NavItem[] = [
  { to: '/admin', label: 'Dashboard', face: 'admin' },
  { to: '/admin/progress', label: 'Progress', face: 'admin' },
  { to: '/admin/webhooks', label: 'Webhooks', face: 'admin' },
  { to: '/admin/control-room', label: 'Control room', face: 'admin', demoOnly: true },
];
