/**
 * The Publish Batch page's own sample requests (curl, Python requests, JavaScript fetch), read from
 * ../shared/seeds/publish-batch.txt at test time and run against Lectern on a real socket with only the host, the
 * token and the ids changed. Each must publish a batch that has a session and a mandatory link and print exactly the
 * sample's body.
 */
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addMandatoryLink } from './helpers/content.ts';
import { type LiveLectern, startLiveLectern } from './helpers/live-server.ts';

const run = promisify(execFile);
/** Each subprocess's bound; a test runs at most two (the tool check and the sample). */
const timeout = 15_000;
const testTimeout = 2 * timeout + 5_000;

type Client = 'curl' | 'python' | 'javascript';
const clients: Client[] = ['curl', 'python', 'javascript'];

/** The page's ids, host and token placeholder, which the test swaps for Lectern's. */
const page = {
  host: 'https://people.zoho.com',
  token: 'YOUR_ACCESS_TOKEN',
  courseId: '588882000001018001',
  batchId: '588882000001019001',
};

/** Splits the page into the blocks that follow "Copied" and tells the clients apart by how each block starts. */
function readSeed(): { requests: Record<Client, string>; response: string } {
  const text = readFileSync(new URL('../../shared/seeds/publish-batch.txt', import.meta.url), 'utf8');
  const lines = text.split(/\r?\n/);
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
    if (found.length !== 1) throw new Error(`publish-batch.txt: expected one ${what} sample, found ${found.length}`);
    return found[0]!;
  };
  return {
    requests: {
      curl: pick((block) => block.startsWith('curl'), 'curl'),
      python: pick((block) => block.startsWith('import requests'), 'Python'),
      javascript: pick((block) => block.startsWith('const url') || block.startsWith('fetch('), 'JavaScript'),
    },
    response: pick((block) => block.startsWith('{'), 'response'),
  };
}

/** Replaces every occurrence, failing when the seed no longer holds the text (so a changed page is noticed). */
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

/** Runs a sample with its client and answers what it printed (each sample prints the raw response text). */
async function runSample(client: Client, sample: string): Promise<string> {
  if (client === 'curl') await requireTool('curl', ['--version'], 'curl');
  if (client === 'python') await requireTool('python3', ['-c', 'import requests'], 'python3 with the requests package');
  // The curl sample is shell text (quotes, a backslash-newline): run it as a shell would.
  const [command, args] =
    client === 'curl'
      ? ['/bin/sh', ['-c', sample]]
      : client === 'python'
        ? ['python3', ['-c', sample]]
        : [process.execPath, ['--input-type=module', '-e', sample]];
  const env = { ...process.env, NO_PROXY: '127.0.0.1', no_proxy: '127.0.0.1' };
  try {
    const { stdout } = await run(command, args, { timeout, maxBuffer: 1 << 20, env });
    return stdout.trim();
  } catch (error) {
    const failed = error as Error & { stderr?: string; killed?: boolean };
    const why = failed.killed ? `timed out after ${timeout} ms` : failed.message;
    throw new Error(`the ${client} sample failed: ${why}\n${failed.stderr ?? ''}`);
  }
}

/** Each key's JSON kind, recursively, so that the shape (keys, order, types) is compared and not the values. */
function shapeOf(value: unknown): unknown {
  if (value === null || typeof value !== 'object') return value === null ? 'null' : typeof value;
  if (Array.isArray(value)) return value.map(shapeOf);
  return Object.entries(value).map(([key, item]) => [key, shapeOf(item)]);
}

const seed = readSeed();
let lectern: LiveLectern;
let courseId: string;
let sessionNumber = 0;

beforeAll(async () => {
  lectern = await startLiveLectern();
  const courseData = encodeURIComponent(JSON.stringify({ name: 'Publish batch samples', type: 2 }));
  const response = await lectern.app.inject({
    method: 'POST',
    url: `/api/v1/courses?courseData=${courseData}`,
    headers: lectern.auth(lectern.adminToken),
  });
  expect(response.statusCode, response.body).toBe(200);
  courseId = response.json().course.courseId;
});
afterAll(() => lectern.close());

/**
 * A fresh unpublished batch with one session (written directly: the Session API belongs to another feature) and a
 * mandatory link (a batch needs both to be published).
 */
async function batchWithSession(): Promise<string> {
  const batchData = {
    name: 'Sample batch',
    startDate: '22-12-2021',
    endDate: '27-01-2022',
    minimumCapacity: 10,
    maximumCapacity: 40,
  };
  const response = await lectern.app.inject({
    method: 'POST',
    url: `/api/v1/courses/${courseId}/batches?batchData=${encodeURIComponent(JSON.stringify(batchData))}`,
    headers: lectern.auth(lectern.adminToken),
  });
  expect(response.statusCode, response.body).toBe(200);
  const batchId = response.json().batch.batchId as string;
  const now = lectern.clock.now();
  await lectern.app.lectern.db
    .insertInto('class_sessions')
    .values({
      id: String(600000000000000000n + BigInt(++sessionNumber)),
      portal_id: lectern.portalId,
      course_id: courseId,
      batch_id: batchId,
      module_id: '600000000000000000',
      name: 'Sample session',
      description: '',
      session_type: 0,
      date: '2021-12-31',
      start_minute: 600,
      end_minute: 660,
      trainer_erecno: lectern.adminErecno,
      room_id: null,
      lock_until: null,
      grade_category_id: null,
      sequence: 0,
      created_at: now,
      updated_at: now,
    })
    .execute();
  await addMandatoryLink(lectern, { courseId, batchId });
  return batchId;
}

describe('Publish Batch samples', () => {
  it('the page shows the response Lectern copies', () => {
    expect(JSON.parse(seed.response)).toEqual({
      code: '200',
      batch: { batchId: '219225000000645215', status: 'published' },
      message: 'success',
    });
  });

  it.each(clients)(
    'the %s sample publishes a batch and prints a body of exactly the sample shape',
    async (client) => {
      const batchId = await batchWithSession();
      // Unlike the Publish Course page, these samples send the Authorization header themselves (no browser
      // Cookie), so only the token placeholder changes.
      expect(seed.requests[client]).toContain(`Zoho-oauthtoken ${page.token}`);
      let request = substitute(seed.requests[client], page.host, lectern.baseUrl);
      request = substitute(request, page.token, lectern.adminToken);
      request = substitute(request, page.courseId, courseId);
      request = substitute(request, page.batchId, batchId);

      const printed = await runSample(client, request);
      const body = JSON.parse(printed);
      expect(shapeOf(body)).toEqual(shapeOf(JSON.parse(seed.response)));
      expect(printed).toBe(`{"code":"200","batch":{"batchId":"${batchId}","status":"published"},"message":"success"}`);
      const batch = await lectern.app.inject({
        url: `/api/v1/courses/${courseId}/batches/${batchId}`,
        headers: lectern.auth(lectern.adminToken),
      });
      expect(batch.json().batch.publishStatus).toBe('published');
    },
    testTimeout,
  );
});
