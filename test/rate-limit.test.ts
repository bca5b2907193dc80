import { afterEach, describe, expect, it } from 'vitest';
import { MemoryRateLimiter } from '../src/http/rate-limit.ts';
import { createTestLectern, type TestLectern } from './helpers/test-app.ts';

const second = 1000;
const minute = 60 * second;

let lectern: TestLectern | undefined;
afterEach(async () => {
  await lectern?.close();
  lectern = undefined;
});

async function start(env: Record<string, string> = {}): Promise<TestLectern> {
  lectern = await createTestLectern({ rateLimit: true, env });
  return lectern;
}

function get(app: TestLectern, url: string, token = app.adminToken) {
  return app.app.inject({ url, headers: app.auth(token) });
}

/** Makes `count` calls and returns their status codes. */
async function burst(
  app: TestLectern,
  count: number,
  url = '/api/v1/rooms',
  token = app.adminToken,
): Promise<number[]> {
  const statuses: number[] = [];
  for (let i = 0; i < count; i += 1) statuses.push((await get(app, url, token)).statusCode);
  return statuses;
}

describe('the rate limit over HTTP', () => {
  it('allows 30 calls a minute, then locks the endpoint for 5 minutes with Retry-After', async () => {
    const app = await start();
    expect(await burst(app, 30)).toEqual(Array(30).fill(200));
    const refused = await get(app, '/api/v1/rooms');
    expect(refused.statusCode).toBe(429);
    expect(refused.headers['retry-after']).toBe('300');
    expect(refused.json()).toEqual({
      code: '7209',
      message: 'API access blocked since threshold limit exceeded. Please try after 300 seconds',
    });

    app.clock.advance(4 * minute);
    const stillLocked = await get(app, '/api/v1/rooms');
    expect(stillLocked.statusCode).toBe(429);
    expect(stillLocked.headers['retry-after']).toBe('60');
    expect(stillLocked.json().code).toBe('7209');

    app.clock.advance(59 * second + 500);
    const lastMoment = await get(app, '/api/v1/rooms');
    expect(lastMoment.statusCode).toBe(429);
    // Never 0: a client told to wait 0 seconds would retry at once.
    expect(lastMoment.headers['retry-after']).toBe('1');

    app.clock.advance(1 * second);
    expect(await burst(app, 30)).toEqual(Array(30).fill(200));
    expect((await get(app, '/api/v1/rooms')).statusCode).toBe(429);
  });

  it('calls refused during the lock do not extend it', async () => {
    const app = await start();
    await burst(app, 31);
    for (let i = 0; i < 5; i += 1) {
      app.clock.advance(minute - 1);
      expect((await get(app, '/api/v1/rooms')).statusCode).toBe(429);
    }
    app.clock.advance(5);
    expect((await get(app, '/api/v1/rooms')).statusCode).toBe(200);
  });

  it('never refuses calls spread out at 30 a minute', async () => {
    const app = await start();
    for (let round = 0; round < 4; round += 1) {
      expect(await burst(app, 30)).toEqual(Array(30).fill(200));
      app.clock.advance(61 * second);
    }
    // One call every 2 seconds is 30 in any minute.
    for (let i = 0; i < 90; i += 1) {
      expect((await get(app, '/api/v1/rooms')).statusCode).toBe(200);
      app.clock.advance(2 * second);
    }
  });

  it('uses a sliding window, not a fixed one: no 60 calls across a minute boundary', async () => {
    const app = await start();
    // The test clock starts on a whole minute: 30 calls at :59 and 30 at :01 would pass fixed windows.
    app.clock.advance(59 * second);
    expect(await burst(app, 30)).toEqual(Array(30).fill(200));
    app.clock.advance(2 * second);
    expect((await get(app, '/api/v1/rooms')).statusCode).toBe(429);
  });

  it('frees a slot as soon as the oldest call leaves the window', async () => {
    const app = await start();
    await burst(app, 15);
    app.clock.advance(45 * second);
    await burst(app, 15);
    app.clock.advance(15 * second);
    // Now the first 15 are exactly a minute old: 15 more fit, the 16th does not.
    expect(await burst(app, 15)).toEqual(Array(15).fill(200));
    expect((await get(app, '/api/v1/rooms')).statusCode).toBe(429);
  });

  it('limits per token: another token of the same employee is unaffected', async () => {
    const app = await start();
    await burst(app, 31);
    const other = await app.token(['ALL']);
    expect(await burst(app, 30, '/api/v1/rooms', other)).toEqual(Array(30).fill(200));
    expect((await get(app, '/api/v1/rooms', other)).statusCode).toBe(429);
  });

  it('limits per endpoint: other endpoints answer while /rooms is locked', async () => {
    const app = await start();
    const roomId = (await get(app, '/api/v1/rooms')).json().rooms[0].roomId;
    await burst(app, 30);
    expect((await get(app, '/api/v1/rooms')).statusCode).toBe(429);
    expect((await get(app, `/api/v1/rooms/${roomId}`)).statusCode).toBe(200);
    expect((await get(app, '/api/v1/categories')).statusCode).toBe(200);
    expect((await get(app, '/lectern/v1/employees')).statusCode).toBe(200);
  });

  it('counts every id of a path-parameter endpoint as one endpoint', async () => {
    const app = await start();
    const rooms = (await get(app, '/api/v1/rooms')).json().rooms as { roomId: string }[];
    for (let i = 0; i < 30; i += 1) {
      expect((await get(app, `/api/v1/rooms/${rooms[i % rooms.length]!.roomId}`)).statusCode).toBe(200);
    }
    expect((await get(app, `/api/v1/rooms/${rooms[0]!.roomId}`)).statusCode).toBe(429);
    expect((await get(app, `/api/v1/rooms/${rooms[1]!.roomId}`)).statusCode).toBe(429);
  });

  it('does not limit calls without a valid token or to unauthenticated endpoints', async () => {
    const app = await start();
    for (let i = 0; i < 40; i += 1) {
      expect((await app.app.inject({ url: '/api/v1/rooms' })).statusCode).toBe(401);
      expect((await app.app.inject({ url: '/healthz' })).statusCode).toBe(200);
    }
    expect((await get(app, '/api/v1/rooms')).statusCode).toBe(200);
  });

  it('takes threshold, window and lock from the settings', async () => {
    const app = await start({
      LECTERN_RATE_LIMIT_THRESHOLD: '5',
      LECTERN_RATE_LIMIT_WINDOW_SECONDS: '10',
      LECTERN_RATE_LIMIT_LOCK_SECONDS: '20',
    });
    expect(await burst(app, 5)).toEqual(Array(5).fill(200));
    const refused = await get(app, '/api/v1/rooms');
    expect(refused.statusCode).toBe(429);
    expect(refused.headers['retry-after']).toBe('20');
    app.clock.advance(20 * second);
    expect(await burst(app, 5)).toEqual(Array(5).fill(200));
    app.clock.advance(10 * second);
    expect(await burst(app, 5)).toEqual(Array(5).fill(200));
  });

  it('answers every call when the limit is off', async () => {
    lectern = await createTestLectern();
    expect(await burst(lectern, 100)).toEqual(Array(100).fill(200));
  });
});

