/**
 * Routes: /lectern/v1/rooms (create, patch, delete), for admins. Rooms are read through Zoho's own /api/v1/rooms and
 * /api/v1/rooms/{roomId}, and the writes answer the room in that shape.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { AppContext } from '../../context.ts';
import { invalidInput } from '../../errors.ts';
import { errorResponses, SuccessBody, success } from '../../http/envelope.ts';
import { pathId } from '../../http/input.ts';
import { presentRoom } from './room.presenter.ts';
import { RoomBody, RoomEnvelope, RoomParams } from './room.schemas.ts';
import * as service from './room.service.ts';

function bodyOf(request: FastifyRequest): service.RoomInput {
  const body = request.body;
  if (body === undefined || body === null) return {};
  if (typeof body !== 'object' || Array.isArray(body)) throw invalidInput('body', 'must be a JSON object');
  return body as service.RoomInput;
}

function route(operationId: string, scope: 'READ' | 'CREATE' | 'UPDATE' | 'DELETE', schema: object) {
  return { config: { scope }, schema: { operationId, tags: ['lectern', 'reference data'], ...schema } };
}

/** Registers POST /lectern/v1/rooms, PATCH and DELETE /lectern/v1/rooms/{roomId}. */
export function registerRoomWriteRoutes(app: FastifyInstance, context: AppContext): void {
  app.post(
    '/lectern/v1/rooms',
    route('createRoom', 'CREATE', { body: RoomBody, response: { 201: RoomEnvelope, ...errorResponses } }),
    async (request, reply) => {
      const row = await service.createRoom(context, request.caller, bodyOf(request));
      return reply.code(201).send({ code: '200', room: presentRoom(row), message: 'success' });
    },
  );

  app.patch(
    '/lectern/v1/rooms/:roomId',
    route('updateRoom', 'UPDATE', {
      params: RoomParams,
      body: RoomBody,
      response: { 200: RoomEnvelope, ...errorResponses },
    }),
    async (request) => {
      const id = pathId(request.params, 'roomId');
      const row = await service.updateRoom(context, request.caller, id, bodyOf(request));
      return { code: '200', room: presentRoom(row), message: 'success' };
    },
  );

  app.delete(
    '/lectern/v1/rooms/:roomId',
    route('deleteRoom', 'DELETE', { params: RoomParams, response: { 200: SuccessBody, ...errorResponses } }),
    async (request) => {
      await service.deleteRoom(context, request.caller, pathId(request.params, 'roomId'));
      return success;
    },
  );
}
