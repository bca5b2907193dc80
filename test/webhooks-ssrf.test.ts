import { lookup as dnsLookup, type LookupAddress, type LookupOptions } from 'node:dns';
import { createServer, type Server } from 'node:http';
import type { AddressInfo, LookupFunction } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../src/config.ts';
import { runDeliveries } from '../src/deliveries/delivery-runner.ts';
import { createCourse } from './helpers/courses.ts';
import { eventOf, recordInTransaction } from './helpers/notifications.ts';
import { createTestLectern, type TestLectern } from './helpers/test-app.ts';

let receiver: Server;
let port: number;
/** Connections the receiver accepted, and requests it answered. */
const seen = { connections: 0, requests: 0 };
/** One Lectern per allowance. */
const lecterns: Partial<Record<'none' | 'loopback' | 'private', TestLectern>> = {};

beforeAll(async () => {
  receiver = createServer((request, response) => {
    seen.requests += 1;
    request.resume();
    request.on('end', () => response.writeHead(204).end());
  });
  receiver.on('connection', () => {
    seen.connections += 1;
  });
  // Every interface, so that `localhost` reaches it over IPv4 or IPv6.
  await new Promise<void>((resolve) => receiver.listen(0, resolve));
  port = (receiver.address() as AddressInfo).port;
  for (const allowance of ['none', 'loopback', 'private'] as const) {
    lecterns[allowance] = await createTestLectern({ env: { LECTERN_WEBHOOK_ALLOW_PRIVATE: allowance } });
  }
});
afterAll(async () => {
  for (const lectern of Object.values(lecterns)) await lectern.close();
  await new Promise((resolve) => receiver.close(resolve));
});

function create(lectern: TestLectern, url: string) {
  return lectern.app.inject({
    method: 'POST',
    url: '/lectern/v1/webhooks',
    headers: lectern.auth(lectern.adminToken),
    payload: { url, events: ['*'] },
  });
}

async function webhookCount(lectern: TestLectern): Promise<number> {
  return (await lectern.app.lectern.db.selectFrom('webhooks').select('id').execute()).length;
}

const refusedEverywhere = [
  'http://0.0.0.0/',
  'http://0.1.2.3/',
  'http://[::]/',
  'http://169.254.169.254/latest/meta-data/',
  'http://[fe80::1]/',
  'http://[fd00:ec2::254]/',
  'http://100.100.100.200/',
  'http://224.0.0.1/',
  'http://[ff02::1]/',
  'http://255.255.255.255/',
  'http://240.0.0.1/',
  'http://[2002:7f00:1::]/',
  'http://[64:ff9b::7f00:1]/',
  'http://[::127.0.0.1]/',
];
const loopbacks = [
  'http://127.0.0.1:8080/hook',
  'http://127.1.2.3/',
  'http://2130706433/',
  'http://0x7f.1/',
  'http://[::1]/',
  'http://[::ffff:127.0.0.1]/',
  'http://localhost/',
  'http://LOCALHOST./',
  'http://hooks.localhost/',
];
const privates = [
  'http://10.0.0.1/',
  'http://172.16.5.4/',
  'http://192.168.1.1/',
  'http://100.64.0.1/',
  'http://[fd00::1]/',
  'http://[fc00::1]/',
  'http://[::ffff:10.1.2.3]/',
];
const publics = ['http://93.184.216.34/hook', 'https://hooks.example.com/lms', 'http://[2606:4700::1111]/'];

describe('LECTERN_WEBHOOK_ALLOW_PRIVATE', () => {
  it('is none by default, loopback in the in-memory mode, and refuses other values naming itself', () => {
    expect(loadConfig({}).webhookAllowPrivate).toBe('none');
    expect(loadConfig({ LECTERN_MEMORY: 'true' }).webhookAllowPrivate).toBe('loopback');
    expect(loadConfig({ LECTERN_MEMORY: 'true', LECTERN_WEBHOOK_ALLOW_PRIVATE: 'NONE' }).webhookAllowPrivate).toBe(
      'none',
    );
    expect(() => loadConfig({ LECTERN_WEBHOOK_ALLOW_PRIVATE: 'all' })).toThrow(ConfigError);
    expect(() => loadConfig({ LECTERN_WEBHOOK_ALLOW_PRIVATE: 'all' })).toThrow(/LECTERN_WEBHOOK_ALLOW_PRIVATE/);
  });
});

