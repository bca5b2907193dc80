/**
 * Every operation of the committed openapi.json as plain data for the fuzzer: method, path, parameters (a JSON-in-query
 * data object such as `courseData` is a query parameter with a content schema) and request bodies, references resolved.
 */
import { readFileSync } from 'node:fs';

/** A JSON schema as openapi.json writes it (references already resolved). */
export type Schema = Record<string, any>;

/** One parameter: where it goes, and its schema; `json` when its value is a JSON text (a data object). */
export interface FuzzParameter {
  name: string;
  in: 'path' | 'query' | 'header';
  required: boolean;
  schema: Schema;
  json: boolean;
}

/** One operation of the document. */
export interface FuzzOperation {
  /** operationId, or METHOD path when the document names none. */
  name: string;
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  /** The path as the document writes it: `/api/v1/courses/{courseId}`. */
  path: string;
  parameters: FuzzParameter[];
  /** Declared request bodies by content type (application/json, x-www-form-urlencoded, multipart/form-data). */
  bodies: Record<string, Schema>;
}

const methods = ['get', 'put', 'post', 'patch', 'delete'] as const;

/** Replaces every `$ref` into components with the schema it names (the document's schemas are not recursive). */
function resolve(value: unknown, components: Record<string, Schema>, depth = 0): any {
  if (depth > 40) throw new Error('openapi.json: a $ref chain deeper than 40; is a schema recursive?');
  if (Array.isArray(value)) return value.map((item) => resolve(item, components, depth + 1));
  if (value === null || typeof value !== 'object') return value;
  const ref = (value as { $ref?: string }).$ref;
  if (typeof ref === 'string') {
    const name = ref.replace('#/components/schemas/', '');
    const target = components[name];
    if (target === undefined) throw new Error(`openapi.json: unresolved $ref ${ref}`);
    return resolve(target, components, depth + 1);
  }
  return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, resolve(item, components, depth + 1)]));
}

/** Reads the repository's openapi.json and lists its operations in document order. */
export function readOperations(file = new URL('../../../openapi.json', import.meta.url)): FuzzOperation[] {
  const document = JSON.parse(readFileSync(file, 'utf8'));
  const components: Record<string, Schema> = document.components?.schemas ?? {};
  const operations: FuzzOperation[] = [];
  for (const [path, item] of Object.entries<Record<string, any>>(document.paths)) {
    for (const method of methods) {
      const operation = item[method];
      if (operation === undefined) continue;
      const parameters = [...(item.parameters ?? []), ...(operation.parameters ?? [])].map(
        (parameter: any): FuzzParameter => {
          const content = parameter.content?.['application/json']?.schema;
          return {
            name: parameter.name,
            in: parameter.in,
            required: parameter.required === true,
            schema: resolve(content ?? parameter.schema ?? {}, components),
            json: content !== undefined,
          };
        },
      );
      const bodies: Record<string, Schema> = {};
      for (const [type, media] of Object.entries<any>(operation.requestBody?.content ?? {})) {
        bodies[type] = resolve(media.schema ?? {}, components);
      }
      operations.push({
        name: operation.operationId ?? `${method.toUpperCase()} ${path}`,
        method: method.toUpperCase() as FuzzOperation['method'],
        path,
        parameters,
        bodies,
      });
    }
  }
  return operations;
}

/** True for the methods that may change data. */
export function isWrite(operation: Pick<FuzzOperation, 'method'>): boolean {
  return operation.method !== 'GET';
}

/**
 * The order to fuzz in, one world for all: every operation but the deletes in document order, then the deletes from
 * the deepest path to the shallowest, so that a delete that succeeds takes away only what later operations no
 * longer need (a course's files before its modules, its modules before the course).
 */
export function fuzzOrder(operations: readonly FuzzOperation[]): FuzzOperation[] {
  const depth = (operation: FuzzOperation) => operation.path.split('/').length;
  const deletes = operations.filter((operation) => operation.method === 'DELETE');
  return [
    ...operations.filter((operation) => operation.method !== 'DELETE'),
    ...deletes.sort((a, b) => depth(b) - depth(a)),
  ];
}
