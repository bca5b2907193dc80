/**
 * The Update Modules page's own sample requests (curl, Python requests, JavaScript fetch), read from the seed page at
 * test time and run against Lectern on a real socket, in both families, with only the host, the token and the ids
 * changed (and, for the blended family, `/batches/<batchId>` inserted into the URL as the page's blended template
 * shows it).
 */
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createBlendedCourse, insertBatch } from './helpers/blended.ts';
import { type LiveLectern, startLiveLectern } from './helpers/live-server.ts';

const run = promisify(execFile);
/** Each subprocess's bound; a test runs at most two (the tool check and the sample). */
const timeout = 15_000;
const testTimeout = 2 * timeout + 5_000;

type Client = 'curl' | 'python' | 'javascript';
const clients: Client[] = ['curl', 'python', 'javascript'];

const page = readFileSync(new URL('../../shared/seeds/update-module.txt', import.meta.url), 'utf8');

/** The blocks that follow "Copied" on the page (the code samples, the header and the response). */
function copiedBlocks(text: string): string[] {
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
  return blocks;
}

const blocks = copiedBlocks(page);
function pick(test: (block: string) => boolean, what: string): string {
  const found = blocks.filter(test);
  if (found.length !== 1) throw new Error(`update-module.txt: expected one ${what} block, found ${found.length}`);
  return found[0]!;
}

const samples: Record<Client, string> = {
  curl: pick((block) => block.startsWith('curl'), 'curl'),
  python: pick((block) => block.startsWith('import requests'), 'Python'),
  javascript: pick((block) => block.startsWith('const url') || block.startsWith('fetch('), 'JavaScript'),
};

/** The sample response. The stored page ends before the object's closing brace, so one is added when missing. */
const sampleResponse: Record<string, any> = (() => {
  const text = pick((block) => block.startsWith('{'), 'response');
  try {
    return JSON.parse(text);
  } catch {
    return JSON.parse(`${text}\n}`);
  }
})();

/** The URL every sample calls, and the ids in it. */
const sampleUrl = 'https://people.zoho.com/api/v1/courses/478346000019328001/modules/478346000019459001';

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

/** Runs a sample with its client and answers the response body it printed (each sample prints the raw text). */
async function runSample(client: Client, sample: string): Promise<string> {
  if (client === 'curl') await requireTool('curl', ['--version'], 'curl');
  if (client === 'python') await requireTool('python3', ['-c', 'import requests'], 'python3 with the requests package');
  // The curl sample is shell text (quotes, backslash-newlines): run it as a shell would.
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

/** A fresh module to update, and its URL path under /api/v1 in its family. */
type Family = 'self-paced' | 'blended';
async function freshModule(family: Family): Promise<{ path: string; courseId: string; moduleId: string }> {
  let path: string;
  let courseId: string;
  if (family === 'self-paced') {
    const response = await lectern.app.inject({
      method: 'POST',
      url: `/api/v1/courses?courseData=${encodeURIComponent('{"name":"Seed modules","type":1}')}`,
      headers: lectern.auth(lectern.adminToken),
    });
    courseId = response.json().course.courseId;
    path = `/api/v1/courses/${courseId}/modules`;
  } else {
    courseId = await createBlendedCourse(lectern);
    const batchId = await insertBatch(lectern, courseId, { startDate: '2026-02-01', endDate: '2026-02-28' });
    path = `/api/v1/courses/${courseId}/batches/${batchId}/modules`;
  }
  const created = await lectern.app.inject({
    method: 'POST',
    url: `${path}?moduleData=${encodeURIComponent('{"name":"Before the sample","duration":5}')}`,
    headers: lectern.auth(lectern.adminToken),
  });
  expect(created.statusCode, created.body).toBe(200);
  const moduleId = created.json().module.moduleId;
  return { path: `${path}/${moduleId}`, courseId, moduleId };
}

/** The module the sample's payload asks for, as Lectern answers it (the sample's date is past, so unlocked). */
const expectedModule = {
  duration: '10 Mins',
  lockUntil: '31-12-2022',
  isLocked: false,
  moduleName: 'test Module API testing',
  description: 'Module API description testing',
  lockType: '1',
};

describe('the seed page', () => {
  it('prints both families, and the blended URL puts /batches/<batchId> before /modules', () => {
    expect(page).toContain('https://people.zoho.com/api/v1/courses/<courseId>/modules<moduleId>?moduleData=');
    expect(page).toContain('https://people.zoho.com/api/v1/courses/<courseId>/batches/<batchId>/modules<moduleId>?');
    for (const client of clients) expect(samples[client]).toContain(sampleUrl);
  });

  it('shows code as a number and the module keys Lectern answers, in this order', () => {
    expect(Object.keys(sampleResponse)).toEqual(['code', 'module', 'message']);
    expect(sampleResponse.code).toBe(200);
    expect(Object.keys(sampleResponse.module)).toEqual([
      'duration',
      'lockUntil',
      'isLocked',
      'moduleName',
      'description',
      'lockType',
      'moduleId',
    ]);
  });
});

describe.each(['self-paced', 'blended'] as const)('Update Modules samples, %s family', (family) => {
  it.each(clients)(
    'the %s sample updates the module and gets the sample response shape',
    async (client) => {
      const { path, courseId, moduleId } = await freshModule(family);
      let request = substitute(samples[client], sampleUrl, `${lectern.baseUrl}${path}`);
      request = substitute(request, 'YOUR_ACCESS_TOKEN', lectern.adminToken);

      const printed = await runSample(client, request);
      const body = JSON.parse(printed);
      expect(Object.keys(body)).toEqual(Object.keys(sampleResponse));
      expect(kinds(body)).toEqual(kinds(sampleResponse));
      const sampleKeys = Object.keys(sampleResponse.module);
      // Lectern adds courseId and batchId after the sample's keys; the sample's own keys keep its order.
      expect(Object.keys(body.module).filter((key) => sampleKeys.includes(key))).toEqual(sampleKeys);
      expect(kinds(body.module, sampleKeys)).toEqual(kinds(sampleResponse.module));
      expect(body).toMatchObject({ code: 200, message: 'success', module: { ...expectedModule, moduleId, courseId } });

      const fetched = await lectern.app.inject({ url: path, headers: lectern.auth(lectern.adminToken) });
      expect(fetched.json().module).toEqual(body.module);
    },
    testTimeout,
  );

  it("the page's query template, filled in, updates the module the same way", async () => {
    const { path, moduleId } = await freshModule(family);
    const template = /\?moduleData=(\{.*\})$/m.exec(page)![1]!;
    const filled = template
      .replace('<name>', '"test Module API testing"')
      .replace('<duration>', '10')
      .replace('<description>', '"Module API description testing"')
      .replace('<lockType>', '1')
      .replace('<lockUntil>', '"31-12-2022"');
    const response = await lectern.app.inject({
      method: 'PATCH',
      url: `${path}?moduleData=${encodeURIComponent(filled)}`,
      headers: lectern.auth(lectern.adminToken),
    });
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json().module).toMatchObject({ ...expectedModule, moduleId });
  });
});
