/** The scheduler tick: batches made on a recurrence, named, dated, counted, never twice; schedulers run by the clock. */
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { runSchedulerTick } from '../src/features/schedulers/scheduler.runner.ts';
import { createCourse, jsonType } from './helpers/courses.ts';
import { createTestLectern, type TestLectern } from './helpers/test-app.ts';

let lectern: TestLectern;
let courseId: string;

/** 09:00 UTC on a date. */
const at = (date: string, hour = 9) => Date.parse(`${date}T${String(hour).padStart(2, '0')}:00:00Z`);
const tick = () => runSchedulerTick(lectern.app.lectern);

beforeAll(async () => {
  lectern = await createTestLectern();
});
afterAll(() => lectern.close());
beforeEach(async () => {
  lectern.clock.set(at('2026-01-05')); // a Monday
  courseId = (await createCourse(lectern, lectern.adminToken, { type: 2 })).courseId;
});
afterEach(async () => {
  // Each test starts with no rule and no batch, so that tick counts are its own.
  await lectern.app.lectern.db.deleteFrom('batch_schedulers').execute();
  await lectern.app.lectern.db.deleteFrom('batches').execute();
});

async function createScheduler(data: Record<string, unknown>, course = courseId) {
  const response = await lectern.app.inject({
    method: 'POST',
    url: `/api/v1/courses/${course}/batches/schedulers`,
    headers: { ...lectern.auth(lectern.adminToken), ...jsonType },
    payload: JSON.stringify({ minimumCapacity: 2, maximumCapacity: 20, frequency: 1, ...data }),
  });
  expect(response.statusCode, response.body).toBe(200);
  return response.json().batchScheduler as Record<string, any>;
}

async function getScheduler(schedulerId: string) {
  const response = await lectern.app.inject({
    url: `/api/v1/courses/${courseId}/batches/schedulers/${schedulerId}`,
    headers: lectern.auth(lectern.adminToken),
  });
  expect(response.statusCode, response.body).toBe(200);
  return response.json().batchScheduler as Record<string, any>;
}

/** The course's batches through the Batch API (every page), by start date. */
async function batches(course = courseId): Promise<Record<string, any>[]> {
  const all: Record<string, any>[] = [];
  for (let startIndex = 0; ; startIndex += 25) {
    const response = await lectern.app.inject({
      url: `/api/v1/courses/${course}/batches?startIndex=${startIndex}`,
      headers: lectern.auth(lectern.adminToken),
    });
    expect(response.statusCode, response.body).toBe(200);
    all.push(...response.json().batches);
    if (!response.json().hasMoreRecords) return all;
  }
}

const summary = (list: Record<string, any>[]) =>
  list.map((batch) => `${batch.name} ${batch.startDate}..${batch.endDate}`);

