import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestLectern, type TestLectern } from './helpers/test-app.ts';

let lectern: TestLectern;
beforeAll(async () => {
  lectern = await createTestLectern();
});
afterAll(() => lectern.close());

describe('rooms', () => {
  it('lists rooms in the documented shape', async () => {
    const response = await lectern.app.inject({ url: '/api/v1/rooms', headers: lectern.auth(lectern.adminToken) });
    expect(response.statusCode).toBe(200);
    const body = response.json();
    expect(Object.keys(body)).toEqual(['rooms', 'code', 'message', 'hasMoreRecords']);
    expect(body.code).toBe('200');
    expect(body.hasMoreRecords).toBe(false);
    expect(body.rooms[0]).toEqual({
      name: 'Room One',
      location: { locationId: expect.stringMatching(/^\d{18}$/), name: 'Chennai, Estancia IT Park' },
      facilities: ['WiFi', 'Chairs with writing pad'],
      roomId: expect.stringMatching(/^\d{18}$/),
      capacity: '12',
    });
  });

  it('fetches one room, and 404s for a room of another portal', async () => {
    const list = (await lectern.app.inject({ url: '/api/v1/rooms', headers: lectern.auth(lectern.adminToken) })).json();
    const roomId = list.rooms[1].roomId;
    const one = await lectern.app.inject({ url: `/api/v1/rooms/${roomId}`, headers: lectern.auth(lectern.adminToken) });
    expect(one.json()).toEqual({ code: '200', message: 'success', room: list.rooms[1] });
    const other = await lectern.otherPortal();
    const foreign = await lectern.app.inject({ url: `/api/v1/rooms/${roomId}`, headers: lectern.auth(other.token) });
    expect(foreign.statusCode).toBe(404);
    expect(foreign.json().code).toBe('404');
  });

  it('refuses a non-numeric room id and a bad startIndex with 400 naming the parameter', async () => {
    const badId = await lectern.app.inject({ url: '/api/v1/rooms/abc', headers: lectern.auth(lectern.adminToken) });
    expect(badId.statusCode).toBe(400);
    expect(badId.json()).toMatchObject({ code: 'INVALID_INPUT', parameter: 'roomId' });
    const badIndex = await lectern.app.inject({
      url: '/api/v1/rooms?startIndex=-1',
      headers: lectern.auth(lectern.adminToken),
    });
    expect(badIndex.json()).toMatchObject({ code: 'INVALID_INPUT', parameter: 'startIndex' });
  });

  it('answers 401 without a token and 403 without a read scope', async () => {
    expect((await lectern.app.inject({ url: '/api/v1/rooms' })).statusCode).toBe(401);
    const writeOnly = await lectern.token(['CREATE']);
    const response = await lectern.app.inject({ url: '/api/v1/rooms', headers: lectern.auth(writeOnly) });
    expect(response.statusCode).toBe(403);
    expect(response.json().message).toMatch(/^Sorry! You are not authorized to do this operation/);
  });
});

describe('categories', () => {
  it('lists course categories only', async () => {
    const response = await lectern.app.inject({ url: '/api/v1/categories', headers: lectern.auth(lectern.adminToken) });
    const body = response.json();
    expect(body.categories.map((category: { name: string }) => category.name)).toEqual([
      'Engineering',
      'Compliance',
      'Leadership',
      'Sales',
      'Onboarding',
      'Wellbeing',
    ]);
    expect(body.hasMoreRecords).toBe(false);
  });
});
