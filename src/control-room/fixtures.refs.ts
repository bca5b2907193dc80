/** What compiling a fixture file works with: the load's context, the ids made per key, person references. */
import { invalidInput } from '../errors.ts';
import { at } from './fixtures.check.ts';

/** Someone already in the portal, as references to them need. */
export interface ExistingPerson {
  erecno: string;
  employee_id: string;
  status: string;
  is_trainer: number;
}

/** What a fixture load works from. */
export interface CompileContext {
  portalId: string;
  now: number;
  ids: { next(): string };
  existing: ExistingPerson[];
  /** Who owns a course that names no owner. */
  adminErecno: string;
}

/** The ids made for the file's keys. */
export interface KeyIds {
  people: Record<string, string>;
  courses: Record<string, string>;
  batches: Record<string, string>;
  modules: Record<string, string>;
  sessions: Record<string, string>;
}

/** Rows to insert, per table. */
export type FixtureRows = Record<string, readonly object[]>;

/** A person reference resolved: the erecno, and what the rules ask of them. */
export interface ResolvedPerson {
  erecno: string;
  active: boolean;
  trainer: boolean;
}

/** Resolves person references: keys of the file's people first, then erecnos of the portal. */
export type PersonResolver = (ref: string, path: string) => ResolvedPerson;

/** Refuses a key used twice among the items (`seen` carries keys across lists that share one namespace). */
export function uniqueKeys(items: readonly { key?: string }[], path: string, what: string, seen = new Set<string>()) {
  items.forEach((item, index) => {
    if (item.key === undefined) return;
    if (seen.has(item.key)) throw invalidInput(at(at(path, index), 'key'), `${what} key "${item.key}" is used twice`);
    seen.add(item.key);
  });
  return seen;
}

/** The erecno of a referenced person who must be active. */
export function activePerson(resolve: PersonResolver, ref: string, path: string): string {
  const person = resolve(ref, path);
  if (!person.active) throw invalidInput(path, `${ref} is inactive`);
  return person.erecno;
}
