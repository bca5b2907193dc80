/** The room API's request and response schemas. */
import { Type } from '@sinclair/typebox';

export const RoomSchema = Type.Object({
  name: Type.String(),
  location: Type.Object({ locationId: Type.String(), name: Type.String() }),
  facilities: Type.Array(Type.String()),
  roomId: Type.String(),
  capacity: Type.String({ description: 'A number written as a string, as Zoho sends it' }),
});
