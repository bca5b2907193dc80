/**
 * An online test's questions (Lectern's own: Zoho documents none): listed, added, changed and deleted by the course's
 * managers, the same people who may edit the test. Each write is one transaction.
 */
import type { Static } from '@sinclair/typebox';
import type { Caller } from '../../access/index.ts';
import type { AppContext } from '../../context.ts';
import type { Db } from '../../db/database.ts';
import type { OnlineTestQuestionTable } from '../../db/tables/online-tests.ts';
import { EntityType } from '../../entity-types.ts';
import { invalidInput, LmsError, notFound } from '../../errors.ts';
import { type EntityPath, requireEntityForChange } from '../entities/index.ts';
import * as repository from './question.repository.ts';
import { type QuestionBody, questionsPerTestLimit } from './question.schemas.ts';

/** A question as sent on create. */
export type QuestionInput = Static<typeof QuestionBody>;

/** A question with its options and correct options decoded. */
export interface Question {
  questionId: string;
  position: number;
  text: string;
  kind: 'single' | 'multiple';
  options: string[];
  correctOptions: number[];
  marks: number;
}

/** A stored question, decoded. */
export function questionOf(row: OnlineTestQuestionTable): Question {
  return {
    questionId: row.id,
    position: row.position,
    text: row.text,
    kind: row.kind,
    options: JSON.parse(row.options) as string[],
    correctOptions: JSON.parse(row.correct_options) as number[],
    marks: row.marks,
  };
}

/** The checks TypeBox cannot make: correct options within the options, exactly one for a single choice. */
function checkQuestion(question: Pick<Question, 'kind' | 'options' | 'correctOptions'>): void {
  const outside = question.correctOptions.find((index) => index >= question.options.length);
  if (outside !== undefined) {
    throw invalidInput(
      'correctOptions',
      `option ${outside} does not exist: the question has ${question.options.length} options (0 to ${question.options.length - 1})`,
    );
  }
  if (question.kind === 'single' && question.correctOptions.length !== 1) {
    throw invalidInput(
      'correctOptions',
      `a single choice question has exactly one correct option, got ${question.correctOptions.length}`,
    );
  }
}

function requireTest(context: AppContext, db: Db, caller: Caller, path: EntityPath, testId: string) {
  return requireEntityForChange(context, db, caller, path, EntityType.onlineTest, testId, 'onlineTest');
}

/** A test's questions with their answers: the course's managers only. */
export async function listQuestions(
  context: AppContext,
  caller: Caller,
  path: EntityPath,
  testId: string,
): Promise<Question[]> {
  return context.db.transaction().execute(async (trx) => {
    await requireTest(context, trx, caller, path, testId);
    return (await repository.listQuestions(trx, caller.portalId, testId)).map(questionOf);
  });
}

/** Adds a question at the end of the test. */
export async function createQuestion(
  context: AppContext,
  caller: Caller,
  path: EntityPath,
  testId: string,
  input: QuestionInput,
): Promise<Question> {
  checkQuestion(input);
  return context.db.transaction().execute(async (trx) => {
    await requireTest(context, trx, caller, path, testId);
    const { count, last } = await repository.questionCount(trx, caller.portalId, testId);
    if (count >= questionsPerTestLimit) {
      throw new LmsError(409, 'QUESTION_LIMIT_REACHED', `a test holds at most ${questionsPerTestLimit} questions`);
    }
    const row: OnlineTestQuestionTable = {
      id: context.ids.next(),
      portal_id: caller.portalId,
      entity_id: testId,
      position: last + 1,
      text: input.text,
      kind: input.kind,
      options: JSON.stringify(input.options),
      correct_options: JSON.stringify([...input.correctOptions].sort((a, b) => a - b)),
      marks: input.marks ?? 1,
      created_at: context.clock.now(),
    };
    await repository.insertQuestion(trx, row);
    return questionOf(row);
  });
}

/** Changes a question: the keys sent replace the stored ones, and the whole question must still hold together. */
export async function updateQuestion(
  context: AppContext,
  caller: Caller,
  path: EntityPath,
  testId: string,
  questionId: string,
  input: Partial<QuestionInput>,
): Promise<Question> {
  return context.db.transaction().execute(async (trx) => {
    await requireTest(context, trx, caller, path, testId);
    const row = await repository.findQuestion(trx, caller.portalId, testId, questionId);
    if (row === undefined) throw notFound('question', questionId);
    const merged: Question = { ...questionOf(row), ...input };
    checkQuestion(merged);
    const changes = {
      text: merged.text,
      kind: merged.kind,
      options: JSON.stringify(merged.options),
      correct_options: JSON.stringify([...merged.correctOptions].sort((a, b) => a - b)),
      marks: merged.marks,
    };
    await repository.updateQuestion(trx, caller.portalId, questionId, changes);
    return questionOf({ ...row, ...changes });
  });
}

/** Deletes a question; attempts already submitted keep their marks. */
export async function deleteQuestion(
  context: AppContext,
  caller: Caller,
  path: EntityPath,
  testId: string,
  questionId: string,
): Promise<void> {
  await context.db.transaction().execute(async (trx) => {
    await requireTest(context, trx, caller, path, testId);
    const row = await repository.findQuestion(trx, caller.portalId, testId, questionId);
    if (row === undefined) throw notFound('question', questionId);
    await repository.deleteQuestion(trx, caller.portalId, questionId);
  });
}
