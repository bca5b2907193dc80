/**
 * A minimal Temporal.ZonedDateTime for ical-generator, which writes `DTSTART;TZID=<zone>:<wall clock>` from Temporal
 * objects (native Dates it would read in the server's own zone). Only what ical-generator's stub types ask for.
 */
import type {
  ICalTemporalInstantStub,
  ICalTemporalPlainDateStub,
  ICalTemporalPlainDateTimeStub,
  ICalTemporalZonedDateTimeStub,
} from 'ical-generator';
import { type WallClock, wallClockAt } from '../sessions/index.ts';

const two = (value: number) => String(value).padStart(2, '0');

function isoText(wall: WallClock): string {
  return (
    `${String(wall.year).padStart(4, '0')}-${two(wall.month)}-${two(wall.day)}` +
    `T${two(wall.hour)}:${two(wall.minute)}:${two(wall.second)}`
  );
}

function plainDate(wall: WallClock): ICalTemporalPlainDateStub {
  const text = isoText(wall).slice(0, 10);
  return { year: wall.year, month: wall.month, day: wall.day, toJSON: () => text, toString: () => text };
}

/** An instant as a zone's clocks show it. */
export class ZonedDateTime implements ICalTemporalZonedDateTimeStub {
  readonly year: number;
  readonly month: number;
  readonly day: number;
  readonly hour: number;
  readonly minute: number;
  readonly second: number;

  constructor(
    readonly epochMilliseconds: number,
    readonly timeZoneId: string,
  ) {
    const wall = wallClockAt(epochMilliseconds, timeZoneId);
    this.year = wall.year;
    this.month = wall.month;
    this.day = wall.day;
    this.hour = wall.hour;
    this.minute = wall.minute;
    this.second = wall.second;
  }

  /** The same instant on another zone's clocks. */
  withTimeZone(timeZone: string): ZonedDateTime {
    return timeZone === this.timeZoneId ? this : new ZonedDateTime(this.epochMilliseconds, timeZone);
  }

  /** The instant itself. */
  toInstant(): ICalTemporalInstantStub {
    const text = new Date(this.epochMilliseconds).toISOString();
    return {
      epochMilliseconds: this.epochMilliseconds,
      toJSON: () => text,
      toString: () => text,
      toZonedDateTimeISO: (timeZone: string) => new ZonedDateTime(this.epochMilliseconds, timeZone),
    };
  }

  /** The wall-clock fields without the zone. */
  toPlainDateTime(): ICalTemporalPlainDateTimeStub {
    const text = isoText(this);
    return {
      year: this.year,
      month: this.month,
      day: this.day,
      hour: this.hour,
      minute: this.minute,
      second: this.second,
      toPlainDate: () => plainDate(this),
      toZonedDateTime: (timeZone: string) =>
        timeZone === this.timeZoneId ? this : new ZonedDateTime(this.epochMilliseconds, timeZone),
      toJSON: () => text,
      toString: () => text,
    };
  }

  /** ISO text with the zone in brackets, as Temporal writes it. */
  toString(): string {
    return `${isoText(this)}[${this.timeZoneId}]`;
  }

  /** Same as toString. */
  toJSON(): string {
    return this.toString();
  }
}
