/**
 * One person's control-plane endpoints under /lectern/v1/employees/{erecno}: read, edit, deactivate, reactivate, and
 * the photo (upload, remove, serve). The photo is served without a token (browsers load <img> without one): the
 * uploaded image only to a URL carrying its random key, the generated avatar otherwise (employee-photo.service.ts).
 */
import multipart from '@fastify/multipart';
import { create as contentDisposition } from 'content-disposition';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Caller } from '../access/index.ts';
import { deactivatePerson, reactivatePerson } from '../commands/person-status.ts';
import type { AppContext } from '../context.ts';
import { forbidden, notFound } from '../errors.ts';
import {
  checkPhoto,
  findEmployee,
  maxPhotoBytes,
  photoUrl,
  readPhoto,
  removePhoto,
  storePhoto,
  updateEmployee,
} from '../features/people/index.ts';
import { errorResponses } from '../http/envelope.ts';
import { pathId, readParameter } from '../http/input.ts';
import { publicBase } from '../http/public-base.ts';
import { presentEmployee } from './employee.presenter.ts';
import {
  employeeParams,
  employeePhotoQuery,
  employeePhotoResponse,
  employeePhotoResponse200,
  employeeResponse200,
  employeeStatusResponse200,
  putEmployeePhotoBody,
  updateEmployeeBody,
} from './employee.schemas.ts';
import { readPhotoUpload } from './photo.request.ts';

const tags = ['lectern'];

/** A person's photo is theirs to change, and their admins'. */
function checkPhotoChange(caller: Caller, erecno: string): void {
  if (caller.erecno !== erecno && !caller.isAdmin && !caller.isOperator) {
    throw forbidden("only the person or a portal admin may change a person's photo");
  }
}

/** Registers GET and PATCH /lectern/v1/employees/{erecno}, its deactivate and reactivate, and its photo. */
export function registerEmployeeRoutes(app: FastifyInstance, context: AppContext): void {
  const base = (request: FastifyRequest) => publicBase(request, context.config);

  app.get(
    '/lectern/v1/employees/:erecno',
    {
      config: { scope: 'READ', access: 'admin' },
      schema: {
        operationId: 'getEmployee',
        tags,
        params: employeeParams,
        response: { 200: employeeResponse200, ...errorResponses },
      },
    },
    async (request) => {
      const erecno = pathId(request.params, 'erecno');
      const row = await findEmployee(context.db, request.caller.portalId, erecno);
      if (row === undefined) throw notFound('employee', erecno);
      return { employee: presentEmployee(row, base(request)) };
    },
  );

  app.patch(
    '/lectern/v1/employees/:erecno',
    {
      config: { scope: 'UPDATE', access: 'admin' },
      schema: {
        operationId: 'updateEmployee',
        tags,
        description: 'Changes the fields sent. E-mail and employee id stay unique in the portal (409 names the clash).',
        params: employeeParams,
        body: updateEmployeeBody,
        response: { 200: employeeResponse200, ...errorResponses },
      },
      // The service validates every field and names it; the schema above documents the shapes.
      attachValidation: true,
    },
    async (request) => {
      const erecno = pathId(request.params, 'erecno');
      const row = await updateEmployee(context, request.caller, erecno, request.body);
      return { employee: presentEmployee(row, base(request)) };
    },
  );

  for (const [action, change] of [
    ['deactivate', deactivatePerson],
    ['reactivate', reactivatePerson],
  ] as const) {
    app.post(
      `/lectern/v1/employees/:erecno/${action}`,
      {
        config: { scope: 'UPDATE', access: 'admin' },
        schema: {
          operationId: `${action}Employee`,
          tags,
          description:
            action === 'deactivate'
              ? 'The person keeps their history, progress and seats; gives up their waitlist places; their tokens are ' +
                'refused, they cannot be enrolled, sign in or be offered as a trainer until reactivated.'
              : 'The person, their kept seats and their tokens work again.',
          params: employeeParams,
          response: { 200: employeeStatusResponse200, ...errorResponses },
        },
      },
      async (request) => {
        const result = await change(context, request.caller, pathId(request.params, 'erecno'));
        return { employee: presentEmployee(result.person, base(request)), leftWaitlists: result.leftWaitlists };
      },
    );
  }

  app.register(async (scope) => registerPhotoRoutes(scope, context));
}

