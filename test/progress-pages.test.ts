import { describe, expect, it } from 'vitest';
import { enrol, read, selfPacedWorld } from './helpers/progress.ts';
import { castOf } from './helpers/roles.ts';
import { createTestLectern } from './helpers/test-app.ts';

describe('#42 pages (a portal with 30 extra employees)', () => {
  it('pages by 25 with startIndex, in a fixed number of queries', async () => {
    // A portal of its own, with 30 extra employees written directly (the demo portal has fewer).
    const own = await createTestLectern();
    try {
      const ownCast = await castOf(own);
      const world = await selfPacedWorld(own, ownCast);
      const template = own.employees[0]!;
      const extra = Array.from({ length: 30 }, (_, index) => ({
        ...template,
        erecno: own.app.lectern.ids.next(),
        employee_id: String(1000 + index),
        display_name: `Extra ${index}`,
        email_id: `extra${index}@example.com`,
        is_admin: 0,
        status: 'active' as const,
      }));
      await own.app.lectern.db.insertInto('employees').values(extra).execute();
      await enrol(
        own,
        world,
        extra.map((row) => ({ erecno: row.erecno, token: '', name: row.display_name })),
      );
      const first = await read(own, `/api/v1${world.path}/course-progress`, own.adminToken);
      expect(first.json().courseProgress).toHaveLength(25);
      expect(first.json().hasMoreRecords).toBe(true);
      expect(first.json().courseProgress[0].learner.displayName).toBe('Extra 0');
      const second = await read(own, `/api/v1${world.path}/course-progress?startIndex=25`, own.adminToken);
      expect(second.json().courseProgress.map((row: any) => row.learner.displayName)).toEqual([
        'Extra 25',
        'Extra 26',
        'Extra 27',
        'Extra 28',
        'Extra 29',
      ]);
      expect(second.json().hasMoreRecords).toBe(false);
      // A fixed number of queries whatever the number of learners: one learner costs what 25 cost.
      const single = await selfPacedWorld(own, ownCast);
      await enrol(own, single, [ownCast.learner]);
      const queriesOf = async (url: string) => {
        const executor = Object.getPrototypeOf(own.app.lectern.db.getExecutor());
        const base = Object.getPrototypeOf(executor);
        const holder = Object.hasOwn(executor, 'executeQuery') ? executor : base;
        const original = holder.executeQuery;
        let count = 0;
        holder.executeQuery = function (this: unknown, ...args: unknown[]) {
          count += 1;
          return original.apply(this, args);
        };
        try {
          expect((await read(own, url, own.adminToken)).statusCode).toBe(200);
        } finally {
          holder.executeQuery = original;
        }
        return count;
      };
      const forMany = await queriesOf(`/api/v1${world.path}/course-progress`);
      const forOne = await queriesOf(`/api/v1${single.path}/course-progress`);
      expect(forMany).toBeGreaterThan(0);
      expect(forMany).toBe(forOne);
      const bad = await read(own, `/api/v1${world.path}/course-progress?startIndex=-1`, own.adminToken);
      expect(bad.statusCode).toBe(400);
      expect(bad.json().parameter).toBe('startIndex');
    } finally {
      await own.close();
    }
  });
});
