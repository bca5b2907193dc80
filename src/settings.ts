/** The declaration of every setting: its environment variable, flag, schema, default, and how to fix a bad value. */
import { FormatRegistry, type Static, type TLiteral, type TSchema, type TUnion, Type } from '@sinclair/typebox';

/** What a setting's schema carries besides the JSON Schema keywords. */
export interface SettingNotes {
  /** The command-line flag that overrides the variable. */
  flag?: string;
  /** What a valid value looks like, for messages ("a postgres:// URL"); derived from the schema when absent. */
  expected?: string;
  /** What to do about a bad value. */
  fix: string;
  /** The value holds a password or token: never echoed whole. */
  secret?: boolean;
}

/** A URL that parses and uses one of the schemes. */
function urlWith(schemes: string[], check: (url: URL) => boolean = () => true) {
  return (value: string) => {
    if (!URL.canParse(value)) return false;
    const url = new URL(value);
    return schemes.includes(url.protocol) && check(url);
  };
}

FormatRegistry.Set('lectern-postgres-url', urlWith(['postgres:', 'postgresql:']));
FormatRegistry.Set(
  'lectern-redis-url',
  urlWith(['redis:', 'rediss:'], (url) => url.hostname !== ''),
);
FormatRegistry.Set(
  'lectern-smtp-url',
  urlWith(['smtp:', 'smtps:'], (url) => url.hostname !== ''),
);
FormatRegistry.Set(
  'lectern-public-url',
  urlWith(['http:', 'https:'], (url) => url.hostname !== '' && url.search === '' && url.hash === ''),
);

const seconds = (minimum: number, fallback: number, notes: SettingNotes) =>
  Type.Integer({ minimum, maximum: 86_400, default: fallback, ...notes });
const milliseconds = (fallback: number, notes: SettingNotes) =>
  Type.Integer({ minimum: 1, maximum: 86_400_000, default: fallback, ...notes });
const flag = (fallback: boolean, notes: SettingNotes) => Type.Boolean({ default: fallback, ...notes });
const oneOf = <const T extends readonly string[]>(values: T, fallback: T[number], notes: SettingNotes) =>
  Type.Union(
    values.map((value) => Type.Literal(value)),
    { default: fallback, ...notes },
  ) as unknown as TUnion<{ -readonly [K in keyof T]: TLiteral<T[K]> }>;
const optionalText = (options: Parameters<typeof Type.String>[0] & SettingNotes) =>
  Type.Optional(Type.String({ minLength: 1, ...options }));

/** pino's levels, quietest last. */
export const logLevels = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

