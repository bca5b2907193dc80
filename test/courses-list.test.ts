import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type Course,
  categoriesOf,
  createCourse,
  expectSampleShape,
  personNamed,
  publishCourse,
} from './helpers/courses.ts';
import { createTestLectern, type TestLectern } from './helpers/test-app.ts';

let lectern: TestLectern;
beforeAll(async () => {
  lectern = await createTestLectern();
});
afterAll(() => lectern.close());

const day = 24 * 60 * 60 * 1000;

function list(token: string, query = '', path = '/api/v1/courses') {
  return lectern.app.inject({ url: `${path}${query}`, headers: lectern.auth(token) });
}

/** The course ids a list answers, in order (fails the test on anything but a 200). */
async function idsOf(token: string, query = '', path = '/api/v1/courses'): Promise<string[]> {
  const response = await list(token, query, path);
  expect(response.statusCode, response.body).toBe(200);
  return response.json().courses.map((course: Course) => course.courseId);
}

describe('envelope and pagination', () => {
  it.each(['/api/v1/courses', '/api/v1/courses/mycourses'])(
    '%s answers the list envelope in its key order',
    async (path) => {
      const name = `Envelope of ${path}`;
      const created = await createCourse(lectern, lectern.adminToken, { name });
      const response = await list(lectern.adminToken, `?search=${encodeURIComponent(name)}`, path);
      expect(response.statusCode, response.body).toBe(200);
      expect(Object.keys(response.json())).toEqual(['courses', 'code', 'message', 'hasMoreRecords']);
      expect(response.body.endsWith('],"code":"200","message":"success","hasMoreRecords":false}')).toBe(true);
      expect(response.json().courses).toEqual([created]);
      expectSampleShape(response.json().courses[0]);
    },
  );

  it('pages 27 courses as 25 with hasMoreRecords, then 2 without, newest first', async () => {
    // A portal of its own, so that only these 27 courses exist there.
    const portal = await lectern.otherPortal();
    const created: string[] = [];
    for (let index = 0; index < 27; index++) {
      created.push((await createCourse(lectern, portal.token, { name: `Paged ${index}` })).courseId);
    }
    const newestFirst = [...created].reverse();
    for (const path of ['/api/v1/courses', '/api/v1/courses/mycourses']) {
      const first = (await list(portal.token, '', path)).json();
      expect(first.courses).toHaveLength(25);
      expect(first.hasMoreRecords).toBe(true);
      const second = (await list(portal.token, '?startIndex=25', path)).json();
      expect(second.courses).toHaveLength(2);
      expect(second.hasMoreRecords).toBe(false);
      expect([...first.courses, ...second.courses].map((course: Course) => course.courseId)).toEqual(newestFirst);
      expect((await list(portal.token, '?startIndex=27', path)).json()).toMatchObject({
        courses: [],
        hasMoreRecords: false,
      });
    }
  });
});