describe('weekly', () => {
  it('makes a batch on each given weekday as its day comes, named, dated and set up from the rule', async () => {
    const locations = await lectern.app.lectern.db
      .selectFrom('locations')
      .select('id')
      .where('portal_id', '=', lectern.portalId)
      .execute();
    const scheduler = await createScheduler({
      batchName: 'Intro',
      startDate: '05-01-2026',
      endDate: '31-01-2026',
      frequencyUnit: 'week',
      daysOfTheWeek: ['2', '6'], // Monday and Friday
      batchNameSuffixSeparator: '-',
      minimumCapacity: 3,
      maximumCapacity: 12,
      locations: [locations[0]!.id],
      allowWaitlisting: true,
      cancelBatchWhenMinimumCapacityIsNotMet: true,
      waitingTimeForCancellation: 2,
    });
    expect(await tick()).toEqual({ batchesCreated: 1, batchesCancelled: 0 });
    const [first, ...rest] = await batches();
    expect(rest).toEqual([]);
    expect(first).toMatchObject({
      name: 'Intro-1',
      startDate: '05-01-2026',
      endDate: '05-01-2026',
      startDateAsDisplayString: '05-Jan-2026',
      minimumCapacity: 3,
      maximumCapacity: 12,
      allowWaitlisting: true,
      cancelBatchWhenMinimumCapacityIsNotMet: true,
      waitingTimeForCancellation: 2,
      waitingTimeUnitForCancellation: 'day',
      publishStatus: 'unpublished',
      schedulerId: scheduler.schedulerId,
      learnersCount: 0,
    });
    expect(first!.locations.map((location: { locationId: string }) => location.locationId)).toEqual([locations[0]!.id]);

    // The same day again: nothing new.
    expect(await tick()).toEqual({ batchesCreated: 0, batchesCancelled: 0 });
    lectern.clock.set(at('2026-01-08'));
    expect((await tick()).batchesCreated).toBe(0);
    lectern.clock.set(at('2026-01-09'));
    expect((await tick()).batchesCreated).toBe(1);
    lectern.clock.set(at('2026-01-12', 23));
    expect((await tick()).batchesCreated).toBe(1);
    expect(summary(await batches())).toEqual([
      'Intro-1 05-01-2026..05-01-2026',
      'Intro-2 09-01-2026..09-01-2026',
      'Intro-3 12-01-2026..12-01-2026',
    ]);
    expect((await getScheduler(scheduler.schedulerId)).totalNumberOfBatchesCreated).toBe(3);
  });

  it('does not make one-day batches missed while it was not running (they are over), and numbers on', async () => {
    const scheduler = await createScheduler({
      batchName: 'Missed',
      startDate: '05-01-2026',
      endDate: '31-01-2026',
      frequencyUnit: 'week',
      daysOfTheWeek: ['2'],
    });
    lectern.clock.set(at('2026-01-20')); // Mondays 5, 12 and 19 are gone; 26 is ahead
    expect((await tick()).batchesCreated).toBe(0);
    lectern.clock.set(at('2026-01-26'));
    expect((await tick()).batchesCreated).toBe(1);
    expect(summary(await batches())).toEqual(['Missed_1 26-01-2026..26-01-2026']);
    expect((await getScheduler(scheduler.schedulerId)).totalNumberOfBatchesCreated).toBe(1);
    // The rule is over: later ticks make nothing.
    lectern.clock.set(at('2026-03-01'));
    expect((await tick()).batchesCreated).toBe(0);
  });

  it('every second week, made three days ahead (offset -3)', async () => {
    await createScheduler({
      batchName: 'Fortnight',
      startDate: '12-01-2026',
      endDate: '28-02-2026',
      frequency: 2,
      frequencyUnit: 'week',
      daysOfTheWeek: [2],
      offset: -3,
    });
    expect((await tick()).batchesCreated).toBe(0);
    lectern.clock.set(at('2026-01-09')); // three days before Monday 12
    expect((await tick()).batchesCreated).toBe(1);
    lectern.clock.set(at('2026-01-22'));
    expect((await tick()).batchesCreated).toBe(0);
    lectern.clock.set(at('2026-01-23')); // three days before Monday 26
    expect((await tick()).batchesCreated).toBe(1);
    expect(summary(await batches())).toEqual([
      'Fortnight_1 12-01-2026..12-01-2026',
      'Fortnight_2 26-01-2026..26-01-2026',
    ]);
  });

  it("defaults to the start date's weekday", async () => {
    await createScheduler({ batchName: 'Wed', startDate: '07-01-2026', endDate: '31-01-2026', frequencyUnit: 'week' });
    lectern.clock.set(at('2026-01-07'));
    expect((await tick()).batchesCreated).toBe(1);
    lectern.clock.set(at('2026-01-14'));
    expect((await tick()).batchesCreated).toBe(1);
    expect(summary(await batches()).map((line) => line.split(' ')[1])).toEqual([
      '07-01-2026..07-01-2026',
      '14-01-2026..14-01-2026',
    ]);
  });
});

describe('monthly and yearly', () => {
  it('every second month on the 1st and the 15th', async () => {
    await createScheduler({
      batchName: 'Monthly',
      startDate: '05-01-2026',
      endDate: '31-05-2026',
      frequency: 2,
      frequencyUnit: 'month',
      datesOfTheMonth: ['1', '15'],
    });
    for (const date of [
      '2026-01-15',
      '2026-02-15',
      '2026-03-01',
      '2026-03-15',
      '2026-04-15',
      '2026-05-01',
      '2026-05-15',
    ]) {
      lectern.clock.set(at(date));
      await tick();
    }
    expect(summary(await batches()).map((line) => line.split(' ')[1]!.slice(0, 10))).toEqual([
      '15-01-2026',
      '01-03-2026',
      '15-03-2026',
      '01-05-2026',
      '15-05-2026',
    ]);
  });

  it('on the first and the last Monday of each month', async () => {
    await createScheduler({
      batchName: 'Mondays',
      startDate: '05-01-2026',
      endDate: '28-02-2026',
      frequencyUnit: 'month',
      daysOfTheWeek: ['2'],
      weeksOfTheMonth: ['1', '5'],
    });
    for (const date of ['2026-01-05', '2026-01-26', '2026-02-02', '2026-02-23']) {
      lectern.clock.set(at(date));
      expect((await tick()).batchesCreated, date).toBe(1);
    }
  });

  it('yearly in March on the 10th, across years', async () => {
    const scheduler = await createScheduler({
      batchName: 'Annual',
      startDate: '05-01-2026',
      endDate: '31-12-2028',
      frequencyUnit: 'year',
      monthsOfTheYear: [3],
      datesOfTheMonth: [10],
    });
    for (const year of [2026, 2027, 2028]) {
      lectern.clock.set(at(`${year}-03-09`));
      expect((await tick()).batchesCreated).toBe(0);
      lectern.clock.set(at(`${year}-03-10`));
      expect((await tick()).batchesCreated).toBe(1);
    }
    expect(summary(await batches())).toEqual([
      'Annual_1 10-03-2026..10-03-2026',
      'Annual_2 10-03-2027..10-03-2027',
      'Annual_3 10-03-2028..10-03-2028',
    ]);
    expect((await getScheduler(scheduler.schedulerId)).totalNumberOfBatchesCreated).toBe(3);
  });
});

