/**
 * Routes: learners open and (un)mark entities and modules, course admins and trainers (or the learner) complete and
 * revoke a course, trainers record online test results, all under /lectern/v1 (Zoho documents no learner-side action);
 * and Zoho's requisite-entities endpoint.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { AppContext } from '../../context.ts';
import { EntityType } from '../../entity-types.ts';
import { invalidInput, missingInput } from '../../errors.ts';
import { errorResponses } from '../../http/envelope.ts';
import { pathId, readParameter } from '../../http/input.ts';
import { familyParams } from '../entities/index.ts';
import {
  completionActionBody,
  LockedEntitiesBody,
  listRequisiteEntitiesParams,
  OutcomeBody,
  recordOnlineTestResultQuery,
} from './completion.schemas.ts';
import { actOnEntity, actOnModule } from './completion.service.ts';
import type { ActionOutcome, ActionPath } from './completion-outcome.ts';
import { actOnCourse, recordOnlineTestResult } from './course-completion.service.ts';
import { lockedEntitiesFor } from './requisite-entities.service.ts';

/** The kinds a learner acts on, with their path segment, id parameter and operationId noun. */
const kinds = [
  { entityType: EntityType.file, plural: 'files', idParam: 'fileId', noun: 'File', what: 'file' },
  {
    entityType: EntityType.content,
    plural: 'contents',
    idParam: 'contentId',
    noun: 'Content',
    what: 'content',
  },
  { entityType: EntityType.link, plural: 'links', idParam: 'linkId', noun: 'Link', what: 'link' },
  {
    entityType: EntityType.offlineTest,
    plural: 'offlineTests',
    idParam: 'offlineTestId',
    noun: 'OfflineTest',
    what: 'offlineTest',
  },
  {
    entityType: EntityType.onlineTest,
    plural: 'onlineTests',
    idParam: 'onlineTestId',
    noun: 'OnlineTest',
    what: 'onlineTest',
  },
  {
    entityType: EntityType.assignment,
    plural: 'assignments',
    idParam: 'assignmentId',
    noun: 'Assignment',
    what: 'assignment',
  },
] as const;

const families = [
  { path: '/courses/:courseId', infix: '', batch: false },
  { path: '/courses/:courseId/batches/:batchId', infix: 'Batch', batch: true },
] as const;

function placePath(request: FastifyRequest, batch: boolean): { courseId: string; batchId: string | null } {
  return { courseId: pathId(request.params, 'courseId'), batchId: batch ? pathId(request.params, 'batchId') : null };
}

function actionPath(request: FastifyRequest, batch: boolean): ActionPath {
  return { ...placePath(request, batch), moduleId: pathId(request.params, 'moduleId') };
}

/** Zoho's success body with where the learner now stands. */
function outcomeAnswer(completion: ActionOutcome) {
  return { code: '200' as const, message: 'success' as const, completion };
}

/** A whole number of marks from a parameter (number or text of digits). */
function readMarks(request: FastifyRequest, name: string, fallback?: number): number {
  const value = readParameter(request, name);
  if (value === undefined || value === '') {
    if (fallback !== undefined) return fallback;
    throw missingInput(name);
  }
  const number =
    typeof value === 'number'
      ? value
      : typeof value === 'string' && /^\s*\d+\s*$/.test(value)
        ? Number(value)
        : Number.NaN;
  if (!Number.isSafeInteger(number) || number < 0 || number > 100_000) {
    throw invalidInput(name, `must be a whole number from 0 to 100000, got ${JSON.stringify(value)}`);
  }
  return number;
}

