/**
 * How the OpenAPI document shows the values Zoho's inputs take as loose text (dates, times, minutes): the forms the
 * readers in dates.ts accept, for documentedAs. They check nothing themselves.
 */
import { Type } from '@sinclair/typebox';
import { maximumDurationMinutes } from '../dates.ts';

/** `DD-MM-YYYY` (`DD_MM_YYYY` is read too); parseZohoDate also refuses days that do not exist. */
export const ZohoDateShape = Type.String({
  pattern: '^\\s*\\d{2}[-_]\\d{2}[-_]\\d{4}\\s*$',
  description: 'DD-MM-YYYY',
  examples: ['22-12-2026'],
});

/** A date, or `""` or null for none (a lock date, a submission window). */
export const OptionalDateShape = Type.Union([ZohoDateShape, Type.Literal(''), Type.Null()], {
  description: 'DD-MM-YYYY; "" or null for none',
});

/** A 12-hour time such as `10:00 AM` (hour 1 to 12). */
export const TwelveHourTimeShape = Type.String({
  pattern: '^\\s*(0?[1-9]|1[0-2]):[0-5][0-9]\\s*[AaPp][Mm]\\s*$',
  description: '12-hour time such as 10:00 AM',
  examples: ['10:00 AM'],
});

/** Minutes as a number, digits, or the text Lectern answers (`"100 Mins"`, `"1 Min"`). */
export const MinutesShape = Type.Union(
  [
    Type.Integer({ minimum: 1, maximum: maximumDurationMinutes }),
    Type.String({ pattern: '^\\s*\\d+\\s*([Mm][Ii][Nn]([Ss]|[Uu][Tt][Ee][Ss]?)?)?\\s*$', examples: ['100 Mins'] }),
  ],
  { description: `Minutes, 1 to ${maximumDurationMinutes}: a number, or text such as "100 Mins"` },
);

/** Minutes, or `""` or null for none. */
export const OptionalMinutesShape = Type.Union([MinutesShape, Type.Literal(''), Type.Null()], {
  description: 'Minutes (a number, or text such as "100 Mins"); "" or null for none',
});

/** A whole number in a range, as a number or as digits. */
export function wholeNumberShape(minimum: number, maximum: number) {
  return Type.Union([Type.Integer({ minimum, maximum }), Type.String({ pattern: '^\\s*\\d+\\s*$' })], {
    description: `A whole number from ${minimum} to ${maximum} (a number or digits)`,
  });
}

/** An http or https URL (checked with the URL parser; surrounding spaces are trimmed). */
export const HttpUrlShape = Type.String({
  minLength: 1,
  maxLength: 2000,
  pattern: '^\\s*[Hh][Tt][Tt][Pp][Ss]?://',
  description: 'An http or https URL',
  examples: ['https://example.com/guide'],
});
