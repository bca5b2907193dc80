/**
 * The servers under load, each in a child process of its own, so that the load generator (this process) never shares
 * a thread or a core's run queue slot with what it measures: `lectern serve` from the build, and the bare node:http
 * baseline. Their CPU time is read from /proc so that each row can say what a request cost the server.
 */
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { closeSync, openSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const repoRoot = fileURLToPath(new URL('..', import.meta.url));
const lecternBin = fileURLToPath(new URL('../bin/lectern.js', import.meta.url));
const bareScript = fileURLToPath(new URL('./bare-server.ts', import.meta.url));
const startLimitMs = 60_000;
const stopLimitMs = 15_000;

/** A server running in a child process. */
export interface ServerProcess {
  /** Base URL without a trailing slash. */
  url: string;
  /** CPU seconds (user + system) the process has used so far; null where /proc is missing. */
  cpuSeconds(): number | null;
  /** The process's resident memory now, in MiB (null where /proc is missing). */
  rssMb(): number | null;
  stop(): Promise<void>;
}

/** Builds dist/ from the sources, so that `bin/lectern.js` never runs a stale build. */
export function buildLectern(): void {
  const result = spawnSync(process.execPath, ['scripts/build.mjs'], {
    cwd: repoRoot,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  if (result.status !== 0) throw new Error(`npm run build failed (${result.status}): ${result.stderr}`);
}

/**
 * The environment of a spawned Lectern: the shell's LECTERN_*, DATABASE_URL and REDIS_URL are dropped, so that a
 * run measures the settings the bench states and nothing else; every other setting keeps its production default.
 */
function lecternEnvironment(settings: Record<string, string>): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [name, value] of Object.entries(process.env)) {
    if (!name.startsWith('LECTERN_') && name !== 'DATABASE_URL' && name !== 'REDIS_URL') env[name] = value;
  }
  return { ...env, ...settings };
}

/**
 * Spawns `lectern serve --port 0` on a store. Its stdout (the banner, then pino's request log) goes to `logFile`, as
 * `lectern serve > file` would, so the driver never spends time draining it; the banner names the port chosen.
 */
export async function startLecternProcess(
  storeArgs: string[],
  settings: Record<string, string>,
  logFile: string,
): Promise<ServerProcess> {
  const out = openSync(logFile, 'w');
  const nodeArgs = process.env.BENCH_SERVER_NODE_ARGS?.split(' ').filter(Boolean) ?? [];
  const child = spawn(
    process.execPath,
    [...nodeArgs, lecternBin, 'serve', '--port', '0', '--host', '127.0.0.1', ...storeArgs],
    {
      cwd: repoRoot,
      env: lecternEnvironment(settings),
      stdio: ['ignore', out, 'pipe'],
    },
  );
  closeSync(out);
  const stderr = collect(child);
  const started = Date.now();
  try {
    for (;;) {
      const banner = readFileSync(logFile, 'utf8').match(/API: +(http:\/\/\S+)\/api\/v1/);
      if (banner) return processHandle(child, banner[1]!);
      if (child.exitCode !== null) throw new Error(`lectern serve exited ${child.exitCode}: ${stderr()}`);
      if (Date.now() - started > startLimitMs) throw new Error(`lectern serve printed no address in 60 s: ${stderr()}`);
      await pause(20);
    }
  } catch (error) {
    await stopChild(child);
    throw error;
  }
}

/** Spawns the bare node:http server, which prints its URL as its first line. */
export async function startBareProcess(): Promise<ServerProcess & { bodyBytes: number }> {
  const child = spawn(process.execPath, ['--import', 'tsx', bareScript], {
    cwd: repoRoot,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const stderr = collect(child);
  const line = await new Promise<string>((resolve, reject) => {
    let text = '';
    child.stdout!.on('data', (chunk) => {
      text += chunk;
      if (text.includes('\n')) resolve(text.split('\n')[0]!);
    });
    child.once('exit', (code) => reject(new Error(`the bare server exited ${code}: ${stderr()}`)));
  });
  const { url, bodyBytes } = JSON.parse(line) as { url: string; bodyBytes: number };
  return { ...processHandle(child, url), bodyBytes };
}

function processHandle(child: ChildProcess, url: string): ServerProcess {
  return {
    url: url.replace(/\/$/, ''),
    cpuSeconds: () => cpuSecondsOf(child.pid),
    rssMb: () => rssMbOf(child.pid),
    stop: () => stopChild(child),
  };
}

/** The last 2 KB of a child's stderr, for error messages. */
function collect(child: ChildProcess): () => string {
  let text = '';
  child.stderr?.on('data', (chunk) => {
    text = (text + chunk).slice(-2048);
  });
  return () => text.trim();
}

let ticksPerSecond: number | null | undefined;

/** utime + stime of a process from /proc/<pid>/stat (fields 14 and 15, in clock ticks). */
function cpuSecondsOf(pid: number | undefined): number | null {
  if (pid === undefined) return null;
  if (ticksPerSecond === undefined) {
    const result = spawnSync('getconf', ['CLK_TCK'], { encoding: 'utf8' });
    ticksPerSecond = result.status === 0 ? Number(result.stdout.trim()) || null : null;
  }
  if (ticksPerSecond === null) return null;
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The command name (field 2) may hold spaces, so count fields from the closing parenthesis.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) / ticksPerSecond;
  } catch {
    return null;
  }
}

/** VmRSS of a process from /proc/<pid>/status, in MiB. */
function rssMbOf(pid: number | undefined): number | null {
  if (pid === undefined) return null;
  try {
    const kilobytes = /^VmRSS:\s+(\d+) kB/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1];
    return kilobytes === undefined ? null : Number(kilobytes) / 1024;
  } catch {
    return null;
  }
}

/** SIGTERM (Lectern finishes in-flight requests and closes its store), then SIGKILL if it does not exit in time. */
async function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), stopLimitMs);
  await exited;
  clearTimeout(timer);
}

/** Resolves after `ms` milliseconds. */
export function pause(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** Runs `lectern seed` on a store, passing its progress lines to `log`; throws when it fails. */
export async function seedLecternStore(
  storeArgs: string[],
  counts: { courses: number; people: number; enrolments: number },
  log: (line: string) => void,
): Promise<void> {
  const args = ['seed', ...storeArgs, '--courses', String(counts.courses), '--people', String(counts.people)];
  args.push('--enrolments', String(counts.enrolments));
  const child = spawn(process.execPath, [lecternBin, ...args], {
    cwd: repoRoot,
    env: lecternEnvironment({ LECTERN_LOG_LEVEL: 'warn' }),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    output += chunk.toString();
    const lines = output.split('\n');
    output = lines.pop()!;
    for (const line of lines) log(`  seed: ${line}`);
  });
  child.stdout?.on('data', (chunk: Buffer) => log(`  seed: ${chunk.toString().trim()}`));
  const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
  if (code !== 0) throw new Error(`lectern seed exited with ${code}: ${output}`);
}
