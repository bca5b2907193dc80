/**
 * Zoho's File API as a module-entity kind: `fileData` keys, their reading, and the file object. The object's shape is
 * provisional (Zoho's pages show no sample): the link sample's keys and order, then the file's own keys.
 */
import { type Static, Type } from '@sinclair/typebox';
import { parseZohoMinutes, zohoDateText } from '../../dates.ts';
import { EntityType } from '../../entity-types.ts';
import { OptionalDateShape, OptionalMinutesShape } from '../../http/input-shapes.ts';
import { documentedAs } from '../../http/parameters.ts';
import {
  commonEntityFields,
  completeEntityFields,
  type EntityFields,
  type EntityKind,
  type EntityView,
  ResourceSchema,
  ResourcesInput,
  readResources,
  resourcesOf,
} from '../entities/index.ts';
import { moduleDurationText } from '../modules/index.ts';

/** Most minutes a file may be expected to take (as for modules). */

const flag = () => Type.Optional(Type.Boolean({ errorMessage: 'must be true or false' }));

/** `fileData` on create; the document itself travels as the multipart part `file`. */
export const FileDataInput = Type.Object(
  {
    name: Type.String({
      minLength: 1,
      maxLength: 250,
      pattern: '\\S',
      errorMessage: 'must be a text of 1 to 250 characters, not only spaces',
    }),
    duration: Type.Optional(
      documentedAs(
        Type.Unknown({
          description: 'Minutes: a positive whole number, or "100 Mins" as answered; null or "" for none',
        }),
        OptionalMinutesShape,
      ),
    ),
    description: Type.Optional(
      Type.String({ maxLength: 10000, errorMessage: 'must be a text of at most 10000 characters' }),
    ),
    isMandatory: flag(),
    isIntroFile: flag(),
    enableDownload: flag(),
    lockUntil: Type.Optional(
      documentedAs(
        Type.Union([Type.String(), Type.Null()], { errorMessage: 'must be a date as DD-MM-YYYY, or "" for none' }),
        OptionalDateShape,
      ),
    ),
    resources: Type.Optional(ResourcesInput),
  },
  { title: 'FileData' },
);

/** `fileData` on update: every key optional (a partial update). */
export const FileUpdateInput = Type.Partial(FileDataInput, { title: 'FileUpdate' });

/** Validated `fileData`. */
export type FileInput = Partial<Static<typeof FileDataInput>>;

/** The uploaded document as the file object describes it (kept in the entity's settings, beside the flags). */
export interface DocumentInfo {
  fileName: string;
  contentType: string;
  size: number;
  sha256: string;
}

/** The file object: the link sample's keys and order (`downloadURL` where a link has `link`), then the file's own. */
export const FileSchema = Type.Object({
  lockUntil: Type.String({ description: 'DD-MM-YYYY; empty when unlocked' }),
  fileId: Type.String(),
  isMandatoryFile: Type.Boolean(),
  canMarkAsComplete: Type.Integer(),
  isLocked: Type.Boolean(),
  downloadURL: Type.String({ description: "Lectern's download path for the document (scope READ)" }),
  description: Type.String(),
  resources: Type.Array(ResourceSchema),
  canUserEdit: Type.Boolean(),
  moduleId: Type.String(),
  fileName: Type.String({ description: 'The title given in fileData.name' }),
  canUserDelete: Type.Boolean(),
  isIntroFile: Type.Boolean(),
  enableDownload: Type.Boolean(),
  duration: Type.String({ description: '"100 Mins"; empty without a duration' }),
  uploadedFileName: Type.String({ description: "The document's own name, as uploaded" }),
  contentType: Type.String(),
  size: Type.Integer({ description: 'Bytes' }),
});

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
