/**
 * One declaration per kind of module entity registers its endpoints in both families, as Zoho lays them out:
 * `.../modules/{moduleId}/<kind>[/{id}]` under `/courses/{c}` (self-paced, e-material) and `/courses/{c}/batches/{b}`
 * (blended), plus the per-course and per-batch lists `/courses/{c}[/batches/{b}]/<kind>`. The same declaration
 * serves Lectern's own write API for kinds Zoho only reads (contents), and the per-course lists Zoho lacks (online
 * tests, assignments), under `/lectern/v1`.
 */

import type { TObject, TSchema } from '@sinclair/typebox';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { AppContext } from '../../context.ts';
import { readDataObjectInput } from '../../http/data-object.ts';
import { errorResponses, page, pageSize } from '../../http/envelope.ts';
import { pathId, readStartIndex } from '../../http/input.ts';
import { publicBase } from '../../http/public-base.ts';
import {
  entityDataBody,
  entityDataQuery,
  entityDeletedBody,
  entityItemEnvelope,
  entityListEnvelope,
  entityListQuery,
  familyParams,
} from './entity.schemas.ts';
import * as service from './entity.service.ts';
import { type EntityFamily, entityPath, familiesUnder } from './entity-paths.ts';

/** Everything that differs between kinds. */
export interface EntityKind<Input extends Record<string, unknown>> {
  entityType: number;
  /** URL segment and list key: `links`. */
  plural: string;
  /** Response key of one item: `link`. */
  singular: string;
  /** Path parameter of one item: `linkId`. */
  idParam: string;
  /** The data object's name: `linkData`. */
  dataName: string;
  /** Inserted into operationIds: `createLink`, `listBatchLinks`. */
  noun: string;
  /** The item's response schema. */
  itemSchema: TSchema;
  /** `base` is the public base URL, for objects that carry Lectern's own links (an online test's preview). */
  present(view: service.EntityView, base: string): unknown;
  /** Write schemas; a kind without them is read-only in Zoho's API. */
  createInput?: TObject;
  updateInput?: TObject;
  /** Turns validated input into the shared fields (create: current undefined); throws to refuse. */
  toFields?(input: Input, current?: service.EntityView, path?: service.EntityPath): Partial<service.EntityFields>;
  /** Checks that need the database, inside the write's transaction. */
  verify?: service.EntityVerifier;
  /** Kinds with their own create (files take an upload) leave it out here. */
  skipCreate?: boolean;
  /** Likewise for update (PATCH); delete stays here. */
  skipUpdate?: boolean;
}

/** Where a kind's endpoints go: Zoho's families by default; Lectern's own write API under another prefix. */
export interface EntityRouteOptions {
  /** `/api/v1` (Zoho's) unless given; contents' write API uses `/lectern/v1`. */
  prefix?: string;
  /** False for a family that only adds writes (the reads are Zoho's, registered once). */
  reads?: boolean;
  /** Where the per-course and per-batch list goes when Zoho documents none for the kind: `/lectern/v1`. */
  parentListPrefix?: string;
}

/** What a kind's endpoints in one family share: paths, params, operationIds and answers. */
function routeParts<Input extends Record<string, unknown>>(
  context: AppContext,
  kind: EntityKind<Input>,
  family: EntityFamily,
  parentListBase: string,
) {
  const modulePath = `${family.base}/modules/:moduleId/${kind.plural}`;
  return {
    family,
    modulePath,
    parentListPath: `${parentListBase}/${kind.plural}`,
    itemPath: `${modulePath}/:${kind.idParam}`,
    moduleParams: familyParams(family.batch, ['moduleId']),
    itemParams: familyParams(family.batch, ['moduleId', kind.idParam]),
    operationIdFor: (verb: string, suffix = '') => `${verb}${family.infix}${kind.noun}${suffix}`,
    tags: [kind.plural],
    single: entityItemEnvelope(kind.singular, kind.itemSchema),
    list: entityListEnvelope(kind.plural, kind.itemSchema),
    answer: (request: FastifyRequest, view: service.EntityView) => ({
      code: 200,
      [kind.singular]: kind.present(view, publicBase(request, context.config)),
      message: 'success',
    }),
  };
}

/** Registers a kind's endpoints in both families: writes where the kind has write schemas, then reads. */
export function registerEntityRoutes<Input extends Record<string, unknown>>(
  app: FastifyInstance,
  context: AppContext,
  kind: EntityKind<Input>,
  options: EntityRouteOptions = {},
): void {
  const prefix = options.prefix ?? '/api/v1';
  const listFamilies = familiesUnder(options.parentListPrefix ?? prefix);
  for (const [index, family] of familiesUnder(prefix).entries()) {
    const parts = routeParts(context, kind, family, listFamilies[index]!.base);
    registerWriteRoutes(app, context, kind, parts);
    if (options.reads ?? true) registerReadRoutes(app, context, kind, parts);
  }
}

