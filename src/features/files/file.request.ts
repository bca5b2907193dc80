/**
 * Reads a File API write from the wire: `fileData` from the query, a multipart field, bare multipart fields, or (no
 * upload) any place the data-object decoder (http/data-object.ts) knows; the document from the multipart part `file`,
 * streamed into storage as it arrives. Errors of the multipart stream become 400s (422 past the size limit); storage
 * errors stay 500s.
 */

import type { MultipartFile, MultipartValue } from '@fastify/multipart';
import type { TObject } from '@sinclair/typebox';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { AppContext } from '../../context.ts';
import { invalidInput, LmsError, missingInput } from '../../errors.ts';
import { readDataObjectInput } from '../../http/data-object.ts';
import { parseJsonLossless } from '../../http/json-body.ts';
import { releaseRequestDeadline } from '../../http/server-limits.ts';
import { validateData } from '../../http/validate.ts';
import { discardUpload, type ReceivedFile, receiveUpload, uploadTooLarge } from './stored-file.service.ts';

const dataName = 'fileData';

/** Limits handed to the multipart parser (the file size is Lectern's own check, one byte later). */
export const multipartLimits = { files: 5, fields: 50, parts: 60, fieldSize: 1024 * 1024 };

/** What a multipart body may carry besides the document: fileData (one field's worth) and the parts' headers. */
const envelopeBytes = multipartLimits.fieldSize + 64 * 1024;

/**
 * First hook of a File API request: a multipart write whose declared length is more than an upload within the
 * limit can need is refused before any byte of it is read (422); any other may take as long as an upload may.
 */
