import { randomBytes } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import { RedisRateLimiter } from '../src/http/redis-rate-limit.ts';
import { testRedisUrl } from './helpers/engines.ts';

const settings = { threshold: 30, windowMs: 60_000, lockMs: 300_000 };
const limiters: RedisRateLimiter[] = [];
function limiter(prefix: string): RedisRateLimiter {
  const made = new RedisRateLimiter(testRedisUrl, settings, false, prefix);
  limiters.push(made);
  return made;
}
afterAll(async () => {
  await Promise.all(limiters.map((made) => made.close()));
});

// The vitest config says whether Redis answered; without it this suite is skipped (and CI fails instead).
describe.skipIf(process.env.LECTERN_REDIS_AVAILABLE !== '1')('the Redis rate limiter', () => {
  const prefix = () => `lectern-test:${randomBytes(6).toString('hex')}:`;

  it('admits 30 calls in a minute, locks on the 31st for 5 minutes, then admits again', async () => {
    const redis = limiter(prefix());
    const start = 1_800_000_000_000;
    for (let call = 0; call < 30; call += 1) {
      expect((await redis.hit('token', 'GET /api/v1/rooms', start + call * 1000)).allowed).toBe(true);
    }
    expect(await redis.hit('token', 'GET /api/v1/rooms', start + 59_000)).toEqual({
      allowed: false,
      retryAfterSeconds: 300,
    });
    const during = await redis.hit('token', 'GET /api/v1/rooms', start + 59_000 + 240_000);
    expect(during).toEqual({ allowed: false, retryAfterSeconds: 60 });
    expect((await redis.hit('token', 'GET /api/v1/rooms', start + 59_000 + 300_001)).allowed).toBe(true);
  });

  it('slides: calls spread over more than a minute are never refused', async () => {
    const redis = limiter(prefix());
    const start = 1_800_000_000_000;
    for (let call = 0; call < 90; call += 1) {
      expect((await redis.hit('token', 'GET /x', start + call * 2001)).allowed).toBe(true);
    }
  });

  it('keeps tokens and endpoints apart', async () => {
    const redis = limiter(prefix());
    const now = 1_800_000_000_000;
    for (let call = 0; call < 31; call += 1) await redis.hit('a', 'GET /x', now);
    expect((await redis.hit('a', 'GET /x', now)).allowed).toBe(false);
    expect((await redis.hit('b', 'GET /x', now)).allowed).toBe(true);
    expect((await redis.hit('a', 'GET /y', now)).allowed).toBe(true);
  });

  it('admits exactly 30 of 400 concurrent calls spread over two clients (two processes)', async () => {
    const shared = prefix();
    const first = limiter(shared);
    const second = limiter(shared);
    const now = 1_800_000_000_000;
    const decisions = await Promise.all(
      Array.from({ length: 400 }, (_, call) => (call % 2 === 0 ? first : second).hit('token', 'GET /x', now)),
    );
    expect(decisions.filter((decision) => decision.allowed)).toHaveLength(30);
  });

  it('uses the Redis server clock when asked to', async () => {
    const redis = new RedisRateLimiter(testRedisUrl, { ...settings, threshold: 2 }, true, prefix());
    limiters.push(redis);
    expect((await redis.hit('t', 'GET /x', 0)).allowed).toBe(true);
    expect((await redis.hit('t', 'GET /x', 0)).allowed).toBe(true);
    expect((await redis.hit('t', 'GET /x', 0)).allowed).toBe(false);
    expect(await redis.ping()).toBe(true);
  });
});

describe('when Redis is unreachable', () => {
  it('admits calls (the failure is logged) and /readyz reports it', async () => {
    const { createTestLectern } = await import('./helpers/test-app.ts');
    // Port 1 on loopback refuses connections at once.
    const lectern = await createTestLectern({ rateLimit: true, env: { REDIS_URL: 'redis://127.0.0.1:1' } });
    try {
      const rooms = await lectern.app.inject({ url: '/api/v1/rooms', headers: lectern.auth(lectern.adminToken) });
      expect(rooms.statusCode).toBe(200);
      const ready = await lectern.app.inject({ url: '/readyz' });
      expect(ready.statusCode).toBe(503);
      expect(ready.json()).toEqual({ status: 'redis unavailable' });
    } finally {
      await lectern.close();
    }
  });
});
