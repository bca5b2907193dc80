/**
 * Reads a photo upload from the wire: the multipart part `photo` (or `file`), or a bare image body. Both are bounded
 * by the photo limit: the multipart parser stops one byte past it, a bare body is refused by Fastify's body limit.
 */
import type { FastifyRequest } from 'fastify';
import { invalidInput, LmsError, missingInput, unsupportedMediaType } from '../errors.ts';

/** The bytes sent and the type they were sent as. */
export interface PhotoUpload {
  bytes: Buffer;
  declaredType: string | undefined;
}

function tooLarge(maxBytes: number): LmsError {
  return new LmsError(413, '413', `Request body too large: a photo is at most ${maxBytes} bytes`, 'photo');
}

/** The upload of a PUT photo request. */
export async function readPhotoUpload(request: FastifyRequest, maxBytes: number): Promise<PhotoUpload> {
  if (!request.isMultipart()) {
    const declaredType = request.headers['content-type'];
    if (!/^\s*(image\/|application\/octet-stream)/i.test(declaredType ?? '')) {
      throw unsupportedMediaType(
        'Content-Type',
        'send the photo as the body with Content-Type image/png, image/jpeg or image/webp, or as the multipart part `photo`',
      );
    }
    const body = request.body;
    if (!Buffer.isBuffer(body) || body.byteLength === 0) throw missingInput('photo');
    return { bytes: body, declaredType };
  }
  try {
    const part = await request.file({ limits: { fileSize: maxBytes, files: 1, fields: 5, parts: 6 } });
    if (part === undefined) throw missingInput('photo');
    if (part.fieldname !== 'photo' && part.fieldname !== 'file') {
      throw invalidInput(part.fieldname, 'is not a part this upload takes: send the image as the part `photo`');
    }
    const bytes = await part.toBuffer();
    return { bytes, declaredType: part.mimetype };
  } catch (error) {
    if (error instanceof LmsError) throw error;
    const code = (error as { code?: string }).code ?? '';
    if (code === 'FST_REQ_FILE_TOO_LARGE') throw tooLarge(maxBytes);
    throw invalidInput('body', `is not a valid multipart/form-data body (${(error as Error).message})`);
  }
}