export function admitUpload(request: FastifyRequest, maxBytes: number): void {
  if (!/^multipart\//i.test(request.headers['content-type'] ?? '')) return;
  const declared = Number(request.headers['content-length']);
  if (declared > maxBytes + envelopeBytes) {
    throw uploadTooLarge(maxBytes, `the request declares ${declared} bytes, too many for`);
  }
  releaseRequestDeadline(request.raw);
}

/**
 * Last hook of a File API answer: one given before the whole body arrived (a refusal) closes the connection, so
 * that the rest of a large or endless body is never read.
 */
export function closeIfBodyUnread(request: FastifyRequest, reply: FastifyReply): void {
  if (!request.raw.complete) reply.header('connection', 'close');
}

/** A decoded request: validated fileData (undefined when none was sent) and the stored upload, if any. */
export interface FileRequest<T> {
  input: T | undefined;
  upload: ReceivedFile | null;
}

/** What the multipart parser's own errors mean, as Lectern's errors. */
function streamError(error: unknown, maxBytes: number): unknown {
  if (error instanceof LmsError) return error;
  const code = (error as { code?: string }).code ?? '';
  const message = (error as Error).message ?? String(error);
  if (code === 'FST_REQ_FILE_TOO_LARGE') return uploadTooLarge(maxBytes);
  if (code === 'FST_FILES_LIMIT' || code === 'FST_FIELDS_LIMIT' || code === 'FST_PARTS_LIMIT') {
    const { files, fields } = multipartLimits;
    return invalidInput('body', `has too many parts: at most ${files} files and ${fields} fields (${message})`);
  }
  if (code === 'FST_MP_PREMATURE_CLOSE')
    return invalidInput('file', 'the request ended before the upload was complete');
  if (code === 'FST_INVALID_JSON_FIELD_ERROR') return invalidInput(dataName, 'not valid JSON');
  return invalidInput('body', `is not a valid multipart/form-data body (${message})`);
}

/** The source's items, with its errors turned into Lectern's. */
async function* mapped<T>(source: AsyncIterable<T>, maxBytes: number): AsyncGenerator<T> {
  try {
    yield* source;
  } catch (error) {
    throw streamError(error, maxBytes);
  }
}

function validate<T>(value: unknown, options: ReadOptions<T>, warnings: string[]): T {
  const data = typeof value === 'string' ? parseJsonLossless(value, dataName) : value;
  if (typeof data !== 'object' || data === null || Array.isArray(data)) {
    throw invalidInput(dataName, 'must be a JSON object');
  }
  const { value: input, unknownKeys } = validateData<T>(options.schema, data as Record<string, unknown>, dataName);
  if (unknownKeys.length > 0) warnings.push(`unknown keys ignored in ${dataName}: ${unknownKeys.join(', ')}`);
  options.check(input);
  return input;
}

/** How to read one write. */
export interface ReadOptions<T> {
  schema: TObject;
  /** Checks what the schema cannot (dates, durations); throws to refuse. */
  check: (input: T) => void;
  /** Create: the part `file` and fileData are both mandatory. */
  fileRequired: boolean;
}

/**
 * Decodes a write. `fileRequired` (create) refuses a request without the part `file` (400 INPUT_PARAMETER_MISSING);
 * fileData is then mandatory too. On any failure the upload is already discarded and reading stops; the answer
 * closes the connection.
 */
export async function readFileRequest<T>(
  request: FastifyRequest,
  reply: FastifyReply,
  context: AppContext,
  options: ReadOptions<T>,
): Promise<FileRequest<T>> {
  const { fileRequired } = options;
  if (!request.isMultipart()) {
    const input = readDataObjectInput<T>(request, reply, dataName, options.schema);
    options.check(input);
    if (fileRequired) throw missingInput('file');
    return { input, upload: null };
  }
  const maxBytes = context.config.maxUploadBytes;
  // A client gone while the write was checked: the parser would wait for a body that never comes.
  if (request.raw.destroyed && !request.raw.readableEnded) throw streamError({ code: 'FST_MP_PREMATURE_CLOSE' }, 0);
  const warnings: string[] = [];
  const fromQuery = (request.query as Record<string, unknown> | undefined)?.[dataName];
  // fileData in the query is checked before any byte is stored.
  let input = fromQuery === undefined ? undefined : validate<T>(fromQuery, options, warnings);
  let upload: ReceivedFile | null = null;
  const fields: Record<string, unknown> = {};
  const ignoredFiles: string[] = [];
  try {
    for await (const part of mapped(request.parts(), maxBytes)) {
      if (part.type === 'file') {
        const file = part as MultipartFile;
        if (file.fieldname !== 'file' || upload !== null) {
          ignoredFiles.push(file.fieldname);
          for await (const _ of mapped(file.file, maxBytes)) {
            // Not stored: read to its end so that the parts after it arrive.
          }
          continue;
        }
        upload = await receiveUpload(context, request.caller.portalId, mapped(file.file, maxBytes), {
          fileName: file.filename,
          contentType: file.mimetype,
        });
      } else {
        const field = part as MultipartValue;
        if (field.fieldname === 'file') {
          throw invalidInput('file', 'must be a file part (a part with a filename), not a text field');
        }
        fields[field.fieldname] = field.value;
      }
    }
    if (input === undefined) {
      if (fields[dataName] !== undefined) input = validate<T>(fields[dataName], options, warnings);
      else if (Object.keys(fields).length > 0) input = validate<T>(fields, options, warnings);
    }
    if (fileRequired && input === undefined) throw missingInput(dataName);
    if (fileRequired && upload === null) throw missingInput('file');
    if (input === undefined && upload === null) throw missingInput(dataName);
  } catch (error) {
    if (upload !== null) await discardUpload(context, upload.id);
    // Stop reading: the answer closes the connection (closeIfBodyUnread), so the rest of the body never matters.
    request.raw.unpipe();
    throw error;
  }
  if (ignoredFiles.length > 0) warnings.push(`file parts ignored (only "file" is stored): ${ignoredFiles.join(', ')}`);
  if (warnings.length > 0) reply.header('X-Lectern-Warning', warnings.join('; '));
  return { input, upload };
}
