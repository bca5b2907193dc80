import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addMandatoryLink } from './helpers/content.ts';
import { insertCourseMember } from './helpers/courses.ts';
import { createTestLectern, type TestLectern } from './helpers/test-app.ts';

let lectern: TestLectern;
/** A plain employee (no LMS role) and a second one, with full-scope tokens of their own. */
let plain: { erecno: string; token: string };
let colleague: { erecno: string; token: string };

beforeAll(async () => {
  lectern = await createTestLectern();
  const [first, second] = lectern.employees.filter(
    (e) => e.status === 'active' && !e.is_admin && !e.is_trainer && !e.is_settings_admin && !e.is_data_admin,
  );
  plain = { erecno: first!.erecno, token: await lectern.token(['ALL'], first!.erecno) };
  colleague = { erecno: second!.erecno, token: await lectern.token(['ALL'], second!.erecno) };
});
afterAll(() => lectern.close());

const form = { 'content-type': 'application/x-www-form-urlencoded' };
const json = { 'content-type': 'application/json' };
let courseCount = 0;

/** A drafted course; outside blended courses with a mandatory link, so that it may be published. */
async function createCourse(type = 1): Promise<string> {
  const courseData = encodeURIComponent(JSON.stringify({ name: `Action course ${++courseCount}`, type }));
  const response = await lectern.app.inject({
    method: 'POST',
    url: `/api/v1/courses?courseData=${courseData}`,
    headers: lectern.auth(lectern.adminToken),
  });
  expect(response.statusCode, response.body).toBe(200);
  const courseId: string = response.json().course.courseId;
  if (type !== 2) await addMandatoryLink(lectern, { courseId });
  return courseId;
}

interface ActOptions {
  token?: string | null;
  query?: string;
  payload?: string;
  headers?: Record<string, string>;
}

function act(courseId: string, action: string, options: ActOptions = {}) {
  const token = options.token === undefined ? lectern.adminToken : options.token;
  return lectern.app.inject({
    method: 'POST',
    url: `/api/v1/courses/${courseId}/${action}${options.query ?? ''}`,
    headers: { ...(token === null ? {} : lectern.auth(token)), ...options.headers },
    ...(options.payload === undefined ? {} : { payload: options.payload }),
  });
}

async function expectOk(courseId: string, action: string, options: ActOptions = {}) {
  const response = await act(courseId, action, options);
  expect(response.statusCode, response.body).toBe(200);
  return response;
}

function getCourse(courseId: string, token = lectern.adminToken) {
  return lectern.app.inject({ url: `/api/v1/courses/${courseId}`, headers: lectern.auth(token) });
}

async function courseOf(courseId: string, token = lectern.adminToken) {
  const response = await getCourse(courseId, token);
  expect(response.statusCode, response.body).toBe(200);
  return response.json().course;
}

/** The exact text of the Publish Course page's sample response, for this course and status. */
const statusBody = (courseId: string, status: string) =>
  `{"code":"200","course":{"courseId":"${courseId}","status":"${status}"},"message":"success"}`;

