/**
 * Learners take an online test (Lectern's own: Zoho documents no attempt API): start an attempt (the questions
 * without their answers, shuffled per attempt when the test says so) and submit it, scored here. The result that
 * counts is the best attempt, written as an admin-recorded result is, so progress, completion, history and webhooks
 * follow it the same way. Each request is one transaction with a fixed number of queries.
 */
import type { Caller } from '../../access/index.ts';
import type { AppContext } from '../../context.ts';
import type { Db } from '../../db/database.ts';
import type { OnlineTestAttemptTable } from '../../db/tables/online-tests.ts';
import { EntityType } from '../../entity-types.ts';
import { forbidden, invalidInput, LmsError, notFound } from '../../errors.ts';
import { readEntitySettings } from '../entities/index.ts';
import { requireModule } from '../modules/index.ts';
import {
  type CompletionSnapshot,
  completionSnapshot,
  type LearnerProgress,
  recordCompletionChanges,
  recordOnlineResult,
} from '../progress/index.ts';
import {
  type AttemptsSummary,
  attemptMinutes,
  bestAttempt,
  isOver,
  summarise,
  type TestRules,
  testRules,
} from './attempt-rules.ts';
import * as repository from './question.repository.ts';
import { type Question, questionOf } from './question.service.ts';
import { shuffled } from './shuffle.ts';

/** Where a module's online test is. */
export interface TestPath {
  courseId: string;
  batchId: string | null;
  moduleId: string;
  testId: string;
}

/** A started attempt as the learner sees it. */
export interface AttemptView {
  attemptId: string;
  attemptNumber: number;
  startedAt: number;
  deadline: number | null;
  questions: (Omit<Question, 'correctOptions' | 'position' | 'marks'> & { marks: number | null })[];
}

/** The outcome of a submitted attempt. */
export interface AttemptResult {
  passed: boolean;
  marks: number | null;
  maximumMarks: number | null;
  attempts: AttemptsSummary;
  completion: { state: string; isModuleCompleted: boolean; isCourseCompleted: boolean };
}

function conflict(code: string, message: string): LmsError {
  return new LmsError(409, code, message);
}

interface Loaded {
  snapshot: CompletionSnapshot;
  rules: TestRules;
  questions: Question[];
  attempts: OnlineTestAttemptTable[];
}

/**
 * The test as the calling learner may take it: enrolled (not waitlisted) in the course or batch, the test in the
 * module and not locked for them (the progress engine's locks, as the learning path shows them).
 */
async function loadForLearner(context: AppContext, db: Db, caller: Caller, path: TestPath): Promise<Loaded> {
  await requireModule(db, caller, path.courseId, path.batchId, path.moduleId);
  const place = { portalId: caller.portalId, courseId: path.courseId, batchId: path.batchId };
  const snapshot = await completionSnapshot(db, context, place, [caller.erecno]);
  const progress = snapshot.progress.get(caller.erecno);
  const entity = progress?.modules
    .find((module) => module.moduleId === path.moduleId)
    ?.entities.find(
      (candidate) => candidate.entityId === path.testId && candidate.entityType === EntityType.onlineTest,
    );
  if (entity === undefined) throw notFound('onlineTest', path.testId);
  if (progress === undefined || !progress.isEnrolled) {
    const where = path.batchId === null ? `course ${path.courseId}` : `batch ${path.batchId}`;
    throw forbidden(`only a learner enrolled in ${where} (not waitlisted) may take its tests`);
  }
  if (entity.isLocked) {
    throw conflict(
      'ONLINE_TEST_LOCKED',
      `${entity.name} is locked: finish what comes before it, or wait until it opens`,
    );
  }
  // The test's row is locked (PostgreSQL) before the attempts are read: two starts at once cannot both pass the limit.
  const settings = await readEntitySettings(db, caller.portalId, EntityType.onlineTest, path.testId, context.dialect);
  if (settings === undefined) throw notFound('onlineTest', path.testId);
  const questions = (await repository.listQuestions(db, caller.portalId, path.testId)).map(questionOf);
  const attempts = await repository.listAttempts(db, caller.portalId, path.testId, caller.erecno);
  return { snapshot, rules: testRules(settings), questions, attempts };
}

