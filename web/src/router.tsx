/** The app's router: sign-in, the signed-in shell with every area's pages, and the 404 page. */
import { createRoute, createRouter, parseSearchWith, redirect } from '@tanstack/react-router';
import { areaLinks, areaRoutes } from './areas/index.ts';
import { SignedIn, SignIn } from './pages/sign-in.tsx';
import { homeOf } from './roles.ts';
import { rootRoute, shellRoute } from './routes.tsx';
import { currentSession } from './session.ts';

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

const routeTree = rootRoute.addChildren([indexRoute, signInRoute, signedInRoute, shellRoute.addChildren(areaRoutes)]);

/** The app's router. */
/**
 * Search values are JSON, as the router writes them, except a bare run of digits: Lectern's ids have 18, more than a
 * JavaScript number holds, so a typed or bookmarked `?courseId=219225000000642002` stays the string it is.
 */
function parseSearchValue(value: string): unknown {
  return /^\d+$/.test(value) ? value : JSON.parse(value);
}

export const router = createRouter({
  routeTree,
  defaultPreload: false,
  context: { links: areaLinks },
  parseSearch: parseSearchWith(parseSearchValue),
});

declare module '@tanstack/react-router' {
  interface Register {
    router: typeof router;
  }
}
