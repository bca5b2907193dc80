/** Lectern's settings: read once from the environment and the command line, validated, frozen. */

/** Which non-public addresses webhooks may reach: none, loopback only, or loopback and private networks. */
export type WebhookAllowance = 'none' | 'loopback' | 'private';

/** Every setting Lectern has; README's settings table lists the same names. */
export interface Config {
  /** TCP port the HTTP server listens on. */
  readonly port: number;
  /** Interface the HTTP server binds to. */
  readonly host: string;
  /** Folder of the embedded SQLite store; null keeps everything in memory. */
  readonly dataDir: string | null;
  /** PostgreSQL connection string; when set, PostgreSQL replaces the embedded store. */
  readonly databaseUrl: string | null;
  /** Redis connection string; when set, rate-limit state is shared through Redis. */
  readonly redisUrl: string | null;
  /** Load the demo portal when the store holds no portal yet. */
  readonly demo: boolean;
  /** Zoho's per-token, per-endpoint throttle. */
  readonly rateLimit: {
    readonly enabled: boolean;
    readonly threshold: number;
    readonly windowMs: number;
    readonly lockMs: number;
  };
  /** A token string that becomes the first portal's admin (and operator) token, for scripted tests. */
  readonly bootstrapToken: string | null;
  /** Base URL used in links Lectern hands out (courseURL); null: the scheme and host each request came to. */
  readonly publicUrl: string | null;
  /** SQLite `synchronous` level: FULL survives power loss, NORMAL only process crashes. */
  readonly sqliteSynchronous: 'FULL' | 'NORMAL';
  /** pino log level. */
  readonly logLevel: string;
  /** How long an Idempotency-Key is remembered. */
  readonly idempotencyTtlMs: number;
  /** A session that double-books a trainer or a room: refused (400), or accepted with an X-Lectern-Warning header. */
  readonly bookingConflicts: 'refuse' | 'warn';
  /** Seconds between batch scheduler ticks in `lectern serve`; 0 turns the tick off. */
  readonly schedulerIntervalSeconds: number;
  /** Largest file an upload may carry, in bytes; larger ones are refused (422) and nothing is kept. */
  readonly maxUploadBytes: number;
  /** SMTP server for notification e-mails (smtp:// or smtps://user:pass@host:port); null: e-mails are skipped. */
  readonly smtpUrl: string | null;
  /** The From address of notification e-mails and the organizer of their invites. */
  readonly smtpFrom: string;
  /** Seconds between delivery runs (e-mails and webhooks) in `lectern serve`; 0 turns them off. */
  readonly deliveryIntervalSeconds: number;
  /** Attempts an e-mail or webhook delivery gets (with exponential back-off) before it is marked failed. */
  readonly deliveryMaxAttempts: number;
  /** Non-public webhook addresses allowed (link-local, metadata and reserved ones never are); loopback with --memory. */
  readonly webhookAllowPrivate: WebhookAllowance;
}

/** Settings that the command line may override (flags win over the environment). */
export interface ConfigOverrides {
  port?: string | number;
  host?: string;
  data?: string;
  memory?: boolean;
  databaseUrl?: string;
  demo?: boolean;
  rateLimit?: boolean;
}

