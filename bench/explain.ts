/**
 * npm run bench:explain -- [--scale 100k|1m|C,P,E] [--engine sqlite|postgres|both]: seeds (or reuses, see
 * scale-store.ts) a store at the scale, serves the list and fetch requests of the bench's scenarios in process, records
 * every statement each request sends (test/helpers/query-log.ts), explains each one (SQLite: EXPLAIN QUERY PLAN;
 * PostgreSQL: EXPLAIN (FORMAT JSON)) and reports any scan of a table that grows with the organisation. Exits 1 when
 * one is found. A table grows when it holds at least 10,000 rows in the store.
 */
import { parseArgs } from 'node:util';
import SqliteDatabase from 'better-sqlite3';
import pg from 'pg';
import { buildApp, type LecternApp } from '../src/app.ts';
import { systemClock } from '../src/clock.ts';
import { loadConfig } from '../src/config.ts';
import { type DatabaseHandle, migrateToLatest, openDatabase } from '../src/db/create-db.ts';
import { issueToken } from '../src/features/people/portal.service.ts';
import { type LoggedQuery, queriesOf } from '../test/helpers/query-log.ts';
import { parseScale } from './options.ts';
import { isExplainable, type PlanFinding, postgresFindings, type SqlitePlanRow, sqliteFindings } from './plan-scans.ts';
import { ensureScaleStore, type ScaleLocation } from './scale-store.ts';
import type { Engine } from './stores.ts';

const growingRows = 10_000;

/** The store's named rows the requests are about. */
interface World {
  admin: string;
  learner: string;
  learnerId: string;
  courseId: string;
  batch: { courseId: string; batchId: string } | null;
}

/** A request to explain: who asks, and what. */
interface Probe {
  name: string;
  as: 'admin' | 'learner';
  method?: 'GET' | 'PATCH';
  path: (world: World) => string | null;
  body?: Record<string, unknown>;
}

const probes: Probe[] = [
  { name: 'fetch course', as: 'admin', path: (w) => `/api/v1/courses/${w.courseId}` },
  { name: 'update course', as: 'admin', method: 'PATCH', path: (w) => `/api/v1/courses/${w.courseId}`, body: {} },
  { name: 'course list, first page', as: 'admin', path: () => '/api/v1/courses' },
  { name: 'course list, page 400', as: 'admin', path: () => '/api/v1/courses?startIndex=10000' },
  { name: 'course list by name', as: 'admin', path: () => '/api/v1/courses?sortBy=name' },
  { name: 'course list, learner view', as: 'learner', path: () => '/api/v1/courses' },
  { name: 'my courses (learner)', as: 'learner', path: () => '/api/v1/courses/mycourses' },
  { name: 'fetch course as learner (progress)', as: 'learner', path: (w) => `/api/v1/courses/${w.courseId}` },
  { name: 'course progress page', as: 'admin', path: (w) => `/api/v1/courses/${w.courseId}/course-progress` },
  {
    name: "a learner's progress in a course",
    as: 'admin',
    path: (w) => `/api/v1/courses/${w.courseId}/learners/${w.learnerId}/course-progress`,
  },
  {
    name: "a learner's progress everywhere",
    as: 'admin',
    path: (w) => `/api/v1/learners/${w.learnerId}/course-progress`,
  },
  { name: 'batches of a course', as: 'admin', path: (w) => `/api/v1/courses/${w.courseId}/batches` },
  { name: 'modules of a course', as: 'admin', path: (w) => `/api/v1/courses/${w.courseId}/modules` },
  {
    name: 'sessions of a batch',
    as: 'admin',
    path: (w) => (w.batch ? `/api/v1/courses/${w.batch.courseId}/batches/${w.batch.batchId}/sessions` : null),
  },
  { name: 'course history', as: 'admin', path: (w) => `/lectern/v1/courses/${w.courseId}/history` },
  { name: "learner's history", as: 'learner', path: (w) => `/lectern/v1/learners/${w.learnerId}/history` },
  { name: 'suggested count', as: 'learner', path: () => '/api/v1/stats/courses/counts/suggestedToMe' },
];

/** Explains statements on one store. */
interface Explainer {
  findings(query: LoggedQuery): Promise<PlanFinding[]>;
  /** The plan as text, for --verbose. */
  plan(query: LoggedQuery): Promise<string>;
  rowCounts(): Promise<Map<string, number>>;
  close(): Promise<void>;
}

function sqliteExplainer(location: ScaleLocation): Explainer {
  const database = new SqliteDatabase(`${location.dataDir}/lectern.sqlite`, { readonly: true });
  const bind = (parameters: unknown[]) =>
    parameters.map((value) => (typeof value === 'boolean' ? Number(value) : value));
  const rows = (query: LoggedQuery) =>
    database.prepare(`explain query plan ${query.sql}`).all(bind(query.parameters)) as SqlitePlanRow[];
  return {
    findings: async (query) => sqliteFindings(query.sql, rows(query)),
    plan: async (query) =>
      rows(query)
        .map((row) => row.detail)
        .join('\n'),
    rowCounts: async () => {
      const tables = database.prepare("select name from sqlite_master where type = 'table'").all() as {
        name: string;
      }[];
      const counts = new Map<string, number>();
      for (const { name } of tables) {
        counts.set(name, (database.prepare(`select count(*) as n from "${name}"`).get() as { n: number }).n);
      }
      return counts;
    },
    close: async () => {
      database.close();
    },
  };
}

