/** The few Lectern calls the durability and soak scripts make, as a holder of one token. */

/** What a call answered: the status and the parsed JSON body (or the raw text when it was not JSON). */
export interface Answer {
  status: number;
  body: any;
}

/** A call's options: a JSON body and an Idempotency-Key. */
export interface CallOptions {
  body?: unknown;
  idempotencyKey?: string;
  timeoutMs?: number;
}

/**
 * Calls Lectern and reads the whole answer. Throws when no complete answer arrived (connection refused or cut,
 * timeout): for a write, that is "sent but not acknowledged".
 */
export async function callApi(
  baseUrl: string,
  token: string,
  method: 'GET' | 'POST' | 'PATCH',
  path: string,
  options: CallOptions = {},
): Promise<Answer> {
  const headers: Record<string, string> = { authorization: `Zoho-oauthtoken ${token}` };
  if (options.body !== undefined) headers['content-type'] = 'application/json';
  if (options.idempotencyKey !== undefined) headers['idempotency-key'] = options.idempotencyKey;
  const response = await fetch(`${baseUrl}${path}`, {
    method,
    headers,
    body: options.body === undefined ? undefined : JSON.stringify(options.body),
    signal: AbortSignal.timeout(options.timeoutMs ?? 30_000),
  });
  const text = await response.text();
  let body: unknown = text;
  try {
    body = JSON.parse(text);
  } catch {
    // Not JSON: kept as text for the error message.
  }
  return { status: response.status, body };
}

/** Runs `work` over every item with at most `concurrency` at once, in order of the items. */
export async function forEachConcurrently<T>(
  items: readonly T[],
  concurrency: number,
  work: (item: T) => Promise<void>,
): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const item = items[next++]!;
      await work(item);
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, items.length) }, worker));
}
