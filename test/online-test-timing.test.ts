/**
 * The time limit of an online test attempt with durationFor question: `duration` minutes per question served, pooled
 * into one deadline on the portal's clock (durationFor test is covered in online-test-attempts.test.ts).
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { type Built, enrol, selfPacedCourse } from './helpers/completion.ts';
import { type Person, personNamed } from './helpers/courses.ts';
import { addOnlineTest, addQuestions, send, startAttempt, submitAttempt, testUrl } from './helpers/online-test.ts';
import { createTestLectern, type TestLectern } from './helpers/test-app.ts';

let lectern: TestLectern;
let learner: Person;
let built: Built;
const start = Date.UTC(2026, 0, 5, 9, 0, 0);
const minute = 60_000;

beforeAll(async () => {
  lectern = await createTestLectern();
  lectern.clock.set(start);
  learner = await personNamed(lectern, 'Fatima Zahra');
  built = await selfPacedCourse(lectern, { entity: 1, module: 2, course: 2 }, [
    { name: 'One', links: [{ name: 'a' }] },
  ]);
  await enrol(lectern, built, [learner]);
});
afterAll(() => lectern.close());

it('durationFor question: three questions of 2 minutes give the attempt 6 minutes, then a submit is refused', async () => {
  const test = await addOnlineTest(lectern, built, built.modules.One!, {
    isMandatory: false,
    durationFor: 'question',
    duration: 2,
    maximumAttemptsAllowed: 'unlimited',
  });
  const question = (text: string) => ({
    text,
    kind: 'single' as const,
    options: ['yes', 'no'],
    correctOptions: [0],
    marks: 1,
  });
  const ids = await addQuestions(lectern, test, [question('One?'), question('Two?'), question('Three?')]);
  const standing = await send(lectern, 'GET', `${testUrl(test)}/attempts`, learner.token);
  expect(standing.statusCode, standing.body).toBe(200);
  expect(standing.json().attempts).toMatchObject({ durationMinutes: 6, questionCount: 3 });

  const first = (await startAttempt(lectern, test, learner.token)).json().attempt;
  expect(first.deadline).toBe(new Date(start + 6 * minute).toISOString());
  const answers = ids.map((questionId) => ({ questionId, selectedOptions: [0] }));
  lectern.clock.set(start + 7 * minute);
  const late = await submitAttempt(lectern, test, first.attemptId, learner.token, answers);
  expect(late.statusCode, late.body).toBe(409);
  expect(late.json().code).toBe('ATTEMPT_TIME_OVER');

  const second = (await startAttempt(lectern, test, learner.token)).json().attempt;
  lectern.clock.set(start + 12 * minute);
  const inTime = await submitAttempt(lectern, test, second.attemptId, learner.token, answers);
  expect(inTime.statusCode, inTime.body).toBe(200);
  expect(inTime.json().result).toMatchObject({ passed: true });
});
