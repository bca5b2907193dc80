/**
 * `lectern seed`: a large organisation in a portal for measuring at size. Counts are checked before anything is
 * written; progress goes to stderr, one rewritten line on a terminal and a line every tenth otherwise.
 */

import { type SeedCounts, type SeedProgress, seedOrganisation } from '../commands/seed-organisation.ts';
import type { Config } from '../config.ts';
import { CliError, usageExitCode } from './cli-error.ts';
import { inStorePortal } from './store-options.ts';

/** The most of each a seed makes (a store this size is already tens of gigabytes). */
const limits: SeedCounts = { courses: 10_000_000, people: 10_000_000, enrolments: 100_000_000 };

function countOf(name: keyof SeedCounts, value: string | undefined): number {
  const count = Number(value ?? '0');
  if (!/^\d+$/.test(value ?? '0') || !Number.isSafeInteger(count) || count > limits[name]) {
    throw new CliError(
      `--${name} must be a whole number from 0 to ${limits[name].toLocaleString('en')}, got "${value}"`,
      usageExitCode,
    );
  }
  return count;
}

/** Checks the counts against each other: every enrolment is a distinct person and course. */
function checkCounts(options: Record<string, string | undefined>): SeedCounts {
  const counts = {
    courses: countOf('courses', options.courses),
    people: countOf('people', options.people),
    enrolments: countOf('enrolments', options.enrolments),
  };
  if (counts.enrolments > counts.people * counts.courses) {
    throw new CliError(
      `--enrolments (${counts.enrolments}) cannot exceed --people x --courses (${counts.people * counts.courses}): ` +
        'each seat is a distinct person in a distinct course',
      usageExitCode,
    );
  }
  if (counts.courses + counts.people + counts.enrolments === 0) {
    throw new CliError('nothing to seed: give --courses, --people or --enrolments', usageExitCode);
  }
  return counts;
}

/** Progress on stderr: a rewritten line on a terminal; otherwise a line at each tenth and at the end. */
function progressWriter(stream: NodeJS.WriteStream): SeedProgress {
  const startedAt = performance.now();
  let lastTenth = -1;
  return (what, done, total) => {
    const seconds = ((performance.now() - startedAt) / 1000).toFixed(1);
    const line = `${what}: ${done.toLocaleString('en')} / ${total.toLocaleString('en')} (${seconds} s)`;
    if (stream.isTTY) {
      stream.write(`\r${line}${done === total ? '\n' : ''}`);
      return;
    }
    const tenth = Math.floor((done / total) * 10);
    if (tenth !== lastTenth || done === total) stream.write(`${line}\n`);
    lastTenth = done === total ? -1 : tenth;
  };
}

/** Runs the seed and answers a summary line for stdout. */
export async function seedCommand(config: Config, options: Record<string, string | undefined>): Promise<string> {
  const counts = checkCounts(options);
  return inStorePortal(config, options.portalId, async (context, portalId) => {
    const startedAt = performance.now();
    await seedOrganisation(context, portalId, counts, progressWriter(process.stderr));
    const seconds = ((performance.now() - startedAt) / 1000).toFixed(1);
    return `seeded ${counts.people} people, ${counts.courses} courses, ${counts.enrolments} enrolments in ${seconds} s\n`;
  });
}
