/**
 * `lectern serve` stopping on SIGTERM as a load balancer's client sees it: idle keep-alive connections end with a
 * clean FIN, a request in flight completes (and is told the connection closes), and the process exits 0.
 */
import type { ChildProcess } from 'node:child_process';
import { afterAll, expect, it } from 'vitest';
import { createSchema, dropSchema, testDialect } from './helpers/engines.ts';
import { databaseUrlOfSchema, quietServerEnv, serveProcess } from './helpers/processes.ts';
import { openRaw, parseResponse, type RawClient, requestHead } from './helpers/raw-socket.ts';

const token = 'shutdown-test-bootstrap-token';
let child: ChildProcess | undefined;
let schema: string | null = null;

afterAll(async () => {
  if (child && child.exitCode === null) child.kill('SIGKILL');
  if (schema !== null) await dropSchema(schema);
});

function exitCode(process: ChildProcess): Promise<number | null> {
  if (process.exitCode !== null) return Promise.resolve(process.exitCode);
  return new Promise((resolve) => process.once('exit', (code) => resolve(code)));
}

/** A connection that has had one answered request and now sits idle, kept alive. */
async function idleConnection(baseUrl: string): Promise<RawClient> {
  const client = await openRaw(baseUrl, 15_000);
  client.socket.write(requestHead('GET', '/healthz'));
  await client.waitFor(/\{"status":"ok"\}$/);
  return client;
}

it('finishes the request in flight, ends idle keep-alive connections cleanly, and exits 0 on SIGTERM', async () => {
  let storeArgs = ['--memory'];
  if (testDialect === 'postgres') {
    schema = await createSchema();
    storeArgs = ['--database-url', databaseUrlOfSchema(schema)];
  }
  const served = serveProcess(storeArgs, { ...quietServerEnv, LECTERN_BOOTSTRAP_TOKEN: token });
  child = served.child;
  const baseUrl = await served.baseUrl;

  const idle = await Promise.all([1, 2, 3].map(() => idleConnection(baseUrl)));
  const inFlight = await openRaw(baseUrl, 15_000);
  const body = JSON.stringify({ name: 'Created while stopping', type: 1 });
  inFlight.socket.write(
    requestHead('POST', '/api/v1/courses', {
      Authorization: `Zoho-oauthtoken ${token}`,
      'Content-Type': 'application/json',
      'Content-Length': body.length,
      // The interim 100 tells the client that the server has read the head and is waiting for the body.
      Expect: '100-continue',
    }),
  );
  await inFlight.waitFor(/^HTTP\/1\.1 100 Continue\r\n\r\n/);
  inFlight.socket.write(body.slice(0, 10));

  child.kill('SIGTERM');
  for (const connection of idle) {
    const end = await connection.closed;
    expect(end).toMatchObject({ error: null, ended: true });
  }
  // The server is closing now; the rest of the body still gets its answer.
  inFlight.socket.write(body.slice(10));
  const end = await inFlight.closed;
  const response = parseResponse(end.text.replace(/^HTTP\/1\.1 100 Continue\r\n\r\n/, ''));
  expect(response.status, end.text).toBe(200);
  expect(JSON.parse(response.body).course.name).toBe('Created while stopping');
  expect(response.headers.connection).toBe('close');
  expect(end).toMatchObject({ error: null, ended: true });
  expect(await exitCode(child)).toBe(0);
}, 60_000);
