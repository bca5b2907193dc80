/**
 * README's quick start, run as a reader would: every shell block of "Quickstart with curl", in order, in one bash,
 * against a freshly started `lectern serve` (the compiled build), with only the host and the printed token changed.
 * It must end with a published course whose id is in $COURSE_ID, so the README cannot drift from the server again.
 */
import { type ChildProcessWithoutNullStreams, execFile, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, expect, it } from 'vitest';

const root = fileURLToPath(new URL('..', import.meta.url));
const run = promisify(execFile);
let server: ChildProcessWithoutNullStreams;
let baseUrl: string;
let token: string;

/** The ```sh blocks of one README section, in order. */
function shellBlocks(section: string): string[] {
  const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');
  const start = readme.indexOf(`## ${section}\n`);
  if (start === -1) throw new Error(`README has no section "${section}"`);
  const end = readme.indexOf('\n## ', start + 1);
  const text = readme.slice(start, end === -1 ? undefined : end);
  return [...text.matchAll(/```sh\n([\s\S]*?)```/g)].map((match) => match[1]!);
}

beforeAll(async () => {
  const env: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(process.env)) {
    if (!key.startsWith('LECTERN_') && key !== 'DATABASE_URL' && key !== 'REDIS_URL') env[key] = value;
  }
  server = spawn(process.execPath, ['bin/lectern.js', 'serve', '--memory', '--port', '0'], {
    cwd: root,
    env: { ...env, LECTERN_LOG_LEVEL: 'warn' },
  });
  let stdout = '';
  server.stdout.on('data', (chunk: Buffer) => {
    stdout += chunk.toString();
  });
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`serve printed no token: ${stdout}`)), 15_000);
    server.stdout.on('data', () => {
      const api = /API:\s+(http:\/\/\S+)\/api\/v1/.exec(stdout);
      const admin = /Admin token: (\S+)/.exec(stdout);
      if (api && admin) {
        clearTimeout(timer);
        baseUrl = api[1]!;
        token = admin[1]!;
        resolve();
      }
    });
  });
});

afterAll(() => {
  server?.kill('SIGTERM');
});

it('runs the quick start in order and ends with a published course in $COURSE_ID', async () => {
  const blocks = shellBlocks('Quickstart with curl');
  expect(blocks.length).toBeGreaterThanOrEqual(2);
  const script = blocks.join('\n').replaceAll('http://127.0.0.1:8080', baseUrl).replaceAll('1000.3f2a...', token);
  const { stdout } = await run('bash', ['-euo', 'pipefail', '-c', `${script}\necho "COURSE_ID=$COURSE_ID"`], {
    cwd: root,
    timeout: 30_000,
  });
  // No call of the walk-through may fail: Zoho's error bodies carry a code other than "200".
  expect(stdout).not.toMatch(/"code":"(?!200")/);
  const courseId = /COURSE_ID=(\d{18})/.exec(stdout)?.[1];
  expect(courseId, stdout).toBeDefined();
  const response = await fetch(`${baseUrl}/api/v1/courses/${courseId}`, {
    headers: { Authorization: `Zoho-oauthtoken ${token}` },
  });
  const body = await response.json();
  expect(response.status).toBe(200);
  expect(body.course.publishStatus).toBe('published');
}, 60_000);