function viewOf(attempt: OnlineTestAttemptTable, number: number, questions: Question[], rules: TestRules): AttemptView {
  const byId = new Map(questions.map((question) => [question.questionId, question]));
  const served = (JSON.parse(attempt.question_ids) as string[]).flatMap((id) => byId.get(id) ?? []);
  return {
    attemptId: attempt.id,
    attemptNumber: number,
    startedAt: attempt.started_at,
    deadline: attempt.deadline_at,
    questions: served.map(({ questionId, text, kind, options, marks }) => ({
      questionId,
      text,
      kind,
      options,
      marks: rules.showMarksToLearner ? marks : null,
    })),
  };
}

/** What the calling learner knows of their attempts at a test. */
export async function attemptsSummary(context: AppContext, caller: Caller, path: TestPath): Promise<AttemptsSummary> {
  return context.db.transaction().execute(async (trx) => {
    const loaded = await loadForLearner(context, trx, caller, path);
    return summarise(loaded.rules, loaded.attempts, loaded.questions.length, context.clock.now());
  });
}

/**
 * Starts an attempt, or answers the open one again (a reload does not spend an attempt). 409 when every attempt is
 * spent or the test has no questions yet.
 */
export async function startAttempt(context: AppContext, caller: Caller, path: TestPath): Promise<AttemptView> {
  return context.db.transaction().execute(async (trx) => {
    const { rules, questions, attempts } = await loadForLearner(context, trx, caller, path);
    const now = context.clock.now();
    const openIndex = attempts.findIndex((attempt) => !isOver(attempt, now));
    if (openIndex >= 0) return viewOf(attempts[openIndex]!, openIndex + 1, questions, rules);
    if (rules.maximumAttemptsAllowed !== 'unlimited' && attempts.length >= rules.maximumAttemptsAllowed) {
      throw conflict(
        'MAXIMUM_ATTEMPTS_REACHED',
        `every attempt at this test is used (maximumAttemptsAllowed ${rules.maximumAttemptsAllowed})`,
      );
    }
    if (questions.length === 0) throw conflict('ONLINE_TEST_HAS_NO_QUESTIONS', 'this test has no questions yet');
    const id = context.ids.next();
    const ids = questions.map((question) => question.questionId);
    const minutes = attemptMinutes(rules, questions.length);
    const attempt: OnlineTestAttemptTable = {
      id,
      portal_id: caller.portalId,
      entity_id: path.testId,
      erecno: caller.erecno,
      question_ids: JSON.stringify(rules.shuffleQuestions ? shuffled(ids, id) : ids),
      started_at: now,
      deadline_at: minutes === null ? null : now + minutes * 60_000,
      submitted_at: null,
      answers: null,
      marks: null,
      maximum_marks: null,
    };
    await repository.insertAttempt(trx, attempt);
    return viewOf(attempt, attempts.length + 1, questions, rules);
  });
}

/** The answers checked against the attempt's questions: 400 naming the answer that does not fit. */
function readAnswers(
  answers: { questionId: string; selectedOptions: number[] }[],
  served: Map<string, Question>,
): Map<string, number[]> {
  const chosen = new Map<string, number[]>();
  answers.forEach((answer, index) => {
    const question = served.get(answer.questionId);
    if (question === undefined) {
      throw invalidInput(`answers.${index}.questionId`, `${answer.questionId} is not a question of this attempt`);
    }
    if (chosen.has(answer.questionId)) {
      throw invalidInput(`answers.${index}.questionId`, `${answer.questionId} is answered twice`);
    }
    const outside = answer.selectedOptions.find((option) => option >= question.options.length);
    if (outside !== undefined) {
      throw invalidInput(`answers.${index}.selectedOptions`, `the question has no option ${outside}`);
    }
    if (question.kind === 'single' && answer.selectedOptions.length > 1) {
      throw invalidInput(`answers.${index}.selectedOptions`, 'a single choice question takes one option');
    }
    chosen.set(
      answer.questionId,
      [...answer.selectedOptions].sort((a, b) => a - b),
    );
  });
  return chosen;
}

