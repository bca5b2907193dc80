/** Routes: /lectern/v1/rooms (list, create, get, patch, delete); reads for the portal, writes for admins. */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { AppContext } from '../../context.ts';
import { invalidInput } from '../../errors.ts';
import { errorResponses, listEnvelope, page, pageSize, SuccessBody, success } from '../../http/envelope.ts';
import { pathId, readStartIndex } from '../../http/input.ts';
import { presentLecternRoom } from './room.presenter.ts';
import { LecternRoomSchema, listRoomsQuery, RoomBody, RoomEnvelope, RoomParams } from './room.schemas.ts';
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

/** Registers /lectern/v1/rooms and /lectern/v1/rooms/{roomId}. */
export function registerRoomWriteRoutes(app: FastifyInstance, context: AppContext): void {
  app.get(
    '/lectern/v1/rooms',
    route('listLecternRooms', 'READ', {
      querystring: listRoomsQuery,
      response: { 200: listEnvelope('rooms', LecternRoomSchema), ...errorResponses },
    }),
    async (request) => {
      const rows = await service.listRooms(context.db, request.caller, readStartIndex(request), pageSize + 1);
      const { items, hasMoreRecords } = page(rows);
      return { rooms: items.map(presentLecternRoom), code: '200', message: 'success', hasMoreRecords };
    },
  );

  app.post(
    '/lectern/v1/rooms',
    route('createRoom', 'CREATE', { body: RoomBody, response: { 201: RoomEnvelope, ...errorResponses } }),
    async (request, reply) => {
      const row = await service.createRoom(context, request.caller, bodyOf(request));
      return reply.code(201).send({ code: '200', room: presentLecternRoom(row), message: 'success' });
    },
  );

  app.get(
    '/lectern/v1/rooms/:roomId',
    route('getLecternRoom', 'READ', { params: RoomParams, response: { 200: RoomEnvelope, ...errorResponses } }),
    async (request) => {
      const row = await service.getRoom(context.db, request.caller, pathId(request.params, 'roomId'));
      return { code: '200', room: presentLecternRoom(row), message: 'success' };
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
      return { code: '200', room: presentLecternRoom(row), message: 'success' };
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
