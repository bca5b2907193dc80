/** A fixture file checked against its schema, the first problem named by its path (`courses[2].batches[0].startDate`). */
import { TypeCompiler } from '@sinclair/typebox/compiler';
import { invalidInput, missingInput, quote } from '../errors.ts';
import { FixtureFile, type Fixtures } from './fixtures.schemas.ts';

// Compiled on the first fixture file, not at start-up (~10 ms).
let compiled: ReturnType<typeof TypeCompiler.Compile<typeof FixtureFile>> | undefined;

/** `/courses/2/batches/0/startDate` -> `courses[2].batches[0].startDate`. */
export function fieldPath(pointer: string): string {
  let path = '';
  for (const segment of pointer.split('/').slice(1)) {
    const name = segment.replace(/~1/g, '/').replace(/~0/g, '~');
    path += /^\d+$/.test(name) ? `[${name}]` : path === '' ? name : `.${name}`;
  }
  return path;
}

/** Joins a path and a field: `at(courses[0], 'name')` -> `courses[0].name`; `at(courses, 2)` -> `courses[2]`. */
export function at(path: string, field: string | number): string {
  if (typeof field === 'number') return `${path}[${field}]`;
  return path === '' ? field : `${path}.${field}`;
}

/** The file as typed fixtures, or a 400 naming the first bad field. */
export function checkFixtureShape(input: unknown): Fixtures {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    throw invalidInput('fixtures', 'must be a JSON object with people, courses and enrolments');
  }
  compiled ??= TypeCompiler.Compile(FixtureFile);
  const checker = compiled;
  if (checker.Check(input)) return input;
  const error = checker.Errors(input).First()!;
  const path = fieldPath(error.path) || 'fixtures';
  if (error.value === undefined) throw missingInput(path);
  const custom = (error.schema as { errorMessage?: string }).errorMessage;
  throw invalidInput(path, `${custom ?? error.message.toLowerCase()}, got ${quote(error.value)}`);
}
