/**
 * `lectern portal faults|journal|mailbox`: the control room's observation routes of a running server, over HTTP (fault
 * rules and the journal live in the server's memory, so only the server can answer for them).
 */

import { CliError, usageExitCode } from './cli-error.ts';
import { callServer, type ServerAddress, serverAddress } from './server-call.ts';

/** Where the server is and who asks. */
export interface ServerOptions {
  url?: string;
  token?: string;
  portal?: string;
  json?: boolean;
}

/** What `faults add` was given. */
export interface FaultOptions extends ServerOptions {
  method?: string;
  path?: string;
  erecno?: string;
  status?: string;
  body?: string;
  latency?: string;
  drop?: boolean;
  times?: string;
  probability?: string;
}

const usage = (message: string) => new CliError(message, usageExitCode);

function wholeNumber(flag: string, text: string | undefined, min: number, max: number): number | undefined {
  if (text === undefined) return undefined;
  const value = Number(text);
  if (!/^\d+$/.test(text) || value < min || value > max)
    throw usage(`${flag} must be a whole number from ${min} to ${max}, got "${text}"`);
  return value;
}

function baseOf(options: ServerOptions): ServerAddress {
  const server = serverAddress(options.url, options.token, "the portal admin's token, or an operator token");
  if (options.portal === undefined || !/^[1-9]\d{0,19}$/.test(options.portal)) {
    throw usage(`--portal must be the portal's id (digits), got "${options.portal ?? ''}"`);
  }
  return { ...server, base: `${server.base}/lectern/v1/portals/${options.portal}` };
}

/** Calls the route; a refusal becomes one line (exit 2 for a bad argument, 1 otherwise). */
function call(options: ServerOptions, method: string, tail: string, body?: object): Promise<any> {
  return callServer(baseOf(options), method, tail, body);
}

function faultBody(options: FaultOptions): object {
  if (options.path === undefined) throw usage('--path is required: an /api/ path such as /api/v1/courses/*');
  const actions = [options.status !== undefined, options.latency !== undefined, options.drop === true];
  if (actions.filter(Boolean).length !== 1)
    throw usage('give exactly one of --status <code>, --latency <ms> or --drop');
  let body: unknown;
  if (options.body !== undefined) {
    try {
      body = JSON.parse(options.body);
    } catch {
      throw usage('--body must be JSON such as {"code":"7202","message":"Invalid OAuth token"}');
    }
  }
  const probability = options.probability === undefined ? undefined : Number(options.probability);
  if (probability !== undefined && !(probability >= 0 && probability <= 1)) {
    throw usage(`--probability must be a number from 0 to 1, got "${options.probability}"`);
  }
  return {
    ...(options.method ? { method: options.method.toUpperCase() } : {}),
    path: options.path,
    ...(options.erecno ? { erecno: options.erecno } : {}),
    action: actions[0] ? 'status' : actions[1] ? 'latency' : 'drop',
    status: wholeNumber('--status', options.status, 400, 599),
    ...(body === undefined ? {} : { body }),
    latencyMs: wholeNumber('--latency', options.latency, 1, 30_000),
    times: wholeNumber('--times', options.times, 1, 10_000),
    probability,
  };
}

const json = (value: unknown) => `${JSON.stringify(value, null, 2)}\n`;

function faultLine(fault: any): string {
  const what =
    fault.action === 'status'
      ? `status ${fault.status}`
      : fault.action === 'latency'
        ? `latency ${fault.latencyMs} ms`
        : 'drop';
  const left = fault.remaining === null ? '' : `, ${fault.remaining} left`;
  const chance = fault.probability < 1 ? `, p=${fault.probability}` : '';
  const who = fault.erecno === null ? '' : ` for ${fault.erecno}`;
  return `${fault.faultId}  ${fault.method} ${fault.path}${who}: ${what}${left}${chance} (${fault.hits} hits)\n`;
}

/** `portal faults add`: prints the rule made. */
export async function addFault(options: FaultOptions): Promise<string> {
  const body = faultBody(options);
  const { fault } = await call(options, 'POST', 'faults', body);
  return options.json ? json(fault) : faultLine(fault);
}

/** `portal faults list`. */
export async function listFaults(options: ServerOptions): Promise<string> {
  const { faults } = await call(options, 'GET', 'faults');
  if (options.json) return json(faults);
  return faults.length === 0 ? 'no fault rules\n' : faults.map(faultLine).join('');
}

/** `portal faults remove <faultId>`. */
export async function removeFault(options: ServerOptions, faultId: string): Promise<string> {
  if (!/^[1-9]\d{0,19}$/.test(faultId)) throw usage(`the fault id must be digits, got "${faultId}"`);
  await call(options, 'DELETE', `faults/${faultId}`);
  return `removed fault rule ${faultId}\n`;
}

/** `portal faults clear`. */
export async function clearFaults(options: ServerOptions): Promise<string> {
  const { removed } = await call(options, 'DELETE', 'faults');
  return `removed ${removed} fault rule${removed === 1 ? '' : 's'}\n`;
}

/** `portal journal [--limit N] [--clear]`. */
export async function showJournal(options: ServerOptions & { limit?: string; clear?: boolean }): Promise<string> {
  if (options.clear) return `removed ${(await call(options, 'DELETE', 'journal')).removed} journal entries\n`;
  const limit = wholeNumber('--limit', options.limit, 1, 500) ?? 20;
  const { entries } = await call(options, 'GET', `journal?limit=${limit}`);
  if (options.json) return json(entries);
  return entries
    .map((entry: any) => {
      const query = entry.query === '' ? '' : `?${entry.query}`;
      const status = entry.dropped ? 'dropped' : String(entry.status);
      return `${entry.time}  ${status}  ${entry.method} ${entry.path}${query}  ${Math.round(entry.durationMs)} ms\n`;
    })
    .join('');
}

/** `portal mailbox [--limit N] [--clear]`. */
export async function showMailbox(options: ServerOptions & { limit?: string; clear?: boolean }): Promise<string> {
  if (options.clear) {
    const removed = await call(options, 'DELETE', 'mailbox');
    return `removed ${removed.emails} e-mails and ${removed.webhooks} webhook deliveries\n`;
  }
  const limit = wholeNumber('--limit', options.limit, 1, 200) ?? 50;
  const { messages } = await call(options, 'GET', `mailbox?limit=${limit}`);
  if (options.json) return json(messages);
  return messages
    .map((message: any) => {
      const time = new Date(message.createdAt).toISOString();
      const what = message.kind === 'email' ? message.subject : message.eventType;
      return `${time}  ${message.kind}  ${message.status}  ${message.to}  ${what}\n`;
    })
    .join('');
}
