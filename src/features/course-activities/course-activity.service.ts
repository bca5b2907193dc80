/**
 * Pre- and post-course online tests (Zoho's Pre/Post Learning Activities): entities of type 7 and 8 that hang on the
 * course itself (no batch, no module), with the online test's keys and rules.
 */

import type { Caller } from '../../access/index.ts';
import type { AppContext } from '../../context.ts';
import { EntityType } from '../../entity-types.ts';
import {
  createEntity,
  deleteEntity,
  type EntityFields,
  type EntityPath,
  type EntityView,
  getEntity,
  listEntities,
  updateEntity,
} from '../entities/index.ts';
import { type OnlineTestInput, onlineTestFields, verifyOnlineTest } from '../online-tests/index.ts';

/** Before or after the course. */
export type ActivityStage = 'pre' | 'post';

/** The entity type of each stage's tests. */
export const activityTypes: Record<ActivityStage, number> = {
  pre: EntityType.preCourseTest,
  post: EntityType.postCourseTest,
};

/** Most tests of each stage that course settings list (the list endpoints page through all of them). */
export const settingsListLimit = 100;

const what = (stage: ActivityStage) => `${stage}-course online test`;

/** Where a course's pre- and post-course tests hang: the course, in every course type. */
export function activityPath(courseId: string): EntityPath {
  return { courseId, batchId: null, moduleId: null };
}

/** Adds a test before or after a course (course managers). */
export function createActivityTest(
  context: AppContext,
  caller: Caller,
  stage: ActivityStage,
  courseId: string,
  input: OnlineTestInput,
): Promise<EntityView> {
  const fields = onlineTestFields(input) as EntityFields;
  return createEntity(context, caller, activityPath(courseId), activityTypes[stage], fields, verifyOnlineTest);
}

/** Edits a test (a partial update). */
export function updateActivityTest(
  context: AppContext,
  caller: Caller,
  stage: ActivityStage,
  courseId: string,
  testId: string,
  input: OnlineTestInput,
): Promise<EntityView> {
  const path = activityPath(courseId);
  const change = (current: EntityView) => onlineTestFields(input, current);
  return updateEntity(context, caller, path, activityTypes[stage], testId, what(stage), change, verifyOnlineTest);
}

/** Deletes a test. */
export function deleteActivityTest(
  context: AppContext,
  caller: Caller,
  stage: ActivityStage,
  courseId: string,
  testId: string,
): Promise<void> {
  return deleteEntity(context, caller, activityPath(courseId), activityTypes[stage], testId, what(stage));
}

/** One test, as anyone who may see the course may read it. */
export function getActivityTest(
  context: AppContext,
  caller: Caller,
  stage: ActivityStage,
  courseId: string,
  testId: string,
): Promise<EntityView> {
  return getEntity(context, caller, activityPath(courseId), activityTypes[stage], testId, what(stage));
}

/** A page of a stage's tests, in the order they were added. */
export function listActivityTests(
  context: AppContext,
  caller: Caller,
  stage: ActivityStage,
  courseId: string,
  startIndex: number,
  limit: number,
): Promise<EntityView[]> {
  return listEntities(context, caller, activityPath(courseId), activityTypes[stage], false, startIndex, limit);
}

/** Both stages' tests for Fetch Course Settings (the first settingsListLimit of each). */
export async function listCourseActivityTests(
  context: AppContext,
  caller: Caller,
  courseId: string,
): Promise<{ pre: EntityView[]; post: EntityView[] }> {
  const pre = await listActivityTests(context, caller, 'pre', courseId, 0, settingsListLimit);
  const post = await listActivityTests(context, caller, 'post', courseId, 0, settingsListLimit);
  return { pre, post };
}
