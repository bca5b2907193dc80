/** Checks a decoded data object against its TypeBox schema and names the first bad parameter. */
import type { TObject } from '@sinclair/typebox';
import { TypeCompiler, type TypeCheck } from '@sinclair/typebox/compiler';
import { Value } from '@sinclair/typebox/value';
import { invalidInput, missingInput } from '../errors.ts';

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

function describe(path: string, prefix: string): string {
  const name = path.replace(/^\//, '').replace(/\//g, '.');
  return prefix ? (name ? `${prefix}.${name}` : prefix) : name;
}

/** The result of validating a data object: typed values and the keys the schema does not know. */
export interface Validated<T> {
  value: T;
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
    if (key in schema.properties) data[key] = input[key];
    else unknownKeys.push(key);
  }
  normaliseBooleans(schema, data);
  const converted = Value.Convert(schema, data) as Record<string, unknown>;
  const check = checkerFor(schema);
  if (!check.Check(converted)) {
    const error = check.Errors(converted).First()!;
    const parameter = describe(error.path, prefix);
    if (error.value === undefined) throw missingInput(parameter);
    const custom = (error.schema as { errorMessage?: string }).errorMessage;
    throw invalidInput(parameter, `${custom ?? error.message.toLowerCase()}, got ${JSON.stringify(error.value)}`);
  }
  return { value: converted as T, unknownKeys };
}
