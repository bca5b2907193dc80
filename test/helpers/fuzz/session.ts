/**
 * Runs the fuzz properties against one Lectern: for each operation, generated requests must never answer a 5xx,
 * every 4xx must be Zoho's error body, and a refused write must leave both portals' rows as they were. Shared by
 * test/openapi-fuzz.test.ts and scripts/fuzz.ts; counts every request it sends.
 */
import fc from 'fast-check';
import type { LightMyRequestResponse } from 'fastify';
import { expectZohoAnswer } from '../hostile-input.ts';
import type { TestLectern } from '../test-app.ts';
import { type FuzzOperation, isWrite } from './operations.ts';
import { type FuzzRequest, requestArbitrary } from './requests.ts';
import { changedTables, type PortalSnapshot, takeSnapshot } from './snapshot.ts';
import { buildFuzzWorld, type FuzzWorld } from './world.ts';

/** What a run sent and got. */
export interface FuzzTally {
  requests: number;
  byStatus: Record<number, number>;
  serverErrors: number;
  /** Refused writes after which a portal's rows differed. */
  changedOnRefusal: number;
}

/** A property's failure: fast-check's report (seed, path, the shrunk request) under the operation's name. */
export class FuzzFailure extends Error {}

/** One Lectern under fuzz: its world, the snapshot to compare refused writes with, and the tally. */
export class FuzzSession {
  readonly tally: FuzzTally = { requests: 0, byStatus: {}, serverErrors: 0, changedOnRefusal: 0 };
  private world!: FuzzWorld;
  private snapshot: PortalSnapshot | undefined;

  constructor(
    readonly lectern: TestLectern,
    private readonly onRequest: (tally: FuzzTally) => void = () => {},
  ) {}

  /** Builds the world (in new portals): once before fuzzing, and again after a failure may have broken it. */
  async start(): Promise<void> {
    this.world = await buildFuzzWorld(this.lectern);
    this.snapshot = undefined;
  }

  /**
   * Sends `runs` generated requests to the operation (seeded); throws a FuzzFailure with the case on failure. Call it
   * in fuzzOrder: the world is not built again when a delete succeeds.
   */
  async fuzz(operation: FuzzOperation, runs: number, seed: number): Promise<void> {
    const property = fc.asyncProperty(requestArbitrary(operation, this.world), (request) => this.check(request));
    const details = await fc.check(property, { numRuns: runs, seed });
    if (details.failed) {
      const error = details.errorInstance;
      const why = (error instanceof Error ? error.message : String(error)).slice(0, 2000);
      const where = `${operation.method} ${operation.path} (${operation.name})`;
      throw new FuzzFailure(`${where}: ${why}\n${fc.defaultReportMessage(details)}`);
    }
  }

  private takeSnapshot(): Promise<PortalSnapshot> {
    const { db, dialect } = this.lectern.app.lectern;
    return takeSnapshot(db, dialect, [this.world.homePortalId, this.world.foreignPortalId]);
  }

  private async check(request: FuzzRequest): Promise<void> {
    const write = isWrite({ method: request.inject.method as FuzzOperation['method'] });
    if (write && this.snapshot === undefined) this.snapshot = await this.takeSnapshot();
    const response = await this.lectern.app.inject(request.inject);
    this.count(response);
    const label = `${request.inject.method} ${String(request.inject.url).slice(0, 300)}`;
    if (response.statusCode >= 500) throw new Error(`${label} answered ${response.statusCode}: ${response.body}`);
    expectZohoAnswer(response, label);
    if (response.statusCode < 400) {
      // Anything answered may have changed rows: the next write compares with a fresh snapshot.
      this.snapshot = undefined;
      await this.removeFaultRule(request);
      return;
    }
    if (!write) return;
    const after = await this.takeSnapshot();
    const changed = changedTables(this.snapshot!, after);
    this.snapshot = after;
    if (changed.length > 0) {
      this.tally.changedOnRefusal += 1;
      throw new Error(`${label} was refused (${response.statusCode}) but changed ${changed.join(', ')}`);
    }
  }

  /**
   * A fault rule answers later requests with 5xx, drops or delays them, as it is made to: one the fuzz made is removed
   * at once (only the home admin's token can have made it, so that token removes it).
   */
  private async removeFaultRule(request: FuzzRequest): Promise<void> {
    const path = String(request.inject.url).split('?')[0]!;
    if (request.inject.method !== 'POST' || !path.endsWith('/faults')) return;
    const removed = await this.lectern.app.inject({
      method: 'DELETE',
      url: path,
      headers: { authorization: this.world.adminAuthorization },
    });
    if (removed.statusCode !== 200) throw new Error(`removing the fault rules of ${path}: ${removed.body}`);
  }

  private count(response: LightMyRequestResponse): void {
    this.tally.requests += 1;
    this.tally.byStatus[response.statusCode] = (this.tally.byStatus[response.statusCode] ?? 0) + 1;
    if (response.statusCode >= 500) this.tally.serverErrors += 1;
    this.onRequest(this.tally);
  }
}
