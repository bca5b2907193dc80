/** The tick's failure handling and the periodic timer `lectern serve` starts. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runSchedulerTick, startSchedulerTimer } from '../src/features/schedulers/scheduler.runner.ts';
import { createCourse, jsonType } from './helpers/courses.ts';
import { createTestLectern, type TestLectern } from './helpers/test-app.ts';
import { expectFailuresLoggedUntilStopped, runTimerOnce } from './helpers/timers.ts';

let lectern: TestLectern;
let courseId: string;

beforeAll(async () => {
  lectern = await createTestLectern();
  lectern.clock.set(Date.parse('2026-01-05T09:00:00Z'));
  courseId = (await createCourse(lectern, lectern.adminToken, { type: 2 })).courseId;
});
afterAll(() => lectern.close());

async function createScheduler(batchName: string): Promise<string> {
  const response = await lectern.app.inject({
    method: 'POST',
    url: `/api/v1/courses/${courseId}/batches/schedulers`,
    headers: { ...lectern.auth(lectern.adminToken), ...jsonType },
    payload: JSON.stringify({
      batchName,
      startDate: '05-01-2026',
      endDate: '31-01-2026',
      frequency: 1,
      frequencyUnit: 'week',
      minimumCapacity: 1,
      maximumCapacity: 5,
    }),
  });
  expect(response.statusCode, response.body).toBe(200);
  return response.json().batchScheduler.schedulerId;
}

const batchNames = async () =>
  (await lectern.app.lectern.db.selectFrom('batches').select('name').orderBy('name').execute()).map((row) => row.name);

describe('a broken scheduler', () => {
  it('does not stop the others; its own transaction writes nothing and it is reported', async () => {
    const broken = await createScheduler('Broken');
    await createScheduler('Healthy');
    // A row no release could write: its day list is not JSON.
    await lectern.app.lectern.db
      .updateTable('batch_schedulers')
      .set({ days_of_the_week: 'not json' })
      .where('id', '=', broken)
      .execute();
    await expect(runSchedulerTick(lectern.app.lectern)).rejects.toThrow(SyntaxError);
    expect(await batchNames()).toEqual(['Healthy_1']);
    const failures: string[] = [];
    const result = await runSchedulerTick(lectern.app.lectern, { onSchedulerError: (id) => failures.push(id) });
    expect(result.batchesCreated).toBe(0);
    expect(failures).toEqual([broken]);
    await lectern.app.lectern.db.deleteFrom('batch_schedulers').where('id', '=', broken).execute();
  });
});

describe('the timer', () => {
  it('ticks at once, logs what it did, and stop() waits for the running tick', async () => {
    await createScheduler('Timed');
    const log = await runTimerOnce(lectern, startSchedulerTimer);
    expect(log.info).toHaveBeenCalledWith({ batchesCreated: 1, batchesCancelled: 0 }, 'batch scheduler tick');
    expect(log.error).not.toHaveBeenCalled();
    expect(await batchNames()).toEqual(['Healthy_1', 'Timed_1']);
  });

  it('logs a failing tick instead of throwing, keeps ticking, and stops when told', async () => {
    await expectFailuresLoggedUntilStopped(lectern, startSchedulerTimer, 'batch scheduler tick failed');
  });
});
