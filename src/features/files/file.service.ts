/**
 * The File API's rules on top of the shared entity core: a file entity is written only once its whole upload is
 * stored, in the transaction that turns the upload ready; a replaced document's bytes go in that same transaction;
 * downloads follow the course's visibility, the file's lock and its enableDownload flag.
 */
import type { Readable } from 'node:stream';
import type { Caller } from '../../access/index.ts';
import type { AppContext } from '../../context.ts';
import { zohoDateText } from '../../dates.ts';
import type { StoredFileTable } from '../../db/database.ts';
import { EntityType } from '../../entity-types.ts';
import { LmsError, notFound, zohoStatusMessages } from '../../errors.ts';
import {
  createEntity,
  type EntityFields,
  type EntityPath,
  type EntityView,
  getEntity,
  requireEntityForChange,
  updateEntity,
} from '../entities/index.ts';
import { requireModuleForChange } from '../modules/index.ts';
import type { DocumentInfo } from './file.kind.ts';
import { completeUpload, discardUpload, openStoredFile, type ReceivedFile } from './stored-file.service.ts';

export type { ReceivedFile } from './stored-file.service.ts';

function documentOf(upload: ReceivedFile): DocumentInfo {
  return { fileName: upload.fileName, contentType: upload.contentType, size: upload.size, sha256: upload.sha256 };
}

/**
 * Checks, before any byte is read, that the caller may add a file to this module (404 unknown course, batch or
 * module, 403 not a manager, 400 wrong family); or, with a fileId, change that file.
 */
export async function checkFileWrite(
  context: AppContext,
  caller: Caller,
  path: EntityPath,
  fileId?: string,
): Promise<void> {
  if (fileId === undefined) {
    await requireModuleForChange(context, context.db, caller, path.courseId, path.batchId, path.moduleId!);
  } else {
    await requireEntityForChange(context, context.db, caller, path, EntityType.file, fileId, 'file');
  }
}

/** Creates a file entity for a stored upload; the upload is discarded when the write fails. */
export async function createFile(
  context: AppContext,
  caller: Caller,
  path: EntityPath,
  fields: EntityFields,
  upload: ReceivedFile,
): Promise<EntityView> {
  const withDocument = { ...fields, fileId: upload.id, settings: { ...fields.settings, document: documentOf(upload) } };
  try {
    return await createEntity(context, caller, path, EntityType.file, withDocument, (trx) =>
      completeUpload(trx, upload),
    );
  } catch (error) {
    await discardUpload(context, upload.id);
    throw error;
  }
}

/**
 * Updates a file entity's metadata (`change` answers the new fields for the stored view) and, with an upload,
 * replaces its document: the old bytes are deleted in the same transaction; the upload is discarded if it fails.
 */
export async function updateFile(
  context: AppContext,
  caller: Caller,
  path: EntityPath,
  fileId: string,
  change: (current: EntityView) => Partial<EntityFields>,
  upload: ReceivedFile | null,
): Promise<EntityView> {
  if (upload === null) return updateEntity(context, caller, path, EntityType.file, fileId, 'file', change);
  try {
    return await updateEntity(
      context,
      caller,
      path,
      EntityType.file,
      fileId,
      'file',
      (current) => {
        const fields = change(current);
        const settings = { ...(fields.settings ?? current.settings), document: documentOf(upload) };
        return { ...fields, fileId: upload.id, settings };
      },
      (trx) => completeUpload(trx, upload),
    );
  } catch (error) {
    await discardUpload(context, upload.id);
    throw error;
  }
}

/** What a download sends: the stored file's metadata and its bytes as a stream. */
export interface FileDownload {
  file: StoredFileTable;
  stream: Readable;
}

function refused(code: string, reason: string): LmsError {
  return new LmsError(403, code, `${zohoStatusMessages[403]}: ${reason}`);
}

/**
 * Opens a file's document for the caller: anyone who can see the course may download it, except that learners
 * (anyone who does not manage the course) are refused a locked file and one whose enableDownload is false.
 */
export async function openFileDownload(
  context: AppContext,
  caller: Caller,
  path: EntityPath,
  fileId: string,
): Promise<FileDownload> {
  const view = await getEntity(context, caller, path, EntityType.file, fileId, 'file');
  if (!view.canManage && view.isLocked) {
    const until = zohoDateText(view.row.lock_until!);
    throw refused('FILE_LOCKED', `the file is locked until ${until}; only the course's managers may download it`);
  }
  if (!view.canManage && view.settings.enableDownload === false) {
    throw refused(
      'FILE_DOWNLOAD_DISABLED',
      "downloading this file is turned off (enableDownload false); only the course's managers may download it",
    );
  }
  const opened =
    view.row.file_id === null ? undefined : await openStoredFile(context, caller.portalId, view.row.file_id);
  if (opened === undefined) throw notFound('stored document for file', fileId);
  return opened;
}
