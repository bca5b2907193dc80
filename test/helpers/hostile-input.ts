/**
 * Hostile input for the "never a 5xx" fuzz: write operations to aim at, JSON texts built from hostile keys and values
 * (control characters, NUL, lone surrogates, RTL marks, megabyte strings, deep nesting, huge numbers, `__proto__`),
 * the ways a data object reaches Lectern (and wrong ones), and the check every answer must pass. Operations are plain
 * data, so that a later fuzzer can derive them from openapi.json and reuse the rest.
 */
import fc from 'fast-check';
import type { InjectOptions, LightMyRequestResponse } from 'fastify';
import { expect } from 'vitest';

/** A write endpoint: where to send, the data object's name, and the keys its schema knows. */
export interface WriteOperation {
  name: string;
  method: 'POST' | 'PATCH' | 'PUT' | 'DELETE';
  url: string;
  dataName: string;
  knownKeys: string[];
}

const megabyte = 'x'.repeat(1024 * 1024);

/** One UTF-16 code unit, surrogate halves included. */
const codeUnit = fc.integer({ min: 0, max: 0xffff }).map((code) => String.fromCharCode(code));
const controlCharacter = fc.integer({ min: 0, max: 0x1f }).map((code) => String.fromCharCode(code));

/** Strings a careless decoder, database or header writer chokes on. */
export const hostileString: fc.Arbitrary<string> = fc.oneof(
  { weight: 30, arbitrary: fc.string({ unit: codeUnit, maxLength: 12 }) },
  { weight: 10, arbitrary: fc.string({ unit: controlCharacter, minLength: 1, maxLength: 8 }) },
  { weight: 10, arbitrary: fc.string({ unit: 'binary', maxLength: 12 }) },
  {
    weight: 10,
    arbitrary: fc.constantFrom(
      '\u0000',
      'a\u0000b',
      '\ud800',
      'x\udfffy',
      '\u202eevil\u202c',
      '\u200f\u200e',
      '__proto__',
      'constructor',
      'prototype',
      'toString',
      'ключ 键 🎓',
      '\r\nX-Injected: 1',
      '',
      ' ',
      '9'.repeat(400),
    ),
  },
  { weight: 1, arbitrary: fc.constant(megabyte) },
);

/** JSON number texts no JavaScript number holds exactly (or at all). */
const hugeNumber = fc.constantFrom(
  '1e400',
  '-1e400',
  '1e-400',
  '123456789012345678901234567890',
  '-9007199254740993',
  '0.1234567890123456789',
  '-0',
  '1.5',
);

/** A JSON text nested `depth` levels deep, as arrays or as objects. */
export function nestedText(depth: number, kind: 'array' | 'object'): string {
  return kind === 'array'
    ? `${'['.repeat(depth)}1${']'.repeat(depth)}`
    : `${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`;
}

const deepText = fc
  .tuple(fc.constantFrom(63, 64, 65, 3000, 7000), fc.constantFrom('array' as const, 'object' as const))
  .map(([depth, kind]) => nestedText(depth, kind));

const scalarText = fc.oneof(
  hostileString.map((text) => JSON.stringify(text)),
  hugeNumber,
  fc.constantFrom('true', 'false', 'null', '0', '1', '"1"', '"true"', '"01-01-2026"', '"10:00 AM"'),
);

function objectText(entries: Array<[string, string]>): string {
  return `{${entries.map(([key, value]) => `${JSON.stringify(key)}:${value}`).join(',')}}`;
}

/** Any JSON value text: scalars, small arrays and objects of them with hostile keys, and deep nesting. */
export const hostileValueText: fc.Arbitrary<string> = fc.letrec<{ value: string }>((tie) => ({
  value: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    scalarText,
    fc.array(tie('value'), { maxLength: 3 }).map((items) => `[${items.join(',')}]`),
    fc.array(fc.tuple(hostileString, tie('value')), { maxLength: 3 }).map(objectText),
    deepText,
  ),
})).value;

/** A data object text for an operation: some of its known keys and some hostile ones, all with hostile values. */
export function dataObjectText(operation: WriteOperation): fc.Arbitrary<string> {
  const key = fc.oneof(fc.constantFrom(...operation.knownKeys), hostileString);
  // Keys are made unique: lossless-json refuses a repeated key with another value, which would hide the rest.
  return fc.uniqueArray(fc.tuple(key, hostileValueText), { maxLength: 4, selector: ([name]) => name }).map(objectText);
}

/**
 * Percent-encodes every code point as its UTF-8 bytes, a lone surrogate as the bytes it would have (which are not
 * UTF-8): encodeURIComponent would throw on it instead of sending it.
 */
export function percentEncode(text: string): string {
  try {
    return encodeURIComponent(text);
  } catch {
    // A lone surrogate: encode code point by code point (for...of yields a lone surrogate on its own).
    let encoded = '';
    for (const character of text) {
      const code = character.codePointAt(0)!;
      if (code < 0xd800 || code > 0xdfff) encoded += encodeURIComponent(character);
      else encoded += [0xe0 | (code >> 12), 0x80 | ((code >> 6) & 0x3f), 0x80 | (code & 0x3f)].map(hex).join('');
    }
    return encoded;
  }
}

