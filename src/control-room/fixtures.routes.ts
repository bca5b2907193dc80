/** The control room's fixture route: POST /lectern/v1/portals/{portalId}/fixtures. */

import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../context.ts';
import { errorResponses } from '../http/envelope.ts';
import { pathId } from '../http/input.ts';
import { loadFixturesBody, loadFixturesResponse200 } from './fixtures.schemas.ts';
import { loadFixtures } from './fixtures.service.ts';
import { portalParams } from './portals.schemas.ts';

/** Fixture files may be larger than other bodies: a whole test world in one request. */
const fixtureBodyLimit = 16 * 1024 * 1024;

/** Registers the fixture load. */
export function registerFixtureRoutes(app: FastifyInstance, context: AppContext): void {
  app.post(
    '/lectern/v1/portals/:portalId/fixtures',
    {
      config: { scope: 'CREATE', access: 'admin' },
      bodyLimit: fixtureBodyLimit,
      schema: {
        operationId: 'loadFixtures',
        tags: ['lectern'],
        description:
          'Creates people, courses, batches, modules, sessions and enrolments in one transaction, with ids fixed by ' +
          "the seed; any bad field is a 400 naming its path and nothing is written. The result becomes the portal's " +
          'initial snapshot.',
        params: portalParams,
        body: loadFixturesBody,
        response: { 200: loadFixturesResponse200, ...errorResponses },
      },
    },
    async (request) => {
      const loaded = await loadFixtures(context, request.caller, pathId(request.params, 'portalId'), request.body);
      return { code: '200' as const, message: 'success' as const, ...loaded };
    },
  );
}
