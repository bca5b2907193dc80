import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backOffBaseMs } from '../src/deliveries/delivery-queue.repository.ts';
import { runDeliveries } from '../src/deliveries/delivery-runner.ts';
import { verifySignature } from '../src/deliveries/webhook-signature.ts';
import { createCourse, type Person, personNamed, publishCourse } from './helpers/courses.ts';
import { type BatchWithSession, batchWithSession, eventOf, recordInTransaction } from './helpers/notifications.ts';
import { createTestLectern, type TestLectern } from './helpers/test-app.ts';

/** One request the receiver got. */
interface Hit {
  headers: IncomingHttpHeaders;
  body: string;
  answered: number;
}

const hits: Hit[] = [];
/** The receiver answers 500 to this many requests before answering 204. */
let failures = 0;
let receiver: Server;
let receiverUrl: string;
let lectern: TestLectern;
let learner: Person;

beforeAll(async () => {
  receiver = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const answered = failures > 0 ? 500 : 204;
      if (failures > 0) failures -= 1;
      hits.push({ headers: request.headers, body: Buffer.concat(chunks).toString('utf8'), answered });
      response.statusCode = answered;
      response.end();
    });
  });
  await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
  receiverUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hooks/lms`;
  // The receivers listen on 127.0.0.1, which webhooks reach only when the operator allows loopback.
  lectern = await createTestLectern({ env: { LECTERN_WEBHOOK_ALLOW_PRIVATE: 'loopback' } });
  learner = await personNamed(lectern, 'Fatima Zahra');
});
afterAll(async () => {
  await lectern.close();
  await new Promise((resolve) => receiver.close(resolve));
});

function call(method: 'GET' | 'POST' | 'PATCH' | 'DELETE', url: string, token: string, payload?: object) {
  return lectern.app.inject({
    method,
    url,
    headers: lectern.auth(token),
    ...(payload === undefined ? {} : { payload }),
  });
}

async function register(events: string[], extra: object = {}) {
  const response = await call('POST', '/lectern/v1/webhooks', lectern.adminToken, {
    url: receiverUrl,
    events,
    ...extra,
  });
  expect(response.statusCode, response.body).toBe(200);
  return response.json().webhook as { webhookId: string; secret: string; events: string[] };
}

async function enrolOverHttp(path: BatchWithSession) {
  const response = await call(
    'POST',
    `/api/v1/courses/${path.courseId}/batches/${path.batchId}/enroll?erecnosList=[${learner.erecno}]`,
    lectern.adminToken,
  );
  expect(response.statusCode, response.body).toBe(200);
}

describe('signed webhook deliveries', () => {
  it('delivers subscribed events signed with the secret, and retries a failed one after the back-off', async () => {
    const path = await batchWithSession(lectern);
    const webhook = await register(['learner.enrolled.v1', 'course.published.v1']);
    const selfPaced = (await createCourse(lectern, lectern.adminToken, { type: 1 })).courseId as string;
    expect(webhook.secret).toMatch(/^whsec_[0-9a-f]{48}$/);
    const shown = await call('GET', `/lectern/v1/webhooks/${webhook.webhookId}`, lectern.adminToken);
    expect(shown.json().webhook.secret, 'the secret is shown once').toBeUndefined();

    hits.length = 0;
    // Through the API: Enrol Learners (learner.enrolled.v1) and Publish Course (course.published.v1).
    await enrolOverHttp(path);
    await publishCourse(lectern, selfPaced, lectern.adminToken);
    await recordInTransaction(lectern, [
      // Not subscribed: never delivered.
      eventOf(lectern, { type: 'course.completed.v1', courseId: path.courseId, erecno: learner.erecno }),
    ]);

    failures = 1;
    const first = await runDeliveries(lectern.app.lectern);
    expect(first.webhooks).toEqual({ sent: 1, failed: 1, skipped: 0 });
    // The retry is not due yet.
    await runDeliveries(lectern.app.lectern);
    expect(hits).toHaveLength(2);
    lectern.clock.advance(backOffBaseMs);
    const second = await runDeliveries(lectern.app.lectern);
    expect(second.webhooks).toEqual({ sent: 1, failed: 0, skipped: 0 });
    lectern.clock.advance(backOffBaseMs * 100);
    await runDeliveries(lectern.app.lectern);
    expect(hits).toHaveLength(3);

    for (const hit of hits) {
      expect(hit.headers['content-type']).toBe('application/json');
      const signature = String(hit.headers['lectern-signature']);
      expect(verifySignature(webhook.secret, hit.body, signature), 'signed with the secret').toBe(true);
      expect(verifySignature('whsec_another', hit.body, signature)).toBe(false);
      const body = JSON.parse(hit.body);
      expect(hit.headers['lectern-event']).toBe(body.type);
      const courseId = body.type === 'course.published.v1' ? selfPaced : path.courseId;
      expect(body).toMatchObject({ portalId: lectern.portalId, data: { type: body.type, courseId } });
      expect(body.id).toMatch(/^\d{18}$/);
      expect(typeof body.createdAt).toBe('number');
    }
    // The failed delivery was sent again with the same id and the same body.
    expect(hits[2]!.headers['lectern-delivery']).toBe(hits[0]!.headers['lectern-delivery']);
    expect(hits[2]!.body).toBe(hits[0]!.body);
    expect(hits.map((hit) => JSON.parse(hit.body).type).sort()).toEqual(
      ['course.published.v1', 'learner.enrolled.v1', hits[0]!.headers['lectern-event']].sort(),
    );
    const enrolled = hits.map((hit) => JSON.parse(hit.body)).find((body) => body.type === 'learner.enrolled.v1');
    expect(enrolled.data).toMatchObject({ erecno: learner.erecno, batchId: path.batchId });
    const t = Number(/t=(\d+)/.exec(String(hits[2]!.headers['lectern-signature']))![1]);
    expect(t).toBe(Math.floor(lectern.clock.now() / 1000) - (backOffBaseMs * 100) / 1000);

    const log = await call('GET', `/lectern/v1/webhooks/${webhook.webhookId}/deliveries`, lectern.adminToken);
    expect(log.statusCode, log.body).toBe(200);
    const deliveries = log.json().deliveries as {
      deliveryId: string;
      status: string;
      attemptLog: { outcome: string; statusCode: number }[];
    }[];
    expect(deliveries).toHaveLength(2);
    expect(deliveries.every((delivery) => delivery.status === 'sent')).toBe(true);
    const retried = deliveries.find((delivery) => delivery.deliveryId === hits[0]!.headers['lectern-delivery'])!;
    expect(retried.attemptLog.map((attempt) => [attempt.outcome, attempt.statusCode])).toEqual([
      ['failed', 500],
      ['sent', 204],
    ]);
    await call('DELETE', `/lectern/v1/webhooks/${webhook.webhookId}`, lectern.adminToken);
  });

  it('"*" receives every event; a switched-off webhook gets none; an unreachable one is retried', async () => {
    const path = await batchWithSession(lectern);
    const all = await register(['*'], { secret: 'a-secret-of-our-own-choosing' });
    expect(all.secret).toBe('a-secret-of-our-own-choosing');
    const off = await register(['*']);
    const patched = await call('PATCH', `/lectern/v1/webhooks/${off.webhookId}`, lectern.adminToken, { active: false });
    expect(patched.json().webhook).toMatchObject({ active: false });
    const unreachable = await call('POST', '/lectern/v1/webhooks', lectern.adminToken, {
      url: 'http://127.0.0.1:9/nothing-listens-here',
      events: ['course.completed.v1'],
    });
    hits.length = 0;
    await recordInTransaction(lectern, [
      eventOf(lectern, { type: 'course.completed.v1', courseId: path.courseId, erecno: learner.erecno }),
    ]);
    const result = await runDeliveries(lectern.app.lectern);
    expect(result.webhooks).toEqual({ sent: 1, failed: 1, skipped: 0 });
    expect(hits).toHaveLength(1);
    expect(verifySignature(all.secret, hits[0]!.body, String(hits[0]!.headers['lectern-signature']))).toBe(true);
    const log = await call(
      'GET',
      `/lectern/v1/webhooks/${unreachable.json().webhook.webhookId}/deliveries`,
      lectern.adminToken,
    );
    expect(log.json().deliveries[0]).toMatchObject({ status: 'pending', attempts: 1 });
    expect(log.json().deliveries[0].attemptLog[0]).toMatchObject({ outcome: 'failed', statusCode: null });
    for (const id of [all.webhookId, off.webhookId, unreachable.json().webhook.webhookId]) {
      expect((await call('DELETE', `/lectern/v1/webhooks/${id}`, lectern.adminToken)).statusCode).toBe(200);
      expect((await call('GET', `/lectern/v1/webhooks/${id}`, lectern.adminToken)).statusCode).toBe(404);
    }
  });

  it('a new secret can be asked for, and is shown once', async () => {
    const webhook = await register(['learner.enrolled.v1']);
    const rotated = await call('PATCH', `/lectern/v1/webhooks/${webhook.webhookId}`, lectern.adminToken, {
      secret: true,
    });
    expect(rotated.statusCode, rotated.body).toBe(200);
    expect(rotated.json().webhook.secret).toMatch(/^whsec_/);
    expect(rotated.json().webhook.secret).not.toBe(webhook.secret);
    const renamed = await call('PATCH', `/lectern/v1/webhooks/${webhook.webhookId}`, lectern.adminToken, {
      events: ['session.created.v1', 'session.cancelled.v1'],
    });
    expect(renamed.json().webhook).toMatchObject({ events: ['session.created.v1', 'session.cancelled.v1'] });
    expect(renamed.json().webhook.secret).toBeUndefined();
    await call('DELETE', `/lectern/v1/webhooks/${webhook.webhookId}`, lectern.adminToken);
  });
});

describe('validation', () => {
  it('refuses bad input naming the parameter', async () => {
    const cases: [object, string][] = [
      [{ events: ['*'] }, 'url'],
      [{ url: receiverUrl }, 'events'],
      [{ url: 'ftp://example.com/x', events: ['*'] }, 'url'],
      [{ url: 'not a url', events: ['*'] }, 'url'],
      [{ url: receiverUrl, events: [] }, 'events'],
      [{ url: receiverUrl, events: ['learner.enrolled'] }, 'events'],
      [{ url: receiverUrl, events: ['*'], secret: 'short' }, 'secret'],
      [{ url: receiverUrl, events: ['*'], active: 'maybe' }, 'active'],
    ];
    for (const [payload, parameter] of cases) {
      const response = await call('POST', '/lectern/v1/webhooks', lectern.adminToken, payload);
      expect(response.statusCode, JSON.stringify(payload)).toBe(400);
      expect(response.json().parameter, JSON.stringify(payload)).toBe(parameter);
    }
    const webhook = await register(['*']);
    const badPatch = await call('PATCH', `/lectern/v1/webhooks/${webhook.webhookId}`, lectern.adminToken, {
      url: 'mailto:someone@example.com',
    });
    expect(badPatch.statusCode).toBe(400);
    expect(badPatch.json().parameter).toBe('url');
    expect((await call('GET', '/lectern/v1/webhooks/abc', lectern.adminToken)).statusCode).toBe(400);
    expect((await call('GET', '/lectern/v1/webhooks/123456789012345678', lectern.adminToken)).statusCode).toBe(404);
    await call('DELETE', `/lectern/v1/webhooks/${webhook.webhookId}`, lectern.adminToken);
  });

  it('accepts the events as a JSON text and as a comma list', async () => {
    for (const events of ['["learner.enrolled.v1","learner.promoted.v1"]', 'learner.enrolled.v1,learner.promoted.v1']) {
      const response = await call('POST', '/lectern/v1/webhooks', lectern.adminToken, { url: receiverUrl, events });
      expect(response.statusCode, response.body).toBe(200);
      expect(response.json().webhook.events).toEqual(['learner.enrolled.v1', 'learner.promoted.v1']);
      await call('DELETE', `/lectern/v1/webhooks/${response.json().webhook.webhookId}`, lectern.adminToken);
    }
  });
});

describe('permissions: LMS admins only, within their portal', () => {
  let webhookId: string;
  beforeAll(async () => {
    webhookId = (await register(['*'])).webhookId;
  });

  it('the admin lists, reads and changes webhooks', async () => {
    const list = await call('GET', '/lectern/v1/webhooks', lectern.adminToken);
    expect(list.statusCode).toBe(200);
    expect(list.json().webhooks.map((webhook: { webhookId: string }) => webhook.webhookId)).toContain(webhookId);
  });

  it('nobody else in the portal may, whatever their token scopes or role', async () => {
    for (const name of ['Julia Moreau', 'Emeka Okafor', 'Fatima Zahra']) {
      const person = await personNamed(lectern, name);
      const requests: [Parameters<typeof call>[0], string, object?][] = [
        ['POST', '/lectern/v1/webhooks', { url: receiverUrl, events: ['*'] }],
        ['GET', '/lectern/v1/webhooks'],
        ['GET', `/lectern/v1/webhooks/${webhookId}`],
        ['PATCH', `/lectern/v1/webhooks/${webhookId}`, { active: false }],
        ['GET', `/lectern/v1/webhooks/${webhookId}/deliveries`],
        ['DELETE', `/lectern/v1/webhooks/${webhookId}`],
      ];
      for (const [method, url, payload] of requests) {
        const response = await call(method, url, person.token, payload);
        expect(response.statusCode, `${name} ${method} ${url}`).toBe(403);
      }
    }
  });

  it("an admin token needs the operation's scope", async () => {
    const readOnly = await lectern.token(['READ']);
    expect((await call('GET', '/lectern/v1/webhooks', readOnly)).statusCode).toBe(200);
    const refused = await call('POST', '/lectern/v1/webhooks', readOnly, { url: receiverUrl, events: ['*'] });
    expect(refused.statusCode).toBe(403);
  });

  it("another portal's admin sees none of them and cannot touch them", async () => {
    const other = await lectern.otherPortal();
    const list = await call('GET', '/lectern/v1/webhooks', other.token);
    expect(list.json().webhooks).toEqual([]);
    for (const [method, url] of [
      ['GET', `/lectern/v1/webhooks/${webhookId}`],
      ['PATCH', `/lectern/v1/webhooks/${webhookId}`],
      ['GET', `/lectern/v1/webhooks/${webhookId}/deliveries`],
      ['DELETE', `/lectern/v1/webhooks/${webhookId}`],
    ] as const) {
      const response = await call(method, url, other.token, method === 'PATCH' ? { active: false } : undefined);
      expect(response.statusCode, `${method} ${url}`).toBe(404);
    }
    expect((await call('GET', `/lectern/v1/webhooks/${webhookId}`, lectern.adminToken)).json().webhook.active).toBe(
      true,
    );
  });
});
