/**
 * The Update Modules page's own sample requests (curl, Python requests, JavaScript fetch), read from the seed page at
 * test time and run against Lectern on a real socket, in both families, with only the host, the token and the ids
 * changed (and, for the blended family, `/batches/<batchId>` inserted into the URL as the page's blended template
 * shows it).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createBlendedCourse, insertBatch } from './helpers/blended.ts';
import { type LiveLectern, startLiveLectern } from './helpers/live-server.ts';
import {
  clients,
  kinds,
  readSeed,
  readSeedPage,
  runSample,
  substitute,
  sampleTestTimeout as testTimeout,
} from './helpers/seed-samples.ts';

const seed = readSeed('update-module.txt');
const samples = seed.requests;
const sampleResponse = seed.response;

const page = readSeedPage('update-module.txt');

let lectern: LiveLectern;
beforeAll(async () => {
  lectern = await startLiveLectern();
});
afterAll(() => lectern.close());

/** The URL every sample calls, and the ids in it. */
const sampleUrl = 'https://people.zoho.com/api/v1/courses/478346000019328001/modules/478346000019459001';

/** A fresh module to update, and its URL path under /api/v1 in its family. */
type Family = 'self-paced' | 'blended';
async function freshModule(family: Family): Promise<{ path: string; courseId: string; moduleId: string }> {
  let path: string;
  let courseId: string;
  if (family === 'self-paced') {
    const response = await lectern.app.inject({
      method: 'POST',
      url: `/api/v1/courses?courseData=${encodeURIComponent('{"name":"Seed modules","type":1}')}`,
      headers: lectern.auth(lectern.adminToken),
    });
    courseId = response.json().course.courseId;
    path = `/api/v1/courses/${courseId}/modules`;
  } else {
    courseId = await createBlendedCourse(lectern);
    const batchId = await insertBatch(lectern, courseId, { startDate: '2026-02-01', endDate: '2026-02-28' });
    path = `/api/v1/courses/${courseId}/batches/${batchId}/modules`;
  }
  const created = await lectern.app.inject({
    method: 'POST',
    url: `${path}?moduleData=${encodeURIComponent('{"name":"Before the sample","duration":5}')}`,
    headers: lectern.auth(lectern.adminToken),
  });
  expect(created.statusCode, created.body).toBe(200);
  const moduleId = created.json().module.moduleId;
  return { path: `${path}/${moduleId}`, courseId, moduleId };
}

/** The module the sample's payload asks for, as Lectern answers it (the sample's date is past, so unlocked). */
const expectedModule = {
  duration: '10 Mins',
  lockUntil: '31-12-2022',
  isLocked: false,
  moduleName: 'test Module API testing',
  description: 'Module API description testing',
  lockType: '1',
};

describe('the seed page', () => {
  it('prints both families, and the blended URL puts /batches/<batchId> before /modules', () => {
    expect(page).toContain('https://people.zoho.com/api/v1/courses/<courseId>/modules<moduleId>?moduleData=');
    expect(page).toContain('https://people.zoho.com/api/v1/courses/<courseId>/batches/<batchId>/modules<moduleId>?');
    for (const client of clients) expect(samples[client]).toContain(sampleUrl);
  });

  it('shows code as a number and the module keys Lectern answers, in this order', () => {
    expect(Object.keys(sampleResponse)).toEqual(['code', 'module', 'message']);
    expect(sampleResponse.code).toBe(200);
    expect(Object.keys(sampleResponse.module)).toEqual([
      'duration',
      'lockUntil',
      'isLocked',
      'moduleName',
      'description',
      'lockType',
      'moduleId',
    ]);
  });
});

describe.each(['self-paced', 'blended'] as const)('Update Modules samples, %s family', (family) => {
  it.each(clients)(
    'the %s sample updates the module and gets the sample response shape',
    async (client) => {
      const { path, courseId, moduleId } = await freshModule(family);
      let request = substitute(samples[client], sampleUrl, `${lectern.baseUrl}${path}`);
      request = substitute(request, 'YOUR_ACCESS_TOKEN', lectern.adminToken);

      const { body } = await runSample(client, request);
      expect(Object.keys(body)).toEqual(Object.keys(sampleResponse));
      expect(kinds(body)).toEqual(kinds(sampleResponse));
      const sampleKeys = Object.keys(sampleResponse.module);
      // Lectern adds courseId and batchId after the sample's keys; the sample's own keys keep its order.
      expect(Object.keys(body.module).filter((key) => sampleKeys.includes(key))).toEqual(sampleKeys);
      expect(kinds(body.module, sampleKeys)).toEqual(kinds(sampleResponse.module));
      expect(body).toMatchObject({ code: 200, message: 'success', module: { ...expectedModule, moduleId, courseId } });

      const fetched = await lectern.app.inject({ url: path, headers: lectern.auth(lectern.adminToken) });
      expect(fetched.json().module).toEqual(body.module);
    },
    testTimeout,
  );

  it("the page's query template, filled in, updates the module the same way", async () => {
    const { path, moduleId } = await freshModule(family);
    const template = /\?moduleData=(\{.*\})$/m.exec(page)![1]!;
    const filled = template
      .replace('<name>', '"test Module API testing"')
      .replace('<duration>', '10')
      .replace('<description>', '"Module API description testing"')
      .replace('<lockType>', '1')
      .replace('<lockUntil>', '"31-12-2022"');
    const response = await lectern.app.inject({
      method: 'PATCH',
      url: `${path}?moduleData=${encodeURIComponent(filled)}`,
      headers: lectern.auth(lectern.adminToken),
    });
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json().module).toMatchObject({ ...expectedModule, moduleId });
  });
});
