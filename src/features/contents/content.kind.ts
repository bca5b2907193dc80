/**
 * Contents (entity type 4): rich-text pages in a module. Zoho's API only reads them; Lectern's own write API
 * (content.routes.ts) makes them. The content object's shape is provisional: Zoho's pages show no sample.
 */
import { type Static, Type } from '@sinclair/typebox';
import { zohoDateText } from '../../dates.ts';
import { EntityType } from '../../entity-types.ts';
import { OptionalDateShape } from '../../http/input-shapes.ts';
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
import { sanitizeContentHtml } from './content-html.ts';

/** Most characters of a content's HTML as sent (well inside the 1 MiB body limit). */
export const maxContentLength = 200_000;

/** `contentData` on create (Lectern's own API). */
export const ContentDataInput = Type.Object(
  {
    name: Type.String({
      minLength: 1,
      maxLength: 250,
      pattern: '\\S',
      errorMessage: 'must be a text of 1 to 250 characters',
    }),
    content: Type.Optional(
      Type.String({
        maxLength: maxContentLength,
        errorMessage: `must be an HTML text of at most ${maxContentLength} characters`,
      }),
    ),
    description: Type.Optional(
      Type.String({ maxLength: 10000, errorMessage: 'must be a text of at most 10000 characters' }),
    ),
    isMandatory: Type.Optional(Type.Boolean({ errorMessage: 'must be true or false' })),
    lockUntil: Type.Optional(
      documentedAs(
        Type.Union([Type.String(), Type.Null()], { errorMessage: 'must be a date as DD-MM-YYYY' }),
        OptionalDateShape,
      ),
    ),
    resources: Type.Optional(ResourcesInput),
  },
  { title: 'ContentData' },
);

/** `contentData` on update: every key optional (keys not sent keep their values). */
export const ContentUpdateInput = Type.Partial(ContentDataInput, { title: 'ContentUpdate' });

/** Validated `contentData`. */
export type ContentInput = Partial<Static<typeof ContentDataInput>>;

/** The content object (provisional), keyed like the link object of Zoho's samples. */
export const ContentSchema = Type.Object({
  contentId: Type.String(),
  contentName: Type.String(),
  isMandatoryContent: Type.Boolean(),
  canMarkAsComplete: Type.Integer(),
  isLocked: Type.Boolean(),
  lockUntil: Type.String(),
  description: Type.String(),
  content: Type.String(),
  canUserEdit: Type.Boolean(),
  canUserDelete: Type.Boolean(),
  moduleId: Type.String(),
  resources: Type.Array(ResourceSchema),
});

/** Turns validated contentData into the shared fields (create when `current` is undefined); the HTML is sanitised. */
export function contentFields(input: ContentInput, current?: EntityView): Partial<EntityFields> {
  const fields = commonEntityFields(input, 'contentData');
  const settings = { ...(current?.settings ?? { content: '' }) };
  if (input.content !== undefined) settings.content = sanitizeContentHtml(input.content);
  if (input.resources !== undefined) settings.resources = readResources(input.resources, 'contentData');
  return completeEntityFields(fields, settings, current);
}

/** The content object for a view. */
export function presentContent(view: EntityView) {
  const { row } = view;
  return {
    contentId: row.id,
    contentName: row.name,
    isMandatoryContent: row.is_mandatory === 1,
    canMarkAsComplete: view.canMarkAsComplete ? 1 : 0,
    isLocked: view.isLocked,
    lockUntil: row.lock_until === null ? '' : zohoDateText(row.lock_until),
    description: row.description,
    content: String(view.settings.content ?? ''),
    canUserEdit: view.canManage,
    canUserDelete: view.canManage,
    moduleId: row.module_id ?? '',
    resources: resourcesOf(view),
  };
}

/** The Content API's declaration for the shared entity routes: read-only (no write schemas), as Zoho has it. */
export const contentKind: EntityKind<ContentInput> = {
  entityType: EntityType.content,
  plural: 'contents',
  singular: 'content',
  idParam: 'contentId',
  dataName: 'contentData',
  noun: 'Content',
  itemSchema: ContentSchema,
  present: presentContent,
};
