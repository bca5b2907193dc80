/** One line to a running Lectern for a test: app, settable clock, a fresh demo portal and tokens. */
import type { DestinationStream } from 'pino';
import { type AppOptions, buildApp, type LecternApp } from '../../src/app.ts';
import { SettableClock } from '../../src/clock.ts';
import { loadConfig } from '../../src/config.ts';
import { migrateToLatest } from '../../src/db/create-db.ts';
import type { EmployeeTable } from '../../src/db/database.ts';
import { createPortal, issueToken } from '../../src/features/people/portal.service.ts';
import type { RateLimiter } from '../../src/http/rate-limit.ts';
import { openTestDatabase } from './engines.ts';

/** A test's Lectern. */
export interface TestLectern {
  app: LecternApp;
  clock: SettableClock;
  portalId: string;
  /** Full-scope token of the portal's admin. */
  adminToken: string;
  adminErecno: string;
  /** Every employee of the portal, in employee-id order. */
  employees: EmployeeTable[];
  /** A new token with the given scopes (short names: 'READ', 'ALL', ...), for the admin or the given employee. */
  token(scopes: string[], erecno?: string): Promise<string>;
  /** Authorization header for a token. */
  auth(token: string): { authorization: string };
  /** Another isolated portal in the same store, with its admin token. */
  otherPortal(): Promise<{ portalId: string; token: string }>;
  close(): Promise<void>;
}

/** Starts Lectern on this run's engine (in-memory SQLite, or a private PostgreSQL schema), rate limit off unless asked for. */
export async function createTestLectern(
  options: {
    env?: Record<string, string>;
    rateLimit?: boolean;
    /** Replaces the limiter the settings would choose (a failing one, in the logging tests). */
    rateLimiter?: RateLimiter;
    /** Where the app logs, at LECTERN_LOG_LEVEL (default info); no logging without it. */
    logStream?: DestinationStream;
    /** Adds test-only hooks (a fault between a commit and the answer, say) before the app is ready. */
    beforeReady?: (app: LecternApp) => void;
    /** The fault rules' random source and latency timer (the control-room tests make them deterministic). */
    observation?: AppOptions['observation'];
    /** The engine, when not this run's (scripts outside vitest choose it themselves). */
    dialect?: 'sqlite' | 'postgres';
  } = {},
): Promise<TestLectern> {
  const config = loadConfig({
    LECTERN_MEMORY: 'true',
    LECTERN_RATE_LIMIT: options.rateLimit ? 'true' : 'false',
    LECTERN_PUBLIC_URL: 'http://lectern.test',
    ...options.env,
  });
  const database = await openTestDatabase(options.dialect);
  await migrateToLatest(database.db);
  const clock = new SettableClock();
  const app = await buildApp({
    config,
    database,
    clock,
    rateLimiter: options.rateLimiter,
    logStream: options.logStream,
    observation: options.observation,
  });
  options.beforeReady?.(app);
  await app.ready();
  const created = await createPortal(app.lectern);
  const employees = await database.db
    .selectFrom('employees')
    .selectAll()
    .where('portal_id', '=', created.portal.id)
    .execute();
  employees.sort((a, b) => Number(a.employee_id) - Number(b.employee_id));
  return {
    app,
    clock,
    portalId: created.portal.id,
    adminToken: created.token,
    adminErecno: created.adminErecno,
    employees,
    token: async (scopes, erecno) => {
      const full = scopes.map((scope) => (scope.includes('.') ? scope : `ZOHOPEOPLE.training.${scope}`));
      return (await issueToken(app.lectern, { portalId: created.portal.id, erecno, scopes: full })).token;
    },
    auth: (token) => ({ authorization: `Zoho-oauthtoken ${token}` }),
    otherPortal: async () => {
      const other = await createPortal(app.lectern);
      return { portalId: other.portal.id, token: other.token };
    },
    close: async () => {
      await app.close();
      await database.close();
    },
  };
}