describe('webhook URLs are checked when a webhook is made or changed', () => {
  it('refuses every class of non-public address by default, naming url, and writes nothing', async () => {
    const lectern = lecterns.none!;
    const before = await webhookCount(lectern);
    for (const url of [...refusedEverywhere, ...loopbacks, ...privates]) {
      const response = await create(lectern, url);
      expect(response.statusCode, url).toBe(400);
      expect(response.json(), url).toMatchObject({ code: 'INVALID_INPUT', parameter: 'url' });
      expect(response.json().message, url).toMatch(/must point at a public address/);
    }
    expect(await webhookCount(lectern)).toBe(before);
    for (const url of publics) expect((await create(lectern, url)).statusCode, url).toBe(200);
  });

  it('says which setting would allow an address, and that link-local ones never are', async () => {
    const lectern = lecterns.none!;
    expect((await create(lectern, 'http://127.0.0.1/')).json().message).toMatch(
      /loopback address.*LECTERN_WEBHOOK_ALLOW_PRIVATE=loopback/,
    );
    expect((await create(lectern, 'http://10.0.0.1/')).json().message).toMatch(/LECTERN_WEBHOOK_ALLOW_PRIVATE=private/);
    expect((await create(lectern, 'http://169.254.169.254/')).json().message).toMatch(/never allowed/);
  });

  it('refuses a PATCH to such an address and keeps the old URL', async () => {
    const lectern = lecterns.none!;
    const made = (await create(lectern, 'https://hooks.example.com/a')).json().webhook;
    const patched = await lectern.app.inject({
      method: 'PATCH',
      url: `/lectern/v1/webhooks/${made.webhookId}`,
      headers: lectern.auth(lectern.adminToken),
      payload: { url: 'http://[::ffff:169.254.169.254]/' },
    });
    expect(patched.statusCode).toBe(400);
    expect(patched.json().parameter).toBe('url');
    const shown = await lectern.app.inject({
      url: `/lectern/v1/webhooks/${made.webhookId}`,
      headers: lectern.auth(lectern.adminToken),
    });
    expect(shown.json().webhook.url).toBe('https://hooks.example.com/a');
  });

  it('lets the operator allow loopback, or loopback and private networks, but never the rest', async () => {
    for (const url of loopbacks) expect((await create(lecterns.loopback!, url)).statusCode, url).toBe(200);
    for (const url of privates) expect((await create(lecterns.loopback!, url)).statusCode, url).toBe(400);
    for (const url of [...loopbacks, ...privates]) {
      expect((await create(lecterns.private!, url)).statusCode, url).toBe(200);
    }
    for (const lectern of [lecterns.loopback!, lecterns.private!]) {
      for (const url of refusedEverywhere) expect((await create(lectern, url)).statusCode, url).toBe(400);
    }
  });
});

/** A resolver standing in for DNS: `*.example.test` names resolve to the given addresses, others as usual. */
function resolverTo(addresses: string[]): LookupFunction {
  return (hostname: string, options: LookupOptions, callback) => {
    if (!hostname.endsWith('.example.test')) {
      (dnsLookup as unknown as LookupFunction)(hostname, options, callback);
      return;
    }
    const entries: LookupAddress[] = addresses.map((address) => ({ address, family: address.includes(':') ? 6 : 4 }));
    if (options.all) callback(null, entries);
    else callback(null, entries[0]!.address, entries[0]!.family);
  };
}

/** Queues one event for every webhook of the portal, runs deliveries, and answers the run and each webhook's log. */
async function deliverOnce(lectern: TestLectern, resolve?: LookupFunction) {
  const courseId = (await createCourse(lectern, lectern.adminToken)).courseId as string;
  await recordInTransaction(lectern, [eventOf(lectern, { type: 'course.published.v1', courseId, notify: false })]);
  return runDeliveries(lectern.app.lectern, resolve === undefined ? {} : { resolve });
}

async function deliveriesOf(lectern: TestLectern, webhookId: string) {
  const log = await lectern.app.inject({
    url: `/lectern/v1/webhooks/${webhookId}/deliveries`,
    headers: lectern.auth(lectern.adminToken),
  });
  return log.json().deliveries as { status: string; attempts: number; attemptLog: { error: string | null }[] }[];
}

