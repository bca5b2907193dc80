/**
 * POST /lectern/v1/imports/{kind} (a file as the body; 200 with counts, or 422 with every bad row and nothing written)
 * and GET /lectern/v1/exports/{kind} (the file, streamed). Portal admins only: the files hold people's e-mails.
 */
import { Readable } from 'node:stream';
import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../context.ts';
import { errorResponses } from '../http/envelope.ts';
import {
  bulkKindParams,
  exportQuery,
  exportResponse200,
  importBody,
  importQuery,
  importResponse200,
  importResponse422,
} from './bulk.schemas.ts';
import { uploadedFile } from './bulk-upload.request.ts';
import { bulkKinds, exportRows, type FileFormat, ImportRefused, importRows, type KindName } from './index.ts';

/** The largest file an upload may be. */
export const importBodyLimit = 20 * 1024 * 1024;

const contentTypes: Record<FileFormat, string> = {
  csv: 'text/csv; charset=utf-8',
  json: 'application/json; charset=utf-8',
};

/** Registers the import and export routes. */
export function registerBulkRoutes(app: FastifyInstance, context: AppContext): void {
  app.register(async (scope) => {
    // The file is read as text whatever its type (text/csv, application/json, text/plain), parsed by the import.
    scope.removeAllContentTypeParsers();
    scope.addContentTypeParser('*', { parseAs: 'string', bodyLimit: importBodyLimit }, (_request, body, done) => {
      done(null, body);
    });
    scope.post(
      '/lectern/v1/imports/:kind',
      {
        config: { scope: 'CREATE', access: 'admin' },
        bodyLimit: importBodyLimit,
        schema: {
          operationId: 'importRows',
          tags: ['lectern'],
          description:
            "Imports a CSV or JSON file of one kind into the caller's portal: every row is checked first; any bad " +
            'row answers 422 with all of them and nothing is written; otherwise everything is written in one ' +
            "transaction. Rows match by id, or by the kind's natural key, so importing a file twice changes nothing.",
          params: bulkKindParams,
          querystring: importQuery,
          body: importBody,
          consumes: ['multipart/form-data'],
          response: { ...errorResponses, 200: importResponse200, 422: importResponse422 },
        },
      },
      async (request, reply) => {
        const { kind } = request.params as { kind: KindName };
        const query = request.query as { format?: FileFormat; dryRun?: 'true' | 'false' };
        const file = uploadedFile(request);
        const format = query.format ?? file.format ?? 'csv';
        try {
          const summary = await importRows(context, request.caller.portalId, bulkKinds[kind], format, file.text, {
            dryRun: query.dryRun === 'true',
          });
          return { code: '200' as const, message: 'success' as const, ...summary };
        } catch (error) {
          if (!(error instanceof ImportRefused)) throw error;
          return reply.code(422).send({
            code: 'INVALID_ROWS',
            message: error.message,
            errorCount: error.errorCount,
            errors: error.errors,
          });
        }
      },
    );
  });
  app.get(
    '/lectern/v1/exports/:kind',
    {
      config: { scope: 'READ', access: 'admin' },
      schema: {
        operationId: 'exportRows',
        tags: ['lectern'],
        description: "Exports the caller's portal's rows of one kind as CSV or JSON, in the format the import reads.",
        params: bulkKindParams,
        querystring: exportQuery,
        response: { 200: exportResponse200, ...errorResponses },
      },
    },
    async (request, reply) => {
      const { kind } = request.params as { kind: KindName };
      const format = (request.query as { format?: FileFormat }).format ?? 'csv';
      const pieces = exportRows(context, request.caller.portalId, bulkKinds[kind], format);
      return reply
        .header('content-type', contentTypes[format])
        .header('content-disposition', `attachment; filename="${kind}.${format}"`)
        .send(Readable.from(pieces));
    },
  );
}
