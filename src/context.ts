/** What every feature's service needs, built once in app.ts and passed down. */
import type { Kysely } from 'kysely';
import type { PortalAwareClock } from './clock.ts';
import type { Config } from './config.ts';
import type { Dialect } from './db/create-db.ts';
import type { Database } from './db/database.ts';
import type { IdGenerator } from './ids.ts';

/** Shared dependencies of the services. */
export interface AppContext {
  readonly db: Kysely<Database>;
  readonly dialect: Dialect;
  /** The time: a portal's own inside its requests and tasks, else the server's. */
  readonly clock: PortalAwareClock;
  readonly ids: IdGenerator;
  readonly config: Config;
}
