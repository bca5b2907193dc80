/** Which statements move the caller cache's epoch (src/db/caller-rows-epoch.ts). */
import { describe, expect, it } from 'vitest';
import { changesCallerRows } from '../src/db/caller-rows-epoch.ts';

describe('changesCallerRows', () => {
  it('sees updates, deletes, truncates and upserts of tokens, employees and portals', () => {
    for (const sql of [
      'update "tokens" set "revoked_at" = $1 where "id" in ($2)',
      'update employees set is_admin = 1',
      'delete from "portals" where "id" = ?',
      'truncate table "employees"',
      'with gone as (update "tokens" set "revoked_at" = 1 returning id) select count(*) from gone',
      'insert into "employees" ("erecno") values (?) on conflict ("erecno") do update set "status" = excluded."status"',
      'insert or replace into "portals" ("id") values (?)',
    ]) {
      expect(changesCallerRows(sql), sql).toBe(true);
    }
  });

  it('passes over reads, plain inserts and writes to other tables', () => {
    for (const sql of [
      'select * from "tokens" where "hash" = $1',
      'insert into "tokens" ("hash") values ($1) on conflict ("hash") do nothing',
      'insert into "employees" ("erecno", "portal_id") values (?, ?), (?, ?)',
      'update "courses" set "name" = $1 where "owner_erecno" in (select "erecno" from "employees")',
      'insert into "learner_history" ("erecno") select "erecno" from "employees"',
      'update "employees_photos" set "size" = 1',
    ]) {
      expect(changesCallerRows(sql), sql).toBe(false);
    }
  });
});
