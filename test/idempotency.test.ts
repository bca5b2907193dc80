import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { issueToken } from '../src/features/people/portal.service.ts';
import { createTestLectern, type TestLectern } from './helpers/test-app.ts';

const hour = 3600 * 1000;
const readScope = { scopes: ['ZOHOPEOPLE.training.READ'] };

let lectern: TestLectern;
beforeAll(async () => {
  lectern = await createTestLectern();
});
afterAll(() => lectern?.close());

let keyCounter = 0;
/** A key no earlier test used. */
function freshKey(): string {
  keyCounter += 1;
  return `key-${keyCounter}`;
}

function createToken(key: string | undefined, body: unknown = readScope, token = lectern.adminToken) {
  return lectern.app.inject({
    method: 'POST',
    url: '/lectern/v1/tokens',
    headers: { ...lectern.auth(token), ...(key === undefined ? {} : { 'idempotency-key': key }) },
    payload: body as Record<string, unknown>,
  });
}

async function tokenRows(): Promise<number> {
  const rows = await lectern.app.lectern.db.selectFrom('tokens').select('hash').execute();
  return rows.length;
}

describe('Idempotency-Key', () => {
  it('answers a repeated request with the first response and writes once', async () => {
    const key = freshKey();
    const before = await tokenRows();
    const first = await createToken(key);
    expect(first.statusCode).toBe(200);
    expect(first.headers['idempotent-replayed']).toBeUndefined();
    const second = await createToken(key);
    expect(second.statusCode).toBe(200);
    expect(second.headers['idempotent-replayed']).toBe('true');
    expect(second.headers['content-type']).toBe(first.headers['content-type']);
    expect(second.body).toBe(first.body);
    expect(second.json().token).toBe(first.json().token);
    const third = await createToken(key);
    expect(third.json().token).toBe(first.json().token);
    expect(await tokenRows()).toBe(before + 1);
    // The replayed token is the real one.
    const rooms = await lectern.app.inject({ url: '/api/v1/rooms', headers: lectern.auth(second.json().token) });
    expect(rooms.statusCode).toBe(200);
  });

  it('writes once when requests with the same key arrive together', async () => {
    const key = freshKey();
    const before = await tokenRows();
    const responses = await Promise.all(Array.from({ length: 6 }, () => createToken(key)));
    const answered = responses.filter((response) => response.statusCode === 200);
    // Each one either replays the first answer or is told the first is still in progress.
    for (const response of responses) expect([200, 409]).toContain(response.statusCode);
    expect(new Set(answered.map((response) => response.json().token)).size).toBe(1);
    expect(await tokenRows()).toBe(before + 1);
  });

  it('writes anew for every request without a key', async () => {
    const before = await tokenRows();
    const first = await createToken(undefined);
    const second = await createToken(undefined);
    expect(second.json().token).not.toBe(first.json().token);
    expect(await tokenRows()).toBe(before + 2);
  });

  it('refuses the same key with another body with 422 and writes nothing', async () => {
    const key = freshKey();
    const first = await createToken(key);
    const before = await tokenRows();
    const reused = await createToken(key, { scopes: ['ZOHOPEOPLE.training.ALL'] });
    expect(reused.statusCode).toBe(422);
    expect(reused.json()).toMatchObject({ code: 'IDEMPOTENCY_KEY_REUSED' });
    expect(await tokenRows()).toBe(before);
    // The first response is still the one remembered.
    expect((await createToken(key)).json().token).toBe(first.json().token);
  });

  it('refuses the same key on another endpoint, even with the same body', async () => {
    const key = freshKey();
    const operator = (
      await issueToken(lectern.app.lectern, {
        portalId: lectern.portalId,
        scopes: ['ZOHOPEOPLE.training.ALL'],
        isOperator: true,
      })
    ).token;
    expect((await createToken(key, readScope, operator)).statusCode).toBe(200);
    const portalsBefore = await lectern.app.lectern.db.selectFrom('portals').select('id').execute();
    const other = await lectern.app.inject({
      method: 'POST',
      url: '/lectern/v1/portals',
      headers: { ...lectern.auth(operator), 'idempotency-key': key },
      payload: readScope,
    });
    expect(other.statusCode).toBe(422);
    expect(other.json().code).toBe('IDEMPOTENCY_KEY_REUSED');
    const portalsAfter = await lectern.app.lectern.db.selectFrom('portals').select('id').execute();
    expect(portalsAfter).toHaveLength(portalsBefore.length);
  });

  it('forgets a key after the TTL', async () => {
    const key = freshKey();
    const first = await createToken(key);
    lectern.clock.advance(23 * hour);
    expect((await createToken(key)).json().token).toBe(first.json().token);
    lectern.clock.advance(1 * hour + 1);
    const before = await tokenRows();
    const fresh = await createToken(key);
    expect(fresh.statusCode).toBe(200);
    expect(fresh.headers['idempotent-replayed']).toBeUndefined();
    expect(fresh.json().token).not.toBe(first.json().token);
    expect(await tokenRows()).toBe(before + 1);
    // The new response is the one remembered now, even with another body after the TTL.
    const again = await createToken(key);
    expect(again.headers['idempotent-replayed']).toBe('true');
    expect(again.json().token).toBe(fresh.json().token);
    lectern.clock.advance(24 * hour + 1);
    const otherBody = await createToken(key, { scopes: ['ZOHOPEOPLE.training.ALL'] });
    expect(otherBody.statusCode).toBe(200);
    expect(otherBody.headers['idempotent-replayed']).toBeUndefined();
  });

  it('keeps keys per token: another token may use the same key', async () => {
    const key = freshKey();
    const mine = await createToken(key);
    const otherToken = await lectern.token(['ALL']);
    const theirs = await createToken(key, readScope, otherToken);
    expect(theirs.statusCode).toBe(200);
    expect(theirs.headers['idempotent-replayed']).toBeUndefined();
    expect(theirs.json().token).not.toBe(mine.json().token);
    // Even another portal's admin with the same key gets its own answer.
    const other = await lectern.otherPortal();
    const foreign = await createToken(key, readScope, other.token);
    expect(foreign.headers['idempotent-replayed']).toBeUndefined();
    expect(foreign.json().erecno).not.toBe(mine.json().erecno);
  });

  it('replays client errors the handler answered, but not errors before the handler', async () => {
    const key = freshKey();
    const unknown = { erecno: '100000000000000001', ...readScope };
    const first = await createToken(key, unknown);
    expect(first.statusCode).toBe(404);
    const second = await createToken(key, unknown);
    expect(second.statusCode).toBe(404);
    expect(second.headers['idempotent-replayed']).toBe('true');
    expect(second.body).toBe(first.body);

    // A body the schema refuses never reaches the key store: the corrected request may use the key.
    const badKey = freshKey();
    const invalid = await createToken(badKey, { scopes: 'not-a-list', erecno: { nested: true } });
    expect(invalid.statusCode).toBe(400);
    expect((await createToken(badKey)).statusCode).toBe(200);
  });

  it('refuses a key longer than 255 characters, or an empty one, naming the header', async () => {
    const before = await tokenRows();
    const long = await createToken('k'.repeat(256));
    expect(long.statusCode).toBe(400);
    expect(long.json()).toMatchObject({ code: 'INVALID_INPUT', parameter: 'Idempotency-Key' });
    expect(long.json().message).toContain('Idempotency-Key');
    const empty = await createToken('');
    expect(empty.statusCode).toBe(400);
    expect(empty.json().parameter).toBe('Idempotency-Key');
    expect(await tokenRows()).toBe(before);
    expect((await createToken('k'.repeat(255))).statusCode).toBe(200);
  });

  it('ignores the header on GET requests', async () => {
    for (const key of [freshKey(), 'k'.repeat(300)]) {
      for (let i = 0; i < 2; i += 1) {
        const response = await lectern.app.inject({
          url: '/api/v1/rooms',
          headers: { ...lectern.auth(lectern.adminToken), 'idempotency-key': key },
        });
        expect(response.statusCode).toBe(200);
        expect(response.headers['idempotent-replayed']).toBeUndefined();
      }
    }
    const stored = await lectern.app.lectern.db
      .selectFrom('idempotency_keys')
      .select('key')
      .where('key', '=', 'k'.repeat(300))
      .execute();
    expect(stored).toEqual([]);
  });

  it('does not look at the header before authentication', async () => {
    const response = await lectern.app.inject({
      method: 'POST',
      url: '/lectern/v1/tokens',
      headers: { 'idempotency-key': 'k'.repeat(300) },
      payload: readScope,
    });
    expect(response.statusCode).toBe(401);
  });
});
