/** The application's real route table (every registered method and URL), read from Fastify's printRoutes. */
import type { FastifyInstance } from 'fastify';

/** One registered route. */
export interface RouteEntry {
  method: string;
  url: string;
}

const line = /^((?:│ {3}| {4})*)(?:├── |└── )(.*?)(?: \(([^)]*)\))?$/;

/**
 * Every route, HEAD left out (Fastify adds one for each GET). printRoutes prints a radix tree, one node a line,
 * four characters of indent a level; a node's URL is its ancestors' fragments and its own joined.
 */
export function routeTable(app: FastifyInstance): RouteEntry[] {
  const fragments: string[] = [];
  const routes: RouteEntry[] = [];
  for (const text of app.printRoutes({ commonPrefix: false }).split('\n')) {
    const match = line.exec(text);
    if (match === null) continue;
    const depth = match[1]!.length / 4;
    fragments.length = depth;
    fragments.push(match[2]!);
    for (const method of (match[3] ?? '').split(', ').filter(Boolean)) {
      if (method !== 'HEAD') routes.push({ method, url: fragments.join('') });
    }
  }
  return routes;
}

/** A URL with every path parameter written `{}`: `/courses/:courseId` and `/courses/{courseId}` compare equal. */
export function pathShape(url: string): string {
  return url.replace(/:[A-Za-z0-9_]+|\{[^}]+\}/g, '{}');
}

/** Lectern's own path with the tail of a Zoho path: `/api/v1/courses/1/...` -> `/lectern/v1/courses/1/...`. */
export function ownPath(zohoPath: string): string {
  return zohoPath.replace(/^\/api\/v1\//, '/lectern/v1/');
}