/** Registers the routes. */
export function registerCompletionRoutes(app: FastifyInstance, context: AppContext): void {
  for (const family of families) {
    const moduleBase = `${family.path}/modules/:moduleId`;
    for (const kind of kinds) {
      const itemParams = familyParams(family.batch, ['moduleId', kind.idParam]);
      const itemPath = `${moduleBase}/${kind.plural}/:${kind.idParam}`;
      const actions = [
        { segment: 'markAsComplete', action: 'complete', verb: 'markComplete' },
        { segment: 'markAsIncomplete', action: 'incomplete', verb: 'markIncomplete' },
        { segment: 'open', action: 'open', verb: 'open' },
      ] as const;
      for (const { segment, action, verb } of actions) {
        app.post(
          `/lectern/v1${itemPath}/${segment}`,
          {
            config: { scope: 'CREATE' },
            schema: {
              operationId: `${verb}${family.infix}${kind.noun}`,
              description:
                action === 'open'
                  ? 'The calling learner opened it (completes it under whenAnEntityIsConsideredAsCompleted 2).'
                  : 'The calling learner marks it (files, contents, links under entity rule 1; tests complete by marks).',
              tags: ['completion'],
              params: itemParams,
              body: completionActionBody,
              response: { 200: OutcomeBody, ...errorResponses },
            },
          },
          async (request) =>
            outcomeAnswer(
              await actOnEntity(
                context,
                request.caller,
                actionPath(request, family.batch),
                kind.entityType,
                pathId(request.params, kind.idParam),
                kind.what,
                action,
              ),
            ),
        );
      }
    }
    for (const [segment, action, verb] of [
      ['markAsComplete', 'complete', 'markComplete'],
      ['markAsIncomplete', 'incomplete', 'markIncomplete'],
    ] as const) {
      app.post(
        `/lectern/v1${moduleBase}/${segment}`,
        {
          config: { scope: 'CREATE' },
          schema: {
            operationId: `${verb}${family.infix}Module`,
            description: 'The calling learner marks the module (whenAModuleIsConsideredAsCompleted 1).',
            tags: ['completion'],
            params: familyParams(family.batch, ['moduleId']),
            body: completionActionBody,
            response: { 200: OutcomeBody, ...errorResponses },
          },
        },
        async (request) =>
          outcomeAnswer(await actOnModule(context, request.caller, actionPath(request, family.batch), action)),
      );
      app.post(
        `/lectern/v1${family.path}/learners/:learnerId/${segment}`,
        {
          config: { scope: 'CREATE' },
          schema: {
            operationId: `${verb}${family.infix}CourseLearner`,
            description:
              'Completes (or revokes) a learner: the learner under whenACourseIsConsideredAsCompleted 1; ' +
              'the LMS admin, owner, a course admin or a trainer under 3.',
            tags: ['completion'],
            params: familyParams(family.batch, ['learnerId']),
            body: completionActionBody,
            response: { 200: OutcomeBody, ...errorResponses },
          },
        },
        async (request) => {
          const learnerId = pathId(request.params, 'learnerId');
          const place = placePath(request, family.batch);
          return outcomeAnswer(await actOnCourse(context, request.caller, place, learnerId, action));
        },
      );
    }
    app.post(
      `/lectern/v1${moduleBase}/onlineTests/:onlineTestId/result`,
      {
        config: { scope: 'CREATE' },
        schema: {
          operationId: `record${family.infix}OnlineTestResult`,
          description:
            "Records a learner's result (learnerId, marks, maximumMarks default 100); it completes the test when " +
            'marks reach its passPercentage (any result without one).',
          tags: ['completion'],
          params: familyParams(family.batch, ['moduleId', 'onlineTestId']),
          querystring: recordOnlineTestResultQuery,
          body: completionActionBody,
          response: { 200: OutcomeBody, ...errorResponses },
        },
      },
      async (request) => {
        const learner = readParameter(request, 'learnerId');
        if (learner === undefined || learner === '') throw missingInput('learnerId');
        const learnerErecno = String(learner);
        if (!/^[1-9][0-9]{0,19}$/.test(learnerErecno)) throw invalidInput('learnerId', 'must be an erecno');
        const maximumMarks = readMarks(request, 'maximumMarks', 100);
        if (maximumMarks < 1) throw invalidInput('maximumMarks', 'must be at least 1');
        return outcomeAnswer(
          await recordOnlineTestResult(
            context,
            request.caller,
            actionPath(request, family.batch),
            pathId(request.params, 'onlineTestId'),
            { learnerErecno, marks: readMarks(request, 'marks'), maximumMarks },
          ),
        );
      },
    );
  }
  app.get(
    '/api/v1/courses/:courseId/batches/:batchId/learners/:learnerId/lockedEntities/:entityId',
    {
      config: { scope: 'READ' },
      schema: {
        operationId: 'listRequisiteEntities',
        description:
          'The mandatory entities a learner must still complete before the entity unlocks (batchId 0 for ' +
          'self-paced and e-material courses); empty when it is not locked or locked only by a date.',
        tags: ['completion'],
        params: listRequisiteEntitiesParams,
        response: { 200: LockedEntitiesBody, ...errorResponses },
      },
    },
    async (request) => {
      const batch = (request.params as { batchId: string }).batchId;
      const entities = await lockedEntitiesFor(
        context,
        request.caller,
        {
          courseId: pathId(request.params, 'courseId'),
          batchId: batch === '0' ? null : pathId(request.params, 'batchId'),
        },
        pathId(request.params, 'learnerId'),
        pathId(request.params, 'entityId'),
      );
      return {
        code: 200 as const,
        lockedEntities: entities.map((entity) => ({
          lockedEntityName: entity.name,
          lockedEntityId: entity.entityId,
          lockedEntityType: String(entity.entityType),
        })),
        message: 'success' as const,
      };
    },
  );
}