describe('filters', () => {
  let token: string;
  /** The clock at each of the three creation times, a day apart. */
  const at: [number, number, number] = [0, 0, 0];
  const ids: Record<'java' | 'advanced' | 'leadership' | 'sale', string> = {
    java: '',
    advanced: '',
    leadership: '',
    sale: '',
  };

  beforeAll(async () => {
    // A portal of its own, so that each filter's answer is exactly these courses.
    token = (await lectern.otherPortal()).token;
    const categories = await categoriesOf(lectern, token);
    const make = (data: Record<string, unknown>) => createCourse(lectern, token, data);
    at[0] = lectern.clock.now();
    ids.java = (await make({ name: 'Java Basics', type: 1, categories: [categories.Engineering] })).courseId;
    lectern.clock.advance(day);
    at[1] = lectern.clock.now();
    const advanced = { name: 'advanced java', type: 2, categories: [categories.Engineering, categories.Sales] };
    ids.advanced = (await make(advanced)).courseId;
    lectern.clock.advance(day);
    at[2] = lectern.clock.now();
    ids.leadership = (await make({ name: 'Leadership 101', type: 3, categories: [categories.Leadership] })).courseId;
    ids.sale = (await make({ name: '50% Off_Sale', type: 1 })).courseId;
    await publishCourse(lectern, ids.leadership, token);
    for (const courseId of [ids.java, ids.leadership]) {
      const favourite = await lectern.app.inject({
        method: 'POST',
        url: `/api/v1/courses/${courseId}/favorite`,
        headers: lectern.auth(token),
      });
      expect(favourite.statusCode, favourite.body).toBe(200);
    }
  });

  it.each([
    ['search=JAVA', ['advanced', 'java']],
    ['search=%20java%20', ['advanced', 'java']],
    ['search=ship%201', ['leadership']],
    ['search=%25', ['sale']],
    ['search=_', ['sale']],
    ['search=nothing-like-it', []],
    ['type=1', ['sale', 'java']],
    ['type=3', ['leadership']],
    ['state=drafted', ['sale', 'advanced', 'java']],
    ['state=Published', ['leadership']],
    ['state=disabled', []],
    ['sortBy=name', ['sale', 'advanced', 'java', 'leadership']],
    ['sortBy=-name', ['leadership', 'java', 'advanced', 'sale']],
    ['search=java&type=1', ['java']],
    ['state=drafted&sortBy=name&type=1', ['sale', 'java']],
  ] as const)('%s lists %j', async (query, expected) => {
    expect(await idsOf(token, `?${query}`)).toEqual(expected.map((key) => ids[key]));
  });

  it('filters by category, and by the caller’s favourites with categoryId=MyfavouriteCategories', async () => {
    const categories = await categoriesOf(lectern, token);
    expect(await idsOf(token, `?categoryId=${categories.Engineering}`)).toEqual([ids.advanced, ids.java]);
    expect(await idsOf(token, `?categoryId=${categories.Sales}`)).toEqual([ids.advanced]);
    expect(await idsOf(token, `?categoryId=${categories.Wellbeing}`)).toEqual([]);
    expect(await idsOf(token, '?categoryId=MyfavouriteCategories')).toEqual([ids.leadership, ids.java]);
    expect(await idsOf(token, '?categoryId=myfavouritecategories&state=drafted')).toEqual([ids.java]);
  });

  it('bounds the creation time with startDate and endDate (epoch ms, both inclusive)', async () => {
    expect(await idsOf(token, `?startDate=${at[1]}`)).toEqual([ids.sale, ids.leadership, ids.advanced]);
    expect(await idsOf(token, `?endDate=${at[1]}`)).toEqual([ids.advanced, ids.java]);
    expect(await idsOf(token, `?startDate=${at[1]}&endDate=${at[1]}`)).toEqual([ids.advanced]);
    expect(await idsOf(token, `?startDate=${at[0] + 1}&endDate=${at[2] - 1}`)).toEqual([ids.advanced]);
    expect(await idsOf(token, `?startDate=${at[2] + 1}`)).toEqual([]);
  });

  it.each([
    ['type', 'abc'],
    ['type', '4'],
    ['type', '0'],
    ['state', 'archived'],
    ['sortBy', 'date'],
    ['categoryId', 'abc'],
    ['trainerId', 'x'],
    ['startDate', 'yesterday'],
    ['endDate', '-1'],
    ['startIndex', '-1'],
    ['startIndex', '1.5'],
    ['sharedToMe', 'maybe'],
    ['suggestedToMe', '2'],
  ])('refuses %s=%s with 400 naming the filter', async (name, value) => {
    for (const path of ['/api/v1/courses', '/api/v1/courses/mycourses']) {
      const response = await list(token, `?${name}=${value}`, path);
      expect(response.statusCode, path).toBe(400);
      expect(response.json()).toMatchObject({ code: 'INVALID_INPUT', parameter: name });
      expect(response.json().message).toContain(name);
    }
  });

  it('refuses an endDate before the startDate', async () => {
    const response = await list(token, `?startDate=${at[1]}&endDate=${at[0]}`);
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({ code: 'INVALID_INPUT', parameter: 'endDate' });
  });
});

describe('my courses', () => {
  it('lists only the courses the caller owns or administers, drafted ones included', async () => {
    const learner = await personNamed(lectern, 'Samir Khan');
    const trainer = await personNamed(lectern, 'Rosa Alvarez');
    const adminsSamir = { courseAdmins: [learner.erecno] };
    const x = (await createCourse(lectern, lectern.adminToken, { name: 'Mine X', ...adminsSamir })).courseId;
    const y = (await createCourse(lectern, trainer.token, { name: 'Mine Y' })).courseId;
    const z = (await createCourse(lectern, trainer.token, { name: 'Mine Z', ...adminsSamir })).courseId;
    const w = (await createCourse(lectern, lectern.adminToken, { name: 'Mine W' })).courseId;
    const mine = (token: string) => idsOf(token, '?search=mine', '/api/v1/courses/mycourses');
    expect(await mine(learner.token)).toEqual([z, x]);
    expect(await mine(trainer.token)).toEqual([z, y]);
    expect(await mine(lectern.adminToken)).toEqual([w, x]);
    // The admin sees every course in Fetch All Courses, not only their own.
    expect(await idsOf(lectern.adminToken, '?search=mine')).toEqual([w, z, y, x]);
    // A plain employee administers nothing else, so the unfiltered list is the same two.
    expect(await idsOf(learner.token, '', '/api/v1/courses/mycourses')).toEqual([z, x]);
  });
});

describe('portals', () => {
  it('never lists one portal’s courses in another’s lists', async () => {
    const other = await lectern.otherPortal();
    const here = (await createCourse(lectern, lectern.adminToken, { name: 'Isolated here' })).courseId;
    const there = (await createCourse(lectern, other.token, { name: 'Isolated there' })).courseId;
    for (const path of ['/api/v1/courses', '/api/v1/courses/mycourses']) {
      expect(await idsOf(lectern.adminToken, '?search=isolated', path)).toEqual([here]);
      expect(await idsOf(other.token, '?search=isolated', path)).toEqual([there]);
    }
  });
});
