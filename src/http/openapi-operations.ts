/**
 * Each route's OpenAPI operation, derived from its declaration: the security its `config.scope` demands, the query
 * parameters and body its readers accept (parameters.ts), typed path ids. Runs as @fastify/swagger's `transform`,
 * so Fastify's own validation is untouched; the pieces swagger cannot express ride on `x-lectern-*` keys that
 * openapi-document.ts installs.
 */
import { OptionalKind, type TSchema } from '@sinclair/typebox';
import type { FastifySchema, RouteOptions } from 'fastify';
import { type RouteScope, scopesAdmitting } from '../access/index.ts';
import {
  bodyDocumentation,
  IdText,
  type ParameterDocumentation,
  parameterDocumentation,
  shownSchema,
} from './parameters.ts';

/** Zoho Accounts' OAuth 2 (authorization code) and the `Authorization: Zoho-oauthtoken` header it feeds. */
export const securitySchemeNames = { oauth: 'zohoOAuth', token: 'zohoOauthToken' } as const;

type Json = Record<string, unknown>;
type SecurityRequirement = Record<string, string[]>;

/** What a route's schema carries to the document on top of swagger's own output. */
export interface OperationExtras {
  'x-lectern-query'?: Json[];
  /** The request body; null when the route reads none. */
  'x-lectern-request-body'?: Json | null;
  /** Data objects named by their `title`, for `#/components/schemas`. */
  'x-lectern-components'?: Record<string, Json>;
}

/** The alternatives that admit a route: its scope or its family's ALL (access/scopes.ts), by either scheme. */
export function securityFor(scope: RouteScope | undefined): SecurityRequirement[] {
  if (scope === undefined) return [];
  const accepted = scopesAdmitting(scope);
  return Object.values(securitySchemeNames).flatMap((scheme) => accepted.map((name) => ({ [scheme]: [name] })));
}

function describeAccess(config: RouteOptions['config']): string | undefined {
  const scope = config?.scope;
  if (scope === undefined) return undefined;
  const scopes = scopesAdmitting(scope).join(' or ');
  const who =
    config?.access === 'operator'
      ? " Only the server's operator."
      : config?.access === 'admin'
        ? ' Only portal admins (or the operator).'
        : '';
  return `Scope: ${scopes}.${who}`;
}

/**
 * A TypeBox schema as the document shows it: plain JSON (symbols dropped), documentedAs schemas replaced by what they
 * show, titled objects moved to components and referenced.
 */
function documentSchema(schema: TSchema, components: Record<string, Json>): Json {
  const convert = (value: unknown): unknown => {
    if (Array.isArray(value)) return value.map(convert);
    if (typeof value !== 'object' || value === null) return value;
    const shown = shownSchema(value);
    if (shown !== undefined) {
      const description = (value as { description?: unknown }).description;
      return convert(description === undefined || shown.description !== undefined ? shown : { ...shown, description });
    }
    const copy: Json = {};
    for (const [key, inner] of Object.entries(value)) copy[key] = convert(inner);
    const title = copy.title;
    if (typeof title !== 'string' || copy.type !== 'object') return copy;
    const known = components[title];
    if (known !== undefined && JSON.stringify(known) !== JSON.stringify(copy)) {
      throw new Error(`two different request schemas are titled ${title}; give each its own title`);
    }
    components[title] = copy;
    return { $ref: `#/components/schemas/${title}` };
  };
  return convert(schema) as Json;
}

interface Declared {
  name: string;
  runtime: TSchema;
  documentation: ParameterDocumentation | undefined;
}

function declaredQuery(schema: FastifySchema): Declared[] {
  const properties = (schema.querystring as { properties?: Record<string, TSchema> } | undefined)?.properties ?? {};
  return Object.entries(properties).map(([name, runtime]) => ({
    name,
    runtime,
    documentation: parameterDocumentation(runtime),
  }));
}

/** True when the parameter may come in the body instead (the route reads its body as parameters). */
function alsoInBody(parameter: Declared, schema: FastifySchema): boolean {
  return !parameter.documentation?.queryOnly && schema.body !== undefined && isOpen(schema.body as TSchema);
}

function queryParameter(parameter: Declared, route: FastifySchema, components: Record<string, Json>): Json {
  const { name, runtime, documentation: shown } = parameter;
  const required = shown?.required === true;
  const elsewhere = alsoInBody(parameter, route);
  const where = required && elsewhere ? 'Required: in the query or in the body.' : undefined;
  const said = runtime.description === undefined ? undefined : runtime.description.replace(/([^.])$/, '$1.');
  const description = [said, where].filter(Boolean).join(' ');
  const base: Json = {
    name,
    in: 'query',
    required: required && !elsewhere,
    ...(description === '' ? {} : { description }),
  };
  if (shown === undefined) {
    const { description: _shownAbove, ...plain } = documentSchema(runtime, components);
    return { ...base, schema: plain };
  }
  const value = documentSchema(shown.schema, components);
  return shown.json ? { ...base, content: { 'application/json': { schema: value } } } : { ...base, schema: value };
}

