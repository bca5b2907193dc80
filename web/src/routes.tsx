/** The routes every area hangs from: the root, and the signed-in shell with the guard that opens a face's pages. */
import { createRootRouteWithContext, createRoute, Outlet, redirect } from '@tanstack/react-router';
import { Forbidden, NotFound } from './pages/not-found.tsx';
import { type AppContext, type Face, facesOf } from './roles.ts';
import { currentSession } from './session.ts';
import { Shell } from './shell.tsx';

/** The root of the route tree. */
export const rootRoute = createRootRouteWithContext<AppContext>()({ component: Outlet, notFoundComponent: NotFound });

/** Every signed-in page is a child of this route (the shell: header, navigation, the page). */
export const shellRoute = createRoute({
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
export function guarded(face: Face, Page: () => React.JSX.Element) {
  return function GuardedPage() {
    const session = currentSession();
    return session !== null && facesOf(session.person).includes(face) ? <Page /> : <Forbidden />;
  };
}

export type { AppContext, NavItem } from './roles.ts';
