/** Lectern's settings: read once from the environment and the command line, validated, frozen. */
import { Kind } from '@sinclair/typebox';
import { Value } from '@sinclair/typebox/value';
import { ConfigError } from './config-error.ts';
import { type SettingName, type SettingSchema, type Settings, settingsSchema } from './settings.ts';

export { ConfigError };

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
  /** Load the demo portal when the store holds no portal yet (otherwise an empty one with an Administrator). */
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
  /** The bearer token /metrics asks for; null turns metrics off (no collection, /metrics answers 404). */
  readonly metricsToken: string | null;
  /** Base URL used in links Lectern hands out (courseURL); null: the scheme and host each request came to. */
  readonly publicUrl: string | null;
  /** SQLite `synchronous` level: FULL survives power loss, NORMAL only process crashes. */
  readonly sqliteSynchronous: 'FULL' | 'NORMAL';
  /** pino log level. */
  readonly logLevel: string;
  /** How long an Idempotency-Key is remembered. */
  readonly idempotencyTtlMs: number;
  /** How long a token's caller is kept in this process (0: read on every request); other processes' revokes wait this. */
  readonly callerCacheMs: number;
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
  /** Time limits of the HTTP server, in milliseconds (README's settings table explains each). */
  readonly timeouts: TimeoutSettings;
  /** Which portals' requests the control room's journal keeps (in this process's memory), and how many per portal. */
  readonly journal: { readonly portals: 'demo' | 'all' | 'off'; readonly size: number };
  /** Non-public webhook addresses allowed (link-local, metadata and reserved ones never are); loopback with --memory. */
  readonly webhookAllowPrivate: WebhookAllowance;
}

