/** The two families of module-entity paths (a course's own modules, a blended batch's) and reading ids from them. */
import { pathId } from '../../http/input.ts';
import type { EntityPath } from './entity.service.ts';

/** The entity path from a route's params (batchId and moduleId only where the route has them). */
export function entityPath(params: unknown): EntityPath {
  const bag = params as Record<string, string | undefined>;
  return {
    courseId: pathId(params, 'courseId'),
    batchId: bag.batchId === undefined ? null : pathId(params, 'batchId'),
    moduleId: bag.moduleId === undefined ? null : pathId(params, 'moduleId'),
  };
}

/** The two families' module paths under a prefix (Zoho's `/api/v1`, Lectern's own `/lectern/v1`) and their infixes. */
export function familiesUnder(prefix: string) {
  return [
    { base: `${prefix}/courses/:courseId`, infix: '', batch: false },
    { base: `${prefix}/courses/:courseId/batches/:batchId`, infix: 'Batch', batch: true },
  ] as const;
}

/** Zoho's two families' module paths and their operationId infixes. */
export const entityFamilies = familiesUnder('/api/v1');

/** One family of paths. */
export type EntityFamily = (typeof entityFamilies)[number];
