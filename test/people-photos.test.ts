/**
 * People's photos and the links Lectern hands out: uploads (png, jpeg, webp; bounded; content checked), removal, the
 * generated avatar, who may change a photo, and every URL in course and employee answers resolving on Lectern.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCourse, employeeNamed, jsonType } from './helpers/courses.ts';
import { createTestLectern, type TestLectern } from './helpers/test-app.ts';

let lectern: TestLectern;
beforeAll(async () => {
  lectern = await createTestLectern();
});
afterAll(() => lectern.close());

const erecnoOf = (name: string) => employeeNamed(lectern, name).erecno;
const png = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(64, 1)]);
const jpeg = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(64, 2)]);
const webp = Buffer.concat([Buffer.from('RIFF'), Buffer.alloc(4), Buffer.from('WEBP'), Buffer.alloc(64, 3)]);

function put(erecno: string, body: Buffer | string, contentType: string, token = lectern.adminToken) {
  return lectern.app.inject({
    method: 'PUT',
    url: `/lectern/v1/employees/${erecno}/photo`,
    headers: { ...lectern.auth(token), 'content-type': contentType },
    payload: body,
  });
}

function multipart(part: string, bytes: Buffer, type: string) {
  const boundary = 'lectern-photo-boundary';
  const body = Buffer.concat([
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="${part}"; filename="me.png"\r\nContent-Type: ${type}\r\n\r\n`,
    ),
    bytes,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return { body, contentType: `multipart/form-data; boundary=${boundary}` };
}

/** Fetches a URL Lectern handed out, through the app, as a browser would (no token). */
function follow(url: string) {
  const { pathname, search } = new URL(url);
  return lectern.app.inject({ url: `${pathname}${search}` });
}

describe('uploading a photo', () => {
  it.each([
    ['png', png, 'image/png'],
    ['jpeg', jpeg, 'image/jpeg'],
    ['webp', webp, 'image/webp'],
  ])('stores a %s sent as the body and serves it at the new URL', async (_name, bytes, type) => {
    const erecno = erecnoOf('Fatima Zahra');
    const response = await put(erecno, bytes, type);
    expect(response.statusCode, response.body).toBe(200);
    const { displayPictureURL, hasPhoto } = response.json();
    expect(hasPhoto).toBe(true);
    expect(displayPictureURL).toMatch(
      new RegExp(`^http://lectern\\.test/lectern/v1/employees/${erecno}/photo\\?key=[0-9a-f]{32}$`),
    );
    const served = await follow(displayPictureURL);
    expect(served.statusCode).toBe(200);
    expect(served.headers['content-type']).toBe(type);
    expect(served.headers['x-content-type-options']).toBe('nosniff');
    expect(served.headers['content-disposition']).toMatch(/^inline; filename=/);
    expect(served.rawPayload.equals(bytes)).toBe(true);
    // Every answer naming the person points at the same URL.
    const shown = await lectern.app.inject({
      url: `/lectern/v1/employees/${erecno}`,
      headers: lectern.auth(lectern.adminToken),
    });
    expect(shown.json().employee.displayPictureURL).toBe(displayPictureURL);
  });

  it('takes the multipart part `photo`, and a person may change their own photo', async () => {
    const erecno = erecnoOf('Gustav Lind');
    const own = await lectern.token(['UPDATE'], erecno);
    const { body, contentType } = multipart('photo', png, 'image/png');
    const response = await put(erecno, body, contentType, own);
    expect(response.statusCode, response.body).toBe(200);
    expect((await follow(response.json().displayPictureURL)).rawPayload.equals(png)).toBe(true);
  });

  it("refuses someone else's photo to a non-admin, and a token without UPDATE", async () => {
    const other = await lectern.token(['ALL'], erecnoOf('Hana Sato'));
    expect((await put(erecnoOf('Ivan Petrov'), png, 'image/png', other)).statusCode).toBe(403);
    const reader = await lectern.token(['READ']);
    expect((await put(erecnoOf('Ivan Petrov'), png, 'image/png', reader)).statusCode).toBe(403);
  });

  it.each([
    ['a gif', Buffer.from('GIF89a....'), 'image/gif', 415, 'Content-Type'],
    ['bytes that are no image', Buffer.from('not an image at all'), 'image/png', 400, 'photo'],
    ['a png sent as jpeg', png, 'image/jpeg', 400, 'photo'],
    ['an empty body', Buffer.alloc(0), 'image/png', 400, 'photo'],
    ['a photo over 2 MiB', Buffer.concat([png, Buffer.alloc(2 * 1024 * 1024)]), 'image/png', 413, 'body'],
    ['JSON', '{"photo":"x"}', 'application/json', 415, 'Content-Type'],
  ])('refuses %s and keeps the photo as it was', async (_name, body, type, status, parameter) => {
    const erecno = erecnoOf('Julia Moreau');
    const before = (await put(erecno, png, 'image/png')).json().displayPictureURL;
    const response = await put(erecno, body, type);
    expect(response.statusCode, response.body).toBe(status);
    expect(response.json().parameter ?? response.json().message).toContain(parameter);
    expect((await follow(before)).rawPayload.equals(png)).toBe(true);
  });

  it('refuses a multipart photo over the limit and a wrong part name', async () => {
    const erecno = erecnoOf('Julia Moreau');
    const large = multipart('photo', Buffer.concat([png, Buffer.alloc(2 * 1024 * 1024)]), 'image/png');
    expect((await put(erecno, large.body, large.contentType)).statusCode).toBe(413);
    const wrong = multipart('picture', png, 'image/png');
    const response = await put(erecno, wrong.body, wrong.contentType);
    expect(response.statusCode).toBe(400);
    expect(response.json().message).toContain('picture');
  });

  it('answers 404 for an unknown person', async () => {
    expect((await put('123456789012345678', png, 'image/png')).statusCode).toBe(404);
  });
});

