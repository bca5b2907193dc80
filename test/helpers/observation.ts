/** Shared by the control-room observation tests: calls to a portal's faults, journal and mailbox, and a seeded random. */
import type { TestLectern } from './test-app.ts';

/** A deterministic random source in [0, 1) (mulberry32), for probabilistic fault rules. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A request to one of the portal's control-room routes (`faults`, `journal?limit=5`, ...) with the admin's token. */
export function control(
  lectern: TestLectern,
  method: 'GET' | 'POST' | 'DELETE',
  tail: string,
  options: { body?: object; token?: string; portalId?: string } = {},
) {
  return lectern.app.inject({
    method,
    url: `/lectern/v1/portals/${options.portalId ?? lectern.portalId}/${tail}`,
    headers: lectern.auth(options.token ?? lectern.adminToken),
    ...(options.body === undefined ? {} : { payload: options.body }),
  });
}

/** Adds a fault rule (200 expected) and answers it. */
export async function addFault(lectern: TestLectern, rule: object, token?: string): Promise<Record<string, any>> {
  const response = await control(lectern, 'POST', 'faults', { body: rule, token });
  if (response.statusCode !== 200) throw new Error(`adding a fault: ${response.statusCode} ${response.body}`);
  return response.json().fault;
}

/** GET with the admin's token. */
export function get(lectern: TestLectern, url: string, token = lectern.adminToken) {
  return lectern.app.inject({ method: 'GET', url, headers: lectern.auth(token) });
}
