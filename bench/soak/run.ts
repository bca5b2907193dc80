/**
 * `npm run soak`: measures what `lectern serve` (SQLite, synchronous=FULL) answers in 10 s of an 80/20 read/write
 * mix, then holds 80% of that rate for --minutes (default 10), reporting each minute the server's RSS, heap used and
 * the p99 latency. Passes when the last minute is within ±10% of the second on all three. Not run in CI.
 */
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import { callApi } from '../api-client.ts';
import { sqliteStore } from '../durability/stores.ts';
import { randomToken, type ServedLectern, serveLectern } from '../served-lectern.ts';
import { type MemorySample, memoryProbeArgs, sampleMemory } from './memory.ts';
import { CoursePool, requestMix } from './mix.ts';

const connections = 10;
const capacitySeconds = 10;
const sampleEveryMs = 5_000;
const tolerance = 0.1;

/** What one minute of the held load saw. */
interface Minute {
  latenciesMs: number[];
  non2xx: number;
  errors: number;
  memory: MemorySample[];
}

function log(line: string): void {
  process.stderr.write(`${line}\n`);
}

const usage = `npm run soak -- [--minutes N]
  --minutes  how long to hold 80% of the measured rate, 1 to 120 (default 10)
`;

function readMinutes(): number {
  const { values } = parseArgs({
    options: { minutes: { type: 'string', default: '10' }, help: { type: 'boolean', short: 'h' } },
  });
  if (values.help) {
    process.stdout.write(usage);
    process.exit(0);
  }
  const minutes = Number(values.minutes);
  if (!Number.isInteger(minutes) || minutes < 1 || minutes > 120) {
    throw new Error(`--minutes must be a whole number from 1 to 120, got "${values.minutes}"`);
  }
  return minutes;
}

function percentile(values: number[], fraction: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = Float64Array.from(values).sort();
  return sorted[Math.min(sorted.length - 1, Math.ceil(fraction * sorted.length) - 1)]!;
}

function mean(values: number[]): number {
  return values.reduce((sum, value) => sum + value, 0) / values.length;
}

/** The figures of one minute: requests a second, p99 and the mean of the memory samples. */
function summarise(minute: Minute) {
  return {
    requestsPerSecond: (minute.latenciesMs.length + minute.non2xx) / 60,
    p99Ms: percentile(minute.latenciesMs, 0.99),
    rssMb: mean(minute.memory.map((sample) => sample.rss)) / 2 ** 20,
    heapMb: mean(minute.memory.map((sample) => sample.heapUsed)) / 2 ** 20,
    non2xx: minute.non2xx,
    errors: minute.errors,
  };
}

function row(index: number, minute: Minute): string {
  const figures = summarise(minute);
  return (
    `| ${index + 1} | ${figures.requestsPerSecond.toFixed(0)} | ${figures.p99Ms.toFixed(1)} | ` +
    `${figures.rssMb.toFixed(1)} | ${figures.heapMb.toFixed(1)} | ${figures.non2xx} | ${figures.errors} |`
  );
}

/** Each metric of the last minute against the second: within ±10%, or not. */
function verdicts(minutes: Minute[]): { lines: string[]; flat: boolean } {
  const second = summarise(minutes[1] ?? minutes[0]!);
  const last = summarise(minutes.at(-1)!);
  const lines: string[] = [];
  let flat = true;
  for (const [name, key] of [
    ['RSS', 'rssMb'],
    ['heap used', 'heapMb'],
    ['p99 latency', 'p99Ms'],
  ] as const) {
    const change = (last[key] - second[key]) / second[key];
    const within = Math.abs(change) <= tolerance;
    flat &&= within;
    const sign = change >= 0 ? '+' : '';
    lines.push(
      `${name}: ${second[key].toFixed(1)} -> ${last[key].toFixed(1)} (${sign}${(change * 100).toFixed(1)}%) ${within ? 'flat' : 'NOT FLAT'}`,
    );
  }
  if (minutes.length < 3) lines.push('(fewer than 3 minutes: the second minute is the last, so this compares nothing)');
  return { lines, flat };
}

