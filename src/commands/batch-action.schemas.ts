/** The batch actions' request schemas. */
import { Type } from '@sinclair/typebox';
import { notifyParameter } from '../http/parameters.ts';

/** The path of every batch action: the course and its batch. */
export const BatchParams = Type.Object({ courseId: Type.String(), batchId: Type.String() });

/** The querystring of Publish Batch: only publishing tells the learners. */
export const publishBatchQuery = Type.Object({
  notifyApplicableUsers: notifyParameter(
    "True or False, any case; default: the portal's notificationDefaults.batchPublished (true unless changed)",
  ),
});

/** The querystring of the other batch actions, which read no parameter. */
export const batchStatusActionQuery = Type.Object({});

/** Zoho's samples send an empty payload; a body may carry the query's parameters instead. */
export const batchActionBody = Type.Optional(Type.Unknown());