/** The photo's routes, in a scope of their own: multipart and bare image bodies are parsed here only. */
async function registerPhotoRoutes(app: FastifyInstance, context: AppContext): Promise<void> {
  await app.register(multipart);
  // Any image type reaches checkPhoto, which names the accepted ones; Fastify's body limit bounds a bare body.
  const keepBytes = (_request: unknown, body: string | Buffer, done: (error: null, body: Buffer) => void) =>
    done(null, body as Buffer);
  app.addContentTypeParser(/^image\//i, { parseAs: 'buffer', bodyLimit: maxPhotoBytes }, keepBytes);
  app.addContentTypeParser('application/octet-stream', { parseAs: 'buffer', bodyLimit: maxPhotoBytes }, keepBytes);
  const path = '/lectern/v1/employees/:erecno/photo';

  app.put(
    path,
    {
      config: { scope: 'UPDATE' },
      bodyLimit: maxPhotoBytes,
      schema: {
        operationId: 'putEmployeePhoto',
        tags,
        consumes: ['multipart/form-data'],
        description: 'The person themselves or a portal admin. Replaces any photo; the photo URL changes.',
        params: employeeParams,
        body: putEmployeePhotoBody,
        response: { 200: employeePhotoResponse200, ...errorResponses },
      },
    },
    async (request) => {
      const erecno = pathId(request.params, 'erecno');
      checkPhotoChange(request.caller, erecno);
      const upload = await readPhotoUpload(request, maxPhotoBytes);
      const contentType = checkPhoto(upload.bytes, upload.declaredType);
      const key = await storePhoto(context, request.caller, erecno, { bytes: upload.bytes, contentType });
      const url = photoUrl(publicBase(request, context.config), { erecno, photo_key: key });
      return { erecno, displayPictureURL: url, hasPhoto: true };
    },
  );

  app.delete(
    path,
    {
      config: { scope: 'UPDATE' },
      schema: {
        operationId: 'deleteEmployeePhoto',
        tags,
        description: 'The person themselves or a portal admin. The generated avatar stands in again.',
        params: employeeParams,
        response: { 200: employeePhotoResponse200, ...errorResponses },
      },
    },
    async (request) => {
      const erecno = pathId(request.params, 'erecno');
      checkPhotoChange(request.caller, erecno);
      await removePhoto(context, request.caller, erecno);
      const url = photoUrl(publicBase(request, context.config), { erecno, photo_key: null });
      return { erecno, displayPictureURL: url, hasPhoto: false };
    },
  );

  app.get(
    path,
    {
      schema: {
        operationId: 'getEmployeePhoto',
        tags,
        description:
          'No token: the uploaded photo when `key` is its key (cached for good: a new photo has a new key), else ' +
          "the person's avatar, an SVG of their initials on a colour of their own.",
        params: employeeParams,
        querystring: employeePhotoQuery,
        response: { 200: employeePhotoResponse, ...errorResponses },
      },
    },
    async (request, reply) => {
      const erecno = pathId(request.params, 'erecno');
      const key = readParameter(request, 'key');
      const answer = await readPhoto(context.db, erecno, typeof key === 'string' ? key : undefined);
      if (answer === undefined) throw notFound('employee', erecno);
      const extension = answer.contentType.split('/')[1]!.replace('+xml', '');
      return reply
        .header('content-type', answer.contentType)
        .header('content-disposition', contentDisposition(`${erecno}.${extension}`, { type: 'inline' }))
        .header('x-content-type-options', 'nosniff')
        .header('content-security-policy', "default-src 'none'; style-src 'unsafe-inline'; sandbox")
        .header(
          'cache-control',
          answer.kind === 'photo' ? 'public, max-age=31536000, immutable' : 'public, max-age=300',
        )
        .send(Buffer.from(answer.bytes));
    },
  );
}
