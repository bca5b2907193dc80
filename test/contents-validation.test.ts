/** contentData on Lectern's own write API: each key's rules, in both families; a refused write writes nothing. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertBatch } from './helpers/blended.ts';
import { addContent, addModule } from './helpers/content.ts';
import { createCourse, jsonType } from './helpers/courses.ts';
import { createTestLectern, type TestLectern } from './helpers/test-app.ts';

let lectern: TestLectern;
const targets: Record<string, { courseId: string; batchId: string | null; moduleId: string; url: string }> = {};

beforeAll(async () => {
  lectern = await createTestLectern();
  const selfPaced = (await createCourse(lectern, lectern.adminToken)).courseId;
  const blended = (await createCourse(lectern, lectern.adminToken, { type: 2 })).courseId;
  const batchId = await insertBatch(lectern, blended, { startDate: '2026-02-01', endDate: '2026-02-28' });
  for (const [name, courseId, batch] of [
    ['self-paced', selfPaced, null],
    ['blended', blended, batchId],
  ] as const) {
    const moduleId = await addModule(lectern, { courseId, batchId: batch });
    const tail = batch === null ? `courses/${courseId}` : `courses/${courseId}/batches/${batch}`;
    targets[name] = { courseId, batchId: batch, moduleId, url: `/lectern/v1/${tail}/modules/${moduleId}/contents` };
  }
});
afterAll(() => lectern.close());

function send(method: 'POST' | 'PATCH', url: string, data: unknown) {
  return lectern.app.inject({
    method,
    url,
    headers: { ...lectern.auth(lectern.adminToken), ...jsonType },
    payload: JSON.stringify(data),
  });
}

async function entityRows(): Promise<string> {
  const rows = await lectern.app.lectern.db.selectFrom('module_entities').selectAll().orderBy('id').execute();
  return JSON.stringify(rows);
}

const valid = { name: 'Valid', content: '<p>ok</p>' };

describe.each(['self-paced', 'blended'])('%s', (family) => {
  const target = () => targets[family]!;

  it.each([
    ['name missing', { content: '<p>x</p>' }, 'INPUT_PARAMETER_MISSING', 'contentData.name'],
    ['an empty name', { ...valid, name: '' }, 'INVALID_INPUT', 'contentData.name'],
    ['a name of spaces', { ...valid, name: '  ' }, 'INVALID_INPUT', 'contentData.name'],
    ['a name of 251 characters', { ...valid, name: 'n'.repeat(251) }, 'INVALID_INPUT', 'contentData.name'],
    ['content that is an object', { ...valid, content: { html: '<p>' } }, 'INVALID_INPUT', 'contentData.content'],
    [
      'content of 200001 characters',
      { ...valid, content: 'c'.repeat(200_001) },
      'INVALID_INPUT',
      'contentData.content',
    ],
    [
      'a description of 10001 characters',
      { ...valid, description: 'd'.repeat(10_001) },
      'INVALID_INPUT',
      'contentData.description',
    ],
    ['isMandatory 1.5', { ...valid, isMandatory: 1.5 }, 'INVALID_INPUT', 'contentData.isMandatory'],
    ['isMandatory maybe', { ...valid, isMandatory: 'maybe' }, 'INVALID_INPUT', 'contentData.isMandatory'],
    ['lockUntil 2026-01-10', { ...valid, lockUntil: '2026-01-10' }, 'INVALID_INPUT', 'contentData.lockUntil'],
    ['lockUntil 30-02-2026', { ...valid, lockUntil: '30-02-2026' }, 'INVALID_INPUT', 'contentData.lockUntil'],
  ])('refuses %s with 400 naming the parameter, and writes nothing', async (_name, data, code, parameter) => {
    const before = await entityRows();
    const response = await send('POST', target().url, data);
    expect(response.statusCode, response.body).toBe(400);
    expect(response.json()).toMatchObject({ code, parameter });
    expect(await entityRows()).toBe(before);
  });

  it('refuses a request without contentData, and contentData that is not a JSON object', async () => {
    const none = await lectern.app.inject({
      method: 'POST',
      url: target().url,
      headers: lectern.auth(lectern.adminToken),
    });
    expect(none.statusCode).toBe(400);
    expect(none.json()).toMatchObject({ code: 'INPUT_PARAMETER_MISSING', parameter: 'contentData' });
    const text = await lectern.app.inject({
      method: 'POST',
      url: `${target().url}?contentData=${encodeURIComponent('"just text"')}`,
      headers: lectern.auth(lectern.adminToken),
    });
    expect(text.statusCode).toBe(400);
    expect(text.json()).toMatchObject({ code: 'INVALID_INPUT', parameter: 'contentData' });
  });

  it('refuses a bad update and keeps the content as it was', async () => {
    const { contentId } = await addContent(lectern, target());
    const before = await entityRows();
    for (const data of [{ name: '' }, { lockUntil: '5-1-2026' }, { description: ['x'] }, { isMandatory: 'no' }]) {
      const response = await send('PATCH', `${target().url}/${contentId}`, data);
      expect(response.statusCode, JSON.stringify(data)).toBe(400);
      expect(response.json().parameter).toBe(`contentData.${Object.keys(data)[0]}`);
    }
    expect(await entityRows()).toBe(before);
  });

  it('accepts an empty content, and content that sanitises to nothing', async () => {
    const empty = await send('POST', target().url, { name: 'Empty', content: '' });
    expect(empty.json().content.content).toBe('');
    const scripted = await send('POST', target().url, { name: 'Scripted', content: '<script>alert(1)</script>' });
    expect(scripted.statusCode, scripted.body).toBe(200);
    expect(scripted.json().content.content).toBe('');
  });
});
