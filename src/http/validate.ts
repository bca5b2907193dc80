/** Checks a decoded data object against its TypeBox schema and names the first bad parameter. */
import type { TObject } from '@sinclair/typebox';
import { type TypeCheck, TypeCompiler } from '@sinclair/typebox/compiler';
import { Value } from '@sinclair/typebox/value';
import { invalidInput, missingInput, prefixOf, quote } from '../errors.ts';

const compiled = new WeakMap<TObject, TypeCheck<TObject>>();

function checkerFor(schema: TObject): TypeCheck<TObject> {
  let check = compiled.get(schema);
  if (check === undefined) {
    check = TypeCompiler.Compile(schema);
    compiled.set(schema, check);
  }
  return check;
}

/** Lower-cases boolean words so that `True` and `FALSE` convert like `true` and `false`. */
function normaliseBooleans(schema: TObject, data: Record<string, unknown>): void {
  for (const [key, property] of Object.entries(schema.properties)) {
    const value = data[key];
    if ((property as { type?: string }).type === 'boolean' && typeof value === 'string') {
      data[key] = value.trim().toLowerCase();
    }
  }
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Undoes TypeBox's lossy integer conversions (`1.5` and `"1.5"` to 1, `"1e3"` to 1, `"0x10"` to 16) so that
 * the check refuses them instead of storing another number than the one sent.
 */
function keepInexactIntegers(
  schema: TObject,
  original: Record<string, unknown>,
  converted: Record<string, unknown>,
): void {
  for (const [key, property] of Object.entries(schema.properties)) {
    const sent = original[key];
    const type = (property as { type?: string }).type;
    if (type === 'integer') {
      const exact =
        typeof sent === 'number'
          ? Number.isSafeInteger(sent)
          : typeof sent === 'string'
            ? /^\s*-?\d+\s*$/.test(sent) && Number.isSafeInteger(Number(sent))
            : typeof sent !== 'boolean'; // `true` is not the number 1
      if (!exact) converted[key] = sent;
    } else if (type === 'object' && isPlainObject(sent) && isPlainObject(converted[key])) {
      keepInexactIntegers(property as TObject, sent, converted[key]);
    }
  }
}

function describe(path: string, prefix: string): string {
  const name = path.replace(/^\//, '').replace(/\//g, '.');
  return prefix ? (name ? `${prefix}.${name}` : prefix) : name;
}

/** The result of validating a data object: typed values and the keys the schema does not know. */
export interface Validated<T> {
  value: T;
  /** For telling the client: names longer than 64 characters are cut (the response header escapes the rest). */
  unknownKeys: string[];
}

/**
 * Converts loose input (`"1"` for 1, `123` for an id string, `True`) and validates it.
 * Unknown keys are dropped and reported, not refused.
 */
export function validateData<T>(schema: TObject, input: Record<string, unknown>, prefix: string): Validated<T> {
  const data: Record<string, unknown> = {};
  const unknownKeys: string[] = [];
  for (const key of Object.keys(input)) {
    // Own keys only: `in` would take `constructor` or `__proto__` (which sets data's prototype) as known.
    if (Object.hasOwn(schema.properties, key)) data[key] = input[key];
    else unknownKeys.push(key.length > 64 ? `${prefixOf(key, 64)}...` : key);
  }
  normaliseBooleans(schema, data);
  // Convert works in place: a clone keeps the caller's nested objects, and the values as sent, untouched.
  const converted = Value.Convert(schema, Value.Clone(data)) as Record<string, unknown>;
  keepInexactIntegers(schema, data, converted);
  const check = checkerFor(schema);
  if (!check.Check(converted)) {
    const error = check.Errors(converted).First()!;
    const parameter = describe(error.path, prefix);
    if (error.value === undefined) throw missingInput(parameter);
    const custom = (error.schema as { errorMessage?: string }).errorMessage;
    throw invalidInput(parameter, `${custom ?? error.message.toLowerCase()}, got ${quote(error.value)}`);
  }
  return { value: converted as T, unknownKeys };
}
