/** The typed client in clients/typescript against a Lectern on a real socket: typed calls, JSON data objects, 429s. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createZohoLmsClient } from '../clients/typescript/src/index.ts';
import { type LiveLectern, startLiveLectern } from './helpers/live-server.ts';

let lectern: LiveLectern;
beforeAll(async () => {
  lectern = await startLiveLectern({ rateLimit: true });
});
afterAll(() => lectern?.close());

/** Moves the portal's clock through the control room, as a test waits out Retry-After without sleeping. */
async function advancePortalClock(ms: number): Promise<void> {
  const response = await fetch(`${lectern.baseUrl}/lectern/v1/portals/${lectern.portalId}/clock/advance`, {
    method: 'POST',
    headers: { ...lectern.auth(lectern.adminToken), 'content-type': 'application/json' },
    body: JSON.stringify({ by: Math.ceil(ms) }),
  });
  expect(response.status).toBe(200);
}

describe('the typed client', () => {
  it('creates a course with courseData as a typed object in the query, and reads it back', async () => {
    const client = createZohoLmsClient({ baseUrl: lectern.baseUrl, auth: { accessToken: lectern.adminToken } });
    const created = await client.POST('/api/v1/courses', {
      params: { query: { courseData: { name: 'Client course', type: 1 } } },
    });
    expect(created.response.status, JSON.stringify(created.error)).toBe(200);
    const courseId = created.data!.course.courseId;
    expect(courseId).toMatch(/^\d+$/);
    const fetched = await client.GET('/api/v1/courses/{courseId}', { params: { path: { courseId } } });
    expect(fetched.data!.course.name).toBe('Client course');
  });

  it("answers a refused call in Zoho's error shape", async () => {
    const client = createZohoLmsClient({ baseUrl: lectern.baseUrl, auth: { accessToken: 'not-a-token' } });
    const refused = await client.GET('/api/v1/courses');
    expect(refused.response.status).toBe(401);
    expect(refused.error).toMatchObject({ code: '7202' });
  });

  it("waits out 429 and Zoho's lock as Retry-After says, then succeeds", async () => {
    const waits: number[] = [];
    const client = createZohoLmsClient({
      baseUrl: lectern.baseUrl,
      auth: { accessToken: await lectern.token(['READ']) },
      maxWaitMs: 10 * 60_000,
      sleep: async (ms) => {
        waits.push(ms);
        await advancePortalClock(ms);
      },
    });
    for (let call = 0; call < 35; call += 1) {
      const answer = await client.GET('/api/v1/rooms');
      expect(answer.response.status).toBe(200);
    }
    expect(waits.length).toBeGreaterThan(0);
    expect(Math.max(...waits)).toBeGreaterThanOrEqual(60_000);
  });

  it('gives a 429 back when Retry-After is longer than the client will wait', async () => {
    const client = createZohoLmsClient({
      baseUrl: lectern.baseUrl,
      auth: { accessToken: await lectern.token(['READ']) },
      maxWaitMs: 1000,
      sleep: async () => {
        throw new Error('must not wait');
      },
    });
    let status = 200;
    for (let call = 0; call < 35 && status === 200; call += 1)
      status = (await client.GET('/api/v1/rooms')).response.status;
    expect(status).toBe(429);
  });
});
