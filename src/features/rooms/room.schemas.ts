/** The room API's request and response schemas. */
import { Type } from '@sinclair/typebox';
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
