import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { jsonType } from './helpers/courses.ts';
import { createTestLectern, type TestLectern } from './helpers/test-app.ts';

// Test-only faults, each triggered by a header so the other requests of the file run normally.
const loseAnswer = 'x-test-lose-answer';
const twinClaims = 'x-test-twin-claims';

let lectern: TestLectern;
beforeAll(async () => {
  lectern = await createTestLectern({
    beforeReady: (app) => {
      // As if the process died after the commit and before the answer was stored and sent: the first send fails.
      app.addHook('preHandler', async (request, reply) => {
        if (request.headers[loseAnswer] === undefined) return;
        const send = reply.send;
        reply.send = () => {
          reply.send = send;
          throw new Error('the answer was lost');
        };
      });
      // As if a twin request in another process claimed the key between this one's lookup and its commit.
      app.addHook('preHandler', async (request) => {
        if (request.headers[twinClaims] === undefined) return;
        await app.lectern.db
          .insertInto('idempotency_keys')
          .values({
            portal_id: lectern.portalId,
            token_hash: request.caller.tokenHash,
            key: String(request.headers['idempotency-key']),
            fingerprint: 'twin',
            status_code: 0,
            body: '',
            content_type: '',
            created_at: lectern.clock.now(),
          })
          .execute();
      });
    },
  });
});
afterAll(() => lectern?.close());

function createCourse(name: string, key: string, fault: Record<string, string> = {}) {
  return lectern.app.inject({
    method: 'POST',
    url: '/api/v1/courses',
    headers: { ...lectern.auth(lectern.adminToken), ...jsonType, 'idempotency-key': key, ...fault },
    payload: JSON.stringify({ name, type: 1 }),
  });
}

async function coursesNamed(name: string): Promise<number> {
  const rows = await lectern.app.lectern.db.selectFrom('courses').select('id').where('name', '=', name).execute();
  return rows.length;
}

describe('Idempotency-Key stored with the write', () => {
  it('refuses a retry of a write that committed but whose answer was lost, and stores it once', async () => {
    const lost = await createCourse('Lost answer', 'lost-1', { [loseAnswer]: '1' });
    expect(lost.statusCode).toBe(500);
    expect(await coursesNamed('Lost answer')).toBe(1);
    const retry = await createCourse('Lost answer', 'lost-1');
    expect(retry.statusCode).toBe(409);
    expect(retry.json()).toMatchObject({ code: 'IDEMPOTENCY_KEY_APPLIED' });
    expect(retry.json().message).toMatch(/was applied/);
    expect(await coursesNamed('Lost answer')).toBe(1);
    // The same key with another request is still a reuse, not an applied write.
    const other = await createCourse('Something else', 'lost-1');
    expect(other.statusCode).toBe(422);
    expect(await coursesNamed('Something else')).toBe(0);
  });

  it('rolls the write back when a twin request claimed the key meanwhile', async () => {
    const raced = await createCourse('Raced course', 'twin-1', { [twinClaims]: '1' });
    expect(raced.statusCode).toBe(409);
    expect(raced.json().message).toMatch(/still in progress/);
    expect(await coursesNamed('Raced course')).toBe(0);
    // The twin's claim stands: this refusal did not overwrite it with its own answer.
    const row = await lectern.app.lectern.db
      .selectFrom('idempotency_keys')
      .select(['fingerprint', 'status_code'])
      .where('key', '=', 'twin-1')
      .executeTakeFirstOrThrow();
    expect(row).toEqual({ fingerprint: 'twin', status_code: 0 });
  });

  it('replays the stored answer when the answer was sent', async () => {
    const first = await createCourse('Answered course', 'answered-1');
    expect(first.statusCode).toBe(200);
    const again = await createCourse('Answered course', 'answered-1');
    expect(again.headers['idempotent-replayed']).toBe('true');
    expect(again.json().course.courseId).toBe(first.json().course.courseId);
    expect(await coursesNamed('Answered course')).toBe(1);
  });
});
