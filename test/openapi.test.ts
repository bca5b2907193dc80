import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTestLectern, type TestLectern } from './helpers/test-app.ts';

let lectern: TestLectern;
beforeAll(async () => {
  lectern = await createTestLectern();
});
afterAll(() => lectern.close());

it('serves the OpenAPI document with unique verbNoun operationIds and a readable /docs page', async () => {
  const response = await lectern.app.inject({ url: '/openapi.json' });
  expect(response.statusCode).toBe(200);
  const document = response.json();
  expect(document.openapi).toBe('3.0.3');
  const operationIds: string[] = [];
  for (const methods of Object.values(document.paths) as Record<string, { operationId?: string }>[]) {
    for (const operation of Object.values(methods)) operationIds.push(operation.operationId ?? '(none)');
  }
  expect(operationIds.length).toBeGreaterThan(20);
  expect(new Set(operationIds).size).toBe(operationIds.length);
  for (const id of operationIds) expect(id).toMatch(/^[a-z]+[A-Z][A-Za-z]*$/);
  expect(document.paths['/api/v1/courses/{courseId}'].patch.operationId).toBe('updateCourse');
  const docs = await lectern.app.inject({ url: '/docs/' });
  expect(docs.statusCode).toBe(200);
  expect(docs.headers['content-type']).toMatch(/text\/html/);
});
