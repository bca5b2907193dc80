/**
 * File bytes in the database, so that every Lectern process sharing it can serve them. Uploads stream in chunk by
 * chunk, each written by its own small statement (SQLite has one writer: no transaction stays open while bytes
 * arrive), under a 'pending' row that only the entity's own transaction turns 'ready'. A failed or abandoned upload
 * is deleted at once, and anything a crash leaves pending is swept an hour later. Downloads read chunk by chunk.
 */
import { createHash } from 'node:crypto';
import { Readable } from 'node:stream';
import type { AppContext } from '../../context.ts';
import type { Db, StoredFileTable } from '../../db/database.ts';
import { invalidInput, LmsError, zohoStatusMessages } from '../../errors.ts';
import { cleanFileName, detectContentType } from './file-content-type.ts';
import * as repository from './stored-file.repository.ts';

/** Bytes per stored chunk: the most an upload or a download holds in memory at once (plus one network piece). */
export const chunkBytes = 256 * 1024;
/** A pending upload older than this was abandoned by a crash. */
export const staleUploadMs = 60 * 60 * 1000;
/** Most abandoned uploads one sweep removes, so that a sweep never delays an upload for long. */
const sweepLimit = 10;

/** An upload whose bytes are all stored, still pending until its entity is written. */
export interface ReceivedFile {
  id: string;
  fileName: string;
  contentType: string;
  size: number;
  sha256: string;
}

/** 422 naming the limit: the file (or, said otherwise, the request) is larger than LECTERN_MAX_UPLOAD_BYTES. */
export function uploadTooLarge(maxBytes: number, what = 'the file is larger than'): LmsError {
  return new LmsError(
    422,
    'FILE_SIZE_LIMIT_EXCEEDED',
    `${zohoStatusMessages[422]}: ${what} the upload limit of ${maxBytes} bytes (LECTERN_MAX_UPLOAD_BYTES)`,
    'file',
  );
}

/** Deletes pending files and their bytes together, so that no reader sees the row gone and the bytes still there. */
function deletePending(context: AppContext, fileIds: string[]): Promise<void> {
  return context.db.transaction().execute((trx) => repository.deletePendingFiles(trx, fileIds));
}

/** Deletes pending uploads begun over an hour ago (at most a few per call). */
export async function sweepStaleUploads(context: AppContext): Promise<void> {
  const stale = await repository.findStalePending(context.db, context.clock.now() - staleUploadMs, sweepLimit);
  if (stale.length > 0) await deletePending(context, stale);
}

/** Deletes an upload that will not be used (its bytes too); a file already completed is left alone. */
export async function discardUpload(context: AppContext, fileId: string): Promise<void> {
  try {
    await deletePending(context, [fileId]);
  } catch {
    // The sweep removes it within the hour; the caller's own error is the one to report.
  }
}

/**
 * Stores an upload's bytes as they arrive: hashed and counted on the way, refused past `maxBytes` (422) or when
 * empty (400). On any failure, the source's included (a client that went away), the pending file is deleted.
 */
export async function receiveUpload(
  context: AppContext,
  portalId: string,
  source: AsyncIterable<Uint8Array>,
  sent: { fileName: string | undefined; contentType: string | undefined },
): Promise<ReceivedFile> {
  await sweepStaleUploads(context);
  const fileName = cleanFileName(sent.fileName);
  const contentType = detectContentType(sent.contentType, fileName);
  const id = context.ids.next();
  const maxBytes = context.config.maxUploadBytes;
  await repository.insertStoredFile(context.db, {
    id,
    portal_id: portalId,
    file_name: fileName,
    content_type: contentType,
    size: 0,
    sha256: '',
    status: 'pending',
    created_at: context.clock.now(),
  });
  try {
    const hash = createHash('sha256');
    let size = 0;
    let sequence = 0;
    let buffered: Buffer[] = [];
    let bufferedBytes = 0;
    for await (const piece of source) {
      size += piece.byteLength;
      if (size > maxBytes) throw uploadTooLarge(maxBytes);
      hash.update(piece);
      buffered.push(Buffer.from(piece.buffer, piece.byteOffset, piece.byteLength));
      bufferedBytes += piece.byteLength;
      while (bufferedBytes >= chunkBytes) {
        const joined = Buffer.concat(buffered, bufferedBytes);
        await repository.insertChunk(context.db, id, sequence++, joined.subarray(0, chunkBytes));
        const rest = joined.subarray(chunkBytes);
        buffered = rest.byteLength > 0 ? [rest] : [];
        bufferedBytes = rest.byteLength;
      }
    }
    if (size === 0) throw invalidInput('file', 'is empty: send a document of at least one byte');
    if (bufferedBytes > 0) await repository.insertChunk(context.db, id, sequence, Buffer.concat(buffered));
    return { id, fileName, contentType, size, sha256: hash.digest('hex') };
  } catch (error) {
    await discardUpload(context, id);
    throw error;
  }
}

/** Turns a received upload ready, in the transaction that writes its entity; refused if a sweep took it meanwhile. */
export async function completeUpload(db: Db, upload: ReceivedFile): Promise<void> {
  if (!(await repository.markReady(db, upload.id, upload.size, upload.sha256))) {
    throw new LmsError(409, '409', 'The upload took over an hour and was discarded before it was saved; send it again');
  }
}

/** A completed file of the portal and a stream of its bytes, read one chunk at a time; undefined when missing. */
export async function openStoredFile(
  context: AppContext,
  portalId: string,
  fileId: string,
): Promise<{ file: StoredFileTable; stream: Readable } | undefined> {
  const file = await repository.findReadyFile(context.db, portalId, fileId);
  if (file === undefined) return undefined;
  return { file, stream: chunkStream(context.db, file) };
}

/** Reads chunks in order; a file replaced or deleted while it is read ends the stream with an error, not short. */
function chunkStream(db: Db, file: StoredFileTable): Readable {
  let sequence = 0;
  let sent = 0;
  const size = Number(file.size);
  return new Readable({
    read() {
      repository.readChunk(db, file.id, sequence).then(
        (data) => {
          if (data === undefined) {
            this.destroy(new Error(`stored file ${file.id} lost its bytes while being read`));
            return;
          }
          sequence += 1;
          sent += data.byteLength;
          this.push(Buffer.isBuffer(data) ? data : Buffer.from(data));
          // The size says when the last chunk was read: no query to find that there is no next one.
          if (sent >= size) this.push(null);
        },
        (error: Error) => this.destroy(error),
      );
    },
  });
}
