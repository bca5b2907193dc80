/** Queries of online test questions and attempts (this folder's own tables). */
import type { Db } from '../../db/database.ts';
import type { OnlineTestAttemptTable, OnlineTestQuestionTable } from '../../db/tables/online-tests.ts';

/** A test's questions in their order. */
export function listQuestions(db: Db, portalId: string, entityId: string): Promise<OnlineTestQuestionTable[]> {
  return db
    .selectFrom('online_test_questions')
    .selectAll()
    .where('portal_id', '=', portalId)
    .where('entity_id', '=', entityId)
    .orderBy('position')
    .orderBy('id')
    .execute();
}

/** How many questions a test has and the last position used. */
export async function questionCount(db: Db, portalId: string, entityId: string) {
  const row = await db
    .selectFrom('online_test_questions')
    .select((eb) => [eb.fn.countAll<number | string>().as('count'), eb.fn.max('position').as('last')])
    .where('portal_id', '=', portalId)
    .where('entity_id', '=', entityId)
    .executeTakeFirst();
  return { count: Number(row?.count ?? 0), last: Number(row?.last ?? 0) };
}

/** One question of a test. */
export function findQuestion(db: Db, portalId: string, entityId: string, questionId: string) {
  return db
    .selectFrom('online_test_questions')
    .selectAll()
    .where('portal_id', '=', portalId)
    .where('entity_id', '=', entityId)
    .where('id', '=', questionId)
    .executeTakeFirst();
}

/** Adds a question. */
export async function insertQuestion(db: Db, row: OnlineTestQuestionTable): Promise<void> {
  await db.insertInto('online_test_questions').values(row).execute();
}

/** Changes a question's text, kind, options, correct options or marks. */
export async function updateQuestion(
  db: Db,
  portalId: string,
  questionId: string,
  changes: Partial<Pick<OnlineTestQuestionTable, 'text' | 'kind' | 'options' | 'correct_options' | 'marks'>>,
): Promise<void> {
  await db
    .updateTable('online_test_questions')
    .set(changes)
    .where('portal_id', '=', portalId)
    .where('id', '=', questionId)
    .execute();
}

/** Deletes a question. */
export async function deleteQuestion(db: Db, portalId: string, questionId: string): Promise<void> {
  await db.deleteFrom('online_test_questions').where('portal_id', '=', portalId).where('id', '=', questionId).execute();
}

/** A learner's attempts at a test, oldest first. */
export function listAttempts(
  db: Db,
  portalId: string,
  entityId: string,
  erecno: string,
): Promise<OnlineTestAttemptTable[]> {
  return db
    .selectFrom('online_test_attempts')
    .selectAll()
    .where('portal_id', '=', portalId)
    .where('entity_id', '=', entityId)
    .where('erecno', '=', erecno)
    .orderBy('started_at')
    .orderBy('id')
    .execute();
}

/** Starts an attempt. */
export async function insertAttempt(db: Db, row: OnlineTestAttemptTable): Promise<void> {
  await db.insertInto('online_test_attempts').values(row).execute();
}

/** Closes an open attempt with its answers and marks; false when it was no longer open. */
export async function submitAttempt(
  db: Db,
  portalId: string,
  attemptId: string,
  submitted: Pick<OnlineTestAttemptTable, 'submitted_at' | 'answers' | 'marks' | 'maximum_marks'>,
): Promise<boolean> {
  const result = await db
    .updateTable('online_test_attempts')
    .set(submitted)
    .where('portal_id', '=', portalId)
    .where('id', '=', attemptId)
    .where('submitted_at', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}
