/** Reads an import's file from the request body: the body itself, or the first file part of a multipart form. */
import type { FastifyRequest } from 'fastify';
import { invalidInput } from '../errors.ts';
import type { FileFormat } from './file-format.ts';

/** The uploaded file's text and the format its name or type suggests (undefined: none). */
export interface UploadedFile {
  text: string;
  format: FileFormat | undefined;
}

function formatOfType(type: string, name = ''): FileFormat | undefined {
  if (/json/i.test(type) || /\.json$/i.test(name)) return 'json';
  if (/csv/i.test(type) || /\.csv$/i.test(name)) return 'csv';
  return undefined;
}

/** The file of a multipart/form-data body: its first part with a filename. */
function filePart(body: string, contentType: string): UploadedFile {
  const boundary = /boundary="?([^";]+)"?/i.exec(contentType)?.[1];
  if (boundary === undefined) throw invalidInput('Content-Type', 'multipart/form-data without a boundary');
  for (const part of body.split(`--${boundary}`)) {
    const split = part.indexOf('\r\n\r\n');
    if (split < 0) continue;
    const headers = part.slice(0, split);
    const name = /content-disposition:[^\r\n]*\bfilename="([^"]*)"/i.exec(headers)?.[1];
    if (name === undefined) continue;
    const type = /content-type:\s*([^\r\n]+)/i.exec(headers)?.[1] ?? '';
    return { text: part.slice(split + 4).replace(/\r\n$/, ''), format: formatOfType(type, name) };
  }
  throw invalidInput('file', 'the multipart form has no file part');
}

/** The file an import request carries. */
export function uploadedFile(request: FastifyRequest): UploadedFile {
  const contentType = String(request.headers['content-type'] ?? '');
  const body = typeof request.body === 'string' ? request.body : '';
  if (/^multipart\/form-data/i.test(contentType)) return filePart(body, contentType);
  return { text: body, format: formatOfType(contentType) };
}
