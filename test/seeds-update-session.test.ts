/**
 * The Update Session page's own sample requests (curl, Python requests, JavaScript fetch), read from
 * test/fixtures/zoho/update-session.txt at test time and run against Lectern on a real socket, with only the host, the
 * token and the ids changed. The response must have the page's sample shape.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createBlendedCourse, insertBatch } from './helpers/blended.ts';
import { type LiveLectern, startLiveLectern } from './helpers/live-server.ts';
import {
  type Client,
  clients,
  kinds,
  readSeed,
  runSample,
  substitute,
  sampleTestTimeout as testTimeout,
} from './helpers/seed-samples.ts';
import { categoriesOfKind, erecnoOf, insertModule, roomsOf } from './helpers/sessions.ts';

let lectern: LiveLectern;
beforeAll(async () => {
  lectern = await startLiveLectern();
});
afterAll(() => lectern.close());

/** The sample's ids, which the test replaces with the test portal's. */
const sampleIds = {
  courseId: '478346000019479103',
  batchId: '478346000019479115',
  moduleId: '478346000019479119',
  sessionId: '478346000019553023',
  trainerErecno: '478346000008251001',
  roomId: '478346000010125093',
  gradeCategoryId: '478346000019553021',
};

/** Each client books its own trainer and room: the three samples move their sessions to the same date and hour. */
const bookings: Record<Client, { trainer: string; room: string; grade: string }> = {
  curl: { trainer: 'Chen Wei', room: 'Room One', grade: 'Quiz' },
  python: { trainer: 'Divya Raman', room: 'Board Room', grade: 'Assessment' },
  javascript: { trainer: 'Beatriz Santos', room: 'Training Lab', grade: 'Project' },
};

describe('Update Session samples', () => {
  const seed = readSeed('update-session.txt');
  const sample = seed.response as { session: Record<string, unknown> };

  it('the sample response is the documented one', () => {
    expect(Object.keys(seed.response)).toEqual(['code', 'session', 'message']);
    expect(seed.response.code).toBe(200);
  });

  it.each(clients)(
    'the %s sample updates a session and gets the sample response shape',
    async (client) => {
      // A batch that spans the sample's date (04-01-2022), with a module and a session to update.
      const courseId = await createBlendedCourse(lectern);
      const batchId = await insertBatch(lectern, courseId, { startDate: '2022-01-01', endDate: '2022-01-31' });
      const moduleId = await insertModule(lectern, courseId, batchId);
      const sessionData = {
        name: 'Before the sample',
        trainerErecno: erecnoOf(lectern, 'Rosa Alvarez'),
        type: 1,
        date: '20-01-2022',
        startTime: '03:00 PM',
        endTime: '04:00 PM',
      };
      const created = await lectern.app.inject({
        method: 'POST',
        url: `/api/v1/courses/${courseId}/batches/${batchId}/modules/${moduleId}/sessions?sessionData=${encodeURIComponent(JSON.stringify(sessionData))}`,
        headers: lectern.auth(lectern.adminToken),
      });
      expect(created.statusCode, created.body).toBe(200);
      const sessionId = created.json().session.sessionId as string;

      const booking = bookings[client];
      const trainerErecno = erecnoOf(lectern, booking.trainer);
      const roomId = (await roomsOf(lectern))[booking.room]!;
      const gradeCategoryId = (await categoriesOfKind(lectern, 'grade'))[booking.grade]!;
      let request = substitute(seed.requests[client], 'https://people.zoho.com', lectern.baseUrl);
      request = substitute(request, 'YOUR_ACCESS_TOKEN', lectern.adminToken);
      const real = { courseId, batchId, moduleId, sessionId, trainerErecno, roomId, gradeCategoryId };
      for (const [key, id] of Object.entries(sampleIds))
        request = substitute(request, id, real[key as keyof typeof real]);

      const { body: response } = await runSample(client, request);
      expect(Object.keys(response)).toEqual(Object.keys(seed.response));
      expect(response).toMatchObject({ code: 200, message: 'success' });
      expect(Object.keys(response.session)).toEqual(Object.keys(sample.session));
      expect(kinds(response.session)).toEqual(kinds(sample.session));
      expect(response.session).toMatchObject({
        sessionId,
        sessionName: 'Session API Testing',
        sessionStartDate: '04-01-2022',
        sessionStartTime: '10:00 AM',
        sessionEndTime: '11:00 AM',
        description: 'API testing',
        sessionType: 'Classroom',
        trainerErecno,
        sessionTrainer: booking.trainer,
        roomId,
        sessionRoom: booking.room,
        gradeCategoryId,
        gradeCategoryName: booking.grade,
        moduleId,
        canUserEdit: true,
        canUserDelete: true,
      });
    },
    testTimeout,
  );
});
