/** The commands that act on a running server: its address and token from the flags, one call, refusals in one line. */
import { CliError, usageExitCode } from './cli-error.ts';

/** Where the server is, as the flags gave it (already checked). */
export interface ServerAddress {
  /** The server's base URL without a trailing slash, or a path under it the calls are relative to. */
  base: string;
  token: string;
  /** The address as the person typed it, for "cannot reach" messages. */
  shown: string;
}

/** Checks --url (default http://127.0.0.1:8080) and --token; `tokenHint` says which token the command wants. */
export function serverAddress(url: string | undefined, token: string | undefined, tokenHint: string): ServerAddress {
  const shown = url ?? 'http://127.0.0.1:8080';
  if (!URL.canParse(shown) || !/^https?:$/.test(new URL(shown).protocol)) {
    throw new CliError(`--url must be the server's http:// or https:// address, got "${shown}"`, usageExitCode);
  }
  if (token === undefined || token.trim() === '')
    throw new CliError(`--token is required: ${tokenHint}`, usageExitCode);
  return { base: shown.replace(/\/+$/, ''), token: token.trim(), shown };
}

/** Calls `base/tail`; an unreachable server or a refusal is one line (exit 2 for a 400, 1 otherwise). */
export async function callServer(server: ServerAddress, method: string, tail: string, body?: object): Promise<any> {
  let response: Response;
  try {
    response = await fetch(`${server.base}/${tail}`, {
      method,
      headers: {
        authorization: `Zoho-oauthtoken ${server.token}`,
        ...(body ? { 'content-type': 'application/json' } : {}),
      },
      ...(body ? { body: JSON.stringify(body) } : {}),
    });
  } catch (error) {
    const cause = (error as { cause?: { code?: string; errors?: { code?: string }[] } }).cause;
    const reason = cause?.code ?? cause?.errors?.[0]?.code ?? (error as Error).message;
    throw new CliError(`cannot reach ${server.shown} (${reason}); is lectern serve running?`);
  }
  const answer = (await response.json().catch(() => ({}))) as { message?: string };
  if (!response.ok) {
    throw new CliError(
      `the server answered ${response.status}: ${answer.message ?? 'no message'}`,
      response.status === 400 ? usageExitCode : 1,
    );
  }
  return answer;
}
