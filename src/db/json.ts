/**
 * Rows of a subquery as one JSON column, so that a read can bring a row's children along in the same statement.
 * The SQL differs per engine (PostgreSQL's json_agg and to_json, SQLite's json_group_array and json_object; Kysely's
 * own helpers for each); the value read back is the same once `readJson` has parsed SQLite's text.
 */
import { type Expression, type Kysely, PostgresAdapter, type RawBuilder } from 'kysely';
import { jsonArrayFrom as postgresArray, jsonObjectFrom as postgresObject } from 'kysely/helpers/postgres';
import { jsonArrayFrom as sqliteArray, jsonObjectFrom as sqliteObject } from 'kysely/helpers/sqlite';

/**
 * The engine's JSON builders: a subquery's rows as an array (`[]` when none), its first row as an object or null.
 * Typed unknown: the column is text on SQLite until `readJson` parses it.
 */
export interface JsonBuilders {
  array(subquery: Expression<unknown>): RawBuilder<unknown>;
  object(subquery: Expression<unknown>): RawBuilder<unknown>;
}

const postgres: JsonBuilders = { array: postgresArray, object: postgresObject };
// SQLite's json_object needs the subquery's columns named one by one (no selectAll()).
const sqlite: JsonBuilders = { array: sqliteArray, object: sqliteObject };

/** The JSON builders of the engine `db` talks to. */
export function jsonBuilders(db: Kysely<any>): JsonBuilders {
  return db.getExecutor().adapter instanceof PostgresAdapter ? postgres : sqlite;
}

/** A JSON column as read: pg has parsed it already, better-sqlite3 hands over its text. */
export function readJson<T>(value: unknown): T {
  return (typeof value === 'string' ? JSON.parse(value) : value) as T;
}
