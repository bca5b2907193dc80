/** /metrics: off by default, behind its own bearer token when on, counting requests per route pattern and status. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDialect } from './helpers/engines.ts';
import { createTestLectern, type TestLectern } from './helpers/test-app.ts';

const secret = 'metrics-secret-0123456789';

describe('metrics off (the default)', () => {
  let lectern: TestLectern;
  beforeAll(async () => {
    lectern = await createTestLectern();
  });
  afterAll(() => lectern?.close());

  it('answers 404 with how to turn them on', async () => {
    const response = await lectern.app.inject({ url: '/metrics', headers: { authorization: `Bearer ${secret}` } });
    expect(response.statusCode).toBe(404);
    expect(response.json().message).toContain('LECTERN_METRICS_TOKEN');
  });
});

describe('metrics on', () => {
  let lectern: TestLectern;
  beforeAll(async () => {
    lectern = await createTestLectern({ env: { LECTERN_METRICS_TOKEN: secret }, rateLimit: true });
  });
  afterAll(() => lectern?.close());

  const scrape = async () => {
    const response = await lectern.app.inject({ url: '/metrics', headers: { authorization: `Bearer ${secret}` } });
    expect(response.statusCode, response.body).toBe(200);
    expect(response.headers['content-type']).toContain('text/plain');
    return response.body;
  };

  it('refuses a scrape without the token, or with a wrong one, and never echoes it', async () => {
    for (const authorization of [undefined, 'Bearer wrong-token-0123456789', `Zoho-oauthtoken ${secret}`]) {
      const response = await lectern.app.inject({ url: '/metrics', headers: authorization ? { authorization } : {} });
      expect(response.statusCode).toBe(401);
      expect(response.headers['www-authenticate']).toBe('Bearer');
      expect(response.body).not.toContain('0123456789');
    }
  });

  it('counts requests by route pattern and status, with latency, never by raw id', async () => {
    const rooms = await lectern.app.inject({ url: '/api/v1/rooms', headers: lectern.auth(lectern.adminToken) });
    const roomId = rooms.json().rooms[0].roomId as string;
    await lectern.app.inject({ url: `/api/v1/rooms/${roomId}`, headers: lectern.auth(lectern.adminToken) });
    await lectern.app.inject({ url: '/api/v1/rooms/999999999', headers: lectern.auth(lectern.adminToken) });
    const body = await scrape();
    expect(body).toMatch(/lectern_http_requests_total\{method="GET",route="\/api\/v1\/rooms",status="200"\} 1/);
    expect(body).toMatch(
      /lectern_http_requests_total\{method="GET",route="\/api\/v1\/rooms\/:roomId",status="200"\} 1/,
    );
    expect(body).toMatch(
      /lectern_http_requests_total\{method="GET",route="\/api\/v1\/rooms\/:roomId",status="404"\} 1/,
    );
    expect(body).not.toContain(roomId);
    expect(body).toMatch(
      /lectern_http_request_duration_seconds_bucket\{le="0\.0005",method="GET",route="\/api\/v1\/rooms"/,
    );
    expect(body).toContain('process_cpu_user_seconds_total');
  });

  it('counts rate-limit refusals and shows the delivery queues', async () => {
    for (let call = 0; call < 31; call += 1) {
      await lectern.app.inject({ url: '/api/v1/categories', headers: lectern.auth(lectern.adminToken) });
    }
    const body = await scrape();
    expect(body).toMatch(/lectern_rate_limit_refusals_total \d+/);
    expect(Number(/lectern_rate_limit_refusals_total (\d+)/.exec(body)![1])).toBeGreaterThanOrEqual(1);
    expect(body).toContain('# TYPE lectern_delivery_queue_rows gauge');
    if (testDialect === 'postgres') expect(body).toMatch(/lectern_db_pool_connections\{state="total"\} \d+/);
  });
});
