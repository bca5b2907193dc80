/**
 * Requests for one operation of openapi.json: path ids of the world, of another portal or hostile; query parameters
 * valid or hostile; the data object (JSON-in-query parameter or body) near its schema or hostile, in every delivery
 * of hostile-input.ts (wrong content types among them) and as a multipart upload; mostly the admin's token.
 */
import fc from 'fast-check';
import type { InjectOptions } from 'fastify';
import { multipart } from '../files.ts';
import { deliveries, hostileString, hostileValueText, percentEncode, requestFor } from '../hostile-input.ts';
import type { FuzzOperation, FuzzParameter, Schema } from './operations.ts';
import { fuzzText, plainValue, validText } from './schema-values.ts';
import { type FuzzWorld, foreignIdsFor, homeIdsFor } from './world.ts';

/** A generated request: the operation's name, and what to inject. */
export interface FuzzRequest {
  operation: string;
  inject: InjectOptions;
}

/** Node refuses a request head over 16 KB before Lectern sees it (input-errors.test.ts): no URL gets that long. */
const urlTextLimit = 8000;

const shortHostile = hostileString.filter((text) => text.length < urlTextLimit);

/** Path segments a router or id parser may trip on. */
const hostileSegment = fc.oneof(
  shortHostile.filter((text) => text.length > 0).map(percentEncode),
  fc.constantFrom('%', '%zz', '%C0%AF', '%FF', '..', '%2F', '0', '-1', '1e3', ' 1', '1.0', 'x'.repeat(250)),
);

function pathNames(operation: FuzzOperation): string[] {
  return [...operation.path.matchAll(/\{([^}]+)\}/g)].map((match) => match[1]!);
}

/** The path with each parameter: the home world's id (mostly), another portal's, another kind's, or hostile. */
function pathArbitrary(operation: FuzzOperation, world: FuzzWorld): fc.Arbitrary<string> {
  const names = pathNames(operation);
  const home = homeIdsFor(world, names);
  const foreign = foreignIdsFor(world, names);
  const segments = names.map((name) => {
    const own = home[name] ?? world.ids.valid[0]!;
    return fc.oneof(
      { weight: 12, arbitrary: fc.constant(encodeURIComponent(own)) },
      { weight: 1, arbitrary: fc.constant(encodeURIComponent(foreign[name] ?? world.ids.foreign[0]!)) },
      { weight: 1, arbitrary: fc.constantFrom(...world.ids.valid) },
      { weight: 1, arbitrary: hostileSegment },
    );
  });
  return fc.tuple(...segments).map((values) => {
    let index = 0;
    return operation.path.replace(/\{[^}]+\}/g, () => values[index++]!);
  });
}

/** `name=value` pairs of the plain query parameters: each left out, valid, or hostile. */
function queryArbitrary(parameters: FuzzParameter[], world: FuzzWorld): fc.Arbitrary<string[]> {
  const pairs = parameters.map((parameter) => {
    const value = fc.oneof(
      { weight: 4, arbitrary: validText(parameter.schema, world.ids, parameter.name).map(plainValue) },
      { weight: 1, arbitrary: shortHostile },
    );
    const pair = value.map((text) => `${encodeURIComponent(parameter.name)}=${percentEncode(text)}`);
    return fc.option(pair, { freq: parameter.required ? 10 : 2, nil: undefined });
  });
  return fc.tuple(...pairs).map((all) => all.filter((pair): pair is string => pair !== undefined));
}

/** The data object's schema and name: a JSON-in-query parameter, else the JSON body's schema. */
function dataOf(operation: FuzzOperation): { name: string; schema: Schema } | undefined {
  const parameter = operation.parameters.find((candidate) => candidate.json);
  if (parameter !== undefined) return { name: parameter.name, schema: parameter.schema };
  const body = operation.bodies['application/json'];
  return body === undefined ? undefined : { name: 'data', schema: body };
}

type Way = (typeof deliveries)[number] | 'multipart upload';

/** The documented ways (a multipart upload where the operation takes one) most often; wrong ones the rest. */
const documented = new Set<Way>(['bare JSON body', 'wrapped JSON body', 'query', 'form field', 'multipart upload']);

function wayArbitrary(uploads: boolean): fc.Arbitrary<Way> {
  const all: Way[] = uploads ? [...deliveries, 'multipart upload'] : [...deliveries];
  const weight = (way: Way) => (way === 'multipart upload' ? 8 : documented.has(way) ? 3 : 1);
  return fc.oneof(...all.map((way) => ({ weight: weight(way), arbitrary: fc.constant(way) })));
}

/** The data object's text and how it travels; a body-less operation sends none most of the time. */
function dataArbitrary(operation: FuzzOperation, world: FuzzWorld) {
  const data = dataOf(operation);
  const uploads = 'multipart/form-data' in operation.bodies;
  if (data === undefined && !uploads) {
    return fc.option(fc.tuple(fc.constant('data'), fc.constantFrom(...deliveries), hostileValueText), { freq: 8 });
  }
  const schema = data?.schema ?? operation.bodies['multipart/form-data']?.properties?.fileData ?? {};
  const text = fc.oneof(
    { weight: 2, arbitrary: validText(schema, world.ids) },
    { weight: 5, arbitrary: fuzzText(schema, world.ids) },
  );
  return fc.tuple(fc.constant(data?.name ?? 'fileData'), wayArbitrary(uploads), text);
}

function withQuery(url: string, pairs: string[]): string {
  if (pairs.length === 0) return url;
  return `${url}${url.includes('?') ? '&' : '?'}${pairs.join('&')}`;
}

/** A multipart body with the data object as the `fileData` field and a small file. */
function uploadOptions(base: InjectOptions, name: string, text: string): InjectOptions {
  const body = multipart([
    { name, value: text },
    { name: 'file', filename: 'notes.txt', data: Buffer.from('fuzz'), contentType: 'text/plain' },
  ]);
  return { ...base, payload: body.payload, headers: { ...base.headers, ...body.headers } };
}

/** Every request the fuzzer may send to an operation. */
export function requestArbitrary(operation: FuzzOperation, world: FuzzWorld): fc.Arbitrary<FuzzRequest> {
  const plain = operation.parameters.filter((parameter) => parameter.in === 'query' && !parameter.json);
  const authorization = fc.oneof(
    { weight: 14, arbitrary: fc.constant<string | undefined>(world.adminAuthorization) },
    { weight: 1, arbitrary: fc.constantFrom<string | undefined>(...world.otherAuthorizations, undefined) },
  );
  return fc
    .record({
      path: pathArbitrary(operation, world),
      query: queryArbitrary(plain, world),
      data: dataArbitrary(operation, world),
      authorization,
    })
    .filter(({ data }) => data === null || data[1] !== 'query' || data[2].length < urlTextLimit)
    .map(({ path, query, data, authorization: header }) => {
      let inject: InjectOptions = { method: operation.method, url: path, headers: {} };
      if (data !== null) {
        const [dataName, way, text] = data;
        const write = { name: operation.name, method: 'POST' as const, url: path, dataName, knownKeys: [] };
        inject =
          way === 'multipart upload'
            ? uploadOptions(inject, dataName, text)
            : { ...requestFor(write, way, text, ''), method: operation.method };
      }
      const headers = { ...(inject.headers as Record<string, string>) };
      delete headers.authorization;
      if (header !== undefined) headers.authorization = header;
      return { operation: operation.name, inject: { ...inject, url: withQuery(inject.url as string, query), headers } };
    });
}