/** Writes a webhook straight into the table: one made before the operator narrowed the setting. */
async function insertWebhook(lectern: TestLectern, url: string): Promise<string> {
  const id = lectern.app.lectern.ids.next();
  const now = lectern.clock.now();
  await lectern.app.lectern.db
    .insertInto('webhooks')
    .values({
      id,
      portal_id: lectern.portalId,
      url,
      events: '["*"]',
      secret: 'a-secret-of-sixteen-or-more',
      active: 1,
      created_by: lectern.adminErecno,
      created_at: now,
      updated_at: now,
    })
    .execute();
  return id;
}

async function clearWebhooks(lectern: TestLectern): Promise<void> {
  await lectern.app.lectern.db.deleteFrom('webhook_deliveries').execute();
  await lectern.app.lectern.db.deleteFrom('webhooks').execute();
}

describe('addresses are checked again after resolution, when a delivery is sent', () => {
  it('fails a delivery whose name resolves inward, at once, without connecting', async () => {
    const lectern = lecterns.none!;
    await clearWebhooks(lectern);
    const made = await create(lectern, `http://receiver.example.test:${port}/hook`);
    expect(made.statusCode, 'a name is not resolved when the webhook is made').toBe(200);
    const webhookId = made.json().webhook.webhookId;
    const before = { ...seen };
    const run = await deliverOnce(lectern, resolverTo(['127.0.0.1']));
    expect(run.webhooks).toEqual({ sent: 0, failed: 1, skipped: 0 });
    expect(seen).toEqual(before);
    const [delivery] = await deliveriesOf(lectern, webhookId);
    expect(delivery).toMatchObject({ status: 'failed', attempts: 1 });
    expect(delivery!.attemptLog[0]!.error).toMatch(
      /^refused: receiver\.example\.test \(127\.0\.0\.1\) is a loopback address, which webhooks may not reach/,
    );
  });

  it('refuses a name when any of its addresses is refused', async () => {
    const lectern = lecterns.none!;
    await clearWebhooks(lectern);
    await create(lectern, `http://receiver.example.test:${port}/hook`);
    const before = { ...seen };
    const run = await deliverOnce(lectern, resolverTo(['93.184.216.34', '169.254.169.254']));
    expect(run.webhooks.failed).toBe(1);
    expect(seen).toEqual(before);
  });

  it('catches localhost through the real resolver, and IP literals stored before the setting narrowed', async () => {
    const lectern = lecterns.none!;
    await clearWebhooks(lectern);
    const byName = await insertWebhook(lectern, `http://localhost:${port}/hook`);
    const byLiteral = await insertWebhook(lectern, `http://127.0.0.1:${port}/hook`);
    const before = { ...seen };
    const run = await deliverOnce(lectern);
    expect(run.webhooks).toEqual({ sent: 0, failed: 2, skipped: 0 });
    expect(seen).toEqual(before);
    expect((await deliveriesOf(lectern, byName))[0]!.attemptLog[0]!.error).toMatch(
      /^refused: localhost \((127\.0\.0\.1|::1)\) is a loopback/,
    );
    expect((await deliveriesOf(lectern, byLiteral))[0]!.attemptLog[0]!.error).toMatch(/^refused: 127\.0\.0\.1 is/);
  });

  it('delivers to loopback names and addresses when the operator allows loopback', async () => {
    const lectern = lecterns.loopback!;
    await clearWebhooks(lectern);
    for (const url of [`http://localhost:${port}/a`, `http://receiver.example.test:${port}/b`]) {
      expect((await create(lectern, url)).statusCode).toBe(200);
    }
    const before = seen.requests;
    const run = await deliverOnce(lectern, resolverTo(['127.0.0.1']));
    expect(run.webhooks).toEqual({ sent: 2, failed: 0, skipped: 0 });
    expect(seen.requests).toBe(before + 2);
  });

  it('still refuses a private address under the loopback allowance', async () => {
    const lectern = lecterns.loopback!;
    await clearWebhooks(lectern);
    await create(lectern, `http://receiver.example.test:${port}/hook`);
    const run = await deliverOnce(lectern, resolverTo(['10.0.0.1']));
    expect(run.webhooks.failed).toBe(1);
  });
});
