/** `resources`: the attachments every module entity may list, read and stored (their schemas are in entity.schemas.ts). */
import { invalidInput } from '../../errors.ts';
import type { EntityView } from './entity.service.ts';

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
