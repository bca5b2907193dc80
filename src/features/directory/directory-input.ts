/**
 * The directory's inputs as Zoho People reads them: 1-based `sIndex`, a page limit of at most 200 (7021 beyond),
 * `SearchColumn`/`SearchValue` (7042 when unusable) and `modifiedtime` as epoch ms or dd-MMM-yyyy.
 */
import { invalidInput, LmsError, quote } from '../../errors.ts';
import { maxRecordLimit } from './directory.schemas.ts';

/** Zoho's own error, answered in People's envelope with HTTP 200 (as recorded for 7024; assumed for the others). */
export function peopleError(code: string, message: string, field?: string): LmsError {
  return new LmsError(200, code, message, field);
}

/** The directory's paging and filters, as read from the query. */
export interface RecordFilters {
  offset: number;
  limit: number;
  modifiedSince?: number;
  search?: { column: 'EMPLOYEEID' | 'EMPLOYEEMAILALIAS'; value: string };
}

/** Beyond this an offset is no real directory's (and a bigger number would not stay exact). */
const maxStartIndex = 1_000_000_000;
const wholeNumber = /^\s*\d{1,12}\s*$/;
const months = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const zohoDay = /^(\d{1,2})-([A-Za-z]{3})-(\d{4})$/;
const emailPattern = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

function count(value: unknown, parameter: string, fallback: number): number {
  if (value === undefined || value === '') return fallback;
  if (typeof value !== 'string' || !wholeNumber.test(value)) {
    throw invalidInput(parameter, `must be a whole number, got ${quote(value)}`);
  }
  return Number(value);
}

/** `dd-MMM-yyyy` (any case) as the epoch ms of that day's start in UTC, or undefined when it is not one. */
export function parseDayText(text: string): number | undefined {
  const match = zohoDay.exec(text.trim());
  if (match === null) return undefined;
  const [, day, monthName, year] = match;
  const month = months.indexOf(monthName!.toLowerCase());
  if (month < 0) return undefined;
  const time = Date.UTC(Number(year), month, Number(day));
  return new Date(time).getUTCDate() === Number(day) ? time : undefined;
}

function modifiedSince(value: unknown): number | undefined {
  if (value === undefined || value === '') return undefined;
  const text = typeof value === 'string' ? value.trim() : '';
  if (/^\d{1,15}$/.test(text)) return Number(text);
  const day = parseDayText(text);
  if (day === undefined) {
    throw invalidInput('modifiedtime', `must be epoch milliseconds or a date as dd-MMM-yyyy, got ${quote(value)}`);
  }
  return day;
}

function search(column: unknown, value: unknown): RecordFilters['search'] {
  if ((column === undefined || column === '') && (value === undefined || value === '')) return undefined;
  const text = typeof value === 'string' ? value.trim() : '';
  const name = typeof column === 'string' ? column.trim().toUpperCase() : '';
  const usable =
    text !== '' &&
    text.length <= 200 &&
    (name === 'EMPLOYEEID' || (name === 'EMPLOYEEMAILALIAS' && emailPattern.test(text)));
  if (!usable) throw peopleError('7042', `Specified search value ${quote(text)} is invalid`);
  return { column: name as 'EMPLOYEEID' | 'EMPLOYEEMAILALIAS', value: text };
}

/** Paging and filters from the query; `limitName` is `limit` (getRecords) or `rec_limit` (views). */
export function readFilters(query: Record<string, unknown>, limitName: 'limit' | 'rec_limit'): RecordFilters {
  const startName = query.sIndex === undefined && query.slIndex !== undefined ? 'slIndex' : 'sIndex';
  const start = count(query[startName], startName, 1);
  if (start < 1 || start > maxStartIndex) {
    throw invalidInput(startName, `must be a record number from 1 to ${maxStartIndex} (the first record is 1)`);
  }
  const limit = count(query[limitName], limitName, maxRecordLimit);
  if (limit > maxRecordLimit) throw peopleError('7021', `Maximum record limit ${maxRecordLimit} is exceeded`);
  if (limit < 1) throw invalidInput(limitName, 'must be at least 1');
  return {
    offset: start - 1,
    limit,
    modifiedSince: modifiedSince(query.modifiedtime),
    search: search(query.SearchColumn ?? query.searchColumn, query.SearchValue ?? query.searchValue),
  };
}

const bareKey = /[A-Za-z_$][A-Za-z0-9_$.]*/y;

/**
 * Zoho's own samples send inputData as `{Key:'value',Other:"v"}`: keys unquoted, strings in either quote. This
 * rewrites that into JSON (quoting bare keys, turning single-quoted strings into double-quoted ones), leaving the
 * inside of strings alone; the result is still parsed as strict JSON.
 */
export function relaxedJsonText(text: string): string {
  let out = '';
  let index = 0;
  while (index < text.length) {
    const char = text[index]!;
    if (char === '"' || char === "'") {
      let value = '';
      index += 1;
      while (index < text.length && text[index] !== char) {
        if (text[index] === '\\' && index + 1 < text.length) {
          value += text.slice(index, index + 2);
          index += 2;
          continue;
        }
        value += char === "'" && text[index] === '"' ? '\\"' : text[index];
        index += 1;
      }
      out += `"${char === "'" ? value.replace(/\\'/g, "'") : value}"`;
      index += 1;
      continue;
    }
    bareKey.lastIndex = index;
    const key = /[{,]\s*$/.test(out) ? bareKey.exec(text) : null;
    if (key !== null && /^\s*:/.test(text.slice(index + key[0].length))) {
      out += `"${key[0]}"`;
      index += key[0].length;
      continue;
    }
    out += char;
    index += 1;
  }
  return out;
}
