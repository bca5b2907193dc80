/** The bench's command line (the bench is a tool, not the server: it reads its own flags, not src/config.ts). */
import { parseArgs } from 'node:util';
import { scenarios } from './scenarios.ts';
import type { Engine } from './stores.ts';

/** What a run was asked to do. */
export interface BenchOptions {
  engines: Engine[];
  /** Load scenarios to run, in the order scenarios.ts lists them (the bare baseline always among them). */
  scenarios: string[];
  startup: boolean;
  connections: number[];
  seconds: number;
  logLevel: string;
  postgresUrl: string;
  redisUrl: string;
  /** Two results files to compare instead of running. */
  compare: [string, string] | null;
  /** What `lectern seed` adds to each store before its server starts; null: the scenarios' own rows only. */
  scale: ScaleCounts | null;
  /** With a scale: serve from the kept store of that scale (bench/scale-store.ts), seeding it only the first time. */
  keepStore: boolean;
}

/** `lectern seed`'s counts. */
export interface ScaleCounts {
  courses: number;
  people: number;
  enrolments: number;
}

/** The size: a million courses, a hundred thousand people, ten million seats. */
const scalePresets: Record<string, ScaleCounts> = {
  '1m': { courses: 1_000_000, people: 100_000, enrolments: 10_000_000 },
  '100k': { courses: 100_000, people: 10_000, enrolments: 1_000_000 },
};

/** Reads --scale: a preset name or COURSES,PEOPLE,ENROLMENTS; null when absent. */
export function parseScale(text: string | undefined): ScaleCounts | null {
  if (text === undefined) return null;
  const preset = scalePresets[text];
  if (preset !== undefined) return preset;
  const parts = text.split(',').map((part) => Number(part.trim()));
  if (parts.length !== 3 || parts.some((count) => !Number.isSafeInteger(count) || count < 0)) {
    throw new UsageError(`--scale must be 1m, 100k or COURSES,PEOPLE,ENROLMENTS in whole numbers, got "${text}"`);
  }
  const [courses, people, enrolments] = parts as [number, number, number];
  return { courses, people, enrolments };
}

/** Thrown for a bad command line; run.ts prints it with the usage. */
export class UsageError extends Error {}

/** The usage text. */
export const usage = `npm run bench -- [options]
  --engine sqlite|postgres|both    stores to measure (default both; BENCH_DATABASE_URL=off means sqlite)
  --scenario NAME[,NAME...]        repeatable; a load scenario, "load" (every one), "startup", or "all" (default)
  --connections 10,50              connection counts, each scenario runs at each (default 10,50)
  --seconds N                      measured seconds per run, after 1 s of warm-up (default BENCH_SECONDS or 5)
  --log-level LEVEL                Lectern's log level during the run (default info, as in production)
  --scale 1m|100k|C,P,E            first seed each store with \`lectern seed\` (1m: 1,000,000 courses, 100,000
                                   people, 10,000,000 enrolments); compare with a run without it (--compare)
  --keep-store                     with --scale: reuse the store kept for that scale (BENCH_SCALE_DIR, default
                                   /tmp/scale; PostgreSQL: database lectern_scale), seeding it the first time only
  --compare A.json B.json          print B's figures against A's, row by row, and run nothing
Load scenarios: ${scenarios.map((scenario) => scenario.name).join(', ')}
Environment: BENCH_DATABASE_URL (default postgres://postgres@127.0.0.1:5432/test), BENCH_REDIS_URL
(default redis://127.0.0.1:6379), BENCH_SECONDS.`;

const logLevels = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'];

/** Parses argv (without node and the script) and the BENCH_* variables. */
export function parseOptions(argv: string[], env: NodeJS.ProcessEnv): BenchOptions {
  let parsed: ReturnType<typeof parseFlags>;
  try {
    parsed = parseFlags(argv);
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  const { values, positionals } = parsed;
  if (values.compare) {
    if (positionals.length !== 2) throw new UsageError('--compare takes two results files');
    return { ...defaults(env), compare: [positionals[0]!, positionals[1]!] };
  }
  if (positionals.length > 0) throw new UsageError(`unexpected argument "${positionals[0]}"`);

  const postgresSetting = env.BENCH_DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/test';
  const engineFlag = values.engine ?? (postgresSetting === 'off' ? 'sqlite' : 'both');
  if (!['sqlite', 'postgres', 'both'].includes(engineFlag)) {
    throw new UsageError(`--engine must be sqlite, postgres or both, got "${engineFlag}"`);
  }
  if (engineFlag !== 'sqlite' && postgresSetting === 'off') {
    throw new UsageError('--engine postgres or both, but BENCH_DATABASE_URL is off');
  }
  const engines: Engine[] = engineFlag === 'both' ? ['sqlite', 'postgres'] : [engineFlag as Engine];

  const names = (values.scenario ?? ['all']).flatMap((value) => value.split(',')).map((name) => name.trim());
  const known = new Set(scenarios.map((scenario) => scenario.name));
  for (const name of names) {
    if (!known.has(name) && !['all', 'load', 'startup'].includes(name)) {
      throw new UsageError(`unknown scenario "${name}"; known: all, load, startup, ${[...known].join(', ')}`);
    }
  }
  const everyLoad = names.includes('all') || names.includes('load');
  const chosen = scenarios.filter((scenario) => everyLoad || names.includes(scenario.name));
  // Every load run measures the baseline, so that each row has its ratio from the same run.
  const load =
    chosen.length > 0 ? ['bare', ...chosen.map((scenario) => scenario.name).filter((n) => n !== 'bare')] : [];

  const connections = (values.connections ?? '10,50').split(',').map((text) => Number(text.trim()));
  if (connections.some((count) => !Number.isInteger(count) || count < 1 || count > 1000)) {
    throw new UsageError(`--connections must be whole numbers from 1 to 1000, got "${values.connections}"`);
  }
  const secondsText = values.seconds ?? env.BENCH_SECONDS ?? '5';
  const seconds = Number(secondsText);
  if (!Number.isFinite(seconds) || seconds < 1 || seconds > 600) {
    throw new UsageError(`--seconds (BENCH_SECONDS) must be a number of seconds from 1 to 600, got "${secondsText}"`);
  }
  const logLevel = values['log-level'] ?? 'info';
  if (!logLevels.includes(logLevel)) throw new UsageError(`--log-level must be one of ${logLevels.join(', ')}`);
  return {
    ...defaults(env),
    engines,
    scenarios: load,
    startup: names.includes('all') || names.includes('startup'),
    connections: [...new Set(connections)],
    seconds,
    logLevel,
    postgresUrl: postgresSetting,
    scale: parseScale(values.scale),
    keepStore: values['keep-store'] ?? false,
  };
}

function parseFlags(argv: string[]) {
  return parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      engine: { type: 'string' },
      scenario: { type: 'string', multiple: true },
      connections: { type: 'string' },
      seconds: { type: 'string' },
      'log-level': { type: 'string' },
      scale: { type: 'string' },
      'keep-store': { type: 'boolean' },
      compare: { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
  });
}

function defaults(env: NodeJS.ProcessEnv): BenchOptions {
  return {
    engines: [],
    scenarios: [],
    startup: false,
    connections: [],
    seconds: 0,
    logLevel: 'info',
    postgresUrl: env.BENCH_DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/test',
    redisUrl: env.BENCH_REDIS_URL || 'redis://127.0.0.1:6379',
    compare: null,
    scale: null,
    keepStore: false,
  };
}
