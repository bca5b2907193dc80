/**
 * `lectern ref location|room|category|grade-category list|create|update|delete`: a portal's reference data on a
 * running server, over its API with the caller's token, so that the server's own checks and permissions apply. Writes
 * go to /lectern/v1; rooms and course categories are listed by Zoho's own reads under /api/v1.
 */

import { CliError, usageExitCode } from './cli-error.ts';
import { callServer, serverAddress } from './server-call.ts';

/** The kinds and where they live. */
export const referenceKinds = {
  location: { path: 'locations', list: 'lectern/v1/locations', one: 'location', many: 'locations', id: 'locationId' },
  room: { path: 'rooms', list: 'api/v1/rooms', one: 'room', many: 'rooms', id: 'roomId' },
  category: { path: 'categories', list: 'api/v1/categories', one: 'category', many: 'categories', id: 'categoryId' },
  'grade-category': {
    path: 'grade-categories',
    list: 'lectern/v1/grade-categories',
    one: 'gradeCategory',
    many: 'gradeCategories',
    id: 'gradeCategoryId',
  },
} as const;

/** A reference data kind's command name. */
export type ReferenceKind = keyof typeof referenceKinds;

/** What the commands take: the server, and the fields of the kind. */
export interface ReferenceOptions {
  url?: string;
  token?: string;
  json?: boolean;
  startIndex?: string;
  name?: string;
  timeZone?: string;
  street?: string;
  city?: string;
  state?: string;
  postalCode?: string;
  country?: string;
  location?: string;
  capacity?: string;
  facilities?: string;
}

const usage = (message: string) => new CliError(message, usageExitCode);

/** Calls the route; a refusal becomes one line (exit 2 for a bad argument, 1 otherwise). */
function call(options: ReferenceOptions, method: string, tail: string, body?: object): Promise<any> {
  const server = serverAddress(options.url, options.token, 'a token of the portal (an admin’s to change anything)');
  return callServer(server, method, tail, body);
}

/** The id argument: digits, or a usage error naming it. */
function idOf(kind: ReferenceKind, id: string): string {
  if (!/^[1-9]\d{0,19}$/.test(id)) throw usage(`the ${kind} id must be digits, got "${id}"`);
  return id;
}

/** The body the flags make for the kind (only the flags given; "" clears a location's zone or address part). */
function bodyOf(kind: ReferenceKind, options: ReferenceOptions): Record<string, unknown> {
  const body: Record<string, unknown> = {};
  if (options.name !== undefined) body.name = options.name;
  if (kind === 'location') {
    if (options.timeZone !== undefined) body.timeZone = options.timeZone === '' ? null : options.timeZone;
    const parts = ['street', 'city', 'state', 'postalCode', 'country'] as const;
    const address = Object.fromEntries(parts.filter((part) => options[part] !== undefined).map((p) => [p, options[p]]));
    if (Object.keys(address).length > 0) body.address = address;
  }
  if (kind === 'room') {
    if (options.location !== undefined) body.locationId = options.location;
    if (options.capacity !== undefined) {
      if (!/^\d+$/.test(options.capacity)) throw usage(`--capacity must be a whole number, got "${options.capacity}"`);
      body.capacity = Number(options.capacity);
    }
    if (options.facilities !== undefined) {
      body.facilities = options.facilities
        .split(',')
        .map((facility) => facility.trim())
        .filter(Boolean);
    }
  }
  return body;
}

/** One line for an item: its id, name and what else the kind shows. */
function line(kind: ReferenceKind, item: Record<string, any>): string {
  const id = item[referenceKinds[kind].id];
  if (kind === 'location') {
    const address = Object.values(item.address ?? {})
      .filter(Boolean)
      .join(', ');
    return [id, item.name, item.timeZone ?? '(portal zone)', address].filter(Boolean).join('  ');
  }
  if (kind === 'room') {
    const facilities = item.facilities.length > 0 ? item.facilities.join(', ') : '';
    return [id, item.name, `${item.capacity} seats`, item.location.name, facilities].filter(Boolean).join('  ');
  }
  return `${id}  ${item.name}`;
}

function print(kind: ReferenceKind, options: ReferenceOptions, items: Record<string, any>[], more = false): string {
  if (options.json) return `${JSON.stringify(items.length === 1 && !more ? items[0] : items, null, 2)}\n`;
  const text = items.map((item) => `${line(kind, item)}\n`).join('');
  return more ? `${text}(more: --start-index ${Number(options.startIndex ?? 0) + items.length})\n` : text;
}

/** `list`: one page (25) from --start-index. */
export async function listReference(kind: ReferenceKind, options: ReferenceOptions): Promise<string> {
  const start = options.startIndex ?? '0';
  if (!/^\d+$/.test(start)) throw usage(`--start-index must be a whole number, got "${start}"`);
  const { list, many } = referenceKinds[kind];
  const answer = await call(options, 'GET', `${list}?startIndex=${start}`);
  if (options.json) return `${JSON.stringify(answer[many], null, 2)}\n`;
  return print(kind, options, answer[many], answer.hasMoreRecords === true);
}

/** `create`: prints the new item. */
export async function createReference(kind: ReferenceKind, options: ReferenceOptions): Promise<string> {
  const { path, one } = referenceKinds[kind];
  return print(kind, options, [(await call(options, 'POST', `lectern/v1/${path}`, bodyOf(kind, options)))[one]]);
}

/** `update <id>`: changes the fields given; prints the item. */
export async function updateReference(kind: ReferenceKind, id: string, options: ReferenceOptions): Promise<string> {
  const { path, one } = referenceKinds[kind];
  const body = bodyOf(kind, options);
  if (Object.keys(body).length === 0)
    throw usage(`give at least one field to change (see lectern ref ${kind} update --help)`);
  return print(kind, options, [(await call(options, 'PATCH', `lectern/v1/${path}/${idOf(kind, id)}`, body))[one]]);
}

/** `delete <id>`: refused with the server's reason when something uses it. */
export async function deleteReference(kind: ReferenceKind, id: string, options: ReferenceOptions): Promise<string> {
  await call(options, 'DELETE', `lectern/v1/${referenceKinds[kind].path}/${idOf(kind, id)}`);
  return `deleted ${kind} ${id}\n`;
}
