/** The mailbox: the e-mails and webhook deliveries a portal queued through the API, read and cleared by its admin. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runEmailDeliveries } from '../src/deliveries/notification.delivery.ts';
import { createCourse, jsonType, publishCourse } from './helpers/courses.ts';
import { RecordingTransport } from './helpers/notifications.ts';
import { control } from './helpers/observation.ts';
import { createTestLectern, type TestLectern } from './helpers/test-app.ts';

let lectern: TestLectern;
let courseId: string;
let learner: { erecno: string; email_id: string };

beforeAll(async () => {
  lectern = await createTestLectern();
  learner = lectern.employees.find((employee) => employee.display_name === 'Fatima Zahra')!;
  const hook = await lectern.app.inject({
    method: 'POST',
    url: '/lectern/v1/webhooks',
    headers: { ...lectern.auth(lectern.adminToken), ...jsonType },
    payload: { url: 'https://hooks.example.com/lms', events: ['learner.enrolled.v1'] },
  });
  expect(hook.statusCode, hook.body).toBe(200);
  courseId = (await createCourse(lectern, lectern.adminToken, { name: 'Mailbox Basics', type: 1 })).courseId;
  await publishCourse(lectern, courseId, lectern.adminToken);
  const enrolled = await lectern.app.inject({
    method: 'POST',
    url: `/api/v1/courses/${courseId}/enroll?erecnosList=[${learner.erecno}]`,
    headers: lectern.auth(lectern.adminToken),
  });
  expect(enrolled.statusCode, enrolled.body).toBe(200);
});
afterAll(() => lectern.close());

const mailbox = async (query = '') => {
  const response = await control(lectern, 'GET', `mailbox${query}`);
  expect(response.statusCode, response.body).toBe(200);
  return response.json();
};

describe('the mailbox', () => {
  it('shows the enrolment e-mail with its subject and text, and the webhook delivery with its URL and payload', async () => {
    const email = (await mailbox('?kind=email')).messages.find((message: any) => message.to === learner.email_id);
    expect(email).toMatchObject({
      kind: 'email',
      subject: 'You are enrolled in "Mailbox Basics"',
      eventType: 'learner.enrolled.v1',
      status: 'pending',
      attempts: 0,
      url: null,
      payload: null,
      invite: null,
      createdAt: lectern.clock.now(),
      sentAt: null,
    });
    expect(email.text).toContain('Hello Fatima Zahra,');
    const [webhook] = (await mailbox('?kind=webhook')).messages;
    expect(webhook).toMatchObject({
      kind: 'webhook',
      to: 'https://hooks.example.com/lms',
      url: 'https://hooks.example.com/lms',
      subject: null,
      eventType: 'learner.enrolled.v1',
      status: 'pending',
    });
    expect(webhook.payload).toMatchObject({ type: 'learner.enrolled.v1', portalId: lectern.portalId });
    expect(webhook.payload.data).toMatchObject({ courseId, erecno: learner.erecno });
  });

  it('shows what the delivery run sent: the same subject and text, and the status it settled on', async () => {
    const transport = new RecordingTransport();
    await runEmailDeliveries(lectern.app.lectern, { transport });
    const sent = transport.sent.find((mail) => (mail.to as { address: string }).address === learner.email_id)!;
    const email = (await mailbox('?kind=email')).messages.find((message: any) => message.to === learner.email_id);
    expect(email).toMatchObject({ status: 'sent', attempts: 1, subject: sent.subject, text: sent.text });
    expect(email.sentAt).toBe(lectern.clock.now());
  });

  it('filters by recipient and kind, newest first, bounded by limit', async () => {
    const all = await mailbox();
    expect(all.messages.length).toBeGreaterThanOrEqual(2);
    const ids = all.messages.map((message: any) => message.id);
    expect(ids).toEqual([...ids].sort().reverse());
    const mine = await mailbox(`?to=${encodeURIComponent(learner.email_id.toUpperCase())}`);
    expect(mine.messages.map((message: any) => message.to)).toEqual([learner.email_id]);
    const hooks = await mailbox(`?to=${encodeURIComponent('https://hooks.example.com/lms')}`);
    expect(hooks.messages.map((message: any) => message.kind)).toEqual(['webhook']);
    const one = await mailbox('?limit=1');
    expect(one.messages).toHaveLength(1);
    expect(one.hasMoreRecords).toBe(true);
    for (const [query, parameter] of [
      ['?kind=fax', 'kind'],
      ['?limit=201', 'limit'],
      ['?limit=0', 'limit'],
    ]) {
      const response = await control(lectern, 'GET', `mailbox${query}`);
      expect(response.statusCode, query).toBe(400);
      expect(response.json().parameter, query).toBe(parameter);
    }
  });

  it("is the portal's own: another portal's admin finds it not found", async () => {
    const other = await lectern.otherPortal();
    expect((await control(lectern, 'GET', 'mailbox', { token: other.token })).statusCode).toBe(404);
    expect((await control(lectern, 'DELETE', 'mailbox', { token: other.token })).statusCode).toBe(404);
    const theirs = await control(lectern, 'GET', 'mailbox', { token: other.token, portalId: other.portalId });
    expect(theirs.json().messages).toEqual([]);
    expect((await mailbox()).messages.length).toBeGreaterThanOrEqual(2);
  });

  it('clears: every message of the portal goes, and new ones show again', async () => {
    const before = await mailbox();
    const emails = before.messages.filter((message: any) => message.kind === 'email').length;
    const cleared = await control(lectern, 'DELETE', 'mailbox');
    expect(cleared.json()).toEqual({ code: '200', message: 'success', emails, webhooks: 1 });
    expect((await mailbox()).messages).toEqual([]);
    const again = await lectern.app.inject({
      method: 'POST',
      url: `/api/v1/courses/${courseId}/unenroll?erecnosList=[${learner.erecno}]`,
      headers: lectern.auth(lectern.adminToken),
    });
    expect(again.statusCode, again.body).toBe(200);
    const after = await mailbox('?kind=email');
    expect(after.messages.map((message: any) => message.subject)).toEqual([
      'You are no longer enrolled in "Mailbox Basics"',
    ]);
  });
});
