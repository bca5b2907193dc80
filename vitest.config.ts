import { createConnection } from 'node:net';
import { defineConfig } from 'vitest/config';

/** True when something accepts TCP connections at host:port within a second. */
function listening(host: string, port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = createConnection({ host, port, timeout: 1000 });
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('timeout', () => {
      socket.destroy();
      resolve(false);
    });
    socket.once('error', () => resolve(false));
  });
}

// Every storage test runs on SQLite, and again on PostgreSQL when a server is there. Without one the
// PostgreSQL run is skipped with a plain note, unless LECTERN_REQUIRE_SERVICES=1 (set by CI) makes it fail.
const required = process.env.LECTERN_REQUIRE_SERVICES === '1';
// The same defaults as test/helpers/engines.ts.
const postgresUrl = new URL(process.env.LECTERN_TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test');
const redisUrl = new URL(process.env.LECTERN_TEST_REDIS_URL ?? 'redis://127.0.0.1:6379/0');
const postgres = await listening(postgresUrl.hostname, Number(postgresUrl.port || 5432));
const redis = await listening(redisUrl.hostname, Number(redisUrl.port || 6379));
const missing = [!postgres && `PostgreSQL (${postgresUrl.host})`, !redis && `Redis (${redisUrl.host})`].filter(Boolean);
if (missing.length > 0) {
  const note = `${missing.join(' and ')} not reachable`;
  if (required) throw new Error(`${note}, and LECTERN_REQUIRE_SERVICES=1 requires them.`);
  console.warn(
    `\nSKIPPED: ${note}. The suites that need them are skipped.\n` +
      'To run them, start PostgreSQL (trust auth, database "test") and Redis there, or point LECTERN_TEST_DATABASE_URL and LECTERN_TEST_REDIS_URL at servers you have.\n',
  );
}
const shared = { pool: 'forks' as const, testTimeout: 20_000, hookTimeout: 30_000 };

// Test files share their worker's module cache (isolate: false): importing the app once per worker instead of once
// per file halved the suite's CPU time. Every file builds its own app and store, so nothing else is shared; the files
// here replace a module with vi.mock, which needs a module cache of their own.
const mockingFiles = ['test/history-events.test.ts'];

// Files that touch no storage run once, in the SQLite project.
const storageFree = [
  'test/**/*.unit.test.ts',
  'test/cli.test.ts',
  'test/readme.test.ts',
  'test/cli-settings.test.ts',
  'test/cli-portal-clock.test.ts',
  'test/rate-limit-redis.test.ts',
];

/** The two projects of one engine: the shared-cache one, and the mocking files each in a cache of its own. */
function engineProjects(dialect: 'sqlite' | 'postgres', include: string[], exclude: string[]) {
  const env = { LECTERN_TEST_DIALECT: dialect };
  return [
    {
      extends: true as const,
      test: { ...shared, name: dialect, include, exclude: [...exclude, ...mockingFiles], isolate: false, env },
    },
    {
      extends: true as const,
      test: { ...shared, name: `${dialect}-isolated`, include: mockingFiles, isolate: true, env },
    },
  ];
}

export default defineConfig({
  test: {
    env: { LECTERN_REDIS_AVAILABLE: redis ? '1' : '0' },
    projects: [
      ...engineProjects('sqlite', ['test/**/*.test.ts'], ['test/**/*.postgres.test.ts']),
      ...(postgres ? engineProjects('postgres', ['test/**/*.test.ts'], storageFree) : []),
    ],
  },
});
