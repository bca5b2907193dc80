/** What the batch scheduler tests send. */

/** A valid batchSchedulerData (weekly on Mondays and Fridays from Monday 5 January 2026), with overrides laid over it. */
export const validSchedulerData = (overrides: Record<string, unknown> = {}) => ({
  batchName: 'Weekly run',
  startDate: '05-01-2026',
  endDate: '28-02-2026',
  frequency: 1,
  frequencyUnit: 'week',
  daysOfTheWeek: ['2', '6'],
  minimumCapacity: 2,
  maximumCapacity: 20,
  ...overrides,
});