/** Every setting Lectern reads, keyed by its environment variable; README's settings table lists the same names. */
export const settingsSchema = Type.Object({
  LECTERN_PORT: Type.Integer({
    minimum: 0,
    maximum: 65_535,
    default: 8080,
    flag: '--port',
    fix: 'choose a free port such as 8080, or 0 to let the system pick one',
  }),
  LECTERN_HOST: Type.String({
    minLength: 1,
    pattern: '^[^\\s/]+$',
    default: '127.0.0.1',
    flag: '--host',
    expected: 'an address or host name of this machine',
    fix: 'use 127.0.0.1 (this machine only) or 0.0.0.0 (every interface)',
  }),
  LECTERN_DATA: optionalText({
    flag: '--data',
    expected: 'a folder path',
    fix: 'name a folder this user may write, or use --memory',
  }),
  LECTERN_MEMORY: flag(false, { flag: '--memory', fix: 'use true to keep the store in memory, or false' }),
  DATABASE_URL: optionalText({
    format: 'lectern-postgres-url',
    flag: '--database-url',
    expected: 'a PostgreSQL URL',
    fix: 'write it as postgres://user:password@host:5432/database (percent-encode special characters)',
    secret: true,
  }),
  REDIS_URL: optionalText({
    format: 'lectern-redis-url',
    expected: 'a Redis URL',
    fix: 'write it as redis://host:6379/0 (or rediss:// for TLS), or unset it',
    secret: true,
  }),
  LECTERN_DEMO: flag(true, { flag: '--demo / --no-demo', fix: 'use false to start without the demo portal, or true' }),
  LECTERN_RATE_LIMIT: flag(true, { flag: '--no-rate-limit', fix: "use false to turn Zoho's throttle off, or true" }),
  LECTERN_RATE_LIMIT_THRESHOLD: Type.Integer({
    minimum: 1,
    maximum: 1_000_000,
    default: 30,
    fix: "use Zoho's 30, or unset it",
  }),
  LECTERN_RATE_LIMIT_WINDOW_SECONDS: seconds(1, 60, { fix: "use Zoho's 60, or unset it" }),
  LECTERN_RATE_LIMIT_LOCK_SECONDS: seconds(0, 300, { fix: "use Zoho's 300, or unset it" }),
  LECTERN_BOOTSTRAP_TOKEN: optionalText({ fix: 'set a token string, or unset it', secret: true }),
  LECTERN_METRICS_TOKEN: optionalText({
    minLength: 16,
    expected: 'a secret of 16 characters or more',
    fix: 'set a long random string (Prometheus sends it as a bearer token), or unset it to turn /metrics off',
    secret: true,
  }),
  LECTERN_PUBLIC_URL: optionalText({
    format: 'lectern-public-url',
    expected: 'an http:// or https:// URL without query or fragment',
    fix: 'write it as the address clients use, such as https://lms.example.com, or unset it',
  }),
  LECTERN_SQLITE_SYNCHRONOUS: oneOf(['FULL', 'NORMAL'], 'FULL', {
    fix: 'use FULL (survives power loss) or NORMAL (survives process crashes), or unset it',
  }),
  LECTERN_LOG_LEVEL: oneOf(logLevels, 'info', { fix: 'use info (the default) or warn to quieten request logs' }),
  LECTERN_IDEMPOTENCY_TTL_SECONDS: Type.Integer({
    minimum: 1,
    maximum: 2_592_000,
    default: 86_400,
    fix: 'use 86400 (a day), or unset it',
  }),
  LECTERN_CALLER_CACHE_MS: Type.Integer({
    minimum: 0,
    maximum: 60_000,
    default: 5000,
    fix: 'use 5000, or 0 to read every token from the store',
  }),
  LECTERN_BOOKING_CONFLICTS: oneOf(['refuse', 'warn'], 'refuse', { fix: 'unset it to refuse double bookings' }),
  LECTERN_SCHEDULER_INTERVAL_SECONDS: seconds(0, 60, { fix: 'use 60, or 0 to turn the scheduler tick off' }),
  LECTERN_MAX_UPLOAD_BYTES: Type.Integer({
    minimum: 1,
    maximum: 1_099_511_627_776,
    default: 104_857_600,
    fix: 'give a size in bytes, such as 104857600 (100 MiB)',
  }),
  LECTERN_SMTP_URL: optionalText({
    format: 'lectern-smtp-url',
    expected: 'an SMTP URL',
    fix: 'write it as smtp://user:password@host:587 (or smtps://), or unset it to skip e-mails',
    secret: true,
  }),
  LECTERN_SMTP_FROM: Type.String({
    minLength: 1,
    default: 'Lectern <lectern@localhost>',
    fix: 'write it as Name <address@example.com>, or unset it',
  }),
  LECTERN_DELIVERY_INTERVAL_SECONDS: seconds(0, 15, { fix: 'use 15, or 0 to turn deliveries off' }),
  LECTERN_DELIVERY_MAX_ATTEMPTS: Type.Integer({ minimum: 1, maximum: 100, default: 8, fix: 'use 8, or unset it' }),
  LECTERN_HEADERS_TIMEOUT_MS: milliseconds(10_000, { fix: 'use 10000, or unset it' }),
  LECTERN_REQUEST_TIMEOUT_MS: milliseconds(30_000, { fix: 'use 30000, or unset it' }),
  // 100 MiB (the default upload limit) takes about 14 minutes at 1 Mbit/s.
  LECTERN_UPLOAD_TIMEOUT_MS: milliseconds(900_000, { fix: 'use 900000 (15 minutes), or unset it' }),
  LECTERN_IDLE_TIMEOUT_MS: milliseconds(30_000, { fix: 'use 30000, or unset it' }),
  LECTERN_KEEP_ALIVE_TIMEOUT_MS: milliseconds(72_000, { fix: 'use 72000, or unset it' }),
  LECTERN_JOURNAL: oneOf(['demo', 'all', 'off'], 'demo', {
    fix: "use demo (journal the demo portals' requests), all, or off",
  }),
  LECTERN_JOURNAL_SIZE: Type.Integer({
    minimum: 1,
    maximum: 10_000,
    default: 500,
    fix: 'use 500 (requests kept per portal), or unset it',
  }),
  // No default here: unset means loopback with --memory and none otherwise.
  LECTERN_WEBHOOK_ALLOW_PRIVATE: Type.Optional(
    Type.Union([Type.Literal('none'), Type.Literal('loopback'), Type.Literal('private')], {
      fix: 'use none (public addresses only), loopback, or private (also 10/8, 172.16/12, 192.168/16, fc00::/7)',
    }),
  ),
});

/** The settings after validation, defaults applied. */
export type Settings = Static<typeof settingsSchema>;

/** An environment variable Lectern reads. */
export type SettingName = keyof Settings & string;

/** A setting's schema with its notes. */
export type SettingSchema = TSchema & SettingNotes;