describe('publish', () => {
  it.each([
    ['query True (as the page writes it)', { query: '?notifyApplicableUsers=True' }],
    ['query true', { query: '?notifyApplicableUsers=true' }],
    ['query FALSE', { query: '?notifyApplicableUsers=FALSE' }],
    ['no parameter and no body', {}],
    ['a form body', { payload: 'notifyApplicableUsers=True', headers: form }],
    ['a JSON body', { payload: '{"notifyApplicableUsers":false}', headers: json }],
  ])('publishes with %s and answers the sample body exactly', async (_name, options: ActOptions) => {
    const courseId = await createCourse();
    const response = await expectOk(courseId, 'publish', options);
    expect(response.body).toBe(statusBody(courseId, 'published'));
    expect((await courseOf(courseId)).status).toBe(1);
  });

  it.each([
    ['query', { query: '?notifyApplicableUsers=maybe' }],
    ['JSON body', { payload: '{"notifyApplicableUsers":"maybe"}', headers: json }],
  ])('refuses notifyApplicableUsers=maybe in the %s and leaves the course drafted', async (_name, options) => {
    const courseId = await createCourse();
    const response = await act(courseId, 'publish', options);
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({ code: 'INVALID_INPUT', parameter: 'notifyApplicableUsers' });
    expect((await courseOf(courseId)).status).toBe(0);
  });

  it('shows the course as published, and publishing again changes nothing', async () => {
    const courseId = await createCourse();
    await expectOk(courseId, 'publish');
    expect(await courseOf(courseId)).toMatchObject({
      publishStatus: 'published',
      status: 1,
      statusAsDisplayString: 'Published',
      canUserDisable: true,
      canUserSuggest: true,
      isDisabled: false,
    });
    expect((await expectOk(courseId, 'publish')).body).toBe(statusBody(courseId, 'published'));
  });

  it('refuses to publish or unpublish a blended course through the course API', async () => {
    const courseId = await createCourse(2);
    const publish = await act(courseId, 'publish');
    expect(publish.statusCode).toBe(400);
    expect(publish.json().code).toBe('UNSUPPORTED_OPERATION_BL_COURSE_PUBLISH_VIA_COURSE_API');
    const unpublish = await act(courseId, 'unpublish');
    expect(unpublish.statusCode).toBe(400);
    expect(unpublish.json().code).toBe('UNSUPPORTED_OPERATION_BL_COURSE_UNPUBLISH_VIA_COURSE_API');
    expect((await courseOf(courseId)).status).toBe(0);
  });
});

describe('unpublish', () => {
  it('returns a published course to drafted', async () => {
    const courseId = await createCourse();
    await expectOk(courseId, 'publish');
    expect((await expectOk(courseId, 'unpublish')).body).toBe(statusBody(courseId, 'unpublished'));
    expect(await courseOf(courseId)).toMatchObject({ status: 0, publishStatus: 'unpublished' });
  });

  it('refuses a drafted course', async () => {
    const response = await act(await createCourse(), 'unpublish');
    expect(response.statusCode).toBe(400);
    expect(response.json().code).toBe('UNSUPPORTED_OPERATION');
  });

  it('refuses a course with a learner and changes nothing', async () => {
    const courseId = await createCourse();
    await expectOk(courseId, 'publish');
    await insertCourseMember(lectern, courseId, plain.erecno, 'learner');
    const response = await act(courseId, 'unpublish');
    expect(response.statusCode).toBe(400);
    expect(response.json().code).toBe('UNABLE_TO_UNPUBLISH_WITH_MEMBERS');
    expect(await courseOf(courseId)).toMatchObject({ status: 1, publishStatus: 'published' });
  });
});

describe('disable and enable', () => {
  it('refuses to disable a course before it is published', async () => {
    const response = await act(await createCourse(), 'disable');
    expect(response.statusCode).toBe(400);
    expect(response.json().code).toBe('UNABLE_TO_DISABLE_COURSE_BEFORE_PUBLISH');
  });

  it('disables with a comment, then enables', async () => {
    const courseId = await createCourse();
    await expectOk(courseId, 'publish');
    const disable = await expectOk(courseId, 'disable', { query: '?comment=Outdated%20content' });
    expect(disable.body).toBe(statusBody(courseId, 'disabled'));
    expect(await courseOf(courseId)).toMatchObject({ status: 2, isDisabled: true, statusAsDisplayString: 'Disabled' });
    const row = await lectern.app.lectern.db
      .selectFrom('courses')
      .select('status_comment')
      .where('id', '=', courseId)
      .executeTakeFirstOrThrow();
    expect(row.status_comment).toBe('Outdated content');
    const enable = await expectOk(courseId, 'enable', { payload: 'comment=Refreshed', headers: form });
    expect(enable.body).toBe(statusBody(courseId, 'enabled'));
    expect(await courseOf(courseId)).toMatchObject({ status: 1, isDisabled: false, publishStatus: 'published' });
  });

  it('refuses to enable a course that is not disabled', async () => {
    const drafted = await createCourse();
    const published = await createCourse();
    await expectOk(published, 'publish');
    for (const courseId of [drafted, published]) {
      const response = await act(courseId, 'enable');
      expect(response.statusCode).toBe(400);
      expect(response.json().code).toBe('UNSUPPORTED_OPERATION');
    }
  });

  it('hides a disabled course from a plain employee and refuses to publish it', async () => {
    const courseId = await createCourse();
    await expectOk(courseId, 'publish');
    expect((await getCourse(courseId, plain.token)).statusCode).toBe(200);
    await expectOk(courseId, 'disable');
    expect((await getCourse(courseId, plain.token)).statusCode).toBe(403);
    const publish = await act(courseId, 'publish');
    expect(publish.statusCode).toBe(400);
    expect((await courseOf(courseId)).status).toBe(2);
  });
});

