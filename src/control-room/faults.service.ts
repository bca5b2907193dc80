/**
 * Fault rules: per portal, kept in this process's memory (they are a test's scaffolding, set and cleared around a
 * run). A rule matches method, path and optionally the caller's erecno, and then answers an error status, delays the
 * request, or drops its connection; for its next N matches or with a probability.
 */
import { STATUS_CODES } from 'node:http';
import type { AppContext } from '../context.ts';
import { errorBody, invalidInput, LmsError, missingInput, notFound, zohoStatusMessages } from '../errors.ts';
import { compilePathPattern, type PathMatcher } from './faults.pattern.ts';

/** What a matching rule does. */
export type FaultAction = 'status' | 'latency' | 'drop';

/** A rule as posted (already checked against the route schema for types and bounds). */
export interface FaultInput {
  method?: string;
  path: string;
  erecno?: string;
  action: FaultAction;
  status?: number;
  body?: { code: string; message: string; parameter?: string };
  latencyMs?: number;
  retryAfterSeconds?: number;
  times?: number;
  probability?: number;
}

/** A stored rule. */
export interface FaultRule {
  readonly id: string;
  readonly method: string;
  readonly path: string;
  readonly matches: PathMatcher;
  readonly erecno: string | null;
  readonly action: FaultAction;
  readonly status: number | null;
  readonly body: ReturnType<typeof errorBody> | null;
  readonly latencyMs: number | null;
  /** Seconds for the Retry-After header of a status answer; null: no header. */
  readonly retryAfterSeconds: number | null;
  readonly probability: number;
  readonly createdAt: number;
  /** Matches left before the rule goes; null: no end. */
  remaining: number | null;
  hits: number;
}

/** What the rules decided for one request: a delay first, then an answer, a drop, or the handler as usual. */
export interface FaultDecision {
  delayMs: number;
  outcome: FaultRule | null;
}

/** Rules a portal may hold at once. */
export const maxRulesPerPortal = 100;
/** Most delay a request gets from its rules together. */
export const maxLatencyMs = 30_000;

/** Zoho's codes for the statuses it names one for; the others carry the status as text. */
const zohoCodes: Record<number, string> = { 400: 'INVALID_INPUT', 401: '7202', 429: '7209' };

/** Zoho's error body for a status, as Lectern answers it elsewhere. */
export function defaultFaultBody(status: number) {
  const message =
    zohoStatusMessages[status] ??
    (status >= 500 ? zohoStatusMessages[500]! : (STATUS_CODES[status] ?? 'Request failed'));
  return errorBody(zohoCodes[status] ?? String(status), message);
}

/** Throttling and unavailability tell the client when to come back, as Lectern's own rate limit does. */
function defaultRetryAfter(status: number | null): number | null {
  return status === 429 || status === 503 ? 60 : null;
}

function checkPath(path: string): void {
  if (!path.startsWith('/api/')) {
    throw invalidInput('path', "rules apply to the portal's /api/ traffic only: start the pattern with /api/");
  }
  if (/[\s?#]/.test(path)) throw invalidInput('path', 'a path pattern holds no spaces, query (?) or fragment (#)');
}

function checkCombination(input: FaultInput): void {
  checkPath(input.path);
  const extra = (name: keyof FaultInput) => {
    if (input[name] !== undefined) throw invalidInput(name, `does not apply to action ${input.action}`);
  };
  if (input.action === 'status') {
    if (input.status === undefined) throw missingInput('status');
    extra('latencyMs');
  } else if (input.action === 'latency') {
    if (input.latencyMs === undefined) throw missingInput('latencyMs');
    extra('status');
    extra('body');
    extra('retryAfterSeconds');
  } else {
    extra('status');
    extra('body');
    extra('latencyMs');
    extra('retryAfterSeconds');
  }
}

/** Every portal's rules, in the order they were made. */
export class FaultBook {
  private readonly rules = new Map<string, FaultRule[]>();

  constructor(private readonly random: () => number) {}

  /** Adds a rule to the portal (at most maxRulesPerPortal at once). */
  add(context: AppContext, portalId: string, input: FaultInput): FaultRule {
    checkCombination(input);
    const list = this.rules.get(portalId) ?? [];
    if (list.length >= maxRulesPerPortal) {
      throw new LmsError(422, '422', `Maximum limit exceeded: a portal holds at most ${maxRulesPerPortal} fault rules`);
    }
    const status = input.status ?? null;
    const rule: FaultRule = {
      id: context.ids.next(),
      method: (input.method ?? '*').toUpperCase(),
      path: input.path,
      matches: compilePathPattern(input.path),
      erecno: input.erecno ?? null,
      action: input.action,
      status,
      body:
        status === null
          ? null
          : input.body
            ? errorBody(input.body.code, input.body.message, input.body.parameter)
            : defaultFaultBody(status),
      latencyMs: input.latencyMs ?? null,
      retryAfterSeconds: input.retryAfterSeconds ?? defaultRetryAfter(status),
      probability: input.probability ?? 1,
      createdAt: context.clock.now(),
      remaining: input.times ?? null,
      hits: 0,
    };
    list.push(rule);
    this.rules.set(portalId, list);
    return rule;
  }

  /** The portal's rules, oldest first. */
  list(portalId: string): readonly FaultRule[] {
    return this.rules.get(portalId) ?? [];
  }

  /** Removes one rule, or 404. */
  remove(portalId: string, id: string): void {
    const list = this.rules.get(portalId) ?? [];
    const index = list.findIndex((rule) => rule.id === id);
    if (index === -1) throw notFound('fault rule', id);
    list.splice(index, 1);
    if (list.length === 0) this.rules.delete(portalId);
  }

  /** Removes every rule of the portal; answers how many there were. */
  clear(portalId: string): number {
    const count = this.rules.get(portalId)?.length ?? 0;
    this.rules.delete(portalId);
    return count;
  }

  /** Whether the portal holds any rule: the request path's only question when it holds none. */
  has(portalId: string): boolean {
    return this.rules.has(portalId);
  }

  /**
   * Applies the portal's rules to a request in order: delays add up (to maxLatencyMs) and the first answering or
   * dropping rule ends the walk. A rule that fires counts a hit, and goes once its matches are used up.
   */
  decide(portalId: string, erecno: string, method: string, path: string): FaultDecision {
    const list = this.rules.get(portalId);
    const decision: FaultDecision = { delayMs: 0, outcome: null };
    if (list === undefined) return decision;
    for (const rule of [...list]) {
      if (rule.method !== '*' && rule.method !== method) continue;
      if (rule.erecno !== null && rule.erecno !== erecno) continue;
      if (!rule.matches(path)) continue;
      if (rule.probability < 1 && this.random() >= rule.probability) continue;
      this.fire(portalId, rule);
      if (rule.action === 'latency') {
        decision.delayMs = Math.min(maxLatencyMs, decision.delayMs + rule.latencyMs!);
        continue;
      }
      decision.outcome = rule;
      break;
    }
    return decision;
  }

  private fire(portalId: string, rule: FaultRule): void {
    rule.hits += 1;
    if (rule.remaining === null) return;
    rule.remaining -= 1;
    if (rule.remaining === 0) this.remove(portalId, rule.id);
  }
}
