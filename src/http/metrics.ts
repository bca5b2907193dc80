/**
 * GET /metrics in Prometheus's text format (prom-client): requests and their latency per route and status, rate-limit
 * refusals, the delivery queues, the PostgreSQL pool, and the process. Off unless LECTERN_METRICS_TOKEN is set; then
 * scrapers send it as a bearer token. prom-client is loaded only when metrics are on.
 */
import { timingSafeEqual } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { DatabaseHandle } from '../db/create-db.ts';
import { LmsError } from '../errors.ts';
import { metricsDocumentation } from './metrics.schemas.ts';

/** Latency buckets in seconds: an in-memory fetch is well under a millisecond, an upload may take seconds. */
const latencyBuckets = [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

type Recorder = (request: FastifyRequest, reply: FastifyReply) => void;

/** What the metrics read besides the requests: the store's pool, and the delivery queues (app.ts passes it in). */
export interface MetricsSources {
  readonly database: DatabaseHandle;
  readonly queueDepth: () => Promise<readonly { kind: string; status: string; count: number }[]>;
}

function sameSecret(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

async function createRegistry(sources: MetricsSources) {
  const database = sources.database;
  const prom = await import('prom-client');
  const registry = new prom.Registry();
  prom.collectDefaultMetrics({ register: registry });
  const labelNames = ['method', 'route', 'status'] as const;
  const requests = new prom.Counter({
    name: 'lectern_http_requests_total',
    help: 'Requests answered',
    labelNames,
    registers: [registry],
  });
  const latency = new prom.Histogram({
    name: 'lectern_http_request_duration_seconds',
    help: 'Time from the request to the end of its answer',
    labelNames,
    buckets: latencyBuckets,
    registers: [registry],
  });
  const refusals = new prom.Counter({
    name: 'lectern_rate_limit_refusals_total',
    help: "Calls refused by Zoho's throttle (429, code 7209)",
    registers: [registry],
  });
  new prom.Gauge({
    name: 'lectern_delivery_queue_rows',
    help: 'E-mails and webhook deliveries per status (pending, sending, sent, failed, skipped)',
    labelNames: ['kind', 'status'] as const,
    registers: [registry],
    async collect() {
      this.reset();
      for (const row of await sources.queueDepth()) this.set({ kind: row.kind, status: row.status }, row.count);
    },
  });
  if (database.poolStats !== undefined) {
    const stats = database.poolStats;
    new prom.Gauge({
      name: 'lectern_db_pool_connections',
      help: 'PostgreSQL pool connections: total, idle, and callers waiting for one',
      labelNames: ['state'] as const,
      registers: [registry],
      collect() {
        const now = stats();
        this.set({ state: 'total' }, now.total);
        this.set({ state: 'idle' }, now.idle);
        this.set({ state: 'waiting' }, now.waiting);
      },
    });
  }
  if (database.groupCommitStats !== undefined) {
    const stats = database.groupCommitStats;
    new prom.Gauge({
      name: 'lectern_sqlite_group_commits',
      help: 'SQLite group commits: COMMITs run, and the write transactions they carried',
      labelNames: ['count'] as const,
      registers: [registry],
      collect() {
        const now = stats();
        this.set({ count: 'commits' }, now.commits);
        this.set({ count: 'transactions' }, now.members);
      },
    });
  }
  const record: Recorder = (request, reply) => {
    // The route's pattern, never the raw URL: ids in paths would make a series per object.
    const labels = { method: request.method, route: request.routeOptions.url ?? 'unmatched', status: reply.statusCode };
    requests.inc(labels);
    latency.observe(labels, reply.elapsedTime / 1000);
    if (reply.statusCode === 429) refusals.inc();
  };
  return { registry, record };
}

/** Registers /metrics, and when a token is set, the hook that counts every request. */
export async function registerMetrics(
  app: FastifyInstance,
  sources: MetricsSources,
  token: string | null,
): Promise<void> {
  const metrics = token === null ? null : await createRegistry(sources);
  if (metrics !== null) app.addHook('onResponse', async (request, reply) => metrics.record(request, reply));
  app.get('/metrics', { schema: metricsDocumentation }, async (request, reply) => {
    if (metrics === null || token === null) {
      throw new LmsError(404, '404', 'Not found: metrics are off; set LECTERN_METRICS_TOKEN to turn them on');
    }
    const given = /^Bearer (.+)$/i.exec(request.headers.authorization ?? '')?.[1];
    if (given === undefined || !sameSecret(given, token)) {
      reply.header('www-authenticate', 'Bearer');
      throw new LmsError(401, '401', 'Unauthorized: /metrics needs Authorization: Bearer <LECTERN_METRICS_TOKEN>');
    }
    reply.type(metrics.registry.contentType);
    return metrics.registry.metrics();
  });
}