/** Create, update and delete in one family (as far as the kind has them). */
function registerWriteRoutes<Input extends Record<string, unknown>>(
  app: FastifyInstance,
  context: AppContext,
  kind: EntityKind<Input>,
  parts: ReturnType<typeof routeParts>,
): void {
  const { modulePath, itemPath, moduleParams, itemParams, operationIdFor, tags, single, answer } = parts;
  const what = kind.singular;
  const body = entityDataBody(kind.dataName);

  if (kind.createInput && kind.toFields && !kind.skipCreate) {
    const { createInput, toFields } = kind;
    app.post(
      modulePath,
      {
        config: { scope: 'CREATE' },
        schema: {
          operationId: operationIdFor('create'),
          tags,
          params: moduleParams,
          querystring: entityDataQuery(kind.dataName, createInput),
          body,
          response: { 200: single, ...errorResponses },
        },
      },
      async (request, reply) => {
        const input = readDataObjectInput<Input>(request, reply, kind.dataName, createInput);
        const path = entityPath(request.params);
        const fields = toFields(input, undefined, path) as service.EntityFields;
        return answer(
          request,
          await service.createEntity(context, request.caller, path, kind.entityType, fields, kind.verify),
        );
      },
    );
  }
  if (!kind.updateInput || !kind.toFields) return;
  const { updateInput, toFields } = kind;
  if (!kind.skipUpdate) {
    app.patch(
      itemPath,
      {
        config: { scope: 'UPDATE' },
        schema: {
          operationId: operationIdFor('update'),
          tags,
          params: itemParams,
          querystring: entityDataQuery(kind.dataName, updateInput),
          body,
          response: { 200: single, ...errorResponses },
        },
      },
      async (request, reply) => {
        const input = readDataObjectInput<Input>(request, reply, kind.dataName, updateInput);
        const id = pathId(request.params, kind.idParam);
        const path = entityPath(request.params);
        return answer(
          request,
          await service.updateEntity(
            context,
            request.caller,
            path,
            kind.entityType,
            id,
            what,
            (current) => toFields(input, current, path),
            kind.verify,
          ),
        );
      },
    );
  }
  app.delete(
    itemPath,
    {
      config: { scope: 'DELETE' },
      schema: {
        operationId: operationIdFor('delete'),
        tags,
        params: itemParams,
        response: { 200: entityDeletedBody, ...errorResponses },
      },
    },
    async (request) => {
      const id = pathId(request.params, kind.idParam);
      await service.deleteEntity(context, request.caller, entityPath(request.params), kind.entityType, id, what);
      return { code: 200 as const, message: 'success' as const };
    },
  );
}

/** Get one, list a module's, and list the whole course's or batch's, in one family. */
function registerReadRoutes<Input extends Record<string, unknown>>(
  app: FastifyInstance,
  context: AppContext,
  kind: EntityKind<Input>,
  parts: ReturnType<typeof routeParts>,
): void {
  const { family, modulePath, parentListPath, itemPath, moduleParams, itemParams, operationIdFor, tags, single, list } =
    parts;
  const { answer } = parts;
  const what = kind.singular;
  app.get(
    itemPath,
    {
      config: { scope: 'READ' },
      schema: {
        operationId: operationIdFor('get'),
        tags,
        params: itemParams,
        response: { 200: single, ...errorResponses },
      },
    },
    async (request) => {
      const id = pathId(request.params, kind.idParam);
      const path = entityPath(request.params);
      return answer(request, await service.getEntity(context, request.caller, path, kind.entityType, id, what));
    },
  );
  const lister = (wholeParent: boolean) => async (request: FastifyRequest) => {
    const views = await service.listEntities(
      context,
      request.caller,
      entityPath(request.params),
      kind.entityType,
      wholeParent,
      readStartIndex(request),
      pageSize + 1,
    );
    const { items, hasMoreRecords } = page(views);
    const base = publicBase(request, context.config);
    return {
      code: 200,
      [kind.plural]: items.map((view) => kind.present(view, base)),
      message: 'success',
      hasMoreRecords,
    };
  };
  app.get(
    modulePath,
    {
      config: { scope: 'READ' },
      schema: {
        operationId: operationIdFor('list', 's').replace(/^list/, 'listModule'),
        tags,
        params: moduleParams,
        querystring: entityListQuery,
        response: { 200: list, ...errorResponses },
      },
    },
    lister(false),
  );
  app.get(
    parentListPath,
    {
      config: { scope: 'READ' },
      schema: {
        operationId: `list${family.batch ? 'Batch' : 'Course'}${kind.noun}s`,
        tags,
        params: familyParams(family.batch, []),
        querystring: entityListQuery,
        response: { 200: list, ...errorResponses },
      },
    },
    lister(true),
  );
}
