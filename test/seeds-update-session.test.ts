/**
 * The Update Session page's own sample requests (curl, Python requests, JavaScript fetch), read from
 * ../shared/seeds/update-session.txt at test time and run against Lectern on a real socket, with only the host, the
 * token and the ids changed. The response must have the page's sample shape.
 */
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createBlendedCourse, insertBatch } from './helpers/blended.ts';
import { type LiveLectern, startLiveLectern } from './helpers/live-server.ts';
import { categoriesOfKind, erecnoOf, insertModule, roomsOf } from './helpers/sessions.ts';

const run = promisify(execFile);
/** Each subprocess's bound; a test runs at most two (the tool check and the sample). */
const timeout = 15_000;
const testTimeout = 2 * timeout + 5_000;

type Client = 'curl' | 'python' | 'javascript';
const clients: Client[] = ['curl', 'python', 'javascript'];

/** Splits the page into the blocks that follow "Copied" and tells the clients apart by how each block starts. */
function readSeed(): { requests: Record<Client, string>; response: Record<string, unknown> } {
  const lines = readFileSync(new URL('../../shared/seeds/update-session.txt', import.meta.url), 'utf8').split(/\r?\n/);
  const blocks: string[] = [];
  for (const [index, line] of lines.entries()) {
    if (!line.startsWith('Copied')) continue;
    const block = [line.slice('Copied'.length)];
    for (const next of lines.slice(index + 1)) {
      if (next.startsWith('Copied') || next.trim() === 'Show full') break;
      block.push(next);
    }
    blocks.push(block.join('\n').trim());
  }
  const pick = (test: (block: string) => boolean, what: string) => {
    const found = blocks.filter(test);
    if (found.length !== 1) throw new Error(`update-session.txt: expected one ${what} sample, found ${found.length}`);
    return found[0]!;
  };
  return {
    requests: {
      curl: pick((block) => block.startsWith('curl'), 'curl'),
      python: pick((block) => block.startsWith('import requests'), 'Python'),
      javascript: pick((block) => block.startsWith('const url'), 'JavaScript'),
    },
    response: JSON.parse(pick((block) => block.startsWith('{'), 'response')),
  };
}

/** Replaces every occurrence, failing when the sample no longer holds the text (so a changed page is noticed). */
function substitute(sample: string, from: string, to: string): string {
  if (!sample.includes(from)) throw new Error(`the sample no longer contains ${JSON.stringify(from)}:\n${sample}`);
  return sample.split(from).join(to);
}

/** Fails, never skips, when a client the samples need is missing. */
async function requireTool(command: string, args: string[], what: string): Promise<void> {
  try {
    await run(command, args, { timeout });
  } catch (error) {
    throw new Error(`${what} is needed to run Zoho's sample and is not available: ${(error as Error).message}`);
  }
}

const marker = '---lectern-json---';
// The Python sample prints response.text; after the unchanged sample, print the parsed body as JSON too.
const pythonSuffix = `\nimport json as _lectern_json\nprint(${JSON.stringify(marker)})\nprint(_lectern_json.dumps(response.json()))\n`;
// console.log of an object prints util.inspect (nested objects cut to [Object]); log objects as JSON instead.
const javascriptPrelude =
  'const __lecternLog = console.log;\n' +
  "console.log = (...values) => __lecternLog(values.map((v) => (typeof v === 'string' ? v : JSON.stringify(v))).join(' '));\n";

/** Runs a sample with its client; answers the response body it printed. */
async function runSample(client: Client, sample: string): Promise<Record<string, any>> {
  if (client === 'curl') await requireTool('curl', ['--version'], 'curl');
  if (client === 'python') await requireTool('python3', ['-c', 'import requests'], 'python3 with the requests package');
  // The curl sample is shell text (quotes, backslash-newlines): run it as a shell would.
  const [command, args] =
    client === 'curl'
      ? ['/bin/sh', ['-c', sample]]
      : client === 'python'
        ? ['python3', ['-c', sample + pythonSuffix]]
        : [process.execPath, ['--input-type=module', '-e', javascriptPrelude + sample]];
  const env = { ...process.env, NO_PROXY: '127.0.0.1', no_proxy: '127.0.0.1' };
  let result: { stdout: string; stderr: string };
  try {
    result = await run(command, args, { timeout, maxBuffer: 1 << 20, env });
  } catch (error) {
    const failed = error as Error & { stderr?: string; killed?: boolean };
    const why = failed.killed ? `timed out after ${timeout} ms` : failed.message;
    throw new Error(`the ${client} sample failed: ${why}\n${failed.stderr ?? ''}`);
  }
  const json = client === 'python' ? result.stdout.split(`${marker}\n`)[1] : result.stdout;
  try {
    return JSON.parse(json!);
  } catch (error) {
    throw new Error(`the ${client} sample's output is not JSON (${(error as Error).message}).
stdout: ${result.stdout}
stderr: ${result.stderr}`);
  }
}

/** Each key's JSON kind, so that the shape (not the values) is compared with the sample's. */
function kinds(object: Record<string, unknown>, keys = Object.keys(object)): Record<string, string> {
  const kind = (value: unknown) => (value === null ? 'null' : Array.isArray(value) ? 'array' : typeof value);
  return Object.fromEntries(keys.map((key) => [key, key in object ? kind(object[key]) : 'missing']));
}

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
  const seed = readSeed();
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

      const response = await runSample(client, request);
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
