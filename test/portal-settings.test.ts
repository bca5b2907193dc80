/** The portal settings: read by any token of the portal, changed by its admin, and followed by dates and e-mails. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runEmailDeliveries } from '../src/deliveries/notification.delivery.ts';
import { createBlendedCourse, insertBatch } from './helpers/blended.ts';
import { employeeNamed, jsonType, personNamed } from './helpers/courses.ts';
import {
  batchWithSession,
  clearOutbox,
  enrolDirectly,
  outboxRows,
  RecordingTransport,
} from './helpers/notifications.ts';
import { control } from './helpers/observation.ts';
import { postSession, sessionData } from './helpers/sessions.ts';
import { createTestLectern, type TestLectern } from './helpers/test-app.ts';

let lectern: TestLectern;
beforeAll(async () => {
  lectern = await createTestLectern();
});
afterAll(() => lectern.close());

const url = '/lectern/v1/portal/settings';
const lecternDefaults = { coursePublished: false, batchPublished: true, enrolments: true, sessions: true };

function readSettings(token = lectern.adminToken) {
  return lectern.app.inject({ url, headers: lectern.auth(token) });
}

function patchSettings(body: unknown, token = lectern.adminToken) {
  return lectern.app.inject({
    method: 'PATCH',
    url,
    headers: { ...lectern.auth(token), ...jsonType },
    payload: JSON.stringify(body),
  });
}

async function patched(body: unknown) {
  const response = await patchSettings(body);
  expect(response.statusCode, response.body).toBe(200);
  return response.json();
}

describe('GET /lectern/v1/portal/settings', () => {
  it("answers a new portal's settings, today's behaviour, to any READ token of the portal", async () => {
    const learner = await personNamed(lectern, 'Fatima Zahra');
    const response = await readSettings(await lectern.token(['READ'], learner.erecno));
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json()).toEqual({
      portalId: lectern.portalId,
      name: 'Zylker Corp',
      timeZone: 'UTC',
      dateFormat: 'dd-MMM-yyyy',
      weekStart: 'sunday',
      mailSender: null,
      notificationDefaults: lecternDefaults,
    });
  });

  it("shows each portal its own settings, never another's", async () => {
    const other = await lectern.otherPortal();
    const response = await readSettings(other.token);
    expect(response.json().portalId).toBe(other.portalId);
  });
});

describe('PATCH /lectern/v1/portal/settings', () => {
  it('changes the fields sent and keeps the others; the time zone in its canonical spelling', async () => {
    const first = await patched({ name: '  Zylker Learning ', timeZone: 'europe/amsterdam', weekStart: 'monday' });
    expect(first).toMatchObject({ name: 'Zylker Learning', timeZone: 'Europe/Amsterdam', weekStart: 'monday' });
    const second = await patched({
      mailSender: { name: 'Zylker Training', address: 'training@zylker.example' },
      notificationDefaults: { coursePublished: true },
    });
    expect(second).toMatchObject({
      name: 'Zylker Learning',
      timeZone: 'Europe/Amsterdam',
      dateFormat: 'dd-MMM-yyyy',
      mailSender: { name: 'Zylker Training', address: 'training@zylker.example' },
      notificationDefaults: { ...lecternDefaults, coursePublished: true },
    });
    expect((await readSettings()).json()).toEqual(second);
    // The time zone is the one every reader of the portal's "today" uses (Fetch Settings shows it too).
    const lms = await lectern.app.inject({ url: '/api/v1/lmssettings', headers: lectern.auth(lectern.adminToken) });
    expect(lms.json().settings).toMatchObject({ timeZone: 'Europe/Amsterdam', portalName: 'Zylker Learning' });
    const back = await patched({
      name: 'Zylker Corp',
      timeZone: 'UTC',
      weekStart: 'sunday',
      mailSender: null,
      notificationDefaults: lecternDefaults,
    });
    expect(back).toMatchObject({ name: 'Zylker Corp', timeZone: 'UTC', mailSender: null });
  });

  it('refuses each bad field with a 400 naming it, and writes nothing of the request', async () => {
    const before = (await readSettings()).json();
    const cases: [body: unknown, parameter: string][] = [
      [{ name: '' }, 'name'],
      [{ name: 'x'.repeat(101) }, 'name'],
      [{ name: 'Two\nlines' }, 'name'],
      [{ name: { first: 'Zylker' } }, 'name'],
      [{ timeZone: 'Mars/Olympus_Mons' }, 'timeZone'],
      [{ timeZone: '' }, 'timeZone'],
      [{ dateFormat: 'DD/MM/YY' }, 'dateFormat'],
      [{ weekStart: 'funday' }, 'weekStart'],
      [{ weekStart: 1 }, 'weekStart'],
      [{ mailSender: 'training@zylker.example' }, 'mailSender'],
      [{ mailSender: { name: 'Training', address: 'not an address' } }, 'mailSender.address'],
      [{ mailSender: { name: 'Training' } }, 'mailSender.address'],
      [{ mailSender: { address: 'a@b.example', replyTo: 'c@d.example' } }, 'mailSender.replyTo'],
      [{ notificationDefaults: true }, 'notificationDefaults'],
      [{ notificationDefaults: { sessions: 'no' } }, 'notificationDefaults.sessions'],
      [{ notificationDefaults: { birthdays: true } }, 'notificationDefaults.birthdays'],
      [{ colour: 'blue' }, 'colour'],
      [['name'], 'settings'],
      // A good field beside a bad one: nothing of the request is written.
      [{ name: 'Renamed', dateFormat: 'nope' }, 'dateFormat'],
    ];
    for (const [body, parameter] of cases) {
      const response = await patchSettings(body);
      expect(response.statusCode, JSON.stringify(body)).toBe(400);
      expect(response.json(), JSON.stringify(body)).toMatchObject({ code: 'INVALID_INPUT', parameter });
    }
    expect((await readSettings()).json()).toEqual(before);
  });

  it("is the portal admin's: a learner's token and a READ-only token are refused", async () => {
    const learner = await personNamed(lectern, 'Fatima Zahra');
    const asLearner = await patchSettings({ name: 'Mine' }, await lectern.token(['ALL'], learner.erecno));
    expect(asLearner.statusCode).toBe(403);
    const readOnly = await patchSettings({ name: 'Mine' }, await lectern.token(['READ']));
    expect(readOnly.statusCode).toBe(403);
    expect((await readSettings()).json().name).toBe('Zylker Corp');
  });
});

describe("the portal's date format", () => {
  it('writes the display dates of batches and schedulers; the input forms and DD-MM-YYYY fields stay', async () => {
    const courseId = await createBlendedCourse(lectern);
    const batchId = await insertBatch(lectern, courseId, { startDate: '2026-12-22', endDate: '2027-01-27' });
    const fetchBatch = async () => {
      const response = await lectern.app.inject({
        url: `/api/v1/courses/${courseId}/batches/${batchId}`,
        headers: lectern.auth(lectern.adminToken),
      });
      expect(response.statusCode, response.body).toBe(200);
      return response.json().batch;
    };
    expect(await fetchBatch()).toMatchObject({
      startDateAsDisplayString: '22-Dec-2026',
      endDateAsDisplayString: '27-Jan-2027',
      startDate: '22-12-2026',
    });
    const expected: Record<string, string> = {
      'yyyy-MM-dd': '2026-12-22',
      'MM/dd/yyyy': '12/22/2026',
      'dd.MM.yyyy': '22.12.2026',
      'MMM dd, yyyy': 'Dec 22, 2026',
    };
    for (const [dateFormat, display] of Object.entries(expected)) {
      await patched({ dateFormat });
      const batch = await fetchBatch();
      expect(batch.startDateAsDisplayString, dateFormat).toBe(display);
      expect(batch.startDate, dateFormat).toBe('22-12-2026');
    }
    // Inputs keep every documented form whatever the portal shows.
    const created = await lectern.app.inject({
      method: 'POST',
      url: `/api/v1/courses/${courseId}/batches`,
      headers: { ...lectern.auth(lectern.adminToken), ...jsonType },
      payload: JSON.stringify({
        batchData: {
          name: 'Spring',
          startDate: '01_03_2027',
          endDate: '05-03-2027',
          minimumCapacity: 1,
          maximumCapacity: 5,
        },
      }),
    });
    expect(created.statusCode, created.body).toBe(200);
    expect(created.json().batch).toMatchObject({ startDateAsDisplayString: 'Mar 01, 2027', endDate: '05-03-2027' });
    // Another portal keeps Zoho's default meanwhile.
    const other = await lectern.otherPortal();
    const settings = await readSettings(other.token);
    expect(settings.json().dateFormat).toBe('dd-MMM-yyyy');
    await patched({ dateFormat: 'dd-MMM-yyyy' });
    expect((await fetchBatch()).startDateAsDisplayString).toBe('22-Dec-2026');
  });
});

describe("e-mails follow the portal's settings", () => {
  it('session dates in the date format, From the portal sender, and the notification defaults', async () => {
    const learner = employeeNamed(lectern, 'Fatima Zahra');
    const path = await batchWithSession(lectern);
    await enrolDirectly(lectern, path, [learner.erecno]);
    await clearOutbox(lectern);
    await patched({
      dateFormat: 'yyyy-MM-dd',
      mailSender: { name: 'Zylker Training', address: 'training@zylker.example' },
    });
    const data = await sessionData(lectern, { name: 'Kick-off' });
    const created = await postSession(lectern, path, data);
    expect(created.statusCode, created.body).toBe(200);
    const [day, month, year] = (data.date as string).split('-');
    const mailbox = await control(lectern, 'GET', 'mailbox?kind=email');
    expect(mailbox.statusCode, mailbox.body).toBe(200);
    const email = mailbox.json().messages.find((message: { to: string }) => message.to === learner.email_id)!;
    expect(email.text).toContain(`- "Kick-off": ${year}-${month}-${day}, ${data.startTime} to ${data.endTime} (`);

    const transport = new RecordingTransport();
    await runEmailDeliveries(lectern.app.lectern, { transport });
    const sent = transport.sent.find((mail) => (mail.to as { address: string }).address === learner.email_id)!;
    expect(sent.from).toBe('"Zylker Training" <training@zylker.example>');
    expect(sent.text).toBe(email.text);
    expect(sent.messageId).toMatch(/@zylker\.example>$/);

    // Sessions off by default: a session made without notifyApplicableUsers queues no e-mail; asked for, it does.
    await clearOutbox(lectern);
    await patched({ notificationDefaults: { sessions: false } });
    expect((await postSession(lectern, path, await sessionData(lectern))).statusCode).toBe(200);
    expect(await outboxRows(lectern)).toHaveLength(0);
    const asked = await lectern.app.inject({
      method: 'POST',
      url: `/api/v1/courses/${path.courseId}/batches/${path.batchId}/modules/${path.moduleId}/sessions?notifyApplicableUsers=True`,
      headers: { ...lectern.auth(lectern.adminToken), ...jsonType },
      payload: JSON.stringify(await sessionData(lectern)),
    });
    expect(asked.statusCode, asked.body).toBe(200);
    expect((await outboxRows(lectern)).some((row) => row.erecno === learner.erecno)).toBe(true);

    // Without a portal sender the server's is used again.
    await patched({ mailSender: null, dateFormat: 'dd-MMM-yyyy', notificationDefaults: lecternDefaults });
    const again = new RecordingTransport();
    await runEmailDeliveries(lectern.app.lectern, { transport: again });
    expect(again.sent[0]!.from).toBe(lectern.app.lectern.config.smtpFrom);
  });
});
