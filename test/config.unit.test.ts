/** Settings: read from the environment and flags, validated against the schema, every problem one line. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig, settingNames } from '../src/config.ts';

function problemsOf(env: Record<string, string>, overrides = {}): string[] {
  try {
    loadConfig(env, overrides);
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
  return [];
}

describe('loadConfig', () => {
  it('applies the defaults when nothing is set, and treats an empty variable as unset', () => {
    const config = loadConfig({ LECTERN_PORT: '', LECTERN_LOG_LEVEL: '' });
    expect(config).toMatchObject({
      port: 8080,
      host: '127.0.0.1',
      dataDir: './.lectern',
      demo: true,
      logLevel: 'info',
      sqliteSynchronous: 'FULL',
      rateLimit: { enabled: true, threshold: 30, windowMs: 60_000, lockMs: 300_000 },
    });
    expect(Object.isFrozen(config)).toBe(true);
  });

  it('reads words in any case and numbers with spaces around them', () => {
    const config = loadConfig({
      LECTERN_LOG_LEVEL: 'WARN',
      LECTERN_SQLITE_SYNCHRONOUS: 'normal',
      LECTERN_DEMO: 'No',
      LECTERN_PORT: ' 9090 ',
      LECTERN_PUBLIC_URL: 'https://lms.example.com/training/',
    });
    expect(config).toMatchObject({
      logLevel: 'warn',
      sqliteSynchronous: 'NORMAL',
      demo: false,
      port: 9090,
      publicUrl: 'https://lms.example.com/training',
    });
  });

  it('lets flags win over the environment, --data over LECTERN_MEMORY included', () => {
    const env = { LECTERN_PORT: '1234', LECTERN_MEMORY: 'true', LECTERN_DEMO: 'true' };
    expect(loadConfig(env, { port: '0', data: '/srv/lectern', demo: false })).toMatchObject({
      port: 0,
      dataDir: '/srv/lectern',
      demo: false,
    });
    expect(loadConfig({ LECTERN_DATA: '/srv/lectern' }, { memory: true }).dataDir).toBeNull();
  });

  it('names each bad setting once, with what it must be, what it got and the fix', () => {
    const problems = problemsOf({
      LECTERN_PORT: '1.5',
      LECTERN_RATE_LIMIT_LOCK_SECONDS: '-1',
      LECTERN_LOG_LEVEL: 'verbose',
      LECTERN_PUBLIC_URL: 'https://lms.example.com/?from=env',
      LECTERN_HOST: 'two words',
    });
    expect(problems).toEqual([
      'LECTERN_PORT (--port) must be a whole number from 0 to 65535, got "1.5"; ' +
        'choose a free port such as 8080, or 0 to let the system pick one',
      'LECTERN_HOST (--host) must be an address or host name of this machine, got "two words"; ' +
        'use 127.0.0.1 (this machine only) or 0.0.0.0 (every interface)',
      'LECTERN_RATE_LIMIT_LOCK_SECONDS must be a whole number from 0 to 86400, got "-1"; ' +
        "use Zoho's 300, or unset it",
      'LECTERN_PUBLIC_URL must be an http:// or https:// URL without query or fragment, ' +
        'got "https://lms.example.com/?from=env"; ' +
        'write it as the address clients use, such as https://lms.example.com, or unset it',
      'LECTERN_LOG_LEVEL must be fatal, error, warn, info, debug, trace or silent, got "verbose"; ' +
        'use info (the default) or warn to quieten request logs',
    ]);
  });

  it('never echoes a password or token', () => {
    const problems = problemsOf(
      {
        LECTERN_SMTP_URL: 'smtp://mailer:mail#secret@mail:587',
        REDIS_URL: 'http://:redispass@cache:6379',
      },
      { databaseUrl: 'mysql://lectern:dbpass@db/lectern' },
    );
    expect(problems).toHaveLength(3);
    expect(problems.join('\n')).toContain('"mysql://lectern:***@db/lectern"');
    for (const secret of ['mail#', 'secret', 'redispass', 'dbpass']) expect(problems.join('\n')).not.toContain(secret);
  });

  it('refuses URLs that do not parse, such as a port out of range', () => {
    expect(problemsOf({ DATABASE_URL: 'postgres://db:99999/lectern' })).toHaveLength(1);
    expect(problemsOf({ REDIS_URL: 'redis://' })).toHaveLength(1);
    expect(problemsOf({ DATABASE_URL: 'postgresql://lectern@db:5432/lectern', REDIS_URL: 'rediss://cache' })).toEqual(
      [],
    );
  });
});

describe("README's settings table", () => {
  it('lists every setting Lectern reads', () => {
    const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');
    const listed = [...readme.matchAll(/^\| `([A-Z_]+)` \|/gm)].map((match) => match[1]);
    expect([...listed].sort()).toEqual([...settingNames].sort());
  });
});