/** Thrown when settings are invalid; lists every problem at once. */
export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid settings:\n  - ${problems.join('\n  - ')}`);
  }
}

type Env = Record<string, string | undefined>;

/** Builds the validated, frozen configuration; the only reader of process.env. */
export function loadConfig(env: Env = process.env, overrides: ConfigOverrides = {}): Config {
  const problems: string[] = [];
  const integer = (name: string, raw: string | number | undefined, fallback: number, min: number, max: number) => {
    if (raw === undefined || raw === '') return fallback;
    const value = Number(raw);
    if (!Number.isInteger(value) || value < min || value > max) {
      problems.push(`${name} must be an integer from ${min} to ${max}, got "${raw}"`);
      return fallback;
    }
    return value;
  };
  const flag = (name: string, raw: string | undefined, fallback: boolean) => {
    if (raw === undefined || raw === '') return fallback;
    const lowered = raw.toLowerCase();
    if (['1', 'true', 'on', 'yes'].includes(lowered)) return true;
    if (['0', 'false', 'off', 'no'].includes(lowered)) return false;
    problems.push(`${name} must be true or false, got "${raw}"`);
    return fallback;
  };

  const port = integer('LECTERN_PORT (--port)', overrides.port ?? env.LECTERN_PORT, 8080, 0, 65535);
  const host = overrides.host ?? env.LECTERN_HOST ?? '127.0.0.1';
  const memory = overrides.memory ?? flag('LECTERN_MEMORY', env.LECTERN_MEMORY, false);
  const dataDir = memory ? null : (overrides.data ?? env.LECTERN_DATA ?? './.lectern');
  const databaseUrl = overrides.databaseUrl ?? env.DATABASE_URL ?? null;
  if (databaseUrl !== null && !/^postgres(ql)?:\/\//.test(databaseUrl)) {
    problems.push(`DATABASE_URL (--database-url) must start with postgres://, got "${databaseUrl}"`);
  }
  const redisUrl = env.REDIS_URL || null;
  if (redisUrl !== null && !/^rediss?:\/\//.test(redisUrl)) {
    problems.push(`REDIS_URL must start with redis:// or rediss://, got "${redisUrl}"`);
  }
  const synchronous = (env.LECTERN_SQLITE_SYNCHRONOUS ?? 'FULL').toUpperCase();
  if (synchronous !== 'FULL' && synchronous !== 'NORMAL') {
    problems.push(`LECTERN_SQLITE_SYNCHRONOUS must be FULL or NORMAL, got "${synchronous}"`);
  }
  const bookingConflicts = (env.LECTERN_BOOKING_CONFLICTS || 'refuse').toLowerCase();
  if (bookingConflicts !== 'refuse' && bookingConflicts !== 'warn') {
    problems.push(`LECTERN_BOOKING_CONFLICTS must be refuse or warn, got "${env.LECTERN_BOOKING_CONFLICTS}"`);
  }
  const smtpUrl = env.LECTERN_SMTP_URL || null;
  if (smtpUrl !== null && !/^smtps?:\/\/[^/]/.test(smtpUrl)) {
    problems.push('LECTERN_SMTP_URL must look like smtp://user:password@host:port (or smtps://)');
  }
  // The in-memory mode is for local integration tests, whose receivers listen on loopback.
  const webhookAllowPrivate = (env.LECTERN_WEBHOOK_ALLOW_PRIVATE || (memory ? 'loopback' : 'none')).toLowerCase();
  if (!['none', 'loopback', 'private'].includes(webhookAllowPrivate)) {
    problems.push(
      `LECTERN_WEBHOOK_ALLOW_PRIVATE must be none, loopback or private, got "${env.LECTERN_WEBHOOK_ALLOW_PRIVATE}"`,
    );
  }
  const config: Config = {
    port,
    host,
    dataDir,
    databaseUrl,
    redisUrl,
    demo: overrides.demo ?? flag('LECTERN_DEMO', env.LECTERN_DEMO, true),
    rateLimit: Object.freeze({
      enabled: overrides.rateLimit ?? flag('LECTERN_RATE_LIMIT', env.LECTERN_RATE_LIMIT, true),
      threshold: integer('LECTERN_RATE_LIMIT_THRESHOLD', env.LECTERN_RATE_LIMIT_THRESHOLD, 30, 1, 1_000_000),
      windowMs:
        1000 * integer('LECTERN_RATE_LIMIT_WINDOW_SECONDS', env.LECTERN_RATE_LIMIT_WINDOW_SECONDS, 60, 1, 86_400),
      lockMs: 1000 * integer('LECTERN_RATE_LIMIT_LOCK_SECONDS', env.LECTERN_RATE_LIMIT_LOCK_SECONDS, 300, 0, 86_400),
    }),
    bootstrapToken: env.LECTERN_BOOTSTRAP_TOKEN || null,
    publicUrl: env.LECTERN_PUBLIC_URL ? env.LECTERN_PUBLIC_URL.replace(/\/$/, '') : null,
    sqliteSynchronous: synchronous === 'NORMAL' ? 'NORMAL' : 'FULL',
    logLevel: env.LECTERN_LOG_LEVEL ?? 'info',
    idempotencyTtlMs:
      1000 * integer('LECTERN_IDEMPOTENCY_TTL_SECONDS', env.LECTERN_IDEMPOTENCY_TTL_SECONDS, 86_400, 1, 2_592_000),
    bookingConflicts: bookingConflicts === 'warn' ? 'warn' : 'refuse',
    schedulerIntervalSeconds: integer(
      'LECTERN_SCHEDULER_INTERVAL_SECONDS',
      env.LECTERN_SCHEDULER_INTERVAL_SECONDS,
      60,
      0,
      86_400,
    ),
    maxUploadBytes: integer(
      'LECTERN_MAX_UPLOAD_BYTES',
      env.LECTERN_MAX_UPLOAD_BYTES,
      104_857_600,
      1,
      1_099_511_627_776,
    ),
    smtpUrl,
    smtpFrom: env.LECTERN_SMTP_FROM || 'Lectern <lectern@localhost>',
    deliveryIntervalSeconds: integer(
      'LECTERN_DELIVERY_INTERVAL_SECONDS',
      env.LECTERN_DELIVERY_INTERVAL_SECONDS,
      15,
      0,
      86_400,
    ),
    deliveryMaxAttempts: integer('LECTERN_DELIVERY_MAX_ATTEMPTS', env.LECTERN_DELIVERY_MAX_ATTEMPTS, 8, 1, 100),
    webhookAllowPrivate: webhookAllowPrivate as WebhookAllowance,
  };
  if (problems.length > 0) throw new ConfigError(problems);
  return Object.freeze(config);
}