describe('the avatar', () => {
  it('stands in without a photo, with the initials on a colour of the person, escaped', async () => {
    const response = await lectern.app.inject({
      method: 'POST',
      url: '/lectern/v1/employees',
      headers: { ...lectern.auth(lectern.adminToken), ...jsonType },
      payload: JSON.stringify({ displayName: '<script> & Ölund', emailId: 'avatar@example.com' }),
    });
    const person = response.json().employees[0];
    expect(person.displayPictureURL).toBe(`http://lectern.test/lectern/v1/employees/${person.erecno}/photo`);
    const avatar = await follow(person.displayPictureURL);
    expect(avatar.statusCode).toBe(200);
    expect(avatar.headers['content-type']).toBe('image/svg+xml');
    expect(avatar.headers['content-security-policy']).toContain("default-src 'none'");
    expect(avatar.body).toContain('>SÖ</text>');
    expect(avatar.body).not.toContain('<script');
    expect(avatar.body).toMatch(/fill="hsl\(\d+, 55%, 45%\)"/);
  });

  it('is served after a removal and for a stale or guessed key; the photo only with its key', async () => {
    const erecno = erecnoOf('Kofi Mensah');
    const url = (await put(erecno, png, 'image/png')).json().displayPictureURL;
    const guessed = await follow(url.replace(/key=.*/, `key=${'0'.repeat(32)}`));
    expect(guessed.headers['content-type']).toBe('image/svg+xml');
    const removed = await lectern.app.inject({
      method: 'DELETE',
      url: `/lectern/v1/employees/${erecno}/photo`,
      headers: lectern.auth(lectern.adminToken),
    });
    expect(removed.statusCode, removed.body).toBe(200);
    expect(removed.json()).toMatchObject({ hasPhoto: false });
    expect(removed.json().displayPictureURL).not.toContain('key=');
    expect((await follow(url)).headers['content-type']).toBe('image/svg+xml');
    const count = await lectern.app.lectern.db
      .selectFrom('employee_photos')
      .select('erecno')
      .where('erecno', '=', erecno)
      .execute();
    expect(count).toEqual([]);
  });

  it('answers 404 for no such person and 400 for a malformed id', async () => {
    expect((await lectern.app.inject({ url: '/lectern/v1/employees/123456789012345678/photo' })).statusCode).toBe(404);
    expect((await lectern.app.inject({ url: '/lectern/v1/employees/nobody/photo' })).statusCode).toBe(400);
  });
});

describe('links Lectern hands out', () => {
  it('resolve on Lectern: courseURL, and every photo URL of course and employee answers', async () => {
    const course = await createCourse(lectern, lectern.adminToken, { name: 'Links <b>course</b>' });
    const fetched = await lectern.app.inject({
      url: `/api/v1/courses/${course.courseId}`,
      headers: lectern.auth(lectern.adminToken),
    });
    const employees = await lectern.app.inject({
      url: '/lectern/v1/employees',
      headers: lectern.auth(lectern.adminToken),
    });
    const trainers = await lectern.app.inject({ url: '/api/v1/trainers', headers: lectern.auth(lectern.adminToken) });
    const urls = new Set<string>();
    const collect = (value: unknown): void => {
      if (typeof value === 'string' && /^https?:\/\//.test(value)) urls.add(value);
      else if (Array.isArray(value)) value.forEach(collect);
      else if (typeof value === 'object' && value !== null) Object.values(value).forEach(collect);
    };
    for (const answer of [fetched, employees, trainers]) collect(answer.json());
    expect(urls.size).toBeGreaterThan(20);
    for (const url of urls) {
      expect(url.startsWith('http://lectern.test/'), url).toBe(true);
      expect((await follow(url)).statusCode, url).toBe(200);
    }
    const page = await follow(fetched.json().course.courseURL);
    expect(page.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(page.headers['content-security-policy']).toContain("default-src 'none'");
    expect(page.body).toContain(course.courseId);
    expect(page.body).not.toContain('<script');
    // The page names no course to a browser without a token.
    expect(page.body).not.toContain('Links');
  });

  it('answers a course page for an unknown course with 404', async () => {
    const response = await lectern.app.inject({ url: '/app/courses/123456789012345678' });
    expect(response.statusCode).toBe(404);
    expect(response.headers['content-type']).toBe('text/html; charset=utf-8');
  });
});
