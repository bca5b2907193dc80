/** One scenario at one connection count through autocannon, run in this (the driver's) process, reduced to a row. */
import autocannon from 'autocannon';
import type { ServerProcess } from './processes.ts';
import { pause } from './processes.ts';

/** State shared by the steps of one round on one connection; autocannon resets it when the round starts again. */
export type Round = Record<string, unknown>;

/** One request of a scenario's round. */
export interface Step {
  method: 'GET' | 'POST' | 'PATCH';
  headers?: Record<string, string>;
  /** The path and body: fixed, or built for each request (to walk over many rows). */
  request: { path: string; body?: string } | ((round: Round) => { path: string; body?: string });
  /** Whether a 2xx answer says what was asked happened (Zoho-style APIs answer some failures with 200). */
  check?: (body: string) => boolean;
  /** Runs once the answer is in (to give back a row the round held). */
  settle?: (round: Round) => void;
}

/** What a scenario sends: its steps, repeated in order on every connection. */
export interface Plan {
  steps: Step[];
}

/** What one scenario measured at one connection count. */
export interface LoadResult {
  requestsPerSecond: number;
  /** autocannon records the latency of 2xx answers, in whole milliseconds. */
  p50Ms: number;
  p99Ms: number;
  requests: number;
  non2xx: number;
  /** Count of answers per status code. */
  statusCodes: Record<string, number>;
  /** 2xx answers whose body said the request did not do what it asked. */
  wrongBodies: number;
  /** Connection errors and timeouts (not HTTP statuses). */
  errors: number;
  /** CPU the driver (this process) used, in percent of one core: near 100 means the driver, not the server, limits. */
  driverCpuPercent: number;
  /** CPU the server process used, in percent of one core (null where /proc is missing). */
  serverCpuPercent: number | null;
  /** Server CPU time per answered request, in microseconds: steadier than req/s on a busy machine. */
  serverCpuUsPerRequest: number | null;
  /** The server's largest resident memory seen during the measured seconds (sampled every 100 ms), in MiB. */
  serverPeakRssMb: number | null;
}

/** How long to wait, at most, for a server to finish the requests still in flight when autocannon stopped. */
const settleLimitMs = 15_000;

/**
 * Waits until the server goes quiet (under a tenth of a core for 200 ms), so that requests still in flight when
 * autocannon stopped (a slow scenario leaves up to one per connection) are not counted against the next run.
 */
async function settle(server: ServerProcess): Promise<void> {
  const started = Date.now();
  let before = server.cpuSeconds();
  do {
    await pause(200);
    const after = server.cpuSeconds();
    if (before === null || after === null || after - before < 0.02) return;
    before = after;
  } while (Date.now() - started < settleLimitMs);
}

function fire(server: ServerProcess, plan: Plan, connections: number, seconds: number, wrong: { count: number }) {
  const requests = plan.steps.map((step) => {
    const request = step.request;
    const built = typeof request === 'function' ? {} : { path: request.path, body: request.body };
    return {
      method: step.method,
      headers: step.headers ?? {},
      ...built,
      ...(typeof request === 'function'
        ? {
            setupRequest: (defaults: any, round: Round) => {
              const { path, body } = request(round);
              return { ...defaults, path, body: body ?? defaults.body };
            },
          }
        : {}),
      onResponse: (status: number, body: string, round: Round) => {
        if (step.check !== undefined && status >= 200 && status < 300 && !step.check(body)) wrong.count += 1;
        step.settle?.(round);
      },
    };
  });
  return autocannon({ url: server.url, connections, duration: seconds, requests: requests as any });
}

/** Warms the server up (JIT, statement caches, lazily compiled schemas), then measures `seconds`. */
export async function measureLoad(
  server: ServerProcess,
  plan: () => Plan,
  connections: number,
  seconds: number,
  warmUpSeconds = 1,
): Promise<LoadResult> {
  await fire(server, plan(), connections, warmUpSeconds, { count: 0 });
  await settle(server);
  const wrong = { count: 0 };
  const cpuBefore = process.cpuUsage();
  const serverBefore = server.cpuSeconds();
  const started = performance.now();
  let peakRss = server.rssMb();
  const sampler = setInterval(() => {
    const now = server.rssMb();
    if (now !== null && (peakRss === null || now > peakRss)) peakRss = now;
  }, 100);
  let result: Awaited<ReturnType<typeof fire>>;
  try {
    // autocannon's instance is a thenable without finally().
    result = await fire(server, plan(), connections, seconds, wrong);
  } finally {
    clearInterval(sampler);
  }
  const wallSeconds = (performance.now() - started) / 1000;
  const serverAfter = server.cpuSeconds();
  const cpu = process.cpuUsage(cpuBefore);
  await settle(server);
  const serverCpu = serverBefore === null || serverAfter === null ? null : serverAfter - serverBefore;
  const requests = result.requests.total;
  const statusCodes: Record<string, number> = {};
  for (const [code, { count }] of Object.entries(result.statusCodeStats ?? {})) statusCodes[code] = count ?? 0;
  return {
    requestsPerSecond: requests / result.duration,
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    requests,
    non2xx: result.non2xx,
    statusCodes,
    wrongBodies: wrong.count,
    errors: result.errors + result.timeouts,
    driverCpuPercent: ((cpu.user + cpu.system) / 1e6 / wallSeconds) * 100,
    serverCpuPercent: serverCpu === null ? null : (serverCpu / wallSeconds) * 100,
    serverCpuUsPerRequest: serverCpu === null || requests === 0 ? null : (serverCpu / requests) * 1e6,
    serverPeakRssMb: peakRss,
  };
}
