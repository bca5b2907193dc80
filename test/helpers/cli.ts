/** Running the real `lectern` command in child processes: one-shot runs, and servers on a free port. */
import { type ChildProcess, type ChildProcessWithoutNullStreams, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../..', import.meta.url));
const waitMs = 30_000;
const children = new Set<ChildProcess>();
const folders: string[] = [];

/** Kills every process still running and removes the temporary folders (call from afterAll). */
export function cleanUpCliRuns(): void {
  for (const child of children) child.kill('SIGKILL');
  for (const folder of folders) rmSync(folder, { recursive: true, force: true });
}

/** A fresh folder, removed by cleanUpCliRuns. */
export function temporaryFolder(): string {
  const folder = mkdtempSync(join(tmpdir(), 'lectern-cli-'));
  folders.push(folder);
  return folder;
}

/** The parent's environment without Lectern settings, so a CI's DATABASE_URL cannot redirect these stores. */
function environment(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(process.env)) {
    if (!key.startsWith('LECTERN_') && key !== 'DATABASE_URL' && key !== 'REDIS_URL') env[key] = value;
  }
  return { ...env, LECTERN_LOG_LEVEL: 'warn', ...extra };
}

function launch(
  args: string[],
  env: Record<string, string>,
): ChildProcessWithoutNullStreams & { output: { stdout: string; stderr: string } } {
  const child = spawn(process.execPath, ['bin/lectern.js', ...args], { cwd: root, env: environment(env) });
  const output = { stdout: '', stderr: '' };
  child.stdout.on('data', (chunk: Buffer) => {
    output.stdout += chunk.toString();
  });
  child.stderr.on('data', (chunk: Buffer) => {
    output.stderr += chunk.toString();
  });
  children.add(child);
  child.on('exit', () => children.delete(child));
  return Object.assign(child, { output });
}

function exitOf(child: ChildProcess): Promise<number | null> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve(child.exitCode);
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`the process did not exit within ${waitMs} ms`)), waitMs);
    child.once('exit', (code) => {
      clearTimeout(timer);
      resolve(code);
    });
  });
}

/** Runs a command to its end. */
export async function run(args: string[], env: Record<string, string> = {}) {
  const child = launch(args, env);
  const code = await exitOf(child);
  return { code, ...child.output };
}

/** Starts `lectern serve` and waits for the line that gives the API's address. */
export async function serve(args: string[], env: Record<string, string> = {}) {
  const child = launch(['serve', '--port', '0', ...args], env);
  const baseUrl = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`no API line within ${waitMs} ms: ${child.output.stderr}`)),
      waitMs,
    );
    const look = () => {
      const match = /API:\s+(http:\/\/\S+)\/api\/v1/.exec(child.output.stdout);
      if (match) {
        clearTimeout(timer);
        resolve(match[1]!);
      }
    };
    child.stdout.on('data', look);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`serve exited with ${code} before listening: ${child.output.stderr}`));
    });
  });
  return {
    baseUrl,
    output: child.output,
    stop: () => {
      child.kill('SIGTERM');
      return exitOf(child);
    },
  };
}

/** The Authorization header of a token. */
export const auth = (token: string) => ({ authorization: `Zoho-oauthtoken ${token}` });
