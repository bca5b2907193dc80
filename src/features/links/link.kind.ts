/** Zoho's Link API as a module-entity kind: input keys, validation, and the sample's output object. */
import { type Static, Type } from '@sinclair/typebox';
import { zohoDateText } from '../../dates.ts';
import { EntityType } from '../../entity-types.ts';
import { invalidInput } from '../../errors.ts';
import { HttpUrlShape, OptionalDateShape } from '../../http/input-shapes.ts';
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

const text = (max: number) =>
  Type.String({ maxLength: max, errorMessage: `must be a text of at most ${max} characters` });

/** `linkData` on create. */
export const LinkDataInput = Type.Object(
  {
    name: Type.String({
      minLength: 1,
      maxLength: 250,
      pattern: '\\S',
      errorMessage: 'must be a text of 1 to 250 characters',
    }),
    embedURL: documentedAs(
      Type.String({
        minLength: 1,
        maxLength: 2000,
        errorMessage: 'must be an http or https URL of at most 2000 characters',
      }),
      HttpUrlShape,
    ),
    description: Type.Optional(text(10000)),
    isMandatory: Type.Optional(Type.Boolean({ errorMessage: 'must be true or false' })),
    lockUntil: Type.Optional(
      documentedAs(
        Type.Union([Type.String(), Type.Null()], { errorMessage: 'must be a date as DD-MM-YYYY' }),
        OptionalDateShape,
      ),
    ),
    resources: Type.Optional(ResourcesInput),
  },
  { title: 'LinkData' },
);

/** `linkData` on update: every key optional. */
export const LinkUpdateInput = Type.Partial(LinkDataInput, { title: 'LinkUpdate' });

type LinkInput = Partial<Static<typeof LinkDataInput>>;

/** The link object, in the key order of Zoho's Fetch Course Links sample. */
export const LinkSchema = Type.Object({
  lockUntil: Type.String(),
  linkId: Type.String(),
  isMandatoryLink: Type.Boolean(),
  canMarkAsComplete: Type.Integer(),
  isLocked: Type.Boolean(),
  link: Type.String(),
  description: Type.String(),
  resources: Type.Array(ResourceSchema),
  canUserEdit: Type.Boolean(),
  moduleId: Type.String(),
  linkName: Type.String(),
  canUserDelete: Type.Boolean(),
});

function checkUrl(value: string): string {
  let url: URL;
  try {
    url = new URL(value.trim());
  } catch {
    throw invalidInput('linkData.embedURL', `must be an http or https URL, got ${JSON.stringify(value)}`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw invalidInput('linkData.embedURL', `must be an http or https URL, got ${JSON.stringify(value)}`);
  }
  return value.trim();
}

function toFields(input: LinkInput, current?: EntityView): Partial<EntityFields> {
  const fields = commonEntityFields(input, 'linkData');
  const settings = { ...(current?.settings ?? {}) };
  if (input.embedURL !== undefined) settings.embedURL = checkUrl(input.embedURL);
  if (input.resources !== undefined) settings.resources = readResources(input.resources, 'linkData');
  return completeEntityFields(fields, settings, current);
}

/** Zoho's link object for a view. */
export function presentLink(view: EntityView) {
  const { row } = view;
  return {
    lockUntil: row.lock_until === null ? '' : zohoDateText(row.lock_until),
    linkId: row.id,
    isMandatoryLink: row.is_mandatory === 1,
    canMarkAsComplete: view.canMarkAsComplete ? 1 : 0,
    isLocked: view.isLocked,
    link: String(view.settings.embedURL ?? ''),
    description: row.description,
    resources: resourcesOf(view),
    canUserEdit: view.canManage,
    moduleId: row.module_id ?? '',
    linkName: row.name,
    canUserDelete: view.canManage,
  };
}

/** The Link API's declaration for the shared entity routes. */
export const linkKind: EntityKind<LinkInput> = {
  entityType: EntityType.link,
  plural: 'links',
  singular: 'link',
  idParam: 'linkId',
  dataName: 'linkData',
  noun: 'Link',
  itemSchema: LinkSchema,
  present: presentLink,
  createInput: LinkDataInput,
  updateInput: LinkUpdateInput,
  toFields,
};