describe('MemoryRateLimiter', () => {
  const settings = { threshold: 30, windowMs: minute, lockMs: 5 * minute };
  const now = Date.UTC(2026, 0, 5);

  it('allows exactly the threshold out of many calls at the same instant', () => {
    const limiter = new MemoryRateLimiter(settings);
    const decisions = Array.from({ length: 500 }, () => limiter.hit('token', 'GET /x', now));
    expect(decisions.filter((decision) => decision.allowed)).toHaveLength(30);
    expect(decisions.slice(0, 30).every((decision) => decision.allowed)).toBe(true);
    expect(decisions[30]).toEqual({ allowed: false, retryAfterSeconds: 300 });
  });

  it('rounds Retry-After up to whole seconds', () => {
    const limiter = new MemoryRateLimiter(settings);
    for (let i = 0; i < 31; i += 1) limiter.hit('token', 'GET /x', now);
    expect(limiter.hit('token', 'GET /x', now + 1)).toEqual({ allowed: false, retryAfterSeconds: 300 });
    expect(limiter.hit('token', 'GET /x', now + 1001)).toEqual({ allowed: false, retryAfterSeconds: 299 });
  });

  it('keeps tokens and endpoints apart', () => {
    const limiter = new MemoryRateLimiter({ ...settings, threshold: 2 });
    expect(limiter.hit('a', 'GET /x', now).allowed).toBe(true);
    expect(limiter.hit('a', 'GET /x', now).allowed).toBe(true);
    expect(limiter.hit('a', 'GET /x', now).allowed).toBe(false);
    expect(limiter.hit('a', 'GET /y', now).allowed).toBe(true);
    expect(limiter.hit('b', 'GET /x', now).allowed).toBe(true);
  });

  it('locks again at once when the lock is zero and the window is still full', () => {
    const limiter = new MemoryRateLimiter({ threshold: 2, windowMs: minute, lockMs: 0 });
    limiter.hit('a', 'GET /x', now);
    limiter.hit('a', 'GET /x', now);
    expect(limiter.hit('a', 'GET /x', now)).toEqual({ allowed: false, retryAfterSeconds: 1 });
    expect(limiter.hit('a', 'GET /x', now + 30 * second).allowed).toBe(false);
    expect(limiter.hit('a', 'GET /x', now + minute).allowed).toBe(true);
  });

  it('drops idle tokens so memory stays bounded, and keeps active ones', () => {
    const limiter = new MemoryRateLimiter(settings);
    const logs = (limiter as any).logs as Map<string, Map<string, unknown>>;
    for (let i = 0; i < 5000; i += 1) limiter.hit(`token-${i}`, 'GET /x', now);
    expect(logs.size).toBe(5000);

    const horizon = settings.windowMs + settings.lockMs;
    // A token still calling just before the sweep survives it.
    limiter.hit('token-7', 'GET /x', now + horizon - second);
    limiter.hit('fresh', 'GET /x', now + horizon + second);
    expect([...logs.keys()].sort()).toEqual(['fresh', 'token-7']);

    // A swept token starts over with the whole threshold.
    const decisions = Array.from({ length: 31 }, () => limiter.hit('token-1', 'GET /x', now + horizon + second));
    expect(decisions.filter((decision) => decision.allowed)).toHaveLength(30);
  });

  it('does not sweep a locked token before its lock ends', () => {
    const limiter = new MemoryRateLimiter(settings);
    const logs = (limiter as any).logs as Map<string, Map<string, unknown>>;
    for (let i = 0; i < 31; i += 1) limiter.hit('locked', 'GET /x', now);
    limiter.hit('other', 'GET /x', now + 4 * minute);
    expect(logs.has('locked')).toBe(true);
    expect(limiter.hit('locked', 'GET /x', now + 4 * minute).allowed).toBe(false);
  });

  it('stays bounded under a steady stream of new tokens over hours', () => {
    const limiter = new MemoryRateLimiter(settings);
    const logs = (limiter as any).logs as Map<string, unknown>;
    let largest = 0;
    // One new token every second for 3 hours.
    for (let i = 0; i < 3 * 3600; i += 1) {
      limiter.hit(`token-${i}`, 'GET /x', now + i * second);
      largest = Math.max(largest, logs.size);
    }
    // At most two horizons' worth (6 min each) of tokens are ever held.
    expect(largest).toBeLessThanOrEqual(2 * 360 + 1);
  });
});
