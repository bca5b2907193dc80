/** The routes every area hangs from: the root, and the signed-in shell with the guard that opens a face's pages. */
import { createRootRoute, createRoute, Outlet, redirect } from '@tanstack/react-router';
import { Forbidden, NotFound } from './pages/not-found.tsx';
import { type Face, facesOf } from './roles.ts';
import { currentSession } from './session.ts';
import { Shell } from './shell.tsx';

/** The root of the route tree. */
export const rootRoute = createRootRoute({ component: Outlet, notFoundComponent: NotFound });

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

/** An entry of the navigation: shown to people whose roles open its face. */
export interface NavItem {
  to: string;
  label: string;
  face: Face;
  /** Shown only in demo portals (the control room). */
  demoOnly?: boolean;
}