/** A question's marks when the options chosen are exactly its correct ones; nothing for a partly right answer. */
function marksFor(question: Question, chosen: number[] | undefined): number {
  if (chosen === undefined || chosen.length !== question.correctOptions.length) return 0;
  return chosen.every((option, index) => option === question.correctOptions[index]) ? question.marks : 0;
}

function outcomeOf(after: LearnerProgress | undefined, path: TestPath): AttemptResult['completion'] {
  const module = after?.modules.find((candidate) => candidate.moduleId === path.moduleId);
  const entity = module?.entities.find((candidate) => candidate.entityId === path.testId);
  return {
    state: entity?.state ?? 'notStarted',
    isModuleCompleted: module?.isCompleted ?? false,
    isCourseCompleted: after?.isCompleted ?? false,
  };
}

/**
 * Submits an open attempt: scored here, stored, and the best attempt written as the learner's result, then
 * completion recomputed. 409 when it was submitted already or its time ran out (a late submit is refused).
 */
export async function submitAttempt(
  context: AppContext,
  caller: Caller,
  path: TestPath,
  attemptId: string,
  answers: { questionId: string; selectedOptions: number[] }[],
): Promise<AttemptResult> {
  return context.db.transaction().execute(async (trx) => {
    const { snapshot, rules, questions, attempts } = await loadForLearner(context, trx, caller, path);
    const attempt = attempts.find((candidate) => candidate.id === attemptId);
    if (attempt === undefined) throw notFound('attempt', attemptId);
    const now = context.clock.now();
    if (attempt.submitted_at !== null)
      throw conflict('ATTEMPT_ALREADY_SUBMITTED', 'this attempt was submitted already');
    if (isOver(attempt, now)) {
      throw conflict(
        'ATTEMPT_TIME_OVER',
        `the time for this attempt ran out at ${new Date(attempt.deadline_at!).toISOString()}`,
      );
    }
    const byId = new Map(questions.map((question) => [question.questionId, question]));
    const served = new Map(
      (JSON.parse(attempt.question_ids) as string[]).flatMap((id) => (byId.has(id) ? [[id, byId.get(id)!]] : [])),
    );
    const chosen = readAnswers(answers, served);
    let marks = 0;
    let maximumMarks = 0;
    for (const question of served.values()) {
      marks += marksFor(question, chosen.get(question.questionId));
      maximumMarks += question.marks;
    }
    const submitted = {
      submitted_at: now,
      answers: JSON.stringify(Object.fromEntries(chosen)),
      marks,
      maximum_marks: maximumMarks,
    };
    if (!(await repository.submitAttempt(trx, caller.portalId, attemptId, submitted))) {
      throw conflict('ATTEMPT_ALREADY_SUBMITTED', 'this attempt was submitted already');
    }
    const all = attempts.map((candidate) => (candidate.id === attemptId ? { ...candidate, ...submitted } : candidate));
    const best = bestAttempt(all)!;
    await recordOnlineResult(trx, {
      portalId: caller.portalId,
      entityId: path.testId,
      erecno: caller.erecno,
      marks: best.marks!,
      // An attempt whose questions were all deleted scores 0 of 0: written as 0 of 1, never a division by zero.
      maximumMarks: Math.max(best.maximum_marks!, 1),
      by: caller.erecno,
      at: now,
    });
    const after = await recordCompletionChanges(trx, context, snapshot, caller.erecno);
    return {
      passed: rules.passPercentage === null || marks * 100 >= rules.passPercentage * Math.max(maximumMarks, 1),
      marks: rules.showMarksToLearner ? marks : null,
      maximumMarks: rules.showMarksToLearner ? maximumMarks : null,
      attempts: summarise(rules, all, questions.length, now),
      completion: outcomeOf(after.get(caller.erecno), path),
    };
  });
}
