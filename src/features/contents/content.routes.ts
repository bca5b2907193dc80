/**
 * Contents: Zoho's read endpoints in both families (`/api/v1/...`), and Lectern's own write API under
 * `/lectern/v1/courses/{c}[/batches/{b}]/modules/{m}/contents[/{contentId}]`, since Zoho documents no way to make them.
 */
import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../context.ts';
import { type EntityKind, registerEntityRoutes } from '../entities/index.ts';
import { ContentDataInput, type ContentInput, ContentUpdateInput, contentFields, contentKind } from './content.kind.ts';

/** Contents with the write schemas Zoho's API lacks: the same shapes and envelope, under the control-plane prefix. */
const contentWriteKind: EntityKind<ContentInput> = {
  ...contentKind,
  createInput: ContentDataInput,
  updateInput: ContentUpdateInput,
  toFields: (input, current) => contentFields(input, current),
};

/** Registers the read endpoints (Zoho's) and the write endpoints (Lectern's own). */
export function registerContentRoutes(app: FastifyInstance, context: AppContext): void {
  registerEntityRoutes(app, context, contentKind);
  registerEntityRoutes(app, context, contentWriteKind, { prefix: '/lectern/v1', reads: false });
}