async function postgresExplainer(location: ScaleLocation): Promise<Explainer> {
  const client = new pg.Client({
    connectionString: location.databaseUrl!,
    options: `-c search_path=${location.schema}`,
  });
  await client.connect();
  return {
    findings: async (query) => {
      const result = await client.query(`explain (format json) ${query.sql}`, query.parameters);
      return postgresFindings(result.rows[0]['QUERY PLAN'][0].Plan);
    },
    plan: async (query) => {
      const result = await client.query(`explain ${query.sql}`, query.parameters);
      return result.rows.map((row) => row['QUERY PLAN']).join('\n');
    },
    rowCounts: async () => {
      const result = await client.query('select relname, n_live_tup from pg_stat_user_tables where schemaname = $1', [
        location.schema,
      ]);
      return new Map(result.rows.map((row) => [row.relname as string, Number(row.n_live_tup)]));
    },
    close: () => client.end(),
  };
}

/** The world the probes ask about: the seeded portal's admin, a learner with seats, one of their courses. */
async function findWorld(app: LecternApp): Promise<World> {
  const db = app.lectern.db;
  const seat = await db
    .selectFrom('enrolments')
    .select(['portal_id', 'erecno', 'course_id'])
    .limit(1)
    .executeTakeFirstOrThrow();
  const full = ['ZOHOPEOPLE.training.ALL'];
  const admin = await issueToken(app.lectern, { portalId: seat.portal_id, scopes: full });
  const learner = await issueToken(app.lectern, { portalId: seat.portal_id, erecno: seat.erecno, scopes: full });
  const batch = await db
    .selectFrom('batches')
    .select(['course_id as courseId', 'id as batchId'])
    .where('portal_id', '=', seat.portal_id)
    .limit(1)
    .executeTakeFirst();
  return {
    admin: admin.token,
    learner: learner.token,
    learnerId: seat.erecno,
    courseId: seat.course_id,
    batch: batch ?? null,
  };
}

function openStore(location: ScaleLocation): DatabaseHandle {
  return openDatabase({
    dataDir: location.dataDir,
    databaseUrl: location.databaseUrl,
    ...(location.schema ? { postgresSchema: location.schema } : {}),
  });
}

/** Explains every probe on one engine; answers the number of scans of growing tables found. */
async function explainEngine(
  engine: Engine,
  location: ScaleLocation,
  verbose: boolean,
  only?: string,
): Promise<number> {
  const database = openStore(location);
  await migrateToLatest(database.db);
  const config = loadConfig({ LECTERN_MEMORY: 'true', LECTERN_PUBLIC_URL: 'http://lectern.test' });
  const app = await buildApp({ config, database, clock: systemClock });
  await app.ready();
  const explainer = engine === 'sqlite' ? sqliteExplainer(location) : await postgresExplainer(location);
  let problems = 0;
  try {
    const counts = await explainer.rowCounts();
    const growing = new Set([...counts].filter(([, rows]) => rows >= growingRows).map(([name]) => name));
    console.log(`\n## ${engine}: growing tables ${[...growing].map((t) => `${t} (${counts.get(t)})`).join(', ')}\n`);
    const world = await findWorld(app);
    for (const probe of probes.filter((p) => only === undefined || p.name.includes(only))) {
      const path = probe.path(world);
      if (path === null) {
        console.log(`- ${probe.name}: skipped (nothing to ask about in this store)`);
        continue;
      }
      const token = probe.as === 'admin' ? world.admin : world.learner;
      const request = {
        method: probe.method ?? 'GET',
        url: path,
        headers: { authorization: `Zoho-oauthtoken ${token}` },
        ...(probe.body === undefined ? {} : { payload: probe.body }),
      } as const;
      await app.inject(request); // warm: statement caches, compiled schemas
      let status = 0;
      const started = performance.now();
      const queries = await queriesOf(async () => {
        status = (await app.inject(request)).statusCode;
      });
      const ms = (performance.now() - started).toFixed(1);
      console.log(
        `- ${probe.name} (${probe.method ?? 'GET'} ${path.replace(/\d{10,}/g, ':id')}): ${status}, ${ms} ms, ${queries.length} statements`,
      );
      for (const query of queries.filter((q) => isExplainable(q.sql))) {
        if (verbose) console.log(`  ${query.sql}\n    ${(await explainer.plan(query)).replaceAll('\n', '\n    ')}`);
        const findings = await explainer.findings(query);
        for (const finding of findings) {
          const grows = growing.has(finding.table);
          const bad = grows && ['full scan', 'full index scan', 'portal scan'].includes(finding.kind);
          if (bad) problems += 1;
          if (bad || (grows && finding.kind === 'limited index scan') || finding.kind === 'sort') {
            console.log(`    ${bad ? 'SCAN OF A GROWING TABLE' : 'note'}: ${finding.detail}`);
            if (bad) console.log(`      in: ${query.sql.slice(0, 400)}`);
          }
        }
      }
    }
  } finally {
    await explainer.close();
    await app.close();
    await database.close();
  }
  return problems;
}

const { values } = parseArgs({
  options: {
    scale: { type: 'string', default: '100k' },
    engine: { type: 'string', default: 'both' },
    only: { type: 'string' },
    verbose: { type: 'boolean', default: false },
  },
});
const counts = parseScale(values.scale)!;
const engines: Engine[] = values.engine === 'both' ? ['sqlite', 'postgres'] : [values.engine as Engine];
let problems = 0;
for (const engine of engines) {
  const location = await ensureScaleStore(engine, counts, (line) => process.stderr.write(`${line}\n`));
  problems += await explainEngine(engine, location, values.verbose!, values.only);
}
console.log(`\n${problems === 0 ? 'No' : problems} scan${problems === 1 ? '' : 's'} of growing tables.`);
process.exitCode = problems === 0 ? 0 : 1;
