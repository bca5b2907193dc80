/**
 * /lectern/v1/.../onlineTests/{id}/questions: the course's managers list, add, change and delete a test's questions;
 * every field is checked and a bad one is a 400 naming it; learners and other people get 403; a failed write writes
 * nothing. Both families.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { blendedBatch, enrol, selfPacedCourse } from './helpers/completion.ts';
import { insertCourseMember, type Person, personNamed } from './helpers/courses.ts';
import { addOnlineTest, addQuestions, send, type TestAt, testUrl } from './helpers/online-test.ts';
import { createTestLectern, type TestLectern } from './helpers/test-app.ts';

let lectern: TestLectern;
let learner: Person;
let courseAdmin: Person;
let test: TestAt;

const question = {
  text: 'Which is a prime?',
  kind: 'single' as const,
  options: ['4', '7', '9'],
  correctOptions: [1],
  marks: 2,
};

beforeAll(async () => {
  lectern = await createTestLectern();
  lectern.clock.set(Date.UTC(2026, 0, 5, 9, 0, 0));
  learner = await personNamed(lectern, 'Fatima Zahra');
  courseAdmin = await personNamed(lectern, 'Julia Moreau');
  const built = await selfPacedCourse(lectern, { entity: 1, module: 2 }, [{ name: 'One', links: [{ name: 'a' }] }]);
  await insertCourseMember(lectern, built.courseId, courseAdmin.erecno);
  await enrol(lectern, built, [learner]);
  test = await addOnlineTest(lectern, built, built.modules.One!);
});
afterAll(() => lectern.close());

describe('questions of an online test', () => {
  it('the course admin adds, lists, changes and deletes questions; the list is in order with the answers', async () => {
    const created = await send(lectern, 'POST', `${testUrl(test)}/questions`, courseAdmin.token, question);
    expect(created.statusCode, created.body).toBe(200);
    expect(created.json().question).toMatchObject({ ...question, position: 1 });
    const second = await send(lectern, 'POST', `${testUrl(test)}/questions`, lectern.adminToken, {
      text: 'Pick the even numbers',
      kind: 'multiple',
      options: ['2', '3', '8'],
      correctOptions: [2, 0],
    });
    expect(second.json().question).toMatchObject({ position: 2, marks: 1, correctOptions: [0, 2] });
    const secondId = second.json().question.questionId as string;

    const changed = await send(lectern, 'PATCH', `${testUrl(test)}/questions/${secondId}`, courseAdmin.token, {
      marks: 5,
    });
    expect(changed.statusCode, changed.body).toBe(200);
    expect(changed.json().question).toMatchObject({ marks: 5, text: 'Pick the even numbers' });

    const listed = await send(lectern, 'GET', `${testUrl(test)}/questions`, courseAdmin.token);
    expect(listed.statusCode, listed.body).toBe(200);
    expect(listed.json().questions.map((each: any) => [each.text, each.marks])).toEqual([
      ['Which is a prime?', 2],
      ['Pick the even numbers', 5],
    ]);

    const deleted = await send(lectern, 'DELETE', `${testUrl(test)}/questions/${secondId}`, courseAdmin.token);
    expect(deleted.statusCode, deleted.body).toBe(200);
    const again = await send(lectern, 'DELETE', `${testUrl(test)}/questions/${secondId}`, courseAdmin.token);
    expect(again.statusCode).toBe(404);
    const after = await send(lectern, 'GET', `${testUrl(test)}/questions`, courseAdmin.token);
    expect(after.json().questions).toHaveLength(1);
  });

  it.each([
    ['text', { ...question, text: '' }],
    ['text', { ...question, text: 'x'.repeat(2001) }],
    ['kind', { ...question, kind: 'essay' }],
    ['options', { ...question, options: ['only one'] }],
    ['options', { ...question, options: Array.from({ length: 11 }, (_, index) => `o${index}`) }],
    ['options.1', { ...question, options: ['a', 'x'.repeat(501)] }],
    ['correctOptions', { ...question, correctOptions: [] }],
    ['correctOptions', { ...question, correctOptions: [3] }],
    ['correctOptions', { ...question, correctOptions: [0, 1] }],
    ['correctOptions', { ...question, kind: 'multiple', correctOptions: [1, 1] }],
    ['marks', { ...question, marks: 0 }],
    ['marks', { ...question, marks: 101 }],
    ['marks', { ...question, marks: 1.5 }],
    ['points', { ...question, points: 3 }],
  ])('a bad %s is a 400 naming it, and nothing is written', async (field, body) => {
    const before = await send(lectern, 'GET', `${testUrl(test)}/questions`, lectern.adminToken);
    const response = await send(lectern, 'POST', `${testUrl(test)}/questions`, lectern.adminToken, body);
    expect(response.statusCode, response.body).toBe(400);
    expect(response.json().message).toContain(field);
    const after = await send(lectern, 'GET', `${testUrl(test)}/questions`, lectern.adminToken);
    expect(after.json().questions).toEqual(before.json().questions);
  });

  it('an update that breaks the question (a single choice with two answers) is a 400 and changes nothing', async () => {
    const [id] = await addQuestions(lectern, test, [{ ...question, kind: 'multiple', correctOptions: [0, 1] }]);
    const response = await send(lectern, 'PATCH', `${testUrl(test)}/questions/${id}`, lectern.adminToken, {
      kind: 'single',
    });
    expect(response.statusCode, response.body).toBe(400);
    expect(response.json().message).toContain('correctOptions');
    const listed = await send(lectern, 'GET', `${testUrl(test)}/questions`, lectern.adminToken);
    expect(listed.json().questions.find((each: any) => each.questionId === id).kind).toBe('multiple');
  });

  it('learners and people without a role on the course may not read or change questions', async () => {
    const other = await personNamed(lectern, 'Gustav Lind');
    for (const token of [learner.token, other.token]) {
      expect((await send(lectern, 'GET', `${testUrl(test)}/questions`, token)).statusCode).toBe(403);
      const created = await send(lectern, 'POST', `${testUrl(test)}/questions`, token, question);
      expect(created.statusCode).toBe(403);
    }
  });

  it('an unknown test, or a question of another test, is a 404', async () => {
    const unknown = { ...test, testId: '999999999999999999' };
    expect((await send(lectern, 'GET', `${testUrl(unknown)}/questions`, lectern.adminToken)).statusCode).toBe(404);
    const otherTest = await addOnlineTest(lectern, test, test.moduleId);
    const [id] = await addQuestions(lectern, otherTest, [question]);
    const response = await send(lectern, 'DELETE', `${testUrl(test)}/questions/${id}`, lectern.adminToken);
    expect(response.statusCode).toBe(404);
  });

  it('a blended batch serves the same questions under its own path', async () => {
    const batch = await blendedBatch(lectern, { entity: 1, module: 2 }, [{ name: 'One', links: [{ name: 'a' }] }]);
    const batchTest = await addOnlineTest(lectern, batch, batch.modules.One!);
    await addQuestions(lectern, batchTest, [question]);
    const listed = await send(lectern, 'GET', `${testUrl(batchTest)}/questions`, lectern.adminToken);
    expect(listed.statusCode, listed.body).toBe(200);
    expect(listed.json().questions).toHaveLength(1);
    expect(testUrl(batchTest)).toContain(`/batches/${batch.batchId}/`);
  });
});
