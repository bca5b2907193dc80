/**
 * The `Lectern-Signature` header: `t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<body>" keyed with the secret>`.
 * The timestamp is signed with the body so a receiver can refuse old replays (e.g. older than five minutes).
 */
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

/** A fresh webhook secret (shown once, when the webhook is made or the secret is rotated). */
export function generateWebhookSecret(): string {
  return `whsec_${randomBytes(24).toString('hex')}`;
}

/** The signature header value for a body sent at `epochMs`. */
export function signatureHeader(secret: string, body: string, epochMs: number): string {
  const timestamp = Math.floor(epochMs / 1000);
  const digest = createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex');
  return `t=${timestamp},v1=${digest}`;
}

/** True when the header was made with the secret over this body (what a receiver does; used by the tests too). */
export function verifySignature(secret: string, body: string, header: string): boolean {
  const parts = new Map(header.split(',').map((part) => part.split('=', 2) as [string, string]));
  const timestamp = parts.get('t');
  const given = parts.get('v1');
  if (timestamp === undefined || given === undefined) return false;
  const expected = createHmac('sha256', secret).update(`${timestamp}.${body}`).digest();
  const actual = Buffer.from(given, 'hex');
  return actual.length === expected.length && timingSafeEqual(actual, expected);
}
