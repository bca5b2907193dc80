/** /lectern/v1/locations: CRUD, validation per field, refusing a delete in use, portals and scopes. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, countRows, setAdminFlags } from './helpers/reference-data.ts';
import { castNames } from './helpers/roles.ts';
import { erecnoOf } from './helpers/sessions.ts';
import { createTestLectern, type TestLectern } from './helpers/test-app.ts';

let lectern: TestLectern;
beforeAll(async () => {
  lectern = await createTestLectern();
});
afterAll(() => lectern.close());

const emptyAddress = { street: null, city: null, state: null, postalCode: null, country: null };

describe('locations', () => {
  it('creates (201), reads, lists, changes and deletes a location', async () => {
    const created = await call(lectern, 'POST', '/lectern/v1/locations', {
      name: '  Berlin Office ',
      timeZone: 'europe/berlin',
      address: { street: 'Unter den Linden 1', city: 'Berlin', postalCode: '10117', country: 'Germany' },
    });
    expect(created.statusCode, created.body).toBe(201);
    const location = created.json().location;
    expect(location).toEqual({
      locationId: expect.stringMatching(/^\d{18}$/),
      name: 'Berlin Office',
      timeZone: 'Europe/Berlin',
      address: { street: 'Unter den Linden 1', city: 'Berlin', state: null, postalCode: '10117', country: 'Germany' },
    });
    const url = `/lectern/v1/locations/${location.locationId}`;
    expect((await call(lectern, 'GET', url)).json()).toEqual({ code: '200', location, message: 'success' });

    const list = (await call(lectern, 'GET', '/lectern/v1/locations')).json();
    expect(list.hasMoreRecords).toBe(false);
    expect(list.locations.map((row: { name: string }) => row.name)).toEqual([
      'Chennai, Estancia IT Park',
      'Austin, Texas',
      'Utrecht, Netherlands',
      'Berlin Office',
    ]);

    const patched = await call(lectern, 'PATCH', url, { timeZone: null, address: { city: 'Potsdam', street: '' } });
    expect(patched.statusCode, patched.body).toBe(200);
    expect(patched.json().location).toEqual({
      ...location,
      timeZone: null,
      address: { ...location.address, city: 'Potsdam', street: null },
    });
    const cleared = await call(lectern, 'PATCH', url, { address: null, name: 'Potsdam' });
    expect(cleared.json().location).toMatchObject({ name: 'Potsdam', address: emptyAddress });

    expect((await call(lectern, 'DELETE', url)).json()).toEqual({ code: '200', message: 'success' });
    expect((await call(lectern, 'GET', url)).statusCode).toBe(404);
    expect((await call(lectern, 'DELETE', url)).statusCode).toBe(404);
  });

  it('refuses each bad field with 400 naming it, and writes nothing', async () => {
    const before = await countRows(lectern, 'locations');
    const cases: [unknown, string, string][] = [
      [{}, 'name', 'INPUT_PARAMETER_MISSING'],
      [{ name: '   ' }, 'name', 'INVALID_INPUT'],
      [{ name: 'x'.repeat(101) }, 'name', 'INVALID_INPUT'],
      [{ name: { text: 'A' } }, 'name', 'INVALID_INPUT'],
      [{ name: 'A', timeZone: 'Mars/Olympus' }, 'timeZone', 'INVALID_INPUT'],
      [{ name: 'A', timeZone: '+05:30' }, 'timeZone', 'INVALID_INPUT'],
      [{ name: 'A', address: { city: 'x'.repeat(101) } }, 'address.city', 'INVALID_INPUT'],
      [{ name: 'A', address: { postalCode: 'x'.repeat(21) } }, 'address.postalCode', 'INVALID_INPUT'],
      [{ name: 'A', address: { planet: 'Earth' } }, 'address.planet', 'INVALID_INPUT'],
      [{ name: 'A', address: 'Main Street' }, 'address', 'INVALID_INPUT'],
      [{ name: 'A', colour: 'blue' }, 'colour', 'INVALID_INPUT'],
    ];
    for (const [body, parameter, code] of cases) {
      const response = await call(lectern, 'POST', '/lectern/v1/locations', body);
      expect(response.statusCode, JSON.stringify(body)).toBe(400);
      expect(response.json(), JSON.stringify(body)).toMatchObject({ code, parameter });
    }
    const [first] = (await call(lectern, 'GET', '/lectern/v1/locations')).json().locations;
    const patch = await call(lectern, 'PATCH', `/lectern/v1/locations/${first.locationId}`, { timeZone: 'Nowhere' });
    expect(patch.json()).toMatchObject({ code: 'INVALID_INPUT', parameter: 'timeZone' });
    expect((await call(lectern, 'GET', '/lectern/v1/locations/abc')).json()).toMatchObject({ parameter: 'locationId' });
    expect(await countRows(lectern, 'locations')).toBe(before);
    expect((await call(lectern, 'GET', `/lectern/v1/locations/${first.locationId}`)).json().location).toEqual(first);
  });

  it('refuses to delete a location its rooms or batches name, naming them, and deletes nothing', async () => {
    const [chennai] = (await call(lectern, 'GET', '/lectern/v1/locations')).json().locations;
    const response = await call(lectern, 'DELETE', `/lectern/v1/locations/${chennai.locationId}`);
    expect(response.statusCode).toBe(409);
    expect(response.json()).toMatchObject({ code: '409', parameter: 'locationId' });
    expect(response.json().message).toBe(
      'Location "Chennai, Estancia IT Park" is used by 2 rooms (first: "Board Room"); move or delete them first',
    );

    const spare = (await call(lectern, 'POST', '/lectern/v1/locations', { name: 'Spare' })).json().location;
    const course = await call(lectern, 'POST', '/api/v1/courses', { courseData: { name: 'Blended', type: 2 } });
    const courseId = course.json().course.courseId;
    const batch = await call(lectern, 'POST', `/api/v1/courses/${courseId}/batches`, {
      batchData: {
        name: 'March run',
        startDate: '01-03-2026',
        endDate: '31-03-2026',
        minimumCapacity: 1,
        maximumCapacity: 10,
        locations: [spare.locationId],
      },
    });
    expect(batch.statusCode, batch.body).toBe(200);
    const refused = await call(lectern, 'DELETE', `/lectern/v1/locations/${spare.locationId}`);
    expect(refused.statusCode).toBe(409);
    expect(refused.json().message).toBe(
      'Location "Spare" is used by 1 batch (first: "March run"); move or delete them first',
    );
    expect((await call(lectern, 'GET', `/lectern/v1/locations/${spare.locationId}`)).statusCode).toBe(200);

    // Renamed, the batch shows the new name: it reads the location's name, not a copy.
    await call(lectern, 'PATCH', `/lectern/v1/locations/${spare.locationId}`, { name: 'Spare Room Annex' });
    const batchId = batch.json().batch.batchId;
    const read = await call(lectern, 'GET', `/api/v1/courses/${courseId}/batches/${batchId}`);
    expect(read.json().batch.locations).toEqual([{ locationId: spare.locationId, name: 'Spare Room Annex' }]);
  });

  it("never shows or changes another portal's locations", async () => {
    const other = await lectern.otherPortal();
    const [mine] = (await call(lectern, 'GET', '/lectern/v1/locations')).json().locations;
    const url = `/lectern/v1/locations/${mine.locationId}`;
    expect((await call(lectern, 'GET', url, undefined, other.token)).statusCode).toBe(404);
    expect((await call(lectern, 'PATCH', url, { name: 'Taken' }, other.token)).statusCode).toBe(404);
    expect((await call(lectern, 'DELETE', url, undefined, other.token)).statusCode).toBe(404);
    const theirs = (await call(lectern, 'GET', '/lectern/v1/locations', undefined, other.token)).json().locations;
    expect(theirs.map((row: { locationId: string }) => row.locationId)).not.toContain(mine.locationId);
    expect((await call(lectern, 'GET', url)).json().location).toEqual(mine);
  });

  it('lets any READ token read; only LMS, settings and data admins with the scope write', async () => {
    const reader = await lectern.token(['READ']);
    expect((await call(lectern, 'GET', '/lectern/v1/locations', undefined, reader)).statusCode).toBe(200);
    const refused = await call(lectern, 'POST', '/lectern/v1/locations', { name: 'No scope' }, reader);
    expect(refused.statusCode).toBe(403);
    expect(refused.json().code).toBe('7218');

    const learner = erecnoOf(lectern, castNames.learner);
    const learnerToken = await lectern.token(['ALL'], learner);
    expect((await call(lectern, 'GET', '/lectern/v1/locations', undefined, learnerToken)).statusCode).toBe(200);
    const notAdmin = await call(lectern, 'POST', '/lectern/v1/locations', { name: 'Learner' }, learnerToken);
    expect(notAdmin.statusCode).toBe(403);
    expect(notAdmin.json().code).toBe('403');

    for (const flags of [{ settings: true }, { data: true }]) {
      await setAdminFlags(lectern, learner, flags);
      const made = await call(
        lectern,
        'POST',
        '/lectern/v1/locations',
        { name: 'By a settings or data admin' },
        learnerToken,
      );
      expect(made.statusCode, made.body).toBe(201);
      const id = made.json().location.locationId;
      expect((await call(lectern, 'DELETE', `/lectern/v1/locations/${id}`, undefined, learnerToken)).statusCode).toBe(
        200,
      );
    }
    await setAdminFlags(lectern, learner, {});
  });
});