/** How long the HTTP server waits on a client, in milliseconds. */
export interface TimeoutSettings {
  /** The request line and headers must arrive within this (408). */
  readonly headersMs: number;
  /** A request other than an upload must arrive whole within this (408). */
  readonly requestMs: number;
  /** A multipart upload to the File API must arrive whole within this (408). */
  readonly uploadMs: number;
  /** A connection on which no byte moves for this long while a request is open is closed. */
  readonly idleMs: number;
  /** An idle keep-alive connection is closed after this. */
  readonly keepAliveMs: number;
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

const flagSettings: Record<keyof ConfigOverrides, SettingName> = {
  port: 'LECTERN_PORT',
  host: 'LECTERN_HOST',
  data: 'LECTERN_DATA',
  memory: 'LECTERN_MEMORY',
  databaseUrl: 'DATABASE_URL',
  demo: 'LECTERN_DEMO',
  rateLimit: 'LECTERN_RATE_LIMIT',
};

const settingSchemas = settingsSchema.properties as unknown as Record<SettingName, SettingSchema>;

/** Every environment variable Lectern reads. */
export const settingNames = Object.keys(settingSchemas) as SettingName[];

/** A setting as messages name it: the variable, and the flag that overrides it. */
export function settingLabel(name: SettingName): string {
  const flag = settingSchemas[name].flag;
  return flag === undefined ? name : `${name} (${flag})`;
}

/** One line about an unusable setting: which one, what is wrong, what to do. */
export function settingProblem(name: SettingName, problem: string, fix = settingSchemas[name].fix): string {
  return `${settingLabel(name)} ${problem}; ${fix}`;
}

/** A value as messages may show it: a URL's password, and any other secret, never appear. */
export function showSetting(name: SettingName, value: unknown): string {
  const schema = settingSchemas[name];
  const text = String(value);
  if (schema.secret !== true) return JSON.stringify(text);
  if (schema.format === undefined) return '(hidden)';
  // Passwords may hold unencoded '@' and '/', so everything from the user's colon to the last '@' goes.
  const start = text.includes('://') ? text.indexOf('://') + 3 : 0;
  const colon = text.indexOf(':', start);
  const at = text.lastIndexOf('@');
  return JSON.stringify(colon !== -1 && colon < at ? `${text.slice(0, colon + 1)}***${text.slice(at)}` : text);
}

const booleanWords: Record<string, boolean> = { true: true, '1': true, on: true, yes: true };
for (const word of ['false', '0', 'off', 'no']) booleanWords[word] = false;

/** Text from the environment as the schema's type; left as it was when it does not convert, so the check names it. */
function convert(schema: SettingSchema, raw: string | number | boolean): unknown {
  if (typeof raw !== 'string') return raw;
  const text = raw.trim();
  switch (schema[Kind]) {
    case 'Integer':
      return /^[+-]?\d+$/.test(text) ? Number(text) : raw;
    case 'Boolean':
      return booleanWords[text.toLowerCase()] ?? raw;
    case 'Union':
      return literalsOf(schema).find((literal) => literal.toLowerCase() === text.toLowerCase()) ?? raw;
    default:
      return raw;
  }
}

function literalsOf(schema: SettingSchema): string[] {
  return ((schema.anyOf ?? []) as { const: string }[]).map((member) => member.const);
}

/** What a valid value looks like, for "must be ..." */
function expectedOf(schema: SettingSchema): string {
  if (schema.expected !== undefined) return schema.expected;
  switch (schema[Kind]) {
    case 'Integer':
      return `a whole number from ${schema.minimum} to ${schema.maximum}`;
    case 'Boolean':
      return 'true or false';
    case 'Union': {
      const literals = literalsOf(schema);
      return `${literals.slice(0, -1).join(', ')} or ${literals.at(-1)}`;
    }
    default:
      return 'some text';
  }
}

/** Builds the validated, frozen configuration; the only reader of process.env. */
export function loadConfig(
  env: Record<string, string | undefined> = process.env,
  overrides: ConfigOverrides = {},
): Config {
  const raw: Partial<Record<SettingName, string | number | boolean>> = {};
  for (const name of settingNames) {
    // An empty variable is unset (as in `LECTERN_PORT= lectern serve`).
    if (env[name] !== undefined && env[name] !== '') raw[name] = env[name];
  }
  for (const [key, name] of Object.entries(flagSettings) as [keyof ConfigOverrides, SettingName][]) {
    if (overrides[key] !== undefined) raw[name] = overrides[key];
  }
  // A --data flag beats LECTERN_MEMORY from the environment, as every flag beats its variable.
  if (overrides.data !== undefined && overrides.memory === undefined) raw.LECTERN_MEMORY = false;

  const problems: string[] = [];
  const values: Record<string, unknown> = {};
  for (const name of settingNames) {
    const schema = settingSchemas[name];
    const given = raw[name];
    if (given === undefined) {
      values[name] = schema.default;
      continue;
    }
    const value = convert(schema, given);
    if (Value.Errors(schema, value).First() === undefined) {
      values[name] = value;
    } else {
      problems.push(settingProblem(name, `must be ${expectedOf(schema)}, got ${showSetting(name, given)}`));
    }
  }
  if (problems.length === 0) problems.push(...timeoutOrderProblems(values as Settings));
  if (problems.length > 0) throw new ConfigError(problems);
  return Object.freeze(fromSettings(values as Settings));
}

/** The headers must fit in a request's bound, and a request's in an upload's. */
function timeoutOrderProblems(settings: Settings): string[] {
  const headers = settings.LECTERN_HEADERS_TIMEOUT_MS;
  const request = settings.LECTERN_REQUEST_TIMEOUT_MS;
  const upload = settings.LECTERN_UPLOAD_TIMEOUT_MS;
  if (headers <= request && request <= upload) return [];
  return [
    settingProblem(
      'LECTERN_HEADERS_TIMEOUT_MS',
      `must not exceed LECTERN_REQUEST_TIMEOUT_MS, nor that LECTERN_UPLOAD_TIMEOUT_MS, got ${headers}, ${request} and ${upload}`,
      'raise the later bound or lower the earlier one',
    ),
  ];
}

function fromSettings(settings: Settings): Config {
  return {
    port: settings.LECTERN_PORT,
    host: settings.LECTERN_HOST,
    dataDir: settings.LECTERN_MEMORY ? null : (settings.LECTERN_DATA ?? './.lectern'),
    databaseUrl: settings.DATABASE_URL ?? null,
    redisUrl: settings.REDIS_URL ?? null,
    demo: settings.LECTERN_DEMO,
    rateLimit: Object.freeze({
      enabled: settings.LECTERN_RATE_LIMIT,
      threshold: settings.LECTERN_RATE_LIMIT_THRESHOLD,
      windowMs: 1000 * settings.LECTERN_RATE_LIMIT_WINDOW_SECONDS,
      lockMs: 1000 * settings.LECTERN_RATE_LIMIT_LOCK_SECONDS,
    }),
    bootstrapToken: settings.LECTERN_BOOTSTRAP_TOKEN ?? null,
    metricsToken: settings.LECTERN_METRICS_TOKEN ?? null,
    publicUrl: settings.LECTERN_PUBLIC_URL?.replace(/\/$/, '') ?? null,
    sqliteSynchronous: settings.LECTERN_SQLITE_SYNCHRONOUS,
    logLevel: settings.LECTERN_LOG_LEVEL,
    idempotencyTtlMs: 1000 * settings.LECTERN_IDEMPOTENCY_TTL_SECONDS,
    callerCacheMs: settings.LECTERN_CALLER_CACHE_MS,
    bookingConflicts: settings.LECTERN_BOOKING_CONFLICTS,
    schedulerIntervalSeconds: settings.LECTERN_SCHEDULER_INTERVAL_SECONDS,
    maxUploadBytes: settings.LECTERN_MAX_UPLOAD_BYTES,
    smtpUrl: settings.LECTERN_SMTP_URL ?? null,
    smtpFrom: settings.LECTERN_SMTP_FROM,
    deliveryIntervalSeconds: settings.LECTERN_DELIVERY_INTERVAL_SECONDS,
    deliveryMaxAttempts: settings.LECTERN_DELIVERY_MAX_ATTEMPTS,
    timeouts: Object.freeze({
      headersMs: settings.LECTERN_HEADERS_TIMEOUT_MS,
      requestMs: settings.LECTERN_REQUEST_TIMEOUT_MS,
      uploadMs: settings.LECTERN_UPLOAD_TIMEOUT_MS,
      idleMs: settings.LECTERN_IDLE_TIMEOUT_MS,
      keepAliveMs: settings.LECTERN_KEEP_ALIVE_TIMEOUT_MS,
    }),
    journal: Object.freeze({ portals: settings.LECTERN_JOURNAL, size: settings.LECTERN_JOURNAL_SIZE }),
    // The in-memory mode is for local integration tests, whose receivers listen on loopback.
    webhookAllowPrivate: settings.LECTERN_WEBHOOK_ALLOW_PRIVATE ?? (settings.LECTERN_MEMORY ? 'loopback' : 'none'),
  };
}