const hex = (byte: number) => `%${byte.toString(16).toUpperCase()}`;

/** How a data object text travels: the documented ways, and wrong content types, charsets and encodings. */
export const deliveries = [
  'bare JSON body',
  'wrapped JSON body',
  'query',
  'form field',
  'curl -d without a content type',
  'no content type',
  'application/xml',
  'text/csv',
  'multipart without a boundary',
  'JSON in latin1',
  'gzip-labelled JSON',
] as const;
export type Delivery = (typeof deliveries)[number];

/** The inject options that send `text` to an operation in one delivery. */
export function requestFor(
  operation: WriteOperation,
  delivery: Delivery,
  text: string,
  authorization: string,
): InjectOptions {
  const base = { method: operation.method, url: operation.url };
  const send = (contentType: string | undefined, payload: string, extra: Record<string, string> = {}) => ({
    ...base,
    headers: { authorization, ...(contentType === undefined ? {} : { 'content-type': contentType }), ...extra },
    payload,
  });
  switch (delivery) {
    case 'bare JSON body':
      return send('application/json', text);
    case 'wrapped JSON body':
      return send('application/json', `{${JSON.stringify(operation.dataName)}:${text}}`);
    case 'query':
      return {
        ...base,
        url: `${operation.url}?${operation.dataName}=${percentEncode(text)}`,
        headers: { authorization },
      };
    case 'form field':
      return send('application/x-www-form-urlencoded', `${operation.dataName}=${percentEncode(text)}`);
    case 'curl -d without a content type':
      return send('application/x-www-form-urlencoded', text);
    case 'no content type':
      return send(undefined, text);
    case 'application/xml':
    case 'text/csv':
      return send(delivery, text);
    case 'multipart without a boundary':
      return send('multipart/form-data', text);
    case 'JSON in latin1':
      return send('application/json; charset=iso-8859-1', text);
    case 'gzip-labelled JSON':
      return send('application/json', text, { 'content-encoding': 'gzip' });
  }
}

/** People's forms envelope around an error: `{"response":{message,uri,errors:{code,message},status:1}}`, bounded. */
function expectPeopleError(body: Record<string, unknown>, label: string): void {
  expect(Object.keys(body), label).toEqual(['response']);
  const envelope = body.response as Record<string, unknown>;
  expect(Object.keys(envelope).sort(), label).toEqual(['errors', 'message', 'status', 'uri']);
  expect(envelope.status, label).toBe(1);
  const errors = envelope.errors as { code: unknown; message: unknown };
  expect(String(errors.code), label).toMatch(/^([A-Z][A-Z_]*|\d{3,4})$/);
  const messages = typeof errors.message === 'string' ? [errors.message] : Object.values(errors.message as object);
  for (const message of messages) {
    expect(typeof message, label).toBe('string');
    expect(message, label).not.toMatch(/\b(FST|ERR)_[A-Z_]+/);
    expect((message as string).length, label).toBeLessThanOrEqual(403);
  }
}

/**
 * Every answer: never a 5xx, and every 4xx in Zoho's error body, bounded and free of framework codes (People's forms
 * routes wrap it in their envelope).
 */
export function expectZohoAnswer(response: LightMyRequestResponse, label: string): void {
  expect(response.statusCode, `${label}: ${response.body.slice(0, 300)}`).toBeLessThan(500);
  if (response.statusCode < 400) return;
  const body = response.json() as Record<string, unknown>;
  if ('response' in body) {
    expectPeopleError(body, label);
    return;
  }
  // A bulk import's 422 (Lectern's own) also lists the bad rows, at most 1,000, each with its line, field and reason.
  const rowList = body.code === 'INVALID_ROWS' ? ['errors', 'errorCount'] : [];
  expect(
    Object.keys(body).filter((key) => !['code', 'message', 'parameter', ...rowList].includes(key)),
    label,
  ).toEqual([]);
  if (rowList.length > 0) {
    const rows = body.errors as { line: unknown; field: unknown; message: unknown }[];
    expect(rows.length, label).toBeLessThanOrEqual(1_000);
    for (const row of rows) expect(Object.keys(row).sort(), label).toEqual(['field', 'line', 'message']);
  }
  expect(body.code, label).toMatch(/^([A-Z][A-Z_]*|\d{3,4})$/);
  expect(body.code, label).not.toMatch(/^(FST|ERR)_/);
  expect(typeof body.message, label).toBe('string');
  expect(body.message, label).not.toMatch(/\b(FST|ERR)_[A-Z_]+/);
  expect((body.message as string).length, label).toBeLessThanOrEqual(403);
  if (body.parameter !== undefined) {
    expect(typeof body.parameter, label).toBe('string');
    expect((body.parameter as string).length, label).toBeLessThanOrEqual(203);
  }
}
