/**
 * The calls of a module's online tests for the course editor: list and add tests, and list, add and delete a test's
 * questions (Lectern's own paths), in a course's own modules or a blended batch's.
 */
import type { operations } from '@lectern/zoho-lms';
import { api } from '../../api.ts';
import { resultOf } from './api-result.ts';
import type { ModuleParent } from './module-api.ts';

/** A question as the course's managers see it. */
export type TestQuestion =
  operations['listOnlineTestQuestions']['responses'][200]['content']['application/json']['questions'][number];

/** A question as sent. */
export interface QuestionFields {
  text: string;
  kind: 'single' | 'multiple';
  options: string[];
  correctOptions: number[];
  marks: number;
}

/** The online tests of a module: id, name, mandatory. */
export async function listTests({ courseId, batchId }: ModuleParent, moduleId: string) {
  const result =
    batchId === null
      ? await api.GET('/api/v1/courses/{courseId}/modules/{moduleId}/onlineTests', {
          params: { path: { courseId, moduleId } },
        })
      : await api.GET('/api/v1/courses/{courseId}/batches/{batchId}/modules/{moduleId}/onlineTests', {
          params: { path: { courseId, batchId, moduleId } },
        });
  return resultOf(result).onlineTests.map((test) => ({
    id: test.onlineTestId,
    name: test.onlineTestName,
    mandatory: test.isMandatoryOnlineTest,
  }));
}

/** Adds an online test without a time limit, its questions on one page. */
export async function createTest(
  { courseId, batchId }: ModuleParent,
  moduleId: string,
  fields: { name: string; isMandatory: boolean; passPercentage: number; maximumAttemptsAllowed: number | 'unlimited' },
) {
  const onlineTestData = {
    ...fields,
    durationFor: 'none' as const,
    questionsPerPage: 'all' as const,
    showMarksToLearner: true,
  };
  const result =
    batchId === null
      ? await api.POST('/api/v1/courses/{courseId}/modules/{moduleId}/onlineTests', {
          params: { path: { courseId, moduleId } },
          body: { onlineTestData },
        })
      : await api.POST('/api/v1/courses/{courseId}/batches/{batchId}/modules/{moduleId}/onlineTests', {
          params: { path: { courseId, batchId, moduleId } },
          body: { onlineTestData },
        });
  resultOf(result);
}

/** A test's questions in order. */
export async function listQuestions({ courseId, batchId }: ModuleParent, moduleId: string, onlineTestId: string) {
  const result =
    batchId === null
      ? await api.GET('/lectern/v1/courses/{courseId}/modules/{moduleId}/onlineTests/{onlineTestId}/questions', {
          params: { path: { courseId, moduleId, onlineTestId } },
        })
      : await api.GET(
          '/lectern/v1/courses/{courseId}/batches/{batchId}/modules/{moduleId}/onlineTests/{onlineTestId}/questions',
          { params: { path: { courseId, batchId, moduleId, onlineTestId } } },
        );
  return resultOf(result).questions;
}

/** Adds a question at the end of a test. */
export async function createQuestion(
  { courseId, batchId }: ModuleParent,
  moduleId: string,
  onlineTestId: string,
  body: QuestionFields,
) {
  const result =
    batchId === null
      ? await api.POST('/lectern/v1/courses/{courseId}/modules/{moduleId}/onlineTests/{onlineTestId}/questions', {
          params: { path: { courseId, moduleId, onlineTestId } },
          body,
        })
      : await api.POST(
          '/lectern/v1/courses/{courseId}/batches/{batchId}/modules/{moduleId}/onlineTests/{onlineTestId}/questions',
          { params: { path: { courseId, batchId, moduleId, onlineTestId } }, body },
        );
  resultOf(result);
}

/** Deletes a question. */
export async function deleteQuestion(
  { courseId, batchId }: ModuleParent,
  moduleId: string,
  onlineTestId: string,
  questionId: string,
) {
  const result =
    batchId === null
      ? await api.DELETE(
          '/lectern/v1/courses/{courseId}/modules/{moduleId}/onlineTests/{onlineTestId}/questions/{questionId}',
          { params: { path: { courseId, moduleId, onlineTestId, questionId } } },
        )
      : await api.DELETE(
          '/lectern/v1/courses/{courseId}/batches/{batchId}/modules/{moduleId}/onlineTests/{onlineTestId}/questions/{questionId}',
          { params: { path: { courseId, batchId, moduleId, onlineTestId, questionId } } },
        );
  resultOf(result);
}
