import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Person, personNamed } from './helpers/courses.ts';
import {
  batchWithSession,
  clearOutbox,
  enrolDirectly,
  eventOf,
  outboxRows,
  recordInTransaction,
} from './helpers/notifications.ts';
import { createTestLectern, type TestLectern } from './helpers/test-app.ts';

let lectern: TestLectern;
let learner: Person;
let otherLearner: Person;
beforeAll(async () => {
  lectern = await createTestLectern();
  learner = await personNamed(lectern, 'Fatima Zahra');
  otherLearner = await personNamed(lectern, 'Gustav Lind');
});
afterAll(() => lectern.close());

describe('reading the outbox', () => {
  let learnerRowId: string;
  beforeAll(async () => {
    await clearOutbox(lectern);
    const path = await batchWithSession(lectern);
    await enrolDirectly(lectern, path, [learner.erecno, otherLearner.erecno]);
    await recordInTransaction(
      lectern,
      [learner, otherLearner].map((person) =>
        eventOf(lectern, {
          type: 'learner.enrolled.v1',
          courseId: path.courseId,
          batchId: path.batchId,
          erecno: person.erecno,
        }),
      ),
    );
    learnerRowId = (await outboxRows(lectern)).find((row) => row.erecno === learner.erecno)!.id;
  });

  const list = (token: string, query = '') =>
    lectern.app.inject({ url: `/lectern/v1/notifications${query}`, headers: lectern.auth(token) });

  it("an LMS admin reads the portal's outbox, with filters", async () => {
    const all = await list(lectern.adminToken);
    expect(all.statusCode, all.body).toBe(200);
    expect(all.json()).toMatchObject({ code: '200', message: 'success', hasMoreRecords: false });
    expect(all.json().notifications).toHaveLength(2);
    const mine = await list(lectern.adminToken, `?erecno=${learner.erecno}&status=pending&type=learner.enrolled.v1`);
    expect(mine.json().notifications.map((item: { erecno: string }) => item.erecno)).toEqual([learner.erecno]);
    expect(mine.json().notifications[0]).toMatchObject({ status: 'pending', invite: 'REQUEST', reason: 'learner' });
    expect((await list(lectern.adminToken, '?status=sent')).json().notifications).toHaveLength(0);
  });

  it('a learner reads only their own, and may not ask for anyone else', async () => {
    const own = await list(learner.token);
    expect(own.json().notifications.map((item: { erecno: string }) => item.erecno)).toEqual([learner.erecno]);
    const other = await list(learner.token, `?erecno=${otherLearner.erecno}`);
    expect(other.statusCode).toBe(403);
    const one = await lectern.app.inject({
      url: `/lectern/v1/notifications/${learnerRowId}`,
      headers: lectern.auth(learner.token),
    });
    expect(one.statusCode, one.body).toBe(200);
    expect(one.json().notification).toMatchObject({ notificationId: learnerRowId, attemptLog: [] });
    const notTheirs = await lectern.app.inject({
      url: `/lectern/v1/notifications/${learnerRowId}`,
      headers: lectern.auth(otherLearner.token),
    });
    expect(notTheirs.statusCode).toBe(403);
  });

  it("the learner's manager and a course admin read only their own e-mails", async () => {
    for (const name of ['Emeka Okafor', 'Julia Moreau']) {
      const person = await personNamed(lectern, name);
      expect((await list(person.token, `?erecno=${learner.erecno}`)).statusCode, name).toBe(403);
      expect((await list(person.token)).json().notifications, name).toEqual([]);
      const one = await lectern.app.inject({
        url: `/lectern/v1/notifications/${learnerRowId}`,
        headers: lectern.auth(person.token),
      });
      expect(one.statusCode, name).toBe(403);
    }
  });

  it('another portal sees none of it', async () => {
    const other = await lectern.otherPortal();
    expect((await list(other.token)).json().notifications).toHaveLength(0);
    const one = await lectern.app.inject({
      url: `/lectern/v1/notifications/${learnerRowId}`,
      headers: lectern.auth(other.token),
    });
    expect(one.statusCode).toBe(404);
  });

  it('bad filters are refused naming the parameter', async () => {
    for (const [query, parameter] of [
      ['?status=lost', 'status'],
      ['?type=learner.enrolled', 'type'],
      ['?erecno=abc', 'erecno'],
      ['?startIndex=-1', 'startIndex'],
    ]) {
      const response = await list(lectern.adminToken, query);
      expect(response.statusCode, query).toBe(400);
      expect(response.json().parameter, query).toBe(parameter);
    }
    const badId = await lectern.app.inject({
      url: '/lectern/v1/notifications/x1',
      headers: lectern.auth(lectern.adminToken),
    });
    expect(badId.statusCode).toBe(400);
  });
});
