/** The pure rules of online test attempts: the test's settings that govern them, when one is over, which one counts. */
import type { OnlineTestAttemptTable } from '../../db/tables/online-tests.ts';

/** A late submit within this much of the deadline still counts: the request's own trip should not cost the attempt. */
export const submitGraceMs = 5_000;

/** The settings of a test that govern its attempts. */
export interface TestRules {
  maximumAttemptsAllowed: number | 'unlimited';
  /** The time limit of a whole attempt (durationFor test); null otherwise. */
  durationMinutes: number | null;
  /** The time each question adds to an attempt's limit (durationFor question); null otherwise. */
  minutesPerQuestion: number | null;
  passPercentage: number | null;
  shuffleQuestions: boolean;
  showMarksToLearner: boolean;
}

/** What the learner knows of their attempts at a test. */
export interface AttemptsSummary {
  maximumAttemptsAllowed: number | 'unlimited';
  attemptsUsed: number;
  attemptsLeft: number | null;
  passPercentage: number | null;
  hasPassed: boolean;
  questionCount: number;
  durationMinutes: number | null;
  openAttemptId: string | null;
}

/** The attempt rules of a test's stored settings. */
export function testRules(settings: Record<string, unknown>): TestRules {
  const attempts = settings.maximumAttemptsAllowed;
  const duration = settings.duration;
  return {
    maximumAttemptsAllowed: typeof attempts === 'number' ? attempts : 'unlimited',
    durationMinutes: settings.durationFor === 'test' && typeof duration === 'number' ? duration : null,
    minutesPerQuestion: settings.durationFor === 'question' && typeof duration === 'number' ? duration : null,
    passPercentage: typeof settings.passPercentage === 'number' ? settings.passPercentage : null,
    shuffleQuestions: settings.shuffleQuestions === true,
    showMarksToLearner: settings.showMarksToLearner === true,
  };
}

/**
 * An attempt's time limit in minutes: the test's duration, or (durationFor question) the duration per question times
 * the questions served; null when untimed. The page shows one countdown, so the per-question time is pooled.
 */
export function attemptMinutes(rules: TestRules, questionCount: number): number | null {
  if (rules.minutesPerQuestion !== null) return rules.minutesPerQuestion * questionCount;
  return rules.durationMinutes;
}

/** Submitted, or past its deadline (and the grace after it): it takes no more answers. */
export function isOver(attempt: OnlineTestAttemptTable, now: number): boolean {
  return attempt.submitted_at !== null || (attempt.deadline_at !== null && now > attempt.deadline_at + submitGraceMs);
}

/** The submitted attempt with the highest share of its marks (the later one on a tie); undefined without one. */
export function bestAttempt(attempts: OnlineTestAttemptTable[]): OnlineTestAttemptTable | undefined {
  let best: OnlineTestAttemptTable | undefined;
  for (const attempt of attempts) {
    if (attempt.submitted_at === null) continue;
    if (best === undefined || share(attempt) >= share(best)) best = attempt;
  }
  return best;
}

function share(attempt: OnlineTestAttemptTable): number {
  return (attempt.marks ?? 0) / Math.max(attempt.maximum_marks ?? 0, 1);
}

/** The learner's standing: attempts used and left, whether the counting attempt passes, the one still open. */
export function summarise(
  rules: TestRules,
  attempts: OnlineTestAttemptTable[],
  questionCount: number,
  now: number,
): AttemptsSummary {
  const best = bestAttempt(attempts);
  const max = rules.maximumAttemptsAllowed;
  return {
    maximumAttemptsAllowed: max,
    attemptsUsed: attempts.length,
    attemptsLeft: max === 'unlimited' ? null : Math.max(max - attempts.length, 0),
    passPercentage: rules.passPercentage,
    hasPassed: best !== undefined && (rules.passPercentage === null || share(best) * 100 >= rules.passPercentage),
    questionCount,
    durationMinutes: attemptMinutes(rules, questionCount),
    openAttemptId: attempts.find((attempt) => !isOver(attempt, now))?.id ?? null,
  };
}