function isOpen(body: TSchema): boolean {
  return body.type === undefined && body.anyOf === undefined && body.$ref === undefined;
}

/** The body's fields: every parameter the handler also reads from the body. */
function bodyFields(carried: Declared[], components: Record<string, Json>) {
  const properties: Record<string, Json> = {};
  const encoding: Record<string, Json> = {};
  const required: string[] = [];
  for (const { name, runtime, documentation: shown } of carried) {
    properties[name] = documentSchema(shown?.schema ?? runtime, components);
    if (shown?.json) encoding[name] = { contentType: 'application/json' };
    if (shown?.required) required.push(name);
  }
  const object = { type: 'object', properties, ...(required.length > 0 ? { required } : {}) };
  return { object, encoding };
}

/** A body Fastify validates against its own schema (Lectern's control plane): that schema, optional if marked so. */
function declaredBody(schema: FastifySchema, components: Record<string, Json>): Json {
  const body = schema.body as TSchema;
  const consumes = (schema as { consumes?: string[] }).consumes ?? ['application/json'];
  const shown = documentSchema(body, components);
  return {
    ...(body.description === undefined ? {} : { description: body.description }),
    required: body[OptionalKind] !== 'Optional',
    content: Object.fromEntries(consumes.map((type) => [type, { schema: shown }])),
  };
}

/** A body the route reads its parameters from (or an upload): documented from those parameters. */
function parametersBody(schema: FastifySchema, components: Record<string, Json>): Json | null {
  const body = schema.body as TSchema;
  const upload = bodyDocumentation(body);
  const carried = declaredQuery(schema).filter((parameter) => !parameter.documentation?.queryOnly);
  if (carried.length === 0 && upload === undefined) return null;
  const { object, encoding } = bodyFields(carried, components);
  const dataObjects = carried.filter((parameter) => parameter.documentation?.dataObject);
  // The data object may be the body itself (bare), as Zoho's newer samples send it.
  const bare = dataObjects.length === 1 ? documentSchema(dataObjects[0]!.documentation!.schema, components) : undefined;
  const json = bare === undefined ? object : { anyOf: [object, bare] };
  const files = Object.entries(upload?.files ?? {});
  const partsRequired = [...(object.required ?? []), ...files.filter(([, needed]) => needed).map(([name]) => name)];
  const multipart = {
    type: 'object',
    properties: {
      ...object.properties,
      ...Object.fromEntries(files.map(([name]) => [name, { type: 'string', format: 'binary' }])),
    },
    ...(partsRequired.length > 0 ? { required: partsRequired } : {}),
  };
  const encoded = Object.keys(encoding).length > 0 ? { encoding } : {};
  const media: Record<string, Json> = {
    'application/json': { schema: json },
    'application/x-www-form-urlencoded': { schema: object, ...encoded },
    'multipart/form-data': { schema: multipart, ...encoded },
  };
  const consumes = (schema as { consumes?: string[] }).consumes ?? [
    'application/json',
    'application/x-www-form-urlencoded',
  ];
  return {
    ...(body.description === undefined ? {} : { description: body.description }),
    required: upload?.required ?? false,
    content: Object.fromEntries(consumes.map((type) => [type, media[type]])),
  };
}

/** Path parameters are ids unless declared otherwise (textParameter). */
function pathParameters(params: TSchema): Json {
  const properties = (params as { properties?: Record<string, TSchema> }).properties ?? {};
  const shown = Object.fromEntries(
    Object.entries(properties).map(([name, runtime]) => {
      const declared = parameterDocumentation(runtime)?.schema ?? shownSchema(runtime) ?? IdText;
      const schema = documentSchema(declared, {});
      return [name, runtime.description === undefined ? schema : { ...schema, description: runtime.description }];
    }),
  );
  return { type: 'object', properties: shown, required: Object.keys(shown) };
}

/** @fastify/swagger's `transform`: the route's operation as the document shows it. */
export function describeOperation({ schema, url, route }: { schema: FastifySchema; url: string; route: RouteOptions }) {
  if (schema === undefined || (schema as { hide?: boolean }).hide) return { schema, url };
  const shown: FastifySchema & OperationExtras & Json = { ...schema };
  const components: Record<string, Json> = {};
  shown.security = securityFor(route.config?.scope);
  const access = describeAccess(route.config);
  if (access !== undefined) shown.description = [schema.description, access].filter(Boolean).join('\n\n');
  if (schema.params !== undefined) shown.params = pathParameters(schema.params as TSchema);
  if (schema.body !== undefined) {
    const open = isOpen(schema.body as TSchema);
    shown['x-lectern-request-body'] = open ? parametersBody(schema, components) : declaredBody(schema, components);
    delete shown.body;
  }
  if (schema.querystring !== undefined) {
    shown['x-lectern-query'] = declaredQuery(schema).map((parameter) => queryParameter(parameter, schema, components));
    delete shown.querystring;
  }
  if (Object.keys(components).length > 0) shown['x-lectern-components'] = components;
  return { schema: shown, url };
}