describe('favourite', () => {
  it('toggles isFavourite for the caller only', async () => {
    const courseId = await createCourse();
    await expectOk(courseId, 'publish');
    expect((await expectOk(courseId, 'favorite')).body).toBe('{"code":"200","message":"success"}');
    expect((await courseOf(courseId)).isFavourite).toBe(true);
    expect((await courseOf(courseId, colleague.token)).isFavourite).toBe(false);
    await expectOk(courseId, 'favorite');
    expect((await expectOk(courseId, 'unfavorite')).body).toBe('{"code":"200","message":"success"}');
    expect((await courseOf(courseId)).isFavourite).toBe(false);
  });

  it('works for a plain employee on a published course, not on a drafted one', async () => {
    const courseId = await createCourse();
    expect((await act(courseId, 'favorite', { token: plain.token })).statusCode).toBe(403);
    await expectOk(courseId, 'publish');
    await expectOk(courseId, 'favorite', { token: plain.token });
    expect((await courseOf(courseId, plain.token)).isFavourite).toBe(true);
    expect((await courseOf(courseId)).isFavourite).toBe(false);
    expect((await courseOf(courseId, colleague.token)).isFavourite).toBe(false);
    await expectOk(courseId, 'unfavorite', { token: plain.token });
    expect((await courseOf(courseId, plain.token)).isFavourite).toBe(false);
  });
});

describe('access to every action', () => {
  const actions = ['publish', 'unpublish', 'enable', 'disable', 'favorite', 'unfavorite'];
  let courseId: string;
  beforeAll(async () => {
    courseId = await createCourse();
  });

  it.each(actions)('%s: 401 without a token, 403 with a READ-only token', async (action) => {
    const anonymous = await act(courseId, action, { token: null });
    expect(anonymous.statusCode).toBe(401);
    expect(anonymous.json().code).toBe('7202');
    const readOnly = await act(courseId, action, { token: await lectern.token(['READ']) });
    expect(readOnly.statusCode).toBe(403);
    expect(readOnly.json().message).toMatch(/^Sorry! You are not authorized to do this operation/);
  });

  it.each(actions)(
    '%s: 404 for an unknown id and for another portal course, 400 for a non-numeric id',
    async (action) => {
      const unknown = await act('100000000000000001', action);
      expect(unknown.statusCode).toBe(404);
      expect(unknown.json().code).toBe('404');
      const other = await lectern.otherPortal();
      const foreign = await act(courseId, action, { token: other.token });
      expect(foreign.statusCode).toBe(404);
      const bad = await act('abc', action);
      expect(bad.statusCode).toBe(400);
      expect(bad.json()).toMatchObject({ code: 'INVALID_INPUT', parameter: 'courseId' });
    },
  );

  it.each(['publish', 'unpublish', 'enable', 'disable'])('%s: 403 for a plain employee', async (action) => {
    const published = await createCourse();
    await expectOk(published, 'publish');
    const response = await act(published, action, { token: plain.token });
    expect(response.statusCode).toBe(403);
    expect(response.json().code).toBe('403');
    expect((await courseOf(published)).status).toBe(1);
  });
});