/** Creates the courses the first fetches and updates use. */
async function seedCourses(server: ServedLectern, token: string, pool: CoursePool): Promise<void> {
  for (let index = 0; index < 50; index++) {
    const body = { name: pool.nextName(), type: 1 };
    const answer = await callApi(server.baseUrl, token, 'POST', '/api/v1/courses', { body });
    if (answer.status !== 200) throw new Error(`seeding answered ${answer.status} ${JSON.stringify(answer.body)}`);
    pool.add(answer.body.course.courseId);
  }
}

async function measureCapacity(server: ServedLectern, token: string, pool: CoursePool): Promise<number> {
  const requests = requestMix(pool, token);
  await autocannon({ url: server.baseUrl, connections, duration: 2, requests });
  const result = await autocannon({ url: server.baseUrl, connections, duration: capacitySeconds, requests });
  return result.requests.total / capacitySeconds;
}

/** Holds `rate` for `count` minutes, sampling memory every 5 s and printing each minute as it ends. */
async function hold(server: ServedLectern, token: string, pool: CoursePool, rate: number, count: number) {
  const minutes: Minute[] = Array.from({ length: count }, () => ({
    latenciesMs: [],
    non2xx: 0,
    errors: 0,
    memory: [],
  }));
  const started = performance.now();
  const current = () => minutes[Math.min(count - 1, Math.floor((performance.now() - started) / 60_000))]!;
  const requests = requestMix(pool, token);
  const options = { url: server.baseUrl, connections, duration: count * 60, overallRate: rate, requests };
  let instance!: autocannon.Instance;
  const done = new Promise<autocannon.Result>((resolve, reject) => {
    instance = autocannon(options, (error, result) => (error ? reject(error) : resolve(result)));
  });
  instance.on('response', (_client, status, _bytes, responseTimeMs) => {
    if (status >= 200 && status < 300) current().latenciesMs.push(responseTimeMs);
    else current().non2xx += 1;
  });
  instance.on('reqError', () => {
    current().errors += 1;
  });
  const sampler = setInterval(() => {
    const minute = current();
    sampleMemory(server).then(
      (sample) => minute.memory.push(sample),
      (error: Error) => log(`  memory sample failed: ${error.message}`),
    );
  }, sampleEveryMs);
  let reported = 0;
  const reporter = setInterval(() => {
    if (reported < count - 1) log(`  minute ${reported + 1}: ${row(reported, minutes[reported]!)}`);
    reported += 1;
  }, 60_000);
  try {
    await done;
  } finally {
    clearInterval(sampler);
    clearInterval(reporter);
  }
  // The last minute's final sample, taken as the load ends.
  minutes.at(-1)!.memory.push(await sampleMemory(server));
  return minutes;
}

async function main(): Promise<number> {
  const count = readMinutes();
  const store = sqliteStore();
  const token = randomToken();
  const server = await serveLectern({ store: store.location, token, nodeArgs: memoryProbeArgs, ipc: true });
  try {
    const pool = new CoursePool();
    await seedCourses(server, token, pool);
    log(`soak: Node ${process.version}, SQLite synchronous=FULL, ${connections} connections, server pid ${server.pid}`);
    log(`measuring capacity for ${capacitySeconds} s (after 2 s of warm-up)...`);
    const capacity = await measureCapacity(server, token, pool);
    const rate = Math.max(1, Math.round(0.8 * capacity));
    log(`capacity ${capacity.toFixed(0)} requests/s; holding ${rate}/s (80%) for ${count} minutes`);
    const minutes = await hold(server, token, pool, rate, count);
    const header = [
      '| minute | requests/s | p99 ms | RSS MB | heap used MB | non-2xx | errors |',
      '|---:|---:|---:|---:|---:|---:|---:|',
    ];
    process.stdout.write(
      `\ncapacity ${capacity.toFixed(0)}/s, held ${rate}/s, mix 40% fetch, 40% list, 10% create, 10% update\n`,
    );
    process.stdout.write(`${[...header, ...minutes.map((minute, index) => row(index, minute))].join('\n')}\n\n`);
    const { lines, flat } = verdicts(minutes);
    process.stdout.write(`${lines.join('\n')}\n`);
    const failures = minutes.reduce((sum, minute) => sum + minute.non2xx + minute.errors, 0);
    if (failures > 0) process.stdout.write(`${failures} requests failed (non-2xx or errors)\n`);
    return flat && failures === 0 ? 0 : 1;
  } finally {
    await server.stop();
    await store.remove();
  }
}

try {
  process.exitCode = await main();
} catch (error) {
  log(`soak failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 2;
}
