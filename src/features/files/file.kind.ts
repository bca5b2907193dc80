/**
 * Zoho's File API as a module-entity kind: `fileData` keys, their reading, and the file object. The object's shape is
 * provisional (Zoho's pages show no sample): the link sample's keys and order, then the file's own keys.
 */
import type { Static } from '@sinclair/typebox';
import { parseZohoMinutes, zohoDateText } from '../../dates.ts';
import { EntityType } from '../../entity-types.ts';
import {
  commonEntityFields,
  completeEntityFields,
  type EntityFields,
  type EntityKind,
  type EntityView,
  readResources,
  resourcesOf,
} from '../entities/index.ts';
import { moduleDurationText } from '../modules/index.ts';
import { FileDataInput, type FileInput, FileSchema, FileUpdateInput } from './file.schemas.ts';

/** The uploaded document as the file object describes it (kept in the entity's settings, beside the flags). */
export interface DocumentInfo {
  fileName: string;
  contentType: string;
  size: number;
  sha256: string;
}

/** Turns validated fileData into the shared fields; settings keep the flags, the duration and the document. */
function toFields(input: FileInput, current?: EntityView): Partial<EntityFields> {
  const fields = commonEntityFields(input, 'fileData');
  const settings: Record<string, unknown> = {
    isIntroFile: false,
    enableDownload: true,
    durationMinutes: null,
    ...(current?.settings ?? {}),
  };
  if (input.isIntroFile !== undefined) settings.isIntroFile = input.isIntroFile;
  if (input.enableDownload !== undefined) settings.enableDownload = input.enableDownload;
  if (input.duration !== undefined) settings.durationMinutes = parseZohoMinutes(input.duration, 'fileData.duration');
  if (input.resources !== undefined) settings.resources = readResources(input.resources, 'fileData');
  return completeEntityFields(fields, settings, current);
}

/** The download path of a file entity: Lectern's, with the tail of the file's own Zoho path. */
export function downloadPath(view: EntityView): string {
  const { row } = view;
  const batch = row.batch_id === null ? '' : `/batches/${row.batch_id}`;
  return `/lectern/v1/courses/${row.course_id}${batch}/modules/${row.module_id}/files/${row.id}/download`;
}

/** Zoho's file object for a view; `base` is the public base URL the download link starts with. */
export function presentFile(view: EntityView, base: string): Static<typeof FileSchema> {
  const { row, settings } = view;
  const document = (settings.document ?? {}) as Partial<DocumentInfo>;
  return {
    lockUntil: row.lock_until === null ? '' : zohoDateText(row.lock_until),
    fileId: row.id,
    isMandatoryFile: row.is_mandatory === 1,
    canMarkAsComplete: view.canMarkAsComplete ? 1 : 0,
    isLocked: view.isLocked,
    downloadURL: `${base}${downloadPath(view)}`,
    description: row.description,
    resources: resourcesOf(view),
    canUserEdit: view.canManage,
    moduleId: row.module_id ?? '',
    fileName: row.name,
    canUserDelete: view.canManage,
    isIntroFile: settings.isIntroFile === true,
    enableDownload: settings.enableDownload !== false,
    duration: moduleDurationText(typeof settings.durationMinutes === 'number' ? settings.durationMinutes : null),
    uploadedFileName: document.fileName ?? '',
    contentType: document.contentType ?? '',
    size: document.size ?? 0,
  };
}

/** The File API's declaration for the shared entity routes: create and update take an upload (file.routes.ts). */
export const fileKind: EntityKind<FileInput> = {
  entityType: EntityType.file,
  plural: 'files',
  singular: 'file',
  idParam: 'fileId',
  dataName: 'fileData',
  noun: 'File',
  itemSchema: FileSchema,
  present: presentFile,
  createInput: FileDataInput,
  updateInput: FileUpdateInput,
  toFields,
  skipCreate: true,
  skipUpdate: true,
};

/** The kind's toFields, for the upload routes. */
export const fileFields = toFields;
