/** /lectern/v1/rooms (read through /api/v1/rooms): CRUD, validation per field, a delete in use refused, renames shown everywhere, portals, scopes. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, countRows } from './helpers/reference-data.ts';
import { castNames } from './helpers/roles.ts';
import { createBatchModule, createSession, erecnoOf, type ModulePath, sessionsUrl } from './helpers/sessions.ts';
import { createTestLectern, type TestLectern } from './helpers/test-app.ts';

let lectern: TestLectern;
let locations: { locationId: string; name: string; timeZone: string | null }[];
beforeAll(async () => {
  lectern = await createTestLectern();
  locations = (await call(lectern, 'GET', '/lectern/v1/locations')).json().locations;
});
afterAll(() => lectern.close());

async function makeRoom(body: Record<string, unknown> = {}) {
  const response = await call(lectern, 'POST', '/lectern/v1/rooms', {
    name: 'Orion',
    locationId: locations[1]!.locationId,
    capacity: 16,
    ...body,
  });
  expect(response.statusCode, response.body).toBe(201);
  return response.json().room;
}

describe('rooms', () => {
  it("creates (201), changes and deletes a room, answering Zoho's room object as /api/v1 reads it", async () => {
    const room = await makeRoom({ facilities: [' Projector', 'WiFi', 'WiFi'] });
    expect(room).toEqual({
      name: 'Orion',
      location: { locationId: locations[1]!.locationId, name: 'Austin, Texas' },
      facilities: ['Projector', 'WiFi'],
      roomId: expect.stringMatching(/^\d{18}$/),
      capacity: '16',
    });
    const url = `/lectern/v1/rooms/${room.roomId}`;
    expect((await call(lectern, 'GET', `/api/v1/rooms/${room.roomId}`)).json().room).toEqual(room);
    const list = (await call(lectern, 'GET', '/api/v1/rooms')).json();
    expect(list.rooms.at(-1)).toEqual(room);

    const patched = await call(lectern, 'PATCH', url, {
      name: 'Orion II',
      capacity: 4,
      facilities: [],
      locationId: locations[2]!.locationId,
    });
    expect(patched.statusCode, patched.body).toBe(200);
    const changed = {
      ...room,
      name: 'Orion II',
      capacity: '4',
      facilities: [],
      location: { locationId: locations[2]!.locationId, name: 'Utrecht, Netherlands' },
    };
    expect(patched.json()).toEqual({ code: '200', room: changed, message: 'success' });
    expect((await call(lectern, 'GET', `/api/v1/rooms/${room.roomId}`)).json().room).toEqual(changed);
    expect((await call(lectern, 'DELETE', url)).json()).toEqual({ code: '200', message: 'success' });
    expect((await call(lectern, 'GET', `/api/v1/rooms/${room.roomId}`)).statusCode).toBe(404);
    expect((await call(lectern, 'DELETE', url)).statusCode).toBe(404);
  });

  it('refuses each bad field with 400 naming it, and writes nothing', async () => {
    const before = await countRows(lectern, 'rooms');
    const valid = { name: 'Vega', locationId: locations[0]!.locationId, capacity: 10 };
    const cases: [Record<string, unknown>, string, string][] = [
      [{ ...valid, name: undefined }, 'name', 'INPUT_PARAMETER_MISSING'],
      [{ ...valid, locationId: undefined }, 'locationId', 'INPUT_PARAMETER_MISSING'],
      [{ ...valid, capacity: undefined }, 'capacity', 'INPUT_PARAMETER_MISSING'],
      [{ ...valid, name: ' ' }, 'name', 'INVALID_INPUT'],
      [{ ...valid, name: 'x'.repeat(101) }, 'name', 'INVALID_INPUT'],
      [{ ...valid, locationId: 'abc' }, 'locationId', 'INVALID_INPUT'],
      [{ ...valid, locationId: '123456789012345678' }, 'locationId', 'INVALID_INPUT'],
      [{ ...valid, capacity: 0 }, 'capacity', 'INVALID_INPUT'],
      [{ ...valid, capacity: 2.5 }, 'capacity', 'INVALID_INPUT'],
      [{ ...valid, capacity: 100_001 }, 'capacity', 'INVALID_INPUT'],
      [{ ...valid, facilities: { wifi: true } }, 'facilities', 'INVALID_INPUT'],
      [{ ...valid, facilities: ['x'.repeat(51)] }, 'facilities.0', 'INVALID_INPUT'],
      [{ ...valid, facilities: Array.from({ length: 31 }, (_, i) => `f${i}`) }, 'facilities', 'INVALID_INPUT'],
      [{ ...valid, facilities: ['  '] }, 'facilities', 'INVALID_INPUT'],
      [{ ...valid, seats: 3 }, 'seats', 'INVALID_INPUT'],
    ];
    for (const [body, parameter, code] of cases) {
      const response = await call(lectern, 'POST', '/lectern/v1/rooms', body);
      expect(response.statusCode, JSON.stringify(body)).toBe(400);
      expect(response.json(), JSON.stringify(body)).toMatchObject({ code, parameter });
    }
    const other = await lectern.otherPortal();
    const [foreignLocation] = (await call(lectern, 'GET', '/lectern/v1/locations', undefined, other.token)).json()
      .locations;
    const foreign = await call(lectern, 'POST', '/lectern/v1/rooms', {
      ...valid,
      locationId: foreignLocation.locationId,
    });
    expect(foreign.json()).toMatchObject({ code: 'INVALID_INPUT', parameter: 'locationId' });
    expect(foreign.json().message).toMatch(/no location with id \d+ in this portal/);
    expect(await countRows(lectern, 'rooms')).toBe(before);
  });

  describe('with a session booked in it', () => {
    let path: ModulePath;
    let room: { roomId: string; name: string };
    let session: Record<string, any>;
    beforeAll(async () => {
      path = await createBatchModule(lectern);
      room = await makeRoom({ name: 'Orion' });
      session = await createSession(lectern, path, { name: 'Kick-off', date: '10-02-2026', roomId: room.roomId });
      await createSession(lectern, path, { name: 'Follow-up', date: '17-02-2026', roomId: room.roomId });
    });

    it('refuses to delete it with 409 naming how many sessions and the first, and deletes nothing', async () => {
      const response = await call(lectern, 'DELETE', `/lectern/v1/rooms/${room.roomId}`);
      expect(response.statusCode).toBe(409);
      expect(response.json()).toEqual({
        code: '409',
        message: 'Room "Orion" is used by 2 sessions, first: "Kick-off" on 2026-02-10; move or delete them first',
        parameter: 'roomId',
      });
      expect((await call(lectern, 'GET', `/api/v1/rooms/${room.roomId}`)).statusCode).toBe(200);
    });

    it('shows a new room and location name in the session and the room calendar', async () => {
      await call(lectern, 'PATCH', `/lectern/v1/rooms/${room.roomId}`, { name: 'Andromeda' });
      await call(lectern, 'PATCH', `/lectern/v1/locations/${locations[1]!.locationId}`, { name: 'Austin HQ' });
      const read = await call(lectern, 'GET', sessionsUrl(path, session.sessionId));
      expect(read.json().session.sessionRoom).toBe('Andromeda');
      const feed = await call(lectern, 'GET', `/lectern/v1/calendars/rooms/${room.roomId}.ics`);
      expect(feed.body).toContain('Sessions in Andromeda');
      expect(feed.body).toContain('LOCATION:Andromeda\\, Austin HQ');
      expect(feed.body).not.toContain('Orion');
    });

    it('accepts a capacity below the batch’s learners (booking never checked it)', async () => {
      const response = await call(lectern, 'PATCH', `/lectern/v1/rooms/${room.roomId}`, { capacity: 1 });
      expect(response.statusCode, response.body).toBe(200);
      expect(response.json().room.capacity).toBe('1');
    });
  });

  it("never shows or changes another portal's rooms", async () => {
    const other = await lectern.otherPortal();
    const [mine] = (await call(lectern, 'GET', '/api/v1/rooms')).json().rooms;
    const url = `/lectern/v1/rooms/${mine.roomId}`;
    expect((await call(lectern, 'PATCH', url, { capacity: 99 }, other.token)).statusCode).toBe(404);
    expect((await call(lectern, 'DELETE', url, undefined, other.token)).statusCode).toBe(404);
    expect((await call(lectern, 'GET', `/api/v1/rooms/${mine.roomId}`)).json().room).toEqual(mine);
  });

  it('lets a READ token read but not write, and a learner read but not write', async () => {
    const reader = await lectern.token(['READ']);
    expect((await call(lectern, 'GET', '/api/v1/rooms', undefined, reader)).statusCode).toBe(200);
    const [first] = (await call(lectern, 'GET', '/api/v1/rooms')).json().rooms;
    const url = `/lectern/v1/rooms/${first.roomId}`;
    expect((await call(lectern, 'PATCH', url, { capacity: 3 }, reader)).json().code).toBe('7218');
    expect((await call(lectern, 'DELETE', url, undefined, reader)).json().code).toBe('7218');
    const learner = await lectern.token(['ALL'], erecnoOf(lectern, castNames.learner));
    expect((await call(lectern, 'GET', `/api/v1/rooms/${first.roomId}`, undefined, learner)).statusCode).toBe(200);
    const refused = await call(lectern, 'PATCH', url, { capacity: 3 }, learner);
    expect(refused.statusCode).toBe(403);
    expect((await call(lectern, 'GET', `/api/v1/rooms/${first.roomId}`)).json().room).toEqual(first);
  });
});
