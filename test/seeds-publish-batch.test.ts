/**
 * The Publish Batch page's own sample requests (curl, Python requests, JavaScript fetch), read from
 * test/fixtures/zoho/publish-batch.txt at test time and run against Lectern on a real socket with only the host, the
 * token and the ids changed. Each must publish a batch that has a session and a mandatory link and print exactly the
 * sample's body.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addMandatoryLink } from './helpers/content.ts';
import { type LiveLectern, startLiveLectern } from './helpers/live-server.ts';
import { clients, readSeed, runSample, substitute, sampleTestTimeout as testTimeout } from './helpers/seed-samples.ts';
import { insertSession } from './helpers/sessions.ts';

/** The page's ids, host and token placeholder, which the test swaps for Lectern's. */
const page = {
  host: 'https://people.zoho.com',
  token: 'YOUR_ACCESS_TOKEN',
  courseId: '588882000001018001',
  batchId: '588882000001019001',
};

/** Each key's JSON kind, recursively, so that the shape (keys, order, types) is compared and not the values. */
function shapeOf(value: unknown): unknown {
  if (value === null || typeof value !== 'object') return value === null ? 'null' : typeof value;
  if (Array.isArray(value)) return value.map(shapeOf);
  return Object.entries(value).map(([key, item]) => [key, shapeOf(item)]);
}

const seed = readSeed('publish-batch.txt');
let lectern: LiveLectern;
let courseId: string;
let sessionNumber = 0;

beforeAll(async () => {
  lectern = await startLiveLectern();
  const courseData = encodeURIComponent(JSON.stringify({ name: 'Publish batch samples', type: 2 }));
  const response = await lectern.app.inject({
    method: 'POST',
    url: `/api/v1/courses?courseData=${courseData}`,
    headers: lectern.auth(lectern.adminToken),
  });
  expect(response.statusCode, response.body).toBe(200);
  courseId = response.json().course.courseId;
});
afterAll(() => lectern.close());

/**
 * A fresh unpublished batch with one session (written directly: the Session API belongs to another feature) and a
 * mandatory link (a batch needs both to be published).
 */
async function batchWithSession(): Promise<string> {
  const batchData = {
    name: 'Sample batch',
    startDate: '22-12-2021',
    endDate: '27-01-2022',
    minimumCapacity: 10,
    maximumCapacity: 40,
  };
  const response = await lectern.app.inject({
    method: 'POST',
    url: `/api/v1/courses/${courseId}/batches?batchData=${encodeURIComponent(JSON.stringify(batchData))}`,
    headers: lectern.auth(lectern.adminToken),
  });
  expect(response.statusCode, response.body).toBe(200);
  const batchId = response.json().batch.batchId as string;
  await insertSession(
    lectern,
    { courseId, batchId, moduleId: '600000000000000000' },
    { id: String(600000000000000000n + BigInt(++sessionNumber)), name: 'Sample session', date: '2021-12-31' },
  );
  await addMandatoryLink(lectern, { courseId, batchId });
  return batchId;
}

describe('Publish Batch samples', () => {
  it('the page shows the response Lectern copies', () => {
    expect(seed.response).toEqual({
      code: '200',
      batch: { batchId: '219225000000645215', status: 'published' },
      message: 'success',
    });
  });

  it.each(clients)(
    'the %s sample publishes a batch and prints a body of exactly the sample shape',
    async (client) => {
      const batchId = await batchWithSession();
      // Unlike the Publish Course page, these samples send the Authorization header themselves (no browser
      // Cookie), so only the token placeholder changes.
      expect(seed.requests[client]).toContain(`Zoho-oauthtoken ${page.token}`);
      let request = substitute(seed.requests[client], page.host, lectern.baseUrl);
      request = substitute(request, page.token, lectern.adminToken);
      request = substitute(request, page.courseId, courseId);
      request = substitute(request, page.batchId, batchId);

      const { printed, body } = await runSample(client, request);
      expect(shapeOf(body)).toEqual(shapeOf(seed.response));
      expect(printed).toBe(`{"code":"200","batch":{"batchId":"${batchId}","status":"published"},"message":"success"}`);
      const batch = await lectern.app.inject({
        url: `/api/v1/courses/${courseId}/batches/${batchId}`,
        headers: lectern.auth(lectern.adminToken),
      });
      expect(batch.json().batch.publishStatus).toBe('published');
    },
    testTimeout,
  );
});
