/** Offline Test API: every validation error names its parameter, in both families, and writes nothing. */
import { describe, expect, it } from 'vitest';
import { EntityType } from '../src/entity-types.ts';
import { expectCreateRefused, familyNamed, useAssessmentWorld, withChanges } from './helpers/assessment-world.ts';
import { type AssessmentWorld, createItem, expectRefusal, type Family, sendData } from './helpers/assessments.ts';
import { jsonType } from './helpers/courses.ts';
import type { TestLectern } from './helpers/test-app.ts';

let lectern: TestLectern;
let world: AssessmentWorld;
let otherPortalGrade: string;
useAssessmentWorld(async (started) => {
  ({ lectern, world } = started);
  const other = await lectern.otherPortal();
  const row = await lectern.app.lectern.db
    .selectFrom('categories')
    .select('id')
    .where('portal_id', '=', other.portalId)
    .where('kind', '=', 'grade')
    .executeTakeFirstOrThrow();
  otherPortalGrade = row.id;
});

const dataName = 'offlineTestData';
const valid = { name: 'Quiz', marks: 50, duration: 30 };
const familyOf = (name: string) => familyNamed(world, name);
const testsUrl = (family: Family) => `${family.moduleUrl}/offlineTests`;

/** [what, data, parameter, code]; the data replaces `valid`'s keys (undefined removes one). */
const createCases: [string, Record<string, unknown>, string, string?][] = [
  ['no name', { name: undefined }, 'offlineTestData.name', 'INPUT_PARAMETER_MISSING'],
  ['a blank name', { name: '   ' }, 'offlineTestData.name'],
  ['a name of 251 characters', { name: 'x'.repeat(251) }, 'offlineTestData.name'],
  ['no marks', { marks: undefined }, 'offlineTestData.marks', 'INPUT_PARAMETER_MISSING'],
  ['marks 0', { marks: 0 }, 'offlineTestData.marks'],
  ['negative marks', { marks: -5 }, 'offlineTestData.marks'],
  ['fractional marks', { marks: 1.5 }, 'offlineTestData.marks'],
  ['fractional marks as text', { marks: '1.5' }, 'offlineTestData.marks'],
  ['marks as a word', { marks: 'fifty' }, 'offlineTestData.marks'],
  ['marks true', { marks: true }, 'offlineTestData.marks'],
  ['marks above 100000', { marks: 100001 }, 'offlineTestData.marks'],
  ['no duration', { duration: undefined }, 'offlineTestData.duration', 'INPUT_PARAMETER_MISSING'],
  ['duration 0', { duration: 0 }, 'offlineTestData.duration'],
  ['duration as a word', { duration: 'long' }, 'offlineTestData.duration'],
  ['a description of 10001 characters', { description: 'x'.repeat(10001) }, 'offlineTestData.description'],
  ['isMandatory "yes"', { isMandatory: 'yes' }, 'offlineTestData.isMandatory'],
  ['lockUntil as YYYY-MM-DD', { lockUntil: '2026-01-20' }, 'offlineTestData.lockUntil'],
  ['lockUntil 31-02-2026', { lockUntil: '31-02-2026' }, 'offlineTestData.lockUntil'],
  ['lockUntil a number', { lockUntil: 20012026 }, 'offlineTestData.lockUntil'],
  ['gradeCategoryId "abc"', { gradeCategoryId: 'abc' }, 'offlineTestData.gradeCategoryId'],
  ['an unknown grade category', { gradeCategoryId: '123456789012345678' }, 'offlineTestData.gradeCategoryId'],
  ['resources as a file name', { resources: 'file.pdf' }, 'offlineTestData.resources.0'],
  [
    'a resource without a URL',
    { resources: [{ resourceName: 'Notes' }] },
    'offlineTestData.resources.0.resourceURL',
    'INPUT_PARAMETER_MISSING',
  ],
  [
    'a resource with an ftp URL',
    { resources: [{ resourceName: 'Notes', resourceURL: 'ftp://example.com/a' }] },
    'offlineTestData.resources.0.resourceURL',
  ],
  [
    'a resource with a blank name',
    { resources: [{ resourceName: ' ', resourceURL: 'https://example.com/a' }] },
    'offlineTestData.resources.0.resourceName',
  ],
  [
    '21 resources',
    { resources: Array.from({ length: 21 }, () => ({ resourceName: 'a', resourceURL: 'https://example.com' })) },
    'offlineTestData.resources',
  ],
];

describe.each(['self-paced', 'blended'])('%s offline test validation', (name) => {
  it.each(createCases)('refuses %s on create', async (_what, changes, parameter, code) => {
    const data = withChanges(valid, changes);
    await expectCreateRefused(
      lectern,
      { url: testsUrl(familyOf(name)), dataName, data, entityType: EntityType.offlineTest },
      parameter,
      code,
    );
  });

  it('refuses a course category or another portal’s grade category as gradeCategoryId', async () => {
    for (const id of [world.courseCategory, otherPortalGrade]) {
      const response = await sendData(lectern, {
        method: 'POST',
        url: testsUrl(familyOf(name)),
        dataName,
        data: { ...valid, gradeCategoryId: id },
      });
      expectRefusal(response, 'offlineTestData.gradeCategoryId');
      expect(response.json().message).toContain('no grade category');
    }
  });

  it('refuses a missing or malformed offlineTestData', async () => {
    const url = testsUrl(familyOf(name));
    const none = await lectern.app.inject({ method: 'POST', url, headers: lectern.auth(lectern.adminToken) });
    expectRefusal(none, 'offlineTestData', 'INPUT_PARAMETER_MISSING');
    const broken = await lectern.app.inject({
      method: 'POST',
      url: `${url}?offlineTestData=${encodeURIComponent('{"name":')}`,
      headers: lectern.auth(lectern.adminToken),
    });
    expectRefusal(broken, 'offlineTestData');
    const list = await lectern.app.inject({
      method: 'POST',
      url,
      headers: { ...lectern.auth(lectern.adminToken), ...jsonType },
      payload: '{"offlineTestData":[1,2]}',
    });
    expectRefusal(list, 'offlineTestData');
  });

  it('refuses bad values on update and leaves the test as it was', async () => {
    const url = testsUrl(familyOf(name));
    const test = await createItem(lectern, url, dataName, 'offlineTest', valid);
    const itemUrl = `${url}/${test.offlineTestId}`;
    const cases: [Record<string, unknown>, string][] = [
      [{ name: '' }, 'offlineTestData.name'],
      [{ marks: null }, 'offlineTestData.marks'],
      [{ duration: -1 }, 'offlineTestData.duration'],
      [{ lockUntil: 'tomorrow' }, 'offlineTestData.lockUntil'],
      [{ gradeCategoryId: world.courseCategory }, 'offlineTestData.gradeCategoryId'],
    ];
    for (const [data, parameter] of cases) {
      expectRefusal(await sendData(lectern, { method: 'PATCH', url: itemUrl, dataName, data }), parameter);
    }
    const fetched = await lectern.app.inject({ url: itemUrl, headers: lectern.auth(lectern.adminToken) });
    expect(fetched.json().offlineTest).toEqual(test);
  });
});
