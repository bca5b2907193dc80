/** The file API's request and response schemas. */
import { type Static, Type } from '@sinclair/typebox';
import { OptionalDateShape, OptionalMinutesShape } from '../../http/input-shapes.ts';
import { dataObjectParameter, documentedAs, uploadBody } from '../../http/parameters.ts';
import { ResourceSchema, ResourcesInput } from '../entities/index.ts';

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

const fileDataDescription = "The file's data as JSON (or send it as the multipart field fileData)";

/** `{"code":200,"file":{...},"message":"success"}`. */
export const FileEnvelope = Type.Object({
  code: Type.Literal(200),
  file: FileSchema,
  message: Type.Literal('success'),
});

/** The querystring of createFile: fileData, unless it comes as a multipart field. */
export const createFileQuery = Type.Object({
  fileData: dataObjectParameter(FileDataInput, { description: fileDataDescription }),
});

/** The querystring of updateFile: fileData, unless it comes in the body. */
export const updateFileQuery = Type.Object({
  fileData: dataObjectParameter(FileUpdateInput, {
    description: `${fileDataDescription}; required unless the part file is sent`,
    required: false,
  }),
});

const uploadDescription =
  'multipart/form-data: the document as the part `file`, and `fileData` (JSON) as a field unless it is in the query.';

/** The body of createFile: the document, mandatory, and fileData as a field. */
export const createFileBody = uploadBody(uploadDescription, { file: true });

/** The body of updateFile: a replacing document, or fileData alone. */
export const updateFileBody = uploadBody(
  `${uploadDescription} Update also takes fileData alone as a JSON or form body.`,
  { file: false },
);

/** The 200 answer of downloadFile: the document's bytes, described for the OpenAPI document only. */
export const downloadFileResponse200 = {
  description: 'The document, with its stored Content-Type, Content-Length and an attachment disposition',
  content: { 'application/octet-stream': { schema: Type.String({ format: 'binary' }) } },
};
