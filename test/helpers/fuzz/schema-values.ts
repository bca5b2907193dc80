/**
 * JSON texts derived from a request schema: mostly values the schema accepts (real ids of the fuzz world where a
 * property holds an id), mixed with near misses (a bound crossed, a wrong type, a required key left out, an unknown or
 * `__proto__` key) and the hostile values of hostile-input.ts. Texts rather than values, so that numbers no
 * JavaScript number holds and repeated or `__proto__` keys reach the server as written.
 */
import fc from 'fast-check';
import { hostileString, hostileValueText } from '../hostile-input.ts';
import type { Schema } from './operations.ts';

/** Ids a generated id may be: the world's (valid) and another portal's (foreign). */
export interface IdPools {
  valid: readonly string[];
  foreign: readonly string[];
}

const idPattern = /^[\^(]*\[1-9\]|erecno/i;
const idName = /(Id|Ids|Erecno|erecno|erecnos|ErecnosList|courseIds|Erecnos)$/;

/** True when a property or parameter holds an id (by its name, or an id pattern). */
export function holdsId(name: string | undefined, schema: Schema): boolean {
  if (name !== undefined && idName.test(name)) return true;
  return typeof schema.pattern === 'string' && idPattern.test(schema.pattern);
}

/** An id: mostly the world's, sometimes another portal's, sometimes one that exists nowhere. */
export function idText(ids: IdPools): fc.Arbitrary<string> {
  return fc.oneof(
    { weight: 6, arbitrary: fc.constantFrom(...ids.valid) },
    { weight: 2, arbitrary: fc.constantFrom(...ids.foreign) },
    { weight: 1, arbitrary: fc.constantFrom('1', '0', '99999999999999999999', '100000000000000000000', '007') },
  );
}

/** JSON number texts at and across a schema's bounds, and ones no double holds. */
function numberTexts(schema: Schema): fc.Arbitrary<string> {
  const integer = schema.type === 'integer';
  const min = typeof schema.minimum === 'number' ? schema.minimum : -1_000_000;
  const max = typeof schema.maximum === 'number' ? schema.maximum : 1_000_000;
  const inside = integer
    ? fc.integer({ min: Math.max(min, -(2 ** 31)), max: Math.min(max, 2 ** 31) })
    : fc.double({ min, max, noNaN: true, noDefaultInfinity: true });
  return fc.oneof(
    { weight: 6, arbitrary: inside.map(String) },
    { weight: 1, arbitrary: fc.constantFrom(String(min - 1), String(max + 1), `${min}.5`, '-0', '1e400', '-1e400') },
    { weight: 1, arbitrary: fc.constantFrom('123456789012345678901234567890', '9007199254740993', '1e-400') },
  );
}

const datePattern = /\\d\{2\}\[-_\]\\d\{2\}\[-_\]\\d\{4\}/;

/** DD-MM-YYYY dates of the fuzz world's year and around it: a pattern alone would mostly make impossible dates. */
const realDate = fc
  .date({ min: new Date('2025-06-01T00:00:00Z'), max: new Date('2027-06-01T00:00:00Z'), noInvalidDate: true })
  .map((date) => date.toISOString().slice(0, 10).split('-').reverse().join('-'));

/** URLs that pass a URL check, and some an SSRF guard must refuse. */
const realUrl = fc.constantFrom(
  'https://example.org/fuzz',
  'https://hooks.example.com/fuzz',
  'http://example.com/a?b=c',
  'http://127.0.0.1:8080/',
  'https://[::1]/',
);

/** Texts a check beyond the pattern accepts (a real date, a real URL, event names), where the schema says which. */
function realistic(schema: Schema, name: string | undefined): fc.Arbitrary<string> | undefined {
  if (typeof schema.pattern === 'string' && datePattern.test(schema.pattern)) return realDate;
  if (name !== undefined && /url$/i.test(name)) return realUrl;
  if (name === 'events')
    return fc.constantFrom('*', 'learner.enrolled.v1', 'course.published.v1', 'session.updated.v1');
  return undefined;
}

/** Strings a string schema accepts: its enum, its pattern, its length bounds. */
function validString(schema: Schema, name: string | undefined, ids: IdPools): fc.Arbitrary<string> {
  if (Array.isArray(schema.enum)) return fc.constantFrom(...(schema.enum as string[]));
  if (holdsId(name, schema)) return idText(ids);
  const real = realistic(schema, name);
  if (real !== undefined) return fc.oneof({ weight: 3, arbitrary: real }, patternString(schema));
  return patternString(schema);
}

/** Strings of a schema's pattern and length bounds. */
function patternString(schema: Schema): fc.Arbitrary<string> {
  if (typeof schema.pattern === 'string') {
    try {
      const matching: fc.Arbitrary<string> = fc.stringMatching(new RegExp(schema.pattern));
      return matching.filter((text) => text.length <= (schema.maxLength ?? 1e9));
    } catch {
      // A pattern fast-check cannot invert: plain text below.
    }
  }
  const minLength = Math.min(schema.minLength ?? 0, 300);
  const maxLength = Math.max(minLength, Math.min(schema.maxLength ?? 40, 300));
  return fc.string({ minLength, maxLength });
}

/** Strings that miss a string schema: over its length, off its pattern or enum, hostile. */
function strayString(schema: Schema): fc.Arbitrary<string> {
  const tooLong = typeof schema.maxLength === 'number' ? ['y'.repeat(schema.maxLength + 1)] : [];
  const enumMiss = Array.isArray(schema.enum) ? [`${schema.enum[0]} `, String(schema.enum[0]).toUpperCase()] : [];
  return fc.oneof(hostileString, fc.constantFrom('', ' ', ...tooLong, ...enumMiss));
}

/** Values a schema accepts, as JSON texts (an object with its required keys and some optional ones). */
export function validText(schema: Schema, ids: IdPools, name?: string, depth = 0): fc.Arbitrary<string> {
  return schemaText(schema, ids, name, depth, false);
}

/** Mostly accepted values, with near misses and hostile values at every level, as JSON texts. */
export function fuzzText(schema: Schema, ids: IdPools, name?: string, depth = 0): fc.Arbitrary<string> {
  return fc.oneof(
    { weight: 5, arbitrary: schemaText(schema, ids, name, depth, true) },
    { weight: 1, arbitrary: hostileValueText },
  );
}

function schemaText(
  schema: Schema,
  ids: IdPools,
  name: string | undefined,
  depth: number,
  stray: boolean,
): fc.Arbitrary<string> {
  const inner = (child: Schema, childName?: string): fc.Arbitrary<string> =>
    stray ? fuzzText(child, ids, childName, depth + 1) : validText(child, ids, childName, depth + 1);
  const choices = (schema.anyOf ?? schema.oneOf) as Schema[] | undefined;
  if (choices !== undefined) return fc.oneof(...choices.map((choice) => schemaText(choice, ids, name, depth, stray)));
  if (schema.const !== undefined) return fc.constant(JSON.stringify(schema.const));
  const type = Array.isArray(schema.type) ? schema.type[0] : schema.type;
  let valid: fc.Arbitrary<string>;
  let miss: fc.Arbitrary<string>;
  switch (type) {
    case 'object':
    case undefined:
      if (schema.properties === undefined) return hostileValueText;
      valid = objectText(schema, inner, stray);
      miss = fc.constantFrom('[]', '"text"', '1', 'null', '{}');
      break;
    case 'array':
      valid = fc
        .array(inner(schema.items ?? {}, name), {
          minLength: Math.min(schema.minItems ?? 0, 3),
          maxLength: depth > 3 ? 1 : 3,
        })
        .map((items) => `[${items.join(',')}]`);
      miss = fc.constantFrom('[]', '{}', '"1"', 'null', `[${'1,'.repeat(1200)}1]`);
      break;
    case 'string':
      valid = validString(schema, name, ids).map((text) => JSON.stringify(text));
      miss = strayString(schema).map((text) => JSON.stringify(text));
      break;
    case 'integer':
    case 'number':
      valid = numberTexts(schema);
      miss = fc.constantFrom('"12"', '"twelve"', 'true', 'null', '[1]');
      break;
    case 'boolean':
      valid = fc.constantFrom('true', 'false');
      miss = fc.constantFrom('"true"', '"false"', '1', '0', '"yes"', 'null');
      break;
    default:
      return fc.constant('null');
  }
  return stray ? fc.oneof({ weight: 5, arbitrary: valid }, { weight: 1, arbitrary: miss }) : valid;
}

type Inner = (child: Schema, childName?: string) => fc.Arbitrary<string>;

/** An object's text: required keys (one sometimes left out when straying), some optional keys, strays added. */
function objectText(schema: Schema, inner: Inner, stray: boolean): fc.Arbitrary<string> {
  const properties = Object.entries<Schema>(schema.properties);
  const required = new Set<string>(schema.required ?? []);
  const entries = properties.map(([key, child]) =>
    fc.tuple(fc.constant(key), inner(child, key), required.has(key) ? fc.constant(true) : fc.boolean()),
  );
  const base = fc.tuple(...entries).map((all) => all.filter(([, , kept]) => kept).map(([key, text]) => [key, text]));
  if (!stray) return base.map((pairs) => pairsText(pairs as Array<[string, string]>));
  const extraKey = fc.oneof(fc.constantFrom('__proto__', 'constructor', 'prototype'), hostileString);
  return fc
    .tuple(
      base,
      // Mostly every required key (-1 leaves none out), so that the values behind the first check get reached.
      fc.oneof({ weight: 4, arbitrary: fc.constant(-1) }, fc.nat({ max: Math.max(properties.length - 1, 0) })),
      fc.oneof(
        { weight: 3, arbitrary: fc.constant([]) },
        fc.array(fc.tuple(extraKey, hostileValueText), { maxLength: 2 }),
      ),
      fc.nat({ max: 7 }).map((draw) => draw === 0),
    )
    .map(([pairs, dropped, extras, repeat]) => {
      const kept = (pairs as Array<[string, string]>).filter((_, index) => index !== dropped);
      // A key sent twice with another value: the parser must refuse it or pick one, never crash.
      const repeated: Array<[string, string]> = repeat && kept.length > 0 ? [[kept[0]![0], '"repeated"']] : [];
      return pairsText([...kept, ...extras, ...repeated]);
    });
}

function pairsText(pairs: Array<[string, string]>): string {
  return `{${pairs.map(([key, value]) => `${JSON.stringify(key)}:${value}`).join(',')}}`;
}

/** A query or path value's text: a JSON string's contents unquoted, anything else as its JSON text. */
export function plainValue(text: string): string {
  if (!text.startsWith('"')) return text;
  try {
    const value = JSON.parse(text);
    return typeof value === 'string' ? value : text;
  } catch {
    return text;
  }
}
