/** One store under the kill loop: write under load, kill -9 at a random moment, restart, retry, compare; repeat. */
import { setTimeout as delay } from 'node:timers/promises';
import { randomToken, type ServedLectern, serveLectern } from '../served-lectern.ts';
import { census, checkCourses, settleInFlight } from './checks.ts';
import { Ledger, type Tally } from './ledger.ts';
import { postgresStore, type ScratchStore, sqliteStore } from './stores.ts';
import { writeUntilStopped } from './writers.ts';

/** What one lane runs. */
export interface LaneOptions {
  engine: 'sqlite' | 'postgres';
  lane: number;
  points: number;
  clients: number;
  seed: number;
  runId: string;
  /** Aborted on Ctrl-C: the lane stops at its next point, kills its server and removes its store. */
  signal: AbortSignal;
  log(line: string): void;
}

/** What one lane found. */
export interface LaneResult {
  points: number;
  tally: Tally;
  problems: string[];
  restartMs: number[];
  /** Why each failed start failed (each was tried again). */
  failedStarts: string[];
}

/**
 * The kill comes up to this long after the first write of a round is acknowledged. Counting from the first answer
 * rather than from the start keeps every round under load even when a freshly started server is slow to answer.
 */
const killWindowMs = 1000;
const firstAnswerTimeoutMs = 30_000;
const maxStartAttempts = 3;

/** Waits (bounded) until the ledger's acknowledged count moves past `count`. */
async function firstAcknowledgedAfter(ledger: Ledger, count: number): Promise<void> {
  const began = performance.now();
  while (ledger.tally.acknowledged === count && performance.now() - began < firstAnswerTimeoutMs) await delay(5);
}

/** Mulberry32: a small seeded generator, so a run's kill moments and choices can be repeated. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let value = state;
    value = Math.imul(value ^ (value >>> 15), value | 1);
    value ^= value + Math.imul(value ^ (value >>> 7), value | 61);
    return ((value ^ (value >>> 14)) >>> 0) / 4_294_967_296;
  };
}

/** Runs `points` kill points on a fresh store of the engine, then checks every acknowledged write and drops the store. */
export async function runLane(options: LaneOptions): Promise<LaneResult> {
  const { engine, lane, points, clients } = options;
  const random = seededRandom(options.seed);
  const ledger = new Ledger(`durability-${options.runId}-${engine}-l${lane}`, clients);
  const token = randomToken();
  const restartMs: number[] = [];
  const store: ScratchStore = engine === 'sqlite' ? sqliteStore() : await postgresStore();
  const failedStarts: string[] = [];
  // FULL is the default; named so that a shell's LECTERN_SQLITE_SYNCHRONOUS can never weaken the run.
  const env = { LECTERN_SQLITE_SYNCHRONOUS: 'FULL' };
  const start = async () => {
    // A start that fails is tried again (a shared install being rewritten under the run made one fail); each
    // failure is reported, and a store that cannot be opened fails every attempt and ends the run.
    for (let attempt = 1; ; attempt++) {
      const began = performance.now();
      try {
        const served = await serveLectern({ store: store.location, token, env });
        restartMs.push(performance.now() - began);
        return served;
      } catch (error) {
        const reason = (error as Error).message.split('\n').find((line) => /Error/.test(line)) ?? 'see above';
        failedStarts.push(reason.trim());
        if (attempt >= maxStartAttempts || options.signal.aborted) throw error;
        options.log(`  ${engine} lane ${lane}: start failed (${reason.trim()}); trying again in 3 s`);
        await delay(3_000);
      }
    }
  };
  let server: ServedLectern | null = null;
  try {
    server = await start();
    for (let point = 1; point <= points; point++) {
      options.signal.throwIfAborted();
      const api = { baseUrl: server.baseUrl, token };
      await settleInFlight(api, ledger, random);
      await checkCourses(api, ledger, ledger.takeUnchecked());
      let stopped = false;
      const acknowledged = ledger.tally.acknowledged;
      const writing = writeUntilStopped(api, ledger, clients, random, () => stopped);
      await firstAcknowledgedAfter(ledger, acknowledged);
      await delay(random() * killWindowMs);
      stopped = true;
      await server.kill9();
      await writing;
      server = null;
      server = await start();
      if (point % 25 === 0 || point === points) {
        const { acknowledged, retried, lost } = ledger.tally;
        // Duplicates are counted once, by the census at the end.
        const counts = `${acknowledged} acknowledged, ${retried} retried, ${lost} lost so far`;
        options.log(`  ${engine} lane ${lane}: ${point}/${points} kills, ${counts}`);
      }
    }
    const api = { baseUrl: server.baseUrl, token };
    await settleInFlight(api, ledger, random);
    ledger.takeUnchecked();
    await checkCourses(api, ledger, ledger.acknowledgedAll());
    await census(api, ledger);
    await server.stop();
    server = null;
    return { points, tally: ledger.tally, problems: ledger.problems, restartMs, failedStarts };
  } finally {
    await server?.kill9();
    await store.remove();
  }
}
