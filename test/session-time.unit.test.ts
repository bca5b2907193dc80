/**
 * Session wall clocks to instants (luxon's zone data), read as RFC 5545 reads a TZID time: a time skipped by a
 * spring-forward change takes the offset before the gap; a time that occurs twice is its first occurrence.
 */
import { describe, expect, it } from 'vitest';
import { dateInZone } from '../src/dates.ts';
import { sessionTimeZone, wallClockAt, wallClockToEpoch } from '../src/features/sessions/session-time.ts';

const at = (date: string, hour: number, minute: number, zone: string) =>
  new Date(wallClockToEpoch(date, hour * 60 + minute, zone)).toISOString();

describe('wall clock to instant', () => {
  it('follows the offset on each side of a change in America/Chicago', () => {
    expect(at('2026-03-07', 9, 0, 'America/Chicago')).toBe('2026-03-07T15:00:00.000Z');
    expect(at('2026-03-09', 9, 0, 'America/Chicago')).toBe('2026-03-09T14:00:00.000Z');
    expect(at('2026-10-31', 9, 0, 'America/Chicago')).toBe('2026-10-31T14:00:00.000Z');
    expect(at('2026-11-02', 9, 0, 'America/Chicago')).toBe('2026-11-02T15:00:00.000Z');
  });

  it('reads a skipped time with the offset before the gap, in zones west and east of UTC', () => {
    expect(at('2026-03-08', 2, 30, 'America/Chicago')).toBe('2026-03-08T08:30:00.000Z');
    expect(at('2026-03-29', 2, 30, 'Europe/Berlin')).toBe('2026-03-29T01:30:00.000Z');
    // Lord Howe Island moves by half an hour.
    expect(at('2026-10-04', 2, 15, 'Australia/Lord_Howe')).toBe('2026-10-03T15:45:00.000Z');
  });

  it('reads a repeated time as its first occurrence', () => {
    expect(at('2026-11-01', 1, 30, 'America/Chicago')).toBe('2026-11-01T06:30:00.000Z');
    expect(at('2026-10-25', 2, 30, 'Europe/Berlin')).toBe('2026-10-25T00:30:00.000Z');
    expect(at('2026-04-05', 1, 30, 'Australia/Lord_Howe')).toBe('2026-04-04T14:30:00.000Z');
  });

  it('runs minutes past midnight into the next day, and round-trips through wallClockAt', () => {
    expect(at('2026-01-01', 24, 0, 'Asia/Kolkata')).toBe('2026-01-01T18:30:00.000Z');
    const instant = wallClockToEpoch('2026-07-14', 600, 'Europe/Berlin');
    expect(wallClockAt(instant, 'Europe/Berlin')).toEqual({
      year: 2026,
      month: 7,
      day: 14,
      hour: 10,
      minute: 0,
      second: 0,
    });
  });
});

describe('zones', () => {
  it("gives the date of an instant in a zone, and a session the portal's zone when its location's is unknown", () => {
    const instant = Date.UTC(2026, 0, 5, 3, 0);
    expect(dateInZone(instant, 'America/Chicago')).toBe('2026-01-04');
    expect(dateInZone(instant, 'Asia/Kolkata')).toBe('2026-01-05');
    expect(() => dateInZone(instant, 'Atlantis/Poseidonia')).toThrow(RangeError);
    expect(sessionTimeZone('Atlantis/Poseidonia', 'Europe/Berlin')).toBe('Europe/Berlin');
    expect(sessionTimeZone('America/Chicago', 'Europe/Berlin')).toBe('America/Chicago');
    expect(sessionTimeZone(null, '')).toBe('UTC');
  });
});
