/** Routes: /lectern/v1/locations (list, create, get, patch, delete); reads for the portal, writes for admins. */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { AppContext } from '../../context.ts';
import { invalidInput } from '../../errors.ts';
import { errorResponses, listEnvelope, page, pageSize, SuccessBody, success } from '../../http/envelope.ts';
import { pathId, readStartIndex } from '../../http/input.ts';
import { presentLocation } from './location.presenter.ts';
import {
  LocationBody,
  LocationEnvelope,
  LocationParams,
  LocationSchema,
  listLocationsQuery,
} from './location.schemas.ts';
import * as service from './location.service.ts';

function bodyOf(request: FastifyRequest): service.LocationInput {
  const body = request.body;
  if (body === undefined || body === null) return {};
  if (typeof body !== 'object' || Array.isArray(body)) throw invalidInput('body', 'must be a JSON object');
  return body as service.LocationInput;
}

function route(operationId: string, scope: 'READ' | 'CREATE' | 'UPDATE' | 'DELETE', schema: object) {
  return { config: { scope }, schema: { operationId, tags: ['lectern', 'reference data'], ...schema } };
}

/** Registers /lectern/v1/locations and /lectern/v1/locations/{locationId}. */
export function registerLocationRoutes(app: FastifyInstance, context: AppContext): void {
  app.get(
    '/lectern/v1/locations',
    route('listLocations', 'READ', {
      querystring: listLocationsQuery,
      response: { 200: listEnvelope('locations', LocationSchema), ...errorResponses },
    }),
    async (request) => {
      const rows = await service.listLocations(context, request.caller, readStartIndex(request), pageSize + 1);
      const { items, hasMoreRecords } = page(rows);
      return { locations: items.map(presentLocation), code: '200', message: 'success', hasMoreRecords };
    },
  );

  app.post(
    '/lectern/v1/locations',
    route('createLocation', 'CREATE', { body: LocationBody, response: { 201: LocationEnvelope, ...errorResponses } }),
    async (request, reply) => {
      const row = await service.createLocation(context, request.caller, bodyOf(request));
      return reply.code(201).send({ code: '200', location: presentLocation(row), message: 'success' });
    },
  );

  app.get(
    '/lectern/v1/locations/:locationId',
    route('getLocation', 'READ', { params: LocationParams, response: { 200: LocationEnvelope, ...errorResponses } }),
    async (request) => {
      const row = await service.getLocation(context, request.caller, pathId(request.params, 'locationId'));
      return { code: '200', location: presentLocation(row), message: 'success' };
    },
  );

  app.patch(
    '/lectern/v1/locations/:locationId',
    route('updateLocation', 'UPDATE', {
      params: LocationParams,
      body: LocationBody,
      response: { 200: LocationEnvelope, ...errorResponses },
    }),
    async (request) => {
      const id = pathId(request.params, 'locationId');
      const row = await service.updateLocation(context, request.caller, id, bodyOf(request));
      return { code: '200', location: presentLocation(row), message: 'success' };
    },
  );

  app.delete(
    '/lectern/v1/locations/:locationId',
    route('deleteLocation', 'DELETE', { params: LocationParams, response: { 200: SuccessBody, ...errorResponses } }),
    async (request) => {
      await service.deleteLocation(context, request.caller, pathId(request.params, 'locationId'));
      return success;
    },
  );
}