describe('idempotence and concurrency', () => {
  it('two ticks at once make every batch exactly once', async () => {
    await createScheduler({
      batchName: 'Race',
      startDate: '05-01-2026',
      endDate: '31-01-2026',
      frequencyUnit: 'week',
      daysOfTheWeek: [1, 2, 3, 4, 5, 6, 7],
      offset: -6, // a week of batches is due at once
    });
    const results = await Promise.all([tick(), tick(), tick()]);
    expect(results.reduce((sum, result) => sum + result.batchesCreated, 0)).toBe(7);
    const names = (await batches()).map((batch) => batch.name);
    expect(names).toEqual(['Race_1', 'Race_2', 'Race_3', 'Race_4', 'Race_5', 'Race_6', 'Race_7']);
    expect((await tick()).batchesCreated).toBe(0);
  });
});

describe('the portal time zone', () => {
  it("makes a batch when the portal's own day starts, not UTC's", async () => {
    await lectern.app.lectern.db
      .updateTable('portals')
      .set({ time_zone: 'Pacific/Kiritimati' }) // UTC+14
      .where('id', '=', lectern.portalId)
      .execute();
    try {
      await createScheduler({
        batchName: 'Island',
        startDate: '06-01-2026',
        endDate: '06-01-2026',
        frequencyUnit: 'week',
      });
      lectern.clock.set(at('2026-01-05', 9)); // 23:00 on the 5th there
      expect((await tick()).batchesCreated).toBe(0);
      lectern.clock.set(at('2026-01-05', 10)); // midnight on the 6th there, still the 5th in UTC
      expect((await tick()).batchesCreated).toBe(1);
    } finally {
      await lectern.app.lectern.db
        .updateTable('portals')
        .set({ time_zone: 'UTC' })
        .where('id', '=', lectern.portalId)
        .execute();
    }
  });
});

describe('changes to the rule and the course', () => {
  it('an updated rule applies from today, and the running number goes on', async () => {
    const scheduler = await createScheduler({
      batchName: 'Edited',
      startDate: '05-01-2026',
      endDate: '28-02-2026',
      frequencyUnit: 'week',
      daysOfTheWeek: [2],
    });
    await tick(); // Monday 5
    lectern.clock.set(at('2026-01-07')); // Wednesday
    const response = await lectern.app.inject({
      method: 'PATCH',
      url: `/api/v1/courses/${courseId}/batches/schedulers/${scheduler.schedulerId}`,
      headers: { ...lectern.auth(lectern.adminToken), ...jsonType },
      payload: JSON.stringify({ daysOfTheWeek: [3, 4], batchName: 'Renamed' }), // Tuesday, Wednesday
    });
    expect(response.statusCode, response.body).toBe(200);
    expect((await tick()).batchesCreated).toBe(1); // Wednesday 7 (today); Tuesday 6 is gone
    lectern.clock.set(at('2026-01-13'));
    expect((await tick()).batchesCreated).toBe(1);
    expect(summary(await batches())).toEqual([
      'Edited_1 05-01-2026..05-01-2026',
      'Renamed_2 07-01-2026..07-01-2026',
      'Renamed_3 13-01-2026..13-01-2026',
    ]);
  });

  it('a deleted scheduler, a disabled course and a course no longer blended make nothing', async () => {
    const data = { batchName: 'Stopped', startDate: '05-01-2026', endDate: '31-01-2026', frequencyUnit: 'week' };
    const deleted = await createScheduler(data);
    const response = await lectern.app.inject({
      method: 'DELETE',
      url: `/api/v1/courses/${courseId}/batches/schedulers/${deleted.schedulerId}`,
      headers: lectern.auth(lectern.adminToken),
    });
    expect(response.statusCode).toBe(200);
    const disabledCourse = (await createCourse(lectern, lectern.adminToken, { type: 2 })).courseId;
    await createScheduler(data, disabledCourse);
    const retypedCourse = (await createCourse(lectern, lectern.adminToken, { type: 2 })).courseId;
    await createScheduler(data, retypedCourse);
    const db = lectern.app.lectern.db;
    await db.updateTable('courses').set({ status: 2 }).where('id', '=', disabledCourse).execute();
    await db.updateTable('courses').set({ type: 1 }).where('id', '=', retypedCourse).execute();
    expect((await tick()).batchesCreated).toBe(0);
    // Enabled again, the disabled course's rule goes on.
    await db.updateTable('courses').set({ status: 0 }).where('id', '=', disabledCourse).execute();
    expect((await tick()).batchesCreated).toBe(1);
  });
});
