/** Raw TCP clients for the tests where the bytes on the wire matter: stalls, half-sent bodies, malformed requests. */
import { connect, type Socket } from 'node:net';

/** How a connection ended: everything received, when, and whether the server ended it cleanly or reset it. */
export interface RawEnd {
  text: string;
  /** Milliseconds from connect to close. */
  elapsedMs: number;
  /** The socket error (ECONNRESET, EPIPE), or null when it closed without one. */
  error: string | null;
  /** The server sent FIN (the client saw 'end') before the close. */
  ended: boolean;
}

/** A connected raw client. */
export interface RawClient {
  socket: Socket;
  /** Resolves when the connection closes; rejects if it is still open after the guard (default 5 s). */
  closed: Promise<RawEnd>;
  /** Resolves with everything received once it matches the pattern (within the same guard). */
  waitFor(pattern: RegExp): Promise<string>;
  /** Milliseconds since connect. */
  elapsed(): number;
}

/** Connects to `http://host:port` and records everything the server sends. */
export function openRaw(baseUrl: string, guardMs = 5000): Promise<RawClient> {
  const url = new URL(baseUrl);
  const socket = connect(Number(url.port), url.hostname);
  const started = performance.now();
  let text = '';
  let error: string | null = null;
  let ended = false;
  const waiters: (() => void)[] = [];
  socket.on('data', (piece: Buffer) => {
    text += piece.toString('latin1');
    for (const wake of waiters) wake();
  });
  socket.on('end', () => {
    ended = true;
  });
  socket.on('error', (cause: NodeJS.ErrnoException) => {
    error = cause.code ?? cause.message;
  });
  const closed = new Promise<RawEnd>((resolve, reject) => {
    const guard = setTimeout(() => {
      socket.destroy();
      reject(new Error(`the server kept the connection open for ${guardMs} ms; received: ${text.slice(0, 300)}`));
    }, guardMs);
    socket.once('close', () => {
      clearTimeout(guard);
      resolve({ text, elapsedMs: performance.now() - started, error, ended });
    });
  });
  // A rejection nobody awaits yet must not fail the run: the test awaits `closed` when it needs it.
  closed.catch(() => undefined);
  const waitFor = (pattern: RegExp) =>
    new Promise<string>((resolve, reject) => {
      const check = () => {
        if (pattern.test(text)) resolve(text);
      };
      waiters.push(check);
      check();
      closed.then(
        () => (pattern.test(text) ? resolve(text) : reject(new Error(`closed without ${pattern}; got: ${text}`))),
        reject,
      );
    });
  return new Promise((resolve, reject) => {
    socket.once('connect', () => resolve({ socket, closed, waitFor, elapsed: () => performance.now() - started }));
    socket.once('error', reject);
  });
}

/** An HTTP/1.1 response read off the wire. */
export interface RawResponse {
  status: number;
  headers: Record<string, string>;
  body: string;
}

/** Parses the first response in the received text (headers lower-cased; the body as far as it was received). */
export function parseResponse(text: string): RawResponse {
  const split = text.indexOf('\r\n\r\n');
  if (split < 0) throw new Error(`no complete response head in: ${text}`);
  const [statusLine, ...lines] = text.slice(0, split).split('\r\n');
  const status = Number(/^HTTP\/1\.[01] (\d{3})/.exec(statusLine!)?.[1]);
  const headers: Record<string, string> = {};
  for (const line of lines) {
    const colon = line.indexOf(':');
    headers[line.slice(0, colon).trim().toLowerCase()] = line.slice(colon + 1).trim();
  }
  const length = headers['content-length'];
  const rest = text.slice(split + 4);
  return { status, headers, body: length === undefined ? rest : rest.slice(0, Number(length)) };
}

/** A request head: the request line, Host, the given headers, and the blank line. */
export function requestHead(method: string, path: string, headers: Record<string, string | number> = {}): string {
  const lines = [`${method} ${path} HTTP/1.1`, 'Host: lectern.test'];
  for (const [name, value] of Object.entries(headers)) lines.push(`${name}: ${value}`);
  return `${lines.join('\r\n')}\r\n\r\n`;
}
