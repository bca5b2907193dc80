/**
 * The finishing pass over the generated OpenAPI document (@fastify/swagger's `transformObject`): installs what
 * openapi-operations.ts derived per route, and writes the request side the way clients send it (ids as digits or
 * JSON numbers, no validator-only keywords).
 */
import { numericIdPattern } from '../ids.ts';
import type { OperationExtras } from './openapi-operations.ts';

type Json = Record<string, unknown>;

const methods = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'];
const schemaMaps = ['properties', 'patternProperties', '$defs'];
const schemaLists = ['anyOf', 'oneOf', 'allOf', 'prefixItems'];
const subSchemas = ['items', 'additionalProperties', 'not', 'contains'];

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A copy of a schema with `change` applied to it and every schema inside it, innermost first. */
export function mapSchema(schema: unknown, change: (schema: Json) => Json): unknown {
  if (!isObject(schema)) return schema;
  const copy: Json = { ...schema };
  for (const key of schemaMaps) {
    const map = copy[key];
    if (isObject(map)) {
      copy[key] = Object.fromEntries(Object.entries(map).map(([name, inner]) => [name, mapSchema(inner, change)]));
    }
  }
  for (const key of schemaLists) {
    const list = copy[key];
    if (Array.isArray(list)) copy[key] = list.map((inner) => mapSchema(inner, change));
  }
  for (const key of subSchemas) {
    if (isObject(copy[key])) copy[key] = mapSchema(copy[key], change);
  }
  return change(copy);
}

/** `anyOf` of one-value enums of one type (TypeBox's union of literals) as one enum, or undefined. */
function literalUnion(members: unknown): Json | undefined {
  if (!Array.isArray(members) || members.length === 0) return undefined;
  const values: unknown[] = [];
  const types = new Set<unknown>();
  for (const member of members) {
    if (
      !isObject(member) ||
      !Array.isArray(member.enum) ||
      Object.keys(member).some((key) => key !== 'type' && key !== 'enum')
    ) {
      return undefined;
    }
    types.add(member.type);
    values.push(...member.enum);
  }
  const [type] = types;
  return types.size === 1 && type !== undefined ? { type, enum: values } : undefined;
}

/** A schema without TypeBox's `errorMessage`, literals as enums (what Swagger UI and most generators read best). */
function tidy(schema: Json): Json {
  const { errorMessage: _refusalText, ...rest } = schema;
  const literals = literalUnion(rest.anyOf);
  if (literals !== undefined) {
    const { anyOf: _members, ...annotations } = rest;
    return { ...annotations, ...literals };
  }
  if ('const' in rest) {
    const { const: value, ...others } = rest;
    return { ...others, enum: [value] };
  }
  return rest;
}

/** One input schema as clients may send it: tidy, and an id as digits or as a JSON number (parsed losslessly). */
function asSent(schema: Json): Json {
  const rest = tidy(schema);
  if (rest.type === 'string' && rest.pattern === numericIdPattern) {
    const { type: _type, pattern, ...annotations } = rest;
    return {
      ...annotations,
      anyOf: [
        { type: 'string', pattern },
        { type: 'integer', minimum: 1 },
      ],
    };
  }
  return rest;
}

function inputSchema(schema: unknown): unknown {
  return mapSchema(schema, asSent);
}

/** Media types of a parameter or body, with their schemas written as sent. */
function withContent(holder: Json): Json {
  const content = holder.content;
  if (!isObject(content)) return holder;
  const media = Object.entries(content).map(([type, value]) => [
    type,
    isObject(value) ? { ...value, schema: inputSchema(value.schema) } : value,
  ]);
  return { ...holder, content: Object.fromEntries(media) };
}

function finishParameter(parameter: Json): Json {
  // A path id is text in the URL either way.
  if (parameter.in !== 'query') return { ...parameter, schema: mapSchema(parameter.schema, tidy) };
  const withSchema = 'schema' in parameter ? { ...parameter, schema: inputSchema(parameter.schema) } : parameter;
  return withContent(withSchema);
}

function finishOperation(operation: Json & OperationExtras, components: Record<string, unknown>): void {
  const query = operation['x-lectern-query'];
  if (query !== undefined) {
    operation.parameters = [...query, ...((operation.parameters as Json[] | undefined) ?? [])];
  }
  const body = operation['x-lectern-request-body'];
  if (body !== undefined && body !== null) operation.requestBody = body;
  for (const [name, schema] of Object.entries(operation['x-lectern-components'] ?? {})) {
    const shown = inputSchema(schema);
    if (components[name] !== undefined && JSON.stringify(components[name]) !== JSON.stringify(shown)) {
      throw new Error(`two different schemas are named ${name} in the OpenAPI document`);
    }
    components[name] = shown;
  }
  for (const key of ['x-lectern-query', 'x-lectern-request-body', 'x-lectern-components']) {
    delete operation[key];
  }
  if (Array.isArray(operation.parameters)) {
    const parameters = (operation.parameters as Json[]).map(finishParameter);
    if (parameters.length === 0) delete operation.parameters;
    else operation.parameters = parameters;
  }
  if (isObject(operation.requestBody)) operation.requestBody = withContent(operation.requestBody);
}

/** @fastify/swagger's `transformObject`: the document with every operation finished. */
export function finishDocument(generated: { openapiObject: object } | { swaggerObject: object }) {
  if (!('openapiObject' in generated)) return generated.swaggerObject;
  const document = generated.openapiObject as Json & { paths?: Record<string, Json>; components?: Json };
  document.components ??= {};
  document.components.schemas ??= {};
  const schemas = document.components.schemas as Record<string, unknown>;
  for (const item of Object.values(document.paths ?? {})) {
    for (const method of methods) {
      const operation = item[method];
      if (isObject(operation)) finishOperation(operation, schemas);
    }
  }
  return document;
}

/**
 * The document for generators that type a parameter from its `schema` only, such as openapi-typescript 7
 * (openapi-ts/openapi-typescript#2569 types a `content` parameter as string): each JSON query parameter's schema
 * moves to `schema`, so `courseData` comes out as its object. A client must still send it as JSON text.
 */
export function withJsonParametersAsSchemas<T extends object>(document: T): T {
  const copy = structuredClone(document) as T & { paths?: Record<string, Json> };
  for (const item of Object.values(copy.paths ?? {})) {
    for (const method of methods) {
      const operation = item[method];
      if (!isObject(operation) || !Array.isArray(operation.parameters)) continue;
      operation.parameters = operation.parameters.map((parameter: Json) => {
        const media = isObject(parameter.content) ? parameter.content['application/json'] : undefined;
        if (!isObject(media)) return parameter;
        const { content: _json, ...rest } = parameter;
        return { ...rest, schema: media.schema };
      });
    }
  }
  return copy;
}
