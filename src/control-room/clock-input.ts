/** Decodes the clock inputs of the control room: instants and durations, within the range dates are kept in. */
import { invalidInput } from '../errors.ts';

/** Earliest and latest instants a portal clock may show: dates outside them break calendars and Zoho's formats. */
const earliest = Date.UTC(2000, 0, 1);
const latest = Date.UTC(2100, 0, 1);
/** ISO 8601 with an explicit zone (Z or ±hh:mm), so no server zone is guessed. */
const isoWithZone = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2})$/;
const durationPart = /(\d+)(ms|s|m|h|d)/gy;
const unitMs: Record<string, number> = { ms: 1, s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 };

/** An instant given as ISO 8601 with a zone or as epoch ms, in [2000, 2100). */
export function parseInstant(value: string | number, parameter: string): number {
  let ms: number;
  if (typeof value === 'number') ms = value;
  else if (isoWithZone.test(value)) ms = Date.parse(value);
  else throw invalidInput(parameter, 'give an ISO 8601 time with a zone, such as 2026-05-01T09:00:00Z, or epoch ms');
  if (!Number.isSafeInteger(ms) || ms < earliest || ms >= latest) {
    throw invalidInput(parameter, 'the time must fall in the years 2000 to 2099');
  }
  return ms;
}

/** A duration in ms: an integer, or units such as 90s, 15m, 1h30m, 2d, 250ms, with an optional leading minus. */
export function parseDuration(value: string | number, parameter: string): number {
  if (typeof value === 'number') {
    if (!Number.isSafeInteger(value)) throw invalidInput(parameter, 'give whole milliseconds');
    return value;
  }
  const text = value.trim();
  const sign = text.startsWith('-') ? -1 : 1;
  const body = sign === -1 ? text.slice(1) : text;
  if (/^\d+$/.test(body)) return sign * Number(body);
  let total = 0;
  durationPart.lastIndex = 0;
  let matched = 0;
  for (let match = durationPart.exec(body); match !== null; match = durationPart.exec(body)) {
    total += Number(match[1]) * unitMs[match[2]!]!;
    matched = durationPart.lastIndex;
  }
  if (body === '' || matched !== body.length || !Number.isSafeInteger(total)) {
    throw invalidInput(parameter, 'give milliseconds or a duration such as 90s, 15m, 1h30m, 2d, -1d');
  }
  return sign * total;
}
