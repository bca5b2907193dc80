/** PKCE (RFC 7636), S256 only: the challenge a consent request carries and the verifier that answers it. */
import { createHash, timingSafeEqual } from 'node:crypto';

/** A challenge is base64url(SHA-256(verifier)): 43 characters, no padding. */
const challengePattern = /^[A-Za-z0-9_-]{43}$/;
/** A verifier: 43 to 128 unreserved characters. */
const verifierPattern = /^[A-Za-z0-9._~-]{43,128}$/;

/** The challenge a consent request carries (null without one), or why it is refused. */
export function readChallenge(query: Record<string, unknown>): { challenge: string | null } | { refusal: string } {
  const challenge = query.code_challenge;
  const method = query.code_challenge_method;
  if (challenge === undefined) {
    return method === undefined
      ? { challenge: null }
      : { refusal: 'code_challenge_method was sent without code_challenge.' };
  }
  // plain (the RFC's default) would put the verifier itself in the browser's address bar: only S256 is taken.
  if (method !== 'S256') return { refusal: 'code_challenge_method must be S256 (plain is not accepted).' };
  if (typeof challenge !== 'string' || !challengePattern.test(challenge)) {
    return {
      refusal: 'code_challenge must be base64url(SHA-256(code_verifier)): 43 characters of A-Z, a-z, 0-9, - and _.',
    };
  }
  return { challenge };
}

/** True when the verifier answers the challenge. */
export function verifierMatches(verifier: string | undefined, challenge: string): boolean {
  if (verifier === undefined || !verifierPattern.test(verifier)) return false;
  const computed = createHash('sha256').update(verifier).digest('base64url');
  return computed.length === challenge.length && timingSafeEqual(Buffer.from(computed), Buffer.from(challenge));
}
