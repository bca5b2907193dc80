/** Online tests learners take: a test in a module, its questions, and a learner's attempts (Lectern's paths). */
import { expect } from 'vitest';
import { type Place, placeUrl } from './completion.ts';
import { jsonType } from './courses.ts';
import type { TestLectern } from './test-app.ts';

/** A module's online test. */
export interface TestAt extends Place {
  moduleId: string;
  testId: string;
}

/** Sends a request with a JSON body (or none). */
export function send(
  lectern: TestLectern,
  method: 'GET' | 'POST' | 'PATCH' | 'DELETE',
  url: string,
  token: string,
  body?: unknown,
) {
  return lectern.app.inject({
    method,
    url,
    headers: { ...lectern.auth(token), ...(body === undefined ? {} : jsonType) },
    ...(body === undefined ? {} : { payload: JSON.stringify(body) }),
  });
}

/** Lectern's URL of the test (`/lectern/v1/.../onlineTests/{id}`). */
export function testUrl(test: TestAt): string {
  return `${placeUrl(test, '/lectern/v1')}/modules/${test.moduleId}/onlineTests/${test.testId}`;
}

/** Adds an online test (by the admin) to a module; settings override the defaults (no time limit, 2 attempts, 60%). */
export async function addOnlineTest(
  lectern: TestLectern,
  place: Place,
  moduleId: string,
  settings: Record<string, unknown> = {},
): Promise<TestAt> {
  const created = await send(
    lectern,
    'POST',
    `${placeUrl(place)}/modules/${moduleId}/onlineTests`,
    lectern.adminToken,
    {
      name: 'Quiz',
      durationFor: 'none',
      maximumAttemptsAllowed: 2,
      questionPerPage: 'all',
      passPercentage: 60,
      showMarksToLearner: true,
      ...settings,
    },
  );
  expect(created.statusCode, created.body).toBe(200);
  return { ...place, moduleId, testId: created.json().onlineTest.onlineTestId as string };
}

/** A question as sent. */
export interface QuestionInput {
  text: string;
  kind: 'single' | 'multiple';
  options: string[];
  correctOptions: number[];
  marks?: number;
}

/** Adds questions (by the admin); their ids in order. */
export async function addQuestions(lectern: TestLectern, test: TestAt, questions: QuestionInput[]): Promise<string[]> {
  const ids: string[] = [];
  for (const question of questions) {
    const created = await send(lectern, 'POST', `${testUrl(test)}/questions`, lectern.adminToken, question);
    expect(created.statusCode, created.body).toBe(200);
    ids.push(created.json().question.questionId as string);
  }
  return ids;
}

/** Starts (or resumes) an attempt as the token's learner. */
export function startAttempt(lectern: TestLectern, test: TestAt, token: string) {
  return send(lectern, 'POST', `${testUrl(test)}/attempts`, token);
}

/** Submits an attempt's answers as the token's learner. */
export function submitAttempt(
  lectern: TestLectern,
  test: TestAt,
  attemptId: string,
  token: string,
  answers: { questionId: string; selectedOptions: number[] }[],
) {
  return send(lectern, 'POST', `${testUrl(test)}/attempts/${attemptId}/submit`, token, { answers });
}
