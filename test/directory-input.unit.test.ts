/** The directory's input readers that need no database: Zoho's relaxed inputData and its dd-MMM-yyyy days. */
import { describe, expect, it } from 'vitest';
import { parseDayText, relaxedJsonText } from '../src/features/directory/directory-input.ts';

describe('relaxedJsonText', () => {
  it("reads Zoho's sample form {Key:'value'} as JSON, leaving the inside of strings alone", () => {
    const text = `{Single_Line_1:"a1",Multi_Line_1:'12', Lookup_1:"7053", Note:'it\\'s "x", y: z'}`;
    expect(JSON.parse(relaxedJsonText(text))).toEqual({
      Single_Line_1: 'a1',
      Multi_Line_1: '12',
      Lookup_1: '7053',
      Note: `it's "x", y: z`,
    });
  });

  it('changes nothing in strict JSON', () => {
    for (const text of ['{"a":"b:c,d:e"}', '{"a":1,"b":[true,null]}', '{"k":"\\"q\\""}']) {
      expect(relaxedJsonText(text)).toBe(text);
    }
  });
});

describe('parseDayText', () => {
  it('reads dd-MMM-yyyy in any case as the UTC start of that day, and nothing else', () => {
    expect(parseDayText('04-Mar-2021')).toBe(Date.UTC(2021, 2, 4));
    expect(parseDayText('4-mar-2021')).toBe(Date.UTC(2021, 2, 4));
    expect(parseDayText('31-Feb-2021')).toBeUndefined();
    expect(parseDayText('04-03-2021')).toBeUndefined();
    expect(parseDayText('04-Mrz-2021')).toBeUndefined();
  });
});
