/** A stored file's name and content type, decided from what the upload said, and the download's disposition header. */

/** Types by file-name extension, for uploads whose part names no useful type. */
const byExtension: Record<string, string> = {
  pdf: 'application/pdf',
  txt: 'text/plain',
  text: 'text/plain',
  md: 'text/markdown',
  csv: 'text/csv',
  htm: 'text/html',
  html: 'text/html',
  css: 'text/css',
  xml: 'application/xml',
  json: 'application/json',
  rtf: 'application/rtf',
  png: 'image/png',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  gif: 'image/gif',
  webp: 'image/webp',
  svg: 'image/svg+xml',
  bmp: 'image/bmp',
  ico: 'image/vnd.microsoft.icon',
  tif: 'image/tiff',
  tiff: 'image/tiff',
  mp3: 'audio/mpeg',
  wav: 'audio/wav',
  ogg: 'audio/ogg',
  m4a: 'audio/mp4',
  mp4: 'video/mp4',
  webm: 'video/webm',
  mov: 'video/quicktime',
  avi: 'video/x-msvideo',
  zip: 'application/zip',
  gz: 'application/gzip',
  tar: 'application/x-tar',
  '7z': 'application/x-7z-compressed',
  doc: 'application/msword',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xls: 'application/vnd.ms-excel',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  ppt: 'application/vnd.ms-powerpoint',
  pptx: 'application/vnd.openxmlformats-officedocument.presentationml.presentation',
  odt: 'application/vnd.oasis.opendocument.text',
  ods: 'application/vnd.oasis.opendocument.spreadsheet',
  odp: 'application/vnd.oasis.opendocument.presentation',
  epub: 'application/epub+zip',
  scorm: 'application/zip',
};

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

/**
 * The part's own type, unless it says nothing useful: `application/octet-stream`, or `text/plain`, which multipart
 * parsers report for a part sent without a type. Then the name's extension decides, and octet-stream is the last word.
 */
export function detectContentType(partType: string | undefined, fileName: string): string {
  const sent = (partType ?? '').split(';')[0]!.trim().toLowerCase();
  const extension = /\.([a-z0-9]+)$/i.exec(fileName)?.[1]?.toLowerCase();
  const guessed = extension === undefined ? undefined : byExtension[extension];
  const vague = sent === '' || sent === fallbackType || sent === 'text/plain';
  if (mediaType.test(sent) && !(vague && guessed !== undefined)) return sent;
  return guessed ?? fallbackType;
}

/** `attachment` with an ASCII fallback name and the exact name in RFC 5987 form (`filename*=UTF-8''...`). */
export function attachmentDisposition(fileName: string): string {
  const fallback = fileName.replace(/[^\x20-\x7e]|["\\%]/g, '_');
  const encoded = encodeURIComponent(fileName).replace(
    /['()*]/g,
    (character) => `%${character.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  return `attachment; filename="${fallback}"; filename*=UTF-8''${encoded}`;
}
