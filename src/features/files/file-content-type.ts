/**
 * A stored file's name and content type, decided from what the upload said, and the download's disposition header.
 * Types by extension come from mime-types (the mime-db list), the header from content-disposition.
 */
import { create as contentDisposition } from 'content-disposition';
import type * as MimeTypes from 'mime-types';
import { lazyRequire } from '../../lazy-require.ts';

// The mime-db list is large and only uploads need it; loading it at start-up cost ~20 ms.
const mimeTypes = lazyRequire<typeof MimeTypes>('mime-types');

/** Extensions mime-db does not know that uploads use: a SCORM package is a zip. */
const extraTypes: Record<string, string> = { scorm: 'application/zip' };

const fallbackType = 'application/octet-stream';
/** `type/subtype` as RFC 9110 spells tokens. */
const mediaType = /^[a-z0-9!#$&^_.+-]+\/[a-z0-9!#$&^_.+-]+$/;

/** Most characters of a stored file name. */
const maximumNameLength = 255;

/** The uploaded name without control characters, at most 255 characters; `file` when nothing is left. */
export function cleanFileName(name: string | undefined): string {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what is removed.
  const cleaned = (name ?? '').replace(/[\u0000-\u001f\u007f]/g, '').trim();
  return cleaned === '' ? 'file' : [...cleaned].slice(0, maximumNameLength).join('');
}

/** The type a file name's extension stands for, or undefined. */
function typeOfName(fileName: string): string | undefined {
  const extension = /\.([a-z0-9]+)$/i.exec(fileName)?.[1]?.toLowerCase();
  if (extension === undefined) return undefined;
  return extraTypes[extension] ?? (mimeTypes().lookup(extension) || undefined);
}

/**
 * The part's own type, unless it says nothing useful: `application/octet-stream`, or `text/plain`, which multipart
 * parsers report for a part sent without a type. Then the name's extension decides, and octet-stream is the last word.
 */
export function detectContentType(partType: string | undefined, fileName: string): string {
  const sent = (partType ?? '').split(';')[0]!.trim().toLowerCase();
  const guessed = typeOfName(fileName);
  const vague = sent === '' || sent === fallbackType || sent === 'text/plain';
  if (mediaType.test(sent) && !(vague && guessed !== undefined)) return sent;
  return guessed ?? fallbackType;
}

/** `attachment` with an ASCII fallback name and the exact name in RFC 5987 form (`filename*=UTF-8''...`). */
export function attachmentDisposition(fileName: string): string {
  return contentDisposition(fileName);
}
