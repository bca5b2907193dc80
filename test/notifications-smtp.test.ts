import type { AddressInfo } from 'node:net';
import ICAL from 'ical.js';
import { simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backOffBaseMs } from '../src/deliveries/delivery-queue.repository.ts';
import { runDeliveries } from '../src/deliveries/delivery-runner.ts';
import { employeeNamed, type Person, personNamed } from './helpers/courses.ts';
import { type BatchWithSession, batchWithSession, outboxRows } from './helpers/notifications.ts';
import { createTestLectern, type TestLectern } from './helpers/test-app.ts';

/** One message the test's SMTP server accepted. */
interface Received {
  from: string;
  to: string[];
  raw: string;
}

const received: Received[] = [];
let attemptsSeen = 0;
let smtp: SMTPServer;
let port: number;
let lectern: TestLectern;
let learner: Person;

function startSmtp(listenPort: number): Promise<void> {
  smtp = new SMTPServer({
    // Plain SMTP on loopback with a login, as a local relay would take it.
    disabledCommands: ['STARTTLS'],
    allowInsecureAuth: true,
    onAuth(auth, _session, callback) {
      if (auth.username === 'lectern' && auth.password === 'relay-secret') callback(null, { user: 'lectern' });
      else callback(new Error('bad login'));
    },
    onConnect(_session, callback) {
      attemptsSeen += 1;
      callback();
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        received.push({
          from: session.envelope.mailFrom === false ? '' : session.envelope.mailFrom.address,
          to: session.envelope.rcptTo.map((recipient) => recipient.address),
          raw: Buffer.concat(chunks).toString('utf8'),
        });
        callback();
      });
    },
    logger: false,
  });
  return new Promise((resolve, reject) => {
    smtp.once('error', reject);
    smtp.listen(listenPort, '127.0.0.1', () => {
      port = (smtp.server.address() as AddressInfo).port;
      resolve();
    });
  });
}

function stopSmtp(): Promise<void> {
  return new Promise((resolve) => smtp.close(() => resolve()));
}

beforeAll(async () => {
  await startSmtp(0);
  lectern = await createTestLectern({
    env: {
      LECTERN_SMTP_URL: `smtp://lectern:relay-secret@127.0.0.1:${port}`,
      LECTERN_SMTP_FROM: 'Lectern LMS <lms@lectern.test>',
    },
  });
  learner = await personNamed(lectern, 'Fatima Zahra');
});
afterAll(async () => {
  await lectern.close();
  await stopSmtp();
});

/** Enrols the learner into the batch through the Batch enrolment API (which records learner.enrolled.v1). */
async function enrolOverHttp(path: BatchWithSession, person: Person) {
  const response = await lectern.app.inject({
    method: 'POST',
    url: `/api/v1/courses/${path.courseId}/batches/${path.batchId}/enroll?erecnosList=[${person.erecno}]`,
    headers: lectern.auth(lectern.adminToken),
  });
  expect(response.statusCode, response.body).toBe(200);
}

/** The session's start and end instants: its room (Room One) is in Chennai, UTC+05:30 all year. */
async function sessionTimes(sessionId: string) {
  const row = await lectern.app.lectern.db
    .selectFrom('class_sessions')
    .selectAll()
    .where('id', '=', sessionId)
    .executeTakeFirstOrThrow();
  const midnight = Date.parse(`${row.date}T00:00:00+05:30`);
  return { start: midnight + row.start_minute * 60_000, end: midnight + row.end_minute * 60_000, row };
}

describe('notification e-mails over SMTP', () => {
  it('an enrolment into a batch sends the learner an e-mail with the session invite attached', async () => {
    received.length = 0;
    const path = await batchWithSession(lectern);
    await enrolOverHttp(path, learner);
    const result = await runDeliveries(lectern.app.lectern);
    expect(result.emails).toEqual({ sent: 1, failed: 0, skipped: 0 });
    expect(received).toHaveLength(1);
    const address = employeeNamed(lectern, 'Fatima Zahra').email_id;
    expect(received[0]).toMatchObject({ from: 'lms@lectern.test', to: [address] });

    const mail = await simpleParser(received[0]!.raw);
    expect(mail.subject).toContain('You are enrolled in');
    const [row] = await outboxRows(lectern);
    expect(mail.messageId).toBe(`<notification-${row!.id}@lectern.test>`);
    const attachment = mail.attachments.find((item) => item.filename === 'invite.ics');
    expect(attachment, 'invite.ics is attached').toBeDefined();

    const calendar = new ICAL.Component(ICAL.parse(attachment!.content.toString('utf8')));
    expect(calendar.getFirstPropertyValue('method')).toBe('REQUEST');
    const events = calendar.getAllSubcomponents('vevent').map((component) => new ICAL.Event(component));
    expect(events).toHaveLength(1);
    const event = events[0]!;
    const times = await sessionTimes(path.sessionId);
    expect(event.uid).toBe(`${path.sessionId}@lectern`);
    expect(event.sequence).toBe(times.row.sequence);
    expect(event.summary).toBe(times.row.name);
    expect(event.startDate.toJSDate().getTime()).toBe(times.start);
    expect(event.endDate.toJSDate().getTime()).toBe(times.end);
    expect(String(event.component.getFirstPropertyValue('organizer')).toLowerCase()).toBe('mailto:lms@lectern.test');
    expect(event.attendees.map((attendee) => String(attendee.getFirstValue()).toLowerCase())).toEqual([
      `mailto:${address}`.toLowerCase(),
    ]);

    const read = await lectern.app.inject({
      url: `/lectern/v1/notifications/${row!.id}`,
      headers: lectern.auth(learner.token),
    });
    expect(read.json().notification).toMatchObject({ status: 'sent', attempts: 1, invite: 'REQUEST' });
    expect(read.json().notification.attemptLog).toMatchObject([{ attempt: 1, outcome: 'sent' }]);
  });

  it('with the SMTP server down, the e-mail is retried after the back-off and sent once', async () => {
    received.length = 0;
    await lectern.app.lectern.db.deleteFrom('notifications').where('portal_id', '=', lectern.portalId).execute();
    const path = await batchWithSession(lectern);
    await enrolOverHttp(path, learner);
    const listenPort = port;
    await stopSmtp();

    const down = await runDeliveries(lectern.app.lectern);
    expect(down.emails).toEqual({ sent: 0, failed: 1, skipped: 0 });
    const [waiting] = await outboxRows(lectern);
    expect(waiting).toMatchObject({
      status: 'pending',
      attempts: 1,
      next_attempt_at: lectern.clock.now() + backOffBaseMs,
    });
    expect(waiting!.last_error).toMatch(/ECONNREFUSED|connect/i);

    await startSmtp(listenPort);
    // Back up, but the retry is not due yet.
    await runDeliveries(lectern.app.lectern);
    expect(received).toHaveLength(0);
    lectern.clock.advance(backOffBaseMs);
    const up = await runDeliveries(lectern.app.lectern);
    expect(up.emails).toEqual({ sent: 1, failed: 0, skipped: 0 });
    lectern.clock.advance(backOffBaseMs * 100);
    await runDeliveries(lectern.app.lectern);
    expect(received).toHaveLength(1);

    const read = await lectern.app.inject({
      url: `/lectern/v1/notifications/${waiting!.id}`,
      headers: lectern.auth(lectern.adminToken),
    });
    expect(read.json().notification.attemptLog.map((attempt: { outcome: string }) => attempt.outcome)).toEqual([
      'failed',
      'sent',
    ]);
    expect(attemptsSeen).toBeGreaterThan(0);
  });
});
