/** The room API's request and response schemas. */
import { Type } from '@sinclair/typebox';
import { successEnvelope } from '../../http/envelope.ts';
import { startIndexParameter } from '../../http/parameters.ts';

/** A room as Zoho's Fetch Rooms shows one. */
export const RoomSchema = Type.Object({
  name: Type.String(),
  location: Type.Object({ locationId: Type.String(), name: Type.String() }),
  facilities: Type.Array(Type.String()),
  roomId: Type.String(),
  capacity: Type.String({ description: 'A number written as a string, as Zoho sends it' }),
});

/** The querystring of listRooms. */
export const listRoomsQuery = Type.Object({ startIndex: startIndexParameter });

/** The path parameters of getRoom. */
export const getRoomParams = Type.Object({ roomId: Type.String() });

/** The querystring of getRoom. */
export const getRoomQuery = Type.Object({ startIndex: startIndexParameter });

/** The 200 answer of getRoom. */
export const getRoomResponse200 = Type.Object({
  code: Type.Literal('200'),
  message: Type.Literal('success'),
  room: RoomSchema,
});

/** Largest room capacity. */
export const roomCapacityLimit = 100_000;

/** The body of createRoom and updateRoom (/lectern/v1/rooms): the service says which keys create needs. */
export const RoomBody = Type.Object(
  {
    name: Type.Optional(Type.String({ maxLength: 100, description: '1 to 100 characters' })),
    locationId: Type.Optional(
      Type.Union([Type.String({ pattern: '^[1-9][0-9]{0,19}$' }), Type.Integer({ minimum: 1 })], {
        description: 'a location of the portal',
      }),
    ),
    capacity: Type.Optional(
      Type.Integer({ minimum: 1, maximum: roomCapacityLimit, description: 'seats: a whole number from 1 to 100000' }),
    ),
    facilities: Type.Optional(
      Type.Array(Type.String({ minLength: 1, maxLength: 50 }), {
        maxItems: 30,
        description: 'up to 30 short texts (1 to 50 characters each); replaces the list',
      }),
    ),
  },
  { additionalProperties: false },
);

/** The path of one room under /lectern/v1. */
export const RoomParams = Type.Object({ roomId: Type.String() });

/** `{"code":"200","room":{...},"message":"success"}`. */
export const RoomEnvelope = successEnvelope('room', RoomSchema);
