/** What the journal never shows: credentials in headers, query parameters and bodies; and bodies beyond a bound. */
import type { IncomingHttpHeaders } from 'node:http';
import { prefixOf } from '../errors.ts';

const redacted = '[REDACTED]';

/** Header names whose values are credentials (Authorization, cookies, API keys, anything naming a token or secret). */
const secretHeader = /authorization|cookie|token|secret|api-key|password/i;

/** Keys of JSON bodies whose values are credentials (a minted token, a webhook's secret, OAuth's fields). */
const secretJsonValue =
  /("(?:authtoken|access_token|refresh_token|client_secret|token|secret|password)"\s*:\s*)("(?:[^"\\]|\\.)*(?:"|$)|[^,}\]\s]+)/gi;

/** Form fields whose values are credentials (as the log masks them in queries). */
const secretFormValue =
  /(^|&)((?:authtoken|access_token|refresh_token|client_secret|code|token|password|secret)=)[^&]*/gi;

/** Most characters of a body (request or response) the journal keeps. */
export const journalBodyLimit = 16_384;

/** The headers as the journal keeps them: one text each, credentials replaced. */
export function redactHeaders(headers: IncomingHttpHeaders): Record<string, string> {
  const kept: Record<string, string> = {};
  for (const name in headers) {
    const value = headers[name];
    if (value === undefined) continue;
    kept[name] = secretHeader.test(name) ? redacted : Array.isArray(value) ? value.join(', ') : value;
  }
  return kept;
}

/** A body's text with its credentials replaced: JSON values by key, form fields by name. */
export function redactBody(text: string, type: 'json' | 'form' | 'other'): string {
  if (type === 'form' && !/^\s*[{[]/.test(text)) return text.replace(secretFormValue, `$1$2${redacted}`);
  return text.replace(secretJsonValue, `$1"${redacted}"`);
}

/**
 * The text cut to journalBodyLimit with a marker saying how much went. The kept part is copied, so the journal does
 * not hold on to a megabyte body through a slice of it.
 */
export function boundText(text: string): string {
  if (text.length <= journalBodyLimit) return text;
  const kept = Buffer.from(prefixOf(text, journalBodyLimit), 'utf8').toString('utf8');
  return `${kept}...[truncated: ${text.length - kept.length} more characters]`;
}

/** A Buffer's text cut the same way (only the kept bytes are decoded). */
export function boundBuffer(buffer: Buffer): string {
  if (buffer.length <= journalBodyLimit) return buffer.toString('utf8');
  const kept = buffer.subarray(0, journalBodyLimit).toString('utf8');
  return `${kept}...[truncated: ${buffer.length - journalBodyLimit} more bytes]`;
}
