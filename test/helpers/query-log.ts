/**
 * Every statement the process sends to its database, seen at the drivers (better-sqlite3's statements, pg's client
 * queries): below Kysely and the prepared-query cache, so nothing reaches a database unseen, transaction control
 * (begin, commit) included. The round-trip test counts them; bench/explain.ts explains them.
 */
import SqliteDatabase from 'better-sqlite3';
import pg from 'pg';

/** One statement as sent: its SQL text and its parameters. */
export interface LoggedQuery {
  engine: 'sqlite' | 'postgres';
  sql: string;
  parameters: unknown[];
}

type Method = (...args: any[]) => any;

let listeners: ((query: LoggedQuery) => void)[] = [];
let installed = false;

/** Wraps the drivers' methods once per process; they tell the listeners, then run as before. */
function install(): void {
  if (installed) return;
  installed = true;
  const probe = new SqliteDatabase(':memory:');
  const statement = Object.getPrototypeOf(probe.prepare('select 1')) as Record<string, Method>;
  probe.close();
  for (const name of ['run', 'get', 'all', 'iterate']) {
    const original = statement[name]!;
    statement[name] = function (this: { source: string }, ...args: unknown[]) {
      const parameters = args.length === 1 && Array.isArray(args[0]) ? (args[0] as unknown[]) : args;
      for (const listener of listeners) listener({ engine: 'sqlite', sql: this.source, parameters });
      return original.apply(this, args);
    };
  }
  const client = pg.Client.prototype as unknown as Record<string, Method>;
  const query = client.query!;
  client.query = function (this: unknown, ...args: unknown[]) {
    const [text, values] = args;
    const sql = typeof text === 'string' ? text : ((text as { text?: string })?.text ?? '');
    const parameters = Array.isArray(values) ? values : [];
    for (const listener of listeners) listener({ engine: 'postgres', sql, parameters });
    return query.apply(this, args);
  };
}

/** Starts recording; the answer's stop() ends it and answers what was sent meanwhile, in order. */
export function recordQueries(): { queries: LoggedQuery[]; stop(): LoggedQuery[] } {
  install();
  const queries: LoggedQuery[] = [];
  const listener = (query: LoggedQuery) => queries.push(query);
  listeners.push(listener);
  return {
    queries,
    stop: () => {
      listeners = listeners.filter((other) => other !== listener);
      return queries;
    },
  };
}

/** Records the statements `work` sends (and anything else running meanwhile: keep the process otherwise idle). */
export async function queriesOf(work: () => Promise<unknown>): Promise<LoggedQuery[]> {
  const recording = recordQueries();
  try {
    await work();
  } finally {
    recording.stop();
  }
  return recording.queries;
}
