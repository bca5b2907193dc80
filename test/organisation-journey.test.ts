/**
 * An organisation from nothing, through the API only: its portal and settings, locations in two time zones, rooms,
 * categories, people, a blended course with a batch, sessions and a trainer, enrolments. Then what it gives back:
 * every kind exported and imported round trip through CSV and JSON with identical data, the trainer's calendar
 * subscribed without a header at the right instants, and every link in the answers followed to a 200.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type FileFormat, kindNames } from '../src/bulk/index.ts';
import { issueToken } from '../src/features/people/index.ts';
import { emptyStore, importText } from './helpers/bulk.ts';
import { readFeedEvents } from './helpers/feeds.ts';
import { createTestLectern, type TestLectern } from './helpers/test-app.ts';

let lectern: TestLectern;
let token: string;
const targets: TestLectern[] = [];
/** Every JSON answer of the journey, whose URLs are followed at the end. */
const answers: unknown[] = [];
const world = {} as Record<string, string>;

async function call(method: string, url: string, body?: unknown, as = token, expected = [200, 201]) {
  const response = await lectern.app.inject({
    method: method as 'GET',
    url,
    headers: { ...lectern.auth(as), ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    ...(body === undefined ? {} : { payload: JSON.stringify(body) }),
  });
  expect(expected, `${method} ${url}: ${response.body}`).toContain(response.statusCode);
  const parsed = response.json();
  answers.push(parsed);
  return parsed;
}

beforeAll(async () => {
  lectern = await createTestLectern();
  const operator = await issueToken(lectern.app.lectern, {
    portalId: lectern.portalId,
    erecno: lectern.adminErecno,
    scopes: ['ZOHOPEOPLE.training.ALL'],
    isOperator: true,
  });
  const created = await call(
    'POST',
    '/lectern/v1/portals',
    { name: 'Acme Training', organisation: { adminName: 'Ada Admin', adminEmail: 'ada@acme.example' } },
    operator.token,
  );
  token = created.token;
  world.portalId = created.portal.portalId;
}, 60_000);
afterAll(async () => {
  for (const target of targets) await target.close();
  await lectern.close();
});

describe('an organisation built through the API', () => {
  it('starts with its admin alone and takes its settings', async () => {
    const people = await call('GET', '/lectern/v1/employees');
    expect(people.employees.map((person: { displayName: string }) => person.displayName)).toEqual(['Ada Admin']);
    const settings = await call('PATCH', '/lectern/v1/portal/settings', {
      timeZone: 'Europe/London',
      dateFormat: 'yyyy-MM-dd',
      weekStart: 'monday',
      mailSender: { name: 'Acme Training', address: 'training@acme.example' },
    });
    expect(settings).toMatchObject({ name: 'Acme Training', timeZone: 'Europe/London', dateFormat: 'yyyy-MM-dd' });
  });

  it('gets places, labels and people', async () => {
    const chicago = await call('POST', '/lectern/v1/locations', {
      name: 'Chicago Loop',
      timeZone: 'America/Chicago',
      address: { street: '1 Wacker Dr', city: 'Chicago', country: 'US' },
    });
    const berlin = await call('POST', '/lectern/v1/locations', { name: 'Berlin Mitte', timeZone: 'Europe/Berlin' });
    world.chicago = chicago.location.locationId;
    world.berlin = berlin.location.locationId;
    const lake = await call('POST', '/lectern/v1/rooms', {
      name: 'Lake',
      locationId: world.chicago,
      capacity: 20,
      facilities: ['Projector'],
    });
    const spree = await call('POST', '/lectern/v1/rooms', { name: 'Spree', locationId: world.berlin, capacity: 12 });
    world.lake = lake.room.roomId;
    world.spree = spree.room.roomId;
    world.category = (await call('POST', '/lectern/v1/categories', { name: 'Safety' })).category.categoryId;
    await call('POST', '/lectern/v1/grade-categories', { name: 'Practical' });
    const added = await call('POST', '/lectern/v1/employees', {
      employees: [
        { displayName: 'Tom Trainer', emailId: 'tom@acme.example', roles: ['trainer'] },
        { displayName: 'Lea Learner', emailId: 'lea@acme.example' },
        { displayName: 'Lin Learner', emailId: 'lin@acme.example' },
      ],
    });
    [world.tom, world.lea, world.lin] = added.employees.map((person: { erecno: string }) => person.erecno);
  });

  it('runs a blended course: a batch in both places, sessions with a trainer, enrolled learners', async () => {
    const course = await call('POST', '/api/v1/courses', {
      name: 'Forklift safety',
      type: 2,
      categories: [world.category],
    });
    world.course = course.course.courseId;
    const batchPath = `/api/v1/courses/${world.course}/batches`;
    const batch = await call('POST', batchPath, {
      name: 'March run',
      startDate: '01-03-2026',
      endDate: '31-03-2026',
      minimumCapacity: 1,
      maximumCapacity: 10,
      locations: [world.chicago, world.berlin],
    });
    world.batch = batch.batch.batchId;
    const modulePath = `${batchPath}/${world.batch}/modules`;
    world.module = (await call('POST', modulePath, { name: 'Yard days' })).module.moduleId;
    const session = (name: string, date: string, roomId: string | undefined) =>
      call('POST', `${modulePath}/${world.module}/sessions`, {
        name,
        trainerErecno: world.tom,
        type: '0',
        date,
        startTime: '09:00 AM',
        endTime: '11:00 AM',
        roomId,
      });
    // Chicago moves to daylight time on 8 March 2026; Berlin on 29 March.
    await session('Before the change', '05-03-2026', world.lake);
    await session('After the change', '10-03-2026', world.lake);
    await session('In Berlin', '12-03-2026', world.spree);
    await call('POST', `${modulePath}/${world.module}/links`, {
      name: 'Rules',
      embedURL: 'https://example.org/rules',
      isMandatory: true,
    });
    await call('POST', `${batchPath}/${world.batch}/publish`);
    await call('POST', `${batchPath}/${world.batch}/enroll?erecnosList=[${world.lea},${world.lin}]`);
    for (const url of [
      `/api/v1/courses/${world.course}`,
      `${batchPath}/${world.batch}`,
      `${modulePath}/${world.module}/sessions`,
      '/api/v1/trainers',
      '/lectern/v1/employees',
    ]) {
      await call('GET', url);
    }
  });

  it("subscribes to the trainer's calendar without a header and finds the sessions at the right instants", async () => {
    const feed = await call('POST', '/lectern/v1/feeds', { kind: 'trainer', id: world.tom });
    const { events } = await readFeedEvents(lectern, feed.url);
    const instants = Object.fromEntries(events.map((event) => [event.summary, [event.start, event.end]]));
    expect(instants).toEqual({
      'Before the change': ['2026-03-05T15:00:00.000Z', '2026-03-05T17:00:00.000Z'],
      'After the change': ['2026-03-10T14:00:00.000Z', '2026-03-10T16:00:00.000Z'],
      'In Berlin': ['2026-03-12T08:00:00.000Z', '2026-03-12T10:00:00.000Z'],
    });
  });

  it.each(['csv', 'json'] as const)(
    'exports every kind and imports it round trip through %s, unchanged',
    async (format) => {
      const exported = new Map<string, string>();
      for (const kind of kindNames) exported.set(kind, await exportOver(lectern, token, kind, format));
      const { lectern: target, portalId } = await emptyStore();
      targets.push(target);
      // The people come first, through the module: an empty portal has nobody yet whose token could call the API.
      await importText(target, portalId, 'people', format, exported.get('people')!);
      const admin = await issueToken(target.app.lectern, {
        portalId,
        erecno: (
          await target.app.lectern.db
            .selectFrom('employees')
            .select('erecno')
            .where('portal_id', '=', portalId)
            .where('is_admin', '=', 1)
            .executeTakeFirstOrThrow()
        ).erecno,
        scopes: ['ZOHOPEOPLE.training.ALL'],
      });
      for (const kind of kindNames.filter((name) => name !== 'people')) {
        const response = await target.app.inject({
          method: 'POST',
          url: `/lectern/v1/imports/${kind}?format=${format}`,
          headers: { ...target.auth(admin.token), 'content-type': format === 'csv' ? 'text/csv' : 'application/json' },
          payload: exported.get(kind)!,
        });
        expect(response.statusCode, `${kind}: ${response.body}`).toBe(200);
      }
      for (const kind of kindNames) {
        expect(await exportOver(target, admin.token, kind, format), kind).toBe(exported.get(kind));
      }
      expect(exported.get('locations')).toContain('1 Wacker Dr');
      expect(exported.get('enrolments')).toContain(String(world.lea));
    },
  );

  it('answers only links that lead to a 200 on Lectern', async () => {
    const urls = new Set<string>();
    const collect = (value: unknown) => {
      if (typeof value === 'string' && /^https?:\/\//.test(value)) urls.add(value);
      else if (Array.isArray(value)) value.forEach(collect);
      else if (value !== null && typeof value === 'object') Object.values(value).forEach(collect);
    };
    answers.forEach(collect);
    const external = ['https://example.org/rules'];
    const own = [...urls].filter((url) => !external.includes(url));
    // The course's page, the people's photos and the calendar feed are among them.
    expect(own.some((url) => url.includes(`/app/courses/${world.course}`))).toBe(true);
    expect(own.some((url) => url.includes(`/lectern/v1/employees/${world.tom}/photo`))).toBe(true);
    expect(own.some((url) => url.includes('/lectern/v1/feeds/'))).toBe(true);
    for (const url of own) {
      expect(new URL(url).origin, url).toBe('http://lectern.test');
      const { pathname, search } = new URL(url);
      const response = await lectern.app.inject({ method: 'GET', url: `${pathname}${search}` });
      expect(response.statusCode, url).toBe(200);
    }
  });
});

describe('making an organisation portal through the control plane', () => {
  it('refuses one without a name or with a bad admin, naming the field and writing nothing', async () => {
    const operator = await issueToken(lectern.app.lectern, {
      portalId: lectern.portalId,
      erecno: lectern.adminErecno,
      scopes: ['ZOHOPEOPLE.training.ALL'],
      isOperator: true,
    });
    const portals = async () => (await lectern.app.lectern.db.selectFrom('portals').select('id').execute()).length;
    const before = await portals();
    const cases: [object, string][] = [
      [{ organisation: { adminName: 'Ada', adminEmail: 'ada@acme.example' } }, 'name'],
      [{ name: 'Acme', organisation: { adminName: 'Ada', adminEmail: 'not an address' } }, 'organisation.adminEmail'],
      [
        { name: 'Acme', organisation: { adminName: 'Ada', adminEmail: 'a@b.example', timeZone: 'Mars/Base' } },
        'organisation.timeZone',
      ],
    ];
    for (const [body, parameter] of cases) {
      const response = await lectern.app.inject({
        method: 'POST',
        url: '/lectern/v1/portals',
        headers: { ...lectern.auth(operator.token), 'content-type': 'application/json' },
        payload: JSON.stringify(body),
      });
      expect(response.statusCode, response.body).toBe(400);
      expect(response.json().parameter ?? response.body).toContain(parameter);
    }
    expect(await portals()).toBe(before);
    // A second organisation of the same name gets its own URL name.
    const again = await call(
      'POST',
      '/lectern/v1/portals',
      {
        name: 'Acme Training',
        organisation: { adminName: 'Bea Admin', adminEmail: 'bea@acme.example', timeZone: 'Asia/Kolkata' },
      },
      operator.token,
    );
    expect(again.portal).toMatchObject({ name: 'Acme Training', timeZone: 'Asia/Kolkata' });
    expect(again.portal.urlName).toMatch(/^acme-training-\d{18}$/);
    // Made at the same moment, two of a new name both land, each with a URL name of its own.
    const twins = await Promise.all(
      ['ann', 'ben'].map((who) =>
        lectern.app.inject({
          method: 'POST',
          url: '/lectern/v1/portals',
          headers: { ...lectern.auth(operator.token), 'content-type': 'application/json' },
          payload: JSON.stringify({
            name: 'Twin Works',
            organisation: { adminName: who, adminEmail: `${who}@twin.example` },
          }),
        }),
      ),
    );
    expect(twins.map((twin) => twin.statusCode)).toEqual([200, 200]);
    expect(new Set(twins.map((twin) => twin.json().portal.urlName)).size).toBe(2);
  });
});

/** A kind's export over HTTP, as the file's text. */
async function exportOver(on: TestLectern, as: string, kind: string, format: FileFormat): Promise<string> {
  const response = await on.app.inject({ url: `/lectern/v1/exports/${kind}?format=${format}`, headers: on.auth(as) });
  expect(response.statusCode, `${kind}: ${response.body}`).toBe(200);
  return response.body;
}
