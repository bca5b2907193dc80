import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../context.ts';
import { errorResponses, listEnvelope, page, pageSize } from '../../http/envelope.ts';
import { pathId, readStartIndex } from '../../http/input.ts';
import { presentRoom } from './room.presenter.ts';
import { getRoomParams, getRoomQuery, getRoomResponse200, listRoomsQuery, RoomSchema } from './room.schemas.ts';
import { getRoom, listRooms } from './room.service.ts';

/** Registers the rooms endpoints. */
export function registerRoomRoutes(app: FastifyInstance, context: AppContext): void {
  app.get(
    '/api/v1/rooms',
    {
      config: { scope: 'READ' },
      schema: {
        operationId: 'listRooms',
        tags: ['rooms'],
        querystring: listRoomsQuery,
        response: { 200: listEnvelope('rooms', RoomSchema), ...errorResponses },
      },
    },
    async (request) => {
      const rows = await listRooms(context.db, request.caller, readStartIndex(request), pageSize + 1);
      const { items, hasMoreRecords } = page(rows);
      return { rooms: items.map(presentRoom), code: '200', message: 'success', hasMoreRecords };
    },
  );
  app.get(
    '/api/v1/rooms/:roomId',
    {
      config: { scope: 'READ' },
      schema: {
        operationId: 'getRoom',
        tags: ['rooms'],
        params: getRoomParams,
        querystring: getRoomQuery,
        response: {
          200: getRoomResponse200,
          ...errorResponses,
        },
      },
    },
    async (request) => {
      const roomId = pathId(request.params, 'roomId');
      const row = await getRoom(context.db, request.caller, roomId);
      return { code: '200' as const, message: 'success' as const, room: presentRoom(row) };
    },
  );
}
