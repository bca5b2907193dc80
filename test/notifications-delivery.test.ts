import ICAL from 'ical.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { claimDue, claimLeaseMs, releaseClaims } from '../src/deliveries/delivery-queue.repository.ts';
import { runDeliveries } from '../src/deliveries/delivery-runner.ts';
import { employeeNamed, type Person, personNamed } from './helpers/courses.ts';
import {
  batchWithSession,
  clearOutbox,
  enrolDirectly,
  eventOf,
  outboxRows,
  RecordingTransport,
  recordInTransaction,
} from './helpers/notifications.ts';
import { createTestLectern, type TestLectern } from './helpers/test-app.ts';

let lectern: TestLectern;
let learner: Person;
beforeAll(async () => {
  lectern = await createTestLectern();
  learner = await personNamed(lectern, 'Fatima Zahra');
});
afterAll(() => lectern.close());

describe('delivery', () => {
  async function oneQueued() {
    await clearOutbox(lectern);
    const path = await batchWithSession(lectern);
    await recordInTransaction(lectern, [
      eventOf(lectern, {
        type: 'learner.waitlisted.v1',
        courseId: path.courseId,
        batchId: path.batchId,
        erecno: learner.erecno,
      }),
    ]);
    const [row] = await outboxRows(lectern);
    return row!;
  }

  it('without SMTP settings a due e-mail is marked skipped, not sent', async () => {
    const row = await oneQueued();
    const result = await runDeliveries(lectern.app.lectern);
    expect(result.emails).toEqual({ sent: 0, failed: 0, skipped: 1 });
    const [after] = await outboxRows(lectern);
    expect(after).toMatchObject({ id: row.id, status: 'skipped' });
  });

  it('a claim whose run crashed is retried after the lease, and a sent e-mail is never sent again', async () => {
    const row = await oneQueued();
    // A run claims the row and dies before sending: the claim is committed, nothing settles it.
    const claims = await claimDue(lectern.app.lectern, 'notifications');
    expect(claims.map((claim) => claim.id)).toEqual([row.id]);
    const transport = new RecordingTransport();
    await runDeliveries(lectern.app.lectern, { transport });
    expect(transport.sent).toHaveLength(0);
    lectern.clock.advance(claimLeaseMs);
    await runDeliveries(lectern.app.lectern, { transport });
    expect(transport.sent).toHaveLength(1);
    expect(transport.sent[0]!.messageId).toContain(row.id);
    const [sent] = await outboxRows(lectern);
    expect(sent).toMatchObject({ status: 'sent', attempts: 2, sent_at: lectern.clock.now() });
    lectern.clock.advance(claimLeaseMs * 10);
    await runDeliveries(lectern.app.lectern, { transport });
    expect(transport.sent).toHaveLength(1);
  });

  it('a failed send is retried with exponential back-off, then marked failed after the last attempt', async () => {
    const row = await oneQueued();
    const transport = new RecordingTransport();
    transport.failing = 100;
    const max = lectern.app.lectern.config.deliveryMaxAttempts;
    let wait = 30_000;
    for (let attempt = 1; attempt <= max; attempt += 1) {
      await runDeliveries(lectern.app.lectern, { transport });
      const [after] = await outboxRows(lectern);
      expect(after!.attempts).toBe(attempt);
      if (attempt < max) {
        expect(after).toMatchObject({ status: 'pending', next_attempt_at: lectern.clock.now() + wait });
        // Not due yet: a run now does nothing.
        await runDeliveries(lectern.app.lectern, { transport });
        expect((await outboxRows(lectern))[0]!.attempts).toBe(attempt);
        lectern.clock.advance(wait);
        wait = Math.min(wait * 2, 3_600_000);
      } else {
        expect(after).toMatchObject({ status: 'failed', last_error: '451 try again later' });
      }
    }
    const one = await lectern.app.inject({
      url: `/lectern/v1/notifications/${row.id}`,
      headers: lectern.auth(lectern.adminToken),
    });
    const log = one.json().notification.attemptLog;
    expect(log).toHaveLength(max);
    expect(log[0]).toMatchObject({ attempt: 1, outcome: 'failed', statusCode: 451 });
    expect(transport.sent).toHaveLength(0);
  });

  it('a cancelled session sends its learners and trainer a CANCEL, in the portal time zone, one SEQUENCE on', async () => {
    await clearOutbox(lectern);
    const path = await batchWithSession(lectern);
    await enrolDirectly(lectern, path, [learner.erecno]);
    const db = lectern.app.lectern.db;
    await db.updateTable('portals').set({ time_zone: 'Asia/Kolkata' }).where('id', '=', lectern.portalId).execute();
    try {
      const session = await db
        .selectFrom('class_sessions')
        .selectAll()
        .where('id', '=', path.sessionId)
        .executeTakeFirstOrThrow();
      await recordInTransaction(lectern, [
        eventOf(lectern, {
          type: 'session.cancelled.v1',
          courseId: path.courseId,
          batchId: path.batchId,
          subject: { kind: 'session', id: path.sessionId },
        }),
      ]);
      const transport = new RecordingTransport();
      const result = await runDeliveries(lectern.app.lectern, { transport });
      expect(result.emails).toEqual({ sent: 2, failed: 0, skipped: 0 });
      const addresses = transport.sent.map((mail) => (mail.to as { address: string }).address).sort();
      expect(addresses).toEqual(
        [employeeNamed(lectern, 'Fatima Zahra').email_id, employeeNamed(lectern, 'Chen Wei').email_id].sort(),
      );
      for (const mail of transport.sent) {
        expect(mail.subject).toContain('is cancelled');
        const ics = mail.icalEvent as { method: string; content: string };
        expect(ics.method).toBe('CANCEL');
        const calendar = new ICAL.Component(ICAL.parse(ics.content));
        for (const zone of calendar.getAllSubcomponents('vtimezone')) ICAL.TimezoneService.register(zone);
        expect(calendar.getFirstPropertyValue('method')).toBe('CANCEL');
        const vevent = calendar.getFirstSubcomponent('vevent')!;
        expect(vevent.getFirstPropertyValue('status')).toBe('CANCELLED');
        const event = new ICAL.Event(vevent);
        expect(event.sequence).toBe(session.sequence + 1);
        const midnightUtc = Date.parse(`${session.date}T00:00:00Z`);
        const india = 5.5 * 3_600_000;
        expect(event.startDate.toJSDate().getTime()).toBe(midnightUtc + session.start_minute * 60_000 - india);
        expect(event.endDate.toJSDate().getTime()).toBe(midnightUtc + session.end_minute * 60_000 - india);
      }
    } finally {
      await db.updateTable('portals').set({ time_zone: 'UTC' }).where('id', '=', lectern.portalId).execute();
    }
  });

  it('a claim handed back unsent is due again at once and not counted as an attempt', async () => {
    const row = await oneQueued();
    const claims = await claimDue(lectern.app.lectern, 'notifications');
    expect((await outboxRows(lectern))[0]).toMatchObject({ status: 'sending', attempts: 1 });
    await releaseClaims(lectern.app.lectern, 'notifications', claims);
    expect((await outboxRows(lectern))[0]).toMatchObject({
      id: row.id,
      status: 'pending',
      attempts: 0,
      claimed_until: null,
    });
    const transport = new RecordingTransport();
    await runDeliveries(lectern.app.lectern, { transport });
    expect(transport.sent).toHaveLength(1);
  });
});
