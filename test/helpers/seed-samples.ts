/**
 * Zoho's own sample requests (curl, Python requests, JavaScript fetch), read from the seed pages kept as fixtures in
 * test/fixtures/zoho at test time and run as their clients would run them, so that the seed tests change only host, token and ids.
 */
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** Each subprocess's bound; a test runs at most two (the tool check and the sample). */
export const sampleTimeout = 15_000;
/** A seed test's own bound. */
export const sampleTestTimeout = 2 * sampleTimeout + 5_000;

/** The three clients whose samples every seed page prints. */
export type Client = 'curl' | 'python' | 'javascript';
/** The clients, for it.each. */
export const clients: Client[] = ['curl', 'python', 'javascript'];

/** A seed page's samples: each client's request and the sample response, as the page prints them. */
export interface SeedPage {
  requests: Record<Client, string>;
  /** The response as printed on the page. */
  responseText: string;
  /** The response parsed (a page cut short before its last closing brace gets it back). */
  response: Record<string, any>;
}

/** The text of a seed page kept in test/fixtures/zoho (its first line names the page it came from). */
export function readSeedPage(file: string): string {
  return readFileSync(new URL(`../fixtures/zoho/${file}`, import.meta.url), 'utf8');
}

/** Splits a page into the blocks that follow "Copied" and tells the clients apart by how each block starts. */
export function readSeed(file: string): SeedPage {
  const lines = readSeedPage(file).split(/\r?\n/);
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
    if (found.length !== 1) throw new Error(`${file}: expected one ${what} sample, found ${found.length}`);
    return found[0]!;
  };
  const responseText = pick((b) => b.startsWith('{'), 'response');
  let response: Record<string, any>;
  try {
    response = JSON.parse(responseText);
  } catch {
    response = JSON.parse(`${responseText}\n}`);
  }
  return {
    requests: {
      curl: pick((b) => b.startsWith('curl'), 'curl'),
      python: pick((b) => b.startsWith('import requests'), 'Python'),
      javascript: pick((b) => b.startsWith('fetch(') || b.startsWith('const url'), 'JavaScript'),
    },
    responseText,
    response,
  };
}

/** Replaces every occurrence, failing when the sample no longer holds the text (so a changed page is noticed). */
export function substitute(sample: string, from: string, to: string): string {
  if (!sample.includes(from)) throw new Error(`the sample no longer contains ${JSON.stringify(from)}:\n${sample}`);
  return sample.split(from).join(to);
}

/** Fails, never skips, when a client the samples need is missing. */
async function requireTool(command: string, args: string[], what: string): Promise<void> {
  try {
    await run(command, args, { timeout: sampleTimeout });
  } catch (error) {
    throw new Error(`${what} is needed to run Zoho's sample and is not available: ${(error as Error).message}`);
  }
}

const marker = '---lectern-json---';
// Python samples print a dict repr or raw text: after the unchanged sample, print the parsed body as JSON too.
const pythonSuffix = `\nimport json as _lectern_json\nprint(${JSON.stringify(marker)})\nprint(_lectern_json.dumps(response.json()))\n`;
// console.log of an object prints util.inspect (nested objects cut to [Object]); log objects as JSON instead.
const javascriptPrelude =
  'const __lecternLog = console.log;\n' +
  "console.log = (...values) => __lecternLog(values.map((v) => (typeof v === 'string' ? v : JSON.stringify(v))).join(' '));\n";

/** Runs a sample with its client; answers what the sample printed and the response body it received. */
export async function runSample(client: Client, sample: string): Promise<{ printed: string; body: any }> {
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
    result = await run(command, args, { timeout: sampleTimeout, maxBuffer: 1 << 20, env });
  } catch (error) {
    const failed = error as Error & { stderr?: string; killed?: boolean };
    const why = failed.killed ? `timed out after ${sampleTimeout} ms` : failed.message;
    throw new Error(`the ${client} sample failed: ${why}\n${failed.stderr ?? ''}`);
  }
  const [printed, json] = client === 'python' ? result.stdout.split(`${marker}\n`) : [result.stdout, result.stdout];
  try {
    if (!printed?.trim()) throw new Error('the sample printed nothing');
    return { printed: printed.trim(), body: JSON.parse(json!) };
  } catch (error) {
    throw new Error(`the ${client} sample's output is not usable (${(error as Error).message}).
stdout: ${result.stdout}
stderr: ${result.stderr}`);
  }
}

/** Each key's JSON kind, so that the shape (not the values) is compared with the sample's. */
export function kinds(object: Record<string, unknown>, keys = Object.keys(object)): Record<string, string> {
  const kind = (v: unknown) => (v === null ? 'null' : Array.isArray(v) ? 'array' : typeof v);
  return Object.fromEntries(keys.map((key) => [key, key in object ? kind(object[key]) : 'missing']));
}
