/** `resources`: the attachments every module entity may list, as `{resourceName, resourceURL}` (Zoho's output keys). */
import { Type } from '@sinclair/typebox';
import { invalidInput } from '../../errors.ts';
import { HttpUrlShape } from '../../http/input-shapes.ts';
import { documentedAs } from '../../http/parameters.ts';
import type { EntityView } from './entity.service.ts';

/** Most resources one item may list. */
export const maximumResources = 20;

/** One resource in the output, as Zoho's link list sample shows it. */
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

/** A stored resource. */
export interface Resource {
  resourceURL: string;
  resourceName: string;
}

/** Checks an http(s) URL, naming the parameter when it is not one. */
export function checkHttpUrl(value: string, parameter: string): string {
  const trimmed = value.trim();
  let url: URL | undefined;
  try {
    url = new URL(trimmed);
  } catch {
    url = undefined;
  }
  if (url === undefined || (url.protocol !== 'http:' && url.protocol !== 'https:')) {
    throw invalidInput(parameter, `must be an http or https URL, got ${JSON.stringify(value)}`);
  }
  return trimmed;
}

/** The resources as they will be stored in the entity's settings. */
export function readResources(
  input: readonly { resourceName: string; resourceURL: string }[],
  dataName: string,
): Resource[] {
  return input.map((resource, index) => ({
    resourceURL: checkHttpUrl(resource.resourceURL, `${dataName}.resources.${index}.resourceURL`),
    resourceName: resource.resourceName.trim(),
  }));
}

/** An entity's stored resources, for its presenter. */
export function resourcesOf(view: EntityView): Resource[] {
  return (view.settings.resources ?? []) as Resource[];
}
