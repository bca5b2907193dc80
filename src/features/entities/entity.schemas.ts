/**
 * The module entities' request and response schemas. Every kind shares one route declaration, so these are made per
 * kind (its data object's name, its item schema) and per family (its path parameters).
 */
import { type TObject, type TSchema, Type } from '@sinclair/typebox';
import { HttpUrlShape } from '../../http/input-shapes.ts';
import { dataObjectParameter, documentedAs, startIndexParameter } from '../../http/parameters.ts';

/** The querystring of every entity list: the page's start. */
export const entityListQuery = Type.Object({ startIndex: startIndexParameter });

/** Path params schema for a family, with the module and item ids when asked. */
export function familyParams(batch: boolean, extra: string[]): TObject {
  const keys = ['courseId', ...(batch ? ['batchId'] : []), ...extra];
  return Type.Object(Object.fromEntries(keys.map((key) => [key, Type.String()])));
}

/** The query of a write: the data object, validated by its reader against `schema`. */
export function entityDataQuery(dataName: string, schema: TObject): TObject {
  return Type.Object({
    [dataName]: dataObjectParameter(schema, { description: `The data as JSON (or send it as the JSON or form body)` }),
  });
}

/** The body of a write: the data object may come here instead of the query, read by the handler. */
export const entityDataBody = (dataName: string) =>
  Type.Optional(Type.Unknown({ description: `${dataName} as a JSON body, bare or wrapped, or a form field` }));

/** `{"code":200,"<singular>":{...},"message":"success"}`: one item of a kind. */
export const entityItemEnvelope = (singular: string, itemSchema: TSchema) =>
  Type.Object({
    code: Type.Literal(200),
    [singular]: itemSchema,
    message: Type.Literal('success'),
  });

/** A page of a kind's items; Zoho's Fetch Course Links sample puts `code` before the list. */
export const entityListEnvelope = (plural: string, itemSchema: TSchema) =>
  Type.Object({
    code: Type.Literal(200),
    [plural]: Type.Array(itemSchema),
    message: Type.Literal('success'),
    hasMoreRecords: Type.Boolean(),
  });

/** `{"code":200,"message":"success"}` for a deleted item. */
export const entityDeletedBody = Type.Object({ code: Type.Literal(200), message: Type.Literal('success') });

/** Most resources one item may list. */
export const maximumResources = 20;

/** `resources`: the attachments every module entity may list, as `{resourceName, resourceURL}`. One in the output, as Zoho's link list sample shows it. */
export const ResourceSchema = Type.Object({ resourceURL: Type.String(), resourceName: Type.String() });

/** A resource as sent: the output's keys, so that a fetched object's resources can be sent back. */
export const ResourceInput = Type.Object(
  {
    resourceName: Type.String({
      minLength: 1,
      maxLength: 250,
      pattern: '\\S',
      errorMessage: 'must be a text of 1 to 250 characters',
    }),
    resourceURL: documentedAs(
      Type.String({ minLength: 1, maxLength: 2000, errorMessage: 'must be an http or https URL' }),
      HttpUrlShape,
    ),
  },
  { title: 'Resource', errorMessage: 'must be an object {"resourceName","resourceURL"}' },
);

/** The `resources` key of a data object. */
export const ResourcesInput = Type.Array(ResourceInput, {
  maxItems: maximumResources,
  errorMessage: `must be a list of at most ${maximumResources} {resourceName, resourceURL} objects`,
});
