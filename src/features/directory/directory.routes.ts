/**
 * Zoho People's directory subset of the forms API, each under both of Zoho's path forms (`/api/forms/...` and
 * `/people/api/forms/...`): view records, getRecords, and insertRecord/updateRecord on the employee form. Bodies are
 * People's envelope (a view's bare array), written as text so that `Zoho_ID` stays an exact int64.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { AppContext } from '../../context.ts';
import { LmsError } from '../../errors.ts';
import { readParameter } from '../../http/input.ts';
import { parseJsonLossless } from '../../http/json-body.ts';
import { jsonWithExactIds, peopleSuccessText, peopleUri, sendJsonText } from '../../http/people-envelope.ts';
import { publicBase } from '../../http/public-base.ts';
import { presentFormRecords, presentViewRecords } from './directory.presenter.ts';
import {
  formParams,
  getRecordsQuery,
  getRecordsResponse200,
  PeopleErrorEnvelope,
  peopleErrorResponses,
  viewRecordsParams,
  viewRecordsQuery,
  viewRecordsResponse200,
  writeRecordBody,
  writeRecordQuery,
  writeRecordResponse200,
} from './directory.schemas.ts';
import {
  insertEmployeeRecord,
  listFormRecords,
  listViewRecords,
  updateEmployeeRecord,
  type WrittenRecord,
} from './directory.service.ts';
import { relaxedJsonText } from './directory-input.ts';

/** Zoho's two path forms of every forms route, and the operationId suffix that tells them apart. */
const prefixes = [
  { prefix: '/api/forms', suffix: '' },
  { prefix: '/people/api/forms', suffix: 'PeoplePath' },
];

type Bag = Record<string, unknown>;

/** inputData from the query or the form body, as a JSON object; anything else is People's 7052 naming inputData. */
function readInputData(request: FastifyRequest): Bag {
  const value = readParameter(request, 'inputData');
  if (value === undefined || value === '') throw new LmsError(200, '7052', 'inputData is mandatory', 'inputData');
  let data: unknown = value;
  if (typeof value === 'string') {
    try {
      data = parseJsonLossless(value, 'inputData');
    } catch (error) {
      if (!(error instanceof LmsError)) throw error;
      // Zoho's samples write {Key:'value'}; a text that is not JSON that way either is refused as it was sent.
      try {
        data = parseJsonLossless(relaxedJsonText(value), 'inputData');
      } catch {
        throw new LmsError(200, '7052', error.message, 'inputData');
      }
    }
  }
  if (typeof data !== 'object' || data === null || Array.isArray(data)) {
    throw new LmsError(200, '7052', 'inputData must be a JSON object of field names to values', 'inputData');
  }
  return data as Bag;
}

/** Names the fields People's form has but Lectern does not keep, so a client knows they were dropped. */
function warnUnkept(reply: { header(name: string, value: string): unknown }, written: WrittenRecord): void {
  if (written.unkept.length > 0) {
    reply.header('X-Lectern-Warning', `fields not kept by Lectern: ${written.unkept.join(', ').slice(0, 400)}`);
  }
}

/** Registers the directory's forms routes under both path forms. */
export function registerDirectoryRoutes(app: FastifyInstance, context: AppContext): void {
  app.addSchema(PeopleErrorEnvelope);
  for (const { prefix, suffix } of prefixes) {
    app.get(
      `${prefix}/:viewName/records`,
      {
        config: { scope: 'forms.READ', peopleEnvelope: true },
        schema: {
          operationId: `getViewRecords${suffix}`,
          tags: ['directory'],
          params: viewRecordsParams,
          querystring: viewRecordsQuery,
          response: { 200: viewRecordsResponse200, ...peopleErrorResponses },
        },
      },
      async (request, reply) => {
        const { viewName } = request.params as { viewName: string };
        const page = await listViewRecords(context, request.caller, viewName, request.query as Bag);
        return sendJsonText(
          reply,
          200,
          jsonWithExactIds(presentViewRecords(page, publicBase(request, context.config))),
        );
      },
    );
    app.get(
      `${prefix}/:formLinkName/getRecords`,
      {
        config: { scope: 'forms.READ', peopleEnvelope: true },
        schema: {
          operationId: `getFormRecords${suffix}`,
          tags: ['directory'],
          params: formParams,
          querystring: getRecordsQuery,
          response: { 200: getRecordsResponse200, ...peopleErrorResponses },
        },
      },
      async (request, reply) => {
        const { formLinkName } = request.params as { formLinkName: string };
        const page = await listFormRecords(context, request.caller, formLinkName, request.query as Bag);
        const result = presentFormRecords(page, publicBase(request, context.config));
        return sendJsonText(reply, 200, peopleSuccessText(peopleUri(request), result, 'Data fetched successfully'));
      },
    );
    registerWriteRoute(app, prefix, suffix, {
      action: 'insertRecord',
      scope: 'forms.CREATE',
      done: 'Data added successfully',
      write: (request, formLinkName, inputData) =>
        insertEmployeeRecord(context, request.caller, formLinkName, inputData),
    });
    registerWriteRoute(app, prefix, suffix, {
      action: 'updateRecord',
      scope: 'forms.UPDATE',
      done: 'Data updated successfully',
      write: (request, formLinkName, inputData) =>
        updateEmployeeRecord(context, request.caller, formLinkName, readParameter(request, 'recordId'), inputData),
    });
  }
}

/** What an insertRecord or updateRecord route does besides what they share. */
interface WriteRoute {
  readonly action: 'insertRecord' | 'updateRecord';
  readonly scope: 'forms.CREATE' | 'forms.UPDATE';
  /** People's message on success. */
  readonly done: string;
  readonly write: (request: FastifyRequest, formLinkName: string, inputData: Bag) => Promise<WrittenRecord>;
}

/** Registers `{prefix}/json/:formLinkName/{action}`: inputData in, People's envelope with the record id out. */
function registerWriteRoute(app: FastifyInstance, prefix: string, suffix: string, route: WriteRoute): void {
  const verb = route.action === 'insertRecord' ? 'insert' : 'update';
  app.post(
    `${prefix}/json/:formLinkName/${route.action}`,
    {
      config: { scope: route.scope, peopleEnvelope: true },
      schema: {
        operationId: `${verb}FormRecord${suffix}`,
        tags: ['directory'],
        params: formParams,
        querystring: writeRecordQuery,
        body: writeRecordBody,
        response: { 200: writeRecordResponse200, ...peopleErrorResponses },
      },
    },
    async (request, reply) => {
      const { formLinkName } = request.params as { formLinkName: string };
      const written = await route.write(request, formLinkName, readInputData(request));
      warnUnkept(reply, written);
      const result = { pkId: written.pkId, message: written.message };
      return sendJsonText(reply, 200, peopleSuccessText(peopleUri(request), result, route.done));
    },
  );
}
