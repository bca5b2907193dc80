/**
 * Zoho's File API in both families: create and update take a multipart upload (the part `file`) and are registered
 * here; fetch, list and delete come from the shared entity routes. Lectern adds the download of a file's document,
 * under /lectern/v1 with the same path tail (Zoho documents no download). Multipart parsing is registered for these routes only: everywhere else a multipart body stays a 415.
 */
import multipart from '@fastify/multipart';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { AppContext } from '../../context.ts';
import { errorResponses } from '../../http/envelope.ts';
import { pathId } from '../../http/input.ts';
import { publicBase } from '../../http/public-base.ts';
import {
  type EntityFamily,
  type EntityFields,
  type EntityView,
  entityFamilies,
  entityPath,
  familiesUnder,
  familyParams,
  registerEntityRoutes,
} from '../entities/index.ts';
import { fileFields, fileKind, presentFile } from './file.kind.ts';
import { admitUpload, closeIfBodyUnread, multipartLimits, readFileRequest } from './file.request.ts';
import {
  createFileBody,
  createFileQuery,
  downloadFileResponse200,
  FileDataInput,
  FileEnvelope,
  type FileInput,
  FileUpdateInput,
  updateFileBody,
  updateFileQuery,
} from './file.schemas.ts';
import { checkFileWrite, createFile, openFileDownload, updateFile } from './file.service.ts';
import { attachmentDisposition } from './file-content-type.ts';

/** `{"code":200,"file":{...},"message":"success"}` for a file written. */
function fileAnswer(request: FastifyRequest, context: AppContext, view: EntityView) {
  return {
    code: 200 as const,
    file: presentFile(view, publicBase(request, context.config)),
    message: 'success' as const,
  };
}

/** Registers the File API and the download, with multipart parsing in their own scope. */
export function registerFileRoutes(app: FastifyInstance, context: AppContext): void {
  app.register(async (scope) => {
    // The file size is checked by Lectern one byte past the limit, so its own 422 names the limit.
    await scope.register(multipart, { limits: { ...multipartLimits, fileSize: context.config.maxUploadBytes + 1 } });
    scope.addHook('onRequest', async (request) => admitUpload(request, context.config.maxUploadBytes));
    scope.addHook('onSend', async (request, reply, payload) => {
      closeIfBodyUnread(request, reply);
      return payload;
    });
    registerEntityRoutes(scope, context, fileKind);
    for (const family of entityFamilies) registerUploads(scope, context, family);
    for (const family of familiesUnder('/lectern/v1')) registerDownload(scope, context, family);
  });
}

/** Zoho's create and update of a file, which take the document as a multipart part. */
function registerUploads(app: FastifyInstance, context: AppContext, family: EntityFamily): void {
  const modulePath = `${family.base}/modules/:moduleId/files`;
  const itemPath = `${modulePath}/:fileId`;
  const tags = ['files'];

  app.post(
    modulePath,
    {
      config: { scope: 'CREATE' },
      schema: {
        operationId: `create${family.infix}File`,
        summary: 'Upload a file into a module (multipart/form-data: the part `file` and fileData)',
        tags,
        consumes: ['multipart/form-data'],
        params: familyParams(family.batch, ['moduleId']),
        querystring: createFileQuery,
        body: createFileBody,
        response: { 200: FileEnvelope, ...errorResponses },
      },
    },
    async (request, reply) => {
      const path = entityPath(request.params);
      await checkFileWrite(context, request.caller, path);
      const { input, upload } = await readFileRequest<FileInput>(request, reply, context, {
        schema: FileDataInput,
        check: (input) => fileFields(input),
        fileRequired: true,
      });
      // Checked already (check above), so this cannot throw after the bytes were stored.
      const fields = fileFields(input!) as EntityFields;
      return fileAnswer(request, context, await createFile(context, request.caller, path, fields, upload!));
    },
  );

  app.patch(
    itemPath,
    {
      config: { scope: 'UPDATE' },
      schema: {
        operationId: `update${family.infix}File`,
        summary: "Update a file's fileData; a multipart part `file` replaces its document",
        tags,
        consumes: ['multipart/form-data', 'application/json', 'application/x-www-form-urlencoded'],
        params: familyParams(family.batch, ['moduleId', 'fileId']),
        querystring: updateFileQuery,
        body: updateFileBody,
        response: { 200: FileEnvelope, ...errorResponses },
      },
    },
    async (request, reply) => {
      const path = entityPath(request.params);
      const fileId = pathId(request.params, 'fileId');
      await checkFileWrite(context, request.caller, path, fileId);
      const { input, upload } = await readFileRequest<FileInput>(request, reply, context, {
        schema: FileUpdateInput,
        check: (input) => fileFields(input),
        fileRequired: false,
      });
      const change = (current: EntityView) => fileFields(input ?? {}, current);
      return fileAnswer(request, context, await updateFile(context, request.caller, path, fileId, change, upload));
    },
  );
}

/** Lectern's download of a file's document: the file object's downloadURL. */
function registerDownload(app: FastifyInstance, context: AppContext, family: EntityFamily): void {
  app.get(
    `${family.base}/modules/:moduleId/files/:fileId/download`,
    {
      config: { scope: 'READ' },
      schema: {
        operationId: `download${family.infix}File`,
        summary: "Download a file's document (Lectern's own; the file object's downloadURL)",
        tags: ['files'],
        params: familyParams(family.batch, ['moduleId', 'fileId']),
        response: {
          200: downloadFileResponse200,
          ...errorResponses,
        },
      },
    },
    async (request, reply) => {
      const fileId = pathId(request.params, 'fileId');
      const { file, stream } = await openFileDownload(context, request.caller, entityPath(request.params), fileId);
      return reply
        .header('content-type', file.content_type)
        .header('content-length', String(file.size))
        .header('content-disposition', attachmentDisposition(file.file_name))
        .header('x-content-type-options', 'nosniff')
        .header('etag', `"${file.sha256}"`)
        .header('cache-control', 'private, no-cache')
        .send(stream);
    },
  );
}
