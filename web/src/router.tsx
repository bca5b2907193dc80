/** The app's routes: sign-in, the signed-in shell with one face per role, and the 404 page. */
import { createRootRoute, createRoute, createRouter, Outlet, redirect } from '@tanstack/react-router';
import { AdminDashboard } from './pages/admin-dashboard.tsx';
import { Catalog, MyCourses } from './pages/learner-courses.tsx';
import { Forbidden, NotFound } from './pages/not-found.tsx';
import { SignedIn, SignIn } from './pages/sign-in.tsx';
import { TrainerSessions } from './pages/trainer-sessions.tsx';
import { type Face, facesOf, homeOf } from './roles.ts';
import { currentSession } from './session.ts';
import { Shell } from './shell.tsx';

const rootRoute = createRootRoute({ component: Outlet, notFoundComponent: NotFound });

const indexRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/',
  beforeLoad: () => {
    const session = currentSession();
    throw redirect({ to: session === null ? '/sign-in' : homeOf(session.person) });
  },
});

const signInRoute = createRoute({ getParentRoute: () => rootRoute, path: '/sign-in', component: SignIn });
const signedInRoute = createRoute({ getParentRoute: () => rootRoute, path: '/signed-in', component: SignedIn });

const shellRoute = createRoute({
  getParentRoute: () => rootRoute,
  id: 'shell',
  beforeLoad: () => {
    const session = currentSession();
    if (session === null) throw redirect({ to: '/sign-in' });
    return { session };
  },
  component: Shell,
});

/** A face's page, or the refusal when the person's roles do not open it. */
function guarded(face: Face, Page: () => React.JSX.Element) {
  return function GuardedPage() {
    const session = currentSession();
    return session !== null && facesOf(session.person).includes(face) ? <Page /> : <Forbidden />;
  };
}

const adminRoute = createRoute({
  getParentRoute: () => shellRoute,
  path: '/admin',
  component: guarded('admin', AdminDashboard),
});
const trainerRoute = createRoute({
  getParentRoute: () => shellRoute,
  path: '/trainer',
  component: guarded('trainer', TrainerSessions),
});
const learnRoute = createRoute({ getParentRoute: () => shellRoute, path: '/learn', component: MyCourses });
const catalogRoute = createRoute({ getParentRoute: () => shellRoute, path: '/learn/catalog', component: Catalog });

const routeTree = rootRoute.addChildren([
  indexRoute,
  signInRoute,
  signedInRoute,
  shellRoute.addChildren([adminRoute, trainerRoute, learnRoute, catalogRoute]),
]);

/** The app's router. */
export const router = createRouter({ routeTree, defaultPreload: false });

declare module '@tanstack/react-router' {
  interface Register {
    router: typeof router;
  }
}
