/**
 * /lectern/v1/.../onlineTests/{id}/attempts: an enrolled learner takes a test. Scoring of single and multiple choice
 * questions on the server, the attempts limit, the time limit on the portal's clock, who may take it (enrolled, not
 * locked), and the result in the progress the course reports, as an admin-recorded result would be.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { actOnLink, type Built, enrol, placeUrl, selfPacedCourse } from './helpers/completion.ts';
import { type Person, personNamed } from './helpers/courses.ts';
import {
  addOnlineTest,
  addQuestions,
  type QuestionInput,
  send,
  startAttempt,
  submitAttempt,
  type TestAt,
  testUrl,
} from './helpers/online-test.ts';
import { queriesOf } from './helpers/query-log.ts';
import { createTestLectern, type TestLectern } from './helpers/test-app.ts';

let lectern: TestLectern;
let learner: Person;
let outsider: Person;
let built: Built;
const start = Date.UTC(2026, 0, 5, 9, 0, 0);
const minute = 60_000;

const prime: QuestionInput = {
  text: 'Which is a prime?',
  kind: 'single',
  options: ['4', '7', '9'],
  correctOptions: [1],
  marks: 2,
};
const evens: QuestionInput = {
  text: 'Pick the even numbers',
  kind: 'multiple',
  options: ['2', '3', '8', '9'],
  correctOptions: [0, 2],
  marks: 3,
};

beforeAll(async () => {
  lectern = await createTestLectern();
  lectern.clock.set(start);
  learner = await personNamed(lectern, 'Fatima Zahra');
  outsider = await personNamed(lectern, 'Gustav Lind');
  // Entity rule 1, module rule 2: a module completes with its mandatory entities; module Two waits for One.
  built = await selfPacedCourse(lectern, { entity: 1, module: 2, course: 2 }, [
    { name: 'One', links: [{ name: 'a' }] },
    { name: 'Two', lockType: 2, links: [{ name: 'b' }] },
  ]);
  await enrol(lectern, built, [learner]);
});
afterAll(() => lectern.close());

async function learningPathEntity(testId: string) {
  const response = await send(
    lectern,
    'GET',
    `${placeUrl(built, '/lectern/v1')}/learners/${learner.erecno}/learning-path`,
    lectern.adminToken,
  );
  expect(response.statusCode, response.body).toBe(200);
  for (const module of response.json().learningPath.modules) {
    const entity = module.entities.find((candidate: any) => candidate.entityId === testId);
    if (entity !== undefined) return { module, entity };
  }
  throw new Error(`no entity ${testId}`);
}

describe('taking an online test', () => {
  let test: TestAt;
  let ids: string[];

  beforeAll(async () => {
    test = await addOnlineTest(lectern, built, built.modules.One!, { maximumAttemptsAllowed: 2, passPercentage: 60 });
    ids = await addQuestions(lectern, test, [prime, evens]);
  });

  it('serves the questions without their answers, and the same attempt again while it is open', async () => {
    const started = await startAttempt(lectern, test, learner.token);
    expect(started.statusCode, started.body).toBe(200);
    const attempt = started.json().attempt;
    expect(attempt).toMatchObject({ attemptNumber: 1, deadline: null, startedAt: new Date(start).toISOString() });
    expect(attempt.questions).toEqual([
      { questionId: ids[0], text: prime.text, kind: 'single', options: prime.options, marks: 2 },
      { questionId: ids[1], text: evens.text, kind: 'multiple', options: evens.options, marks: 3 },
    ]);
    expect(JSON.stringify(attempt)).not.toContain('correct');
    const again = await startAttempt(lectern, test, learner.token);
    expect(again.json().attempt.attemptId).toBe(attempt.attemptId);
  });

  it('scores on the server: a partly right multiple choice earns nothing; below passPercentage is not passed', async () => {
    const { attemptId } = (await startAttempt(lectern, test, learner.token)).json().attempt;
    const bad = await submitAttempt(lectern, test, attemptId, learner.token, [
      { questionId: '123456789012345678', selectedOptions: [0] },
    ]);
    expect(bad.statusCode, bad.body).toBe(400);
    expect(bad.json().message).toContain('answers.0.questionId');
    const tooMany = await submitAttempt(lectern, test, attemptId, learner.token, [
      { questionId: ids[0]!, selectedOptions: [0, 1] },
    ]);
    expect(tooMany.statusCode, tooMany.body).toBe(400);
    expect(tooMany.json().message).toContain('answers.0.selectedOptions');

    const submitted = await submitAttempt(lectern, test, attemptId, learner.token, [
      { questionId: ids[0]!, selectedOptions: [1] },
      { questionId: ids[1]!, selectedOptions: [0] },
    ]);
    expect(submitted.statusCode, submitted.body).toBe(200);
    expect(submitted.json().result).toMatchObject({
      passed: false,
      marks: 2,
      maximumMarks: 5,
      attempts: { attemptsUsed: 1, attemptsLeft: 1, hasPassed: false, openAttemptId: null },
      completion: { state: 'inProgress', isModuleCompleted: false },
    });
    const twice = await submitAttempt(lectern, test, attemptId, learner.token, []);
    expect(twice.statusCode).toBe(409);
    expect((await learningPathEntity(test.testId)).entity).toMatchObject({ status: 'inProgress', marks: 2 });
  });

  it('a passing attempt completes the test in the course progress; then every attempt is used (409)', async () => {
    const started = (await startAttempt(lectern, test, learner.token)).json().attempt;
    expect(started.attemptNumber).toBe(2);
    const submitted = await submitAttempt(lectern, test, started.attemptId, learner.token, [
      { questionId: ids[1]!, selectedOptions: [2, 0] },
      { questionId: ids[0]!, selectedOptions: [1] },
    ]);
    expect(submitted.statusCode, submitted.body).toBe(200);
    expect(submitted.json().result).toMatchObject({
      passed: true,
      marks: 5,
      attempts: { attemptsUsed: 2, attemptsLeft: 0, hasPassed: true },
      completion: { state: 'completed' },
    });
    expect((await learningPathEntity(test.testId)).entity).toMatchObject({ status: 'completed', isCompleted: true });
    const history = await lectern.app.lectern.db
      .selectFrom('learner_history')
      .select('type')
      .where('erecno', '=', learner.erecno)
      .where('type', '=', 'entity.completed.v1')
      .execute();
    expect(history).toHaveLength(1);

    const over = await startAttempt(lectern, test, learner.token);
    expect(over.statusCode, over.body).toBe(409);
    expect(over.json()).toMatchObject({ code: 'MAXIMUM_ATTEMPTS_REACHED' });
    expect(over.json().message).toContain('maximumAttemptsAllowed 2');
    const summary = await send(lectern, 'GET', `${testUrl(test)}/attempts`, learner.token);
    expect(summary.json().attempts).toMatchObject({
      attemptsUsed: 2,
      attemptsLeft: 0,
      hasPassed: true,
      questionCount: 2,
    });
  });

  it('completing module One through the test and its link unlocks module Two', async () => {
    expect((await actOnLink(lectern, built, 'a', 'markAsComplete', learner.token)).statusCode).toBe(200);
    expect((await learningPathEntity(test.testId)).module).toMatchObject({ isCompleted: true });
  });
});

describe('who may take a test', () => {
  let test: TestAt;
  let locked: TestAt;

  beforeAll(async () => {
    test = await addOnlineTest(lectern, built, built.modules.One!, { isMandatory: false });
    await addQuestions(lectern, test, [prime]);
    const second = await selfPacedCourse(lectern, { entity: 1, module: 2 }, [
      { name: 'First', links: [{ name: 'c' }] },
      { name: 'Later', lockType: 2, links: [{ name: 'd' }] },
    ]);
    await enrol(lectern, second, [learner]);
    locked = await addOnlineTest(lectern, second, second.modules.Later!);
    await addQuestions(lectern, locked, [prime]);
  });

  it('a learner not enrolled gets 403, an unknown test 404, and nothing is started', async () => {
    const refused = await startAttempt(lectern, test, outsider.token);
    expect(refused.statusCode, refused.body).toBe(403);
    expect((await startAttempt(lectern, { ...test, testId: '999999999999999999' }, learner.token)).statusCode).toBe(
      404,
    );
    const rows = await lectern.app.lectern.db
      .selectFrom('online_test_attempts')
      .select('id')
      .where('erecno', '=', outsider.erecno)
      .execute();
    expect(rows).toEqual([]);
  });

  it('a test in a module locked for the learner is refused (409) until the module before is completed', async () => {
    const refused = await startAttempt(lectern, locked, learner.token);
    expect(refused.statusCode, refused.body).toBe(409);
    expect(refused.json().code).toBe('ONLINE_TEST_LOCKED');
  });

  it('a test without questions cannot be started', async () => {
    const empty = await addOnlineTest(lectern, built, built.modules.One!, { isMandatory: false });
    const refused = await startAttempt(lectern, empty, learner.token);
    expect(refused.statusCode).toBe(409);
    expect(refused.json().code).toBe('ONLINE_TEST_HAS_NO_QUESTIONS');
  });
});

describe('the time limit, marks shown, shuffling', () => {
  it('durationFor test: a submit after the deadline is refused on the portal clock, and the attempt is spent', async () => {
    lectern.clock.set(start);
    const test = await addOnlineTest(lectern, built, built.modules.One!, {
      isMandatory: false,
      durationFor: 'test',
      duration: 10,
      maximumAttemptsAllowed: 'unlimited',
    });
    const [id] = await addQuestions(lectern, test, [prime]);
    const first = (await startAttempt(lectern, test, learner.token)).json().attempt;
    expect(first.deadline).toBe(new Date(start + 10 * minute).toISOString());
    lectern.clock.set(start + 11 * minute);
    const late = await submitAttempt(lectern, test, first.attemptId, learner.token, [
      { questionId: id!, selectedOptions: [1] },
    ]);
    expect(late.statusCode, late.body).toBe(409);
    expect(late.json().code).toBe('ATTEMPT_TIME_OVER');
    const second = (await startAttempt(lectern, test, learner.token)).json().attempt;
    expect(second).toMatchObject({ attemptNumber: 2 });
    expect(second.attemptId).not.toBe(first.attemptId);
    lectern.clock.set(start + 20 * minute);
    const inTime = await submitAttempt(lectern, test, second.attemptId, learner.token, [
      { questionId: id!, selectedOptions: [1] },
    ]);
    expect(inTime.statusCode, inTime.body).toBe(200);
    expect(inTime.json().result).toMatchObject({ passed: true, attempts: { attemptsUsed: 2, attemptsLeft: null } });
    lectern.clock.set(start);
  });

  it('showMarksToLearner false hides every mark; shuffleQuestions serves an order fixed per attempt', async () => {
    const test = await addOnlineTest(lectern, built, built.modules.One!, {
      isMandatory: false,
      showMarksToLearner: false,
      shuffleQuestions: true,
      maximumAttemptsAllowed: 'unlimited',
    });
    const ids = await addQuestions(
      lectern,
      test,
      Array.from({ length: 8 }, (_, index) => ({ ...prime, text: `Question ${index}` })),
    );
    const attempt = (await startAttempt(lectern, test, learner.token)).json().attempt;
    const order = attempt.questions.map((question: any) => question.questionId);
    expect([...order].sort()).toEqual([...ids].sort());
    expect(order).not.toEqual(ids);
    expect(attempt.questions.every((question: any) => question.marks === null)).toBe(true);
    const again = (await startAttempt(lectern, test, learner.token)).json().attempt;
    expect(again.questions.map((question: any) => question.questionId)).toEqual(order);
    const submitted = await submitAttempt(lectern, test, attempt.attemptId, learner.token, []);
    expect(submitted.json().result).toMatchObject({ passed: false, marks: null, maximumMarks: null });
  });

  it('two starts at once make one attempt; deleting the test deletes its questions and attempts', async () => {
    const test = await addOnlineTest(lectern, built, built.modules.One!, { isMandatory: false });
    await addQuestions(lectern, test, [prime]);
    const [one, two] = await Promise.all([
      startAttempt(lectern, test, learner.token),
      startAttempt(lectern, test, learner.token),
    ]);
    expect([one.statusCode, two.statusCode]).toEqual([200, 200]);
    expect(one.json().attempt.attemptId).toBe(two.json().attempt.attemptId);
    const rowsOf = async (table: 'online_test_attempts' | 'online_test_questions') =>
      (await lectern.app.lectern.db.selectFrom(table).select('id').where('entity_id', '=', test.testId).execute())
        .length;
    expect(await rowsOf('online_test_attempts')).toBe(1);
    const deleted = await send(
      lectern,
      'DELETE',
      `${placeUrl(built)}/modules/${test.moduleId}/onlineTests/${test.testId}`,
      lectern.adminToken,
    );
    expect(deleted.statusCode, deleted.body).toBe(200);
    expect([await rowsOf('online_test_attempts'), await rowsOf('online_test_questions')]).toEqual([0, 0]);
  });

  it('starting and submitting take a fixed number of statements, whatever the number of questions', async () => {
    const counts: number[] = [];
    for (const size of [1, 6]) {
      const test = await addOnlineTest(lectern, built, built.modules.One!, { isMandatory: false });
      const ids = await addQuestions(
        lectern,
        test,
        Array.from({ length: size }, () => prime),
      );
      let attemptId = '';
      const startQueries = await queriesOf(async () => {
        attemptId = (await startAttempt(lectern, test, learner.token)).json().attempt.attemptId;
      });
      const answers = ids.map((questionId) => ({ questionId, selectedOptions: [1] }));
      const submitQueries = await queriesOf(() => submitAttempt(lectern, test, attemptId, learner.token, answers));
      counts.push(startQueries.length, submitQueries.length);
    }
    expect(counts.slice(2)).toEqual(counts.slice(0, 2));
  });
});
