/**
 * The envelope's `code` over the wire: the JSON type of each page's sample response (the string "200" on most pages,
 * the number 200 on the Update Modules, Update Session, link and requisite-entities pages). Every operation the
 * committed list marks with a sampleCode is called here, and each answer's `code` has that type.
 */
import { readFileSync } from 'node:fs';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { blendedBatch, enrol, selfPacedCourse } from './helpers/completion.ts';
import { jsonType, personNamed } from './helpers/courses.ts';
import { validSchedulerData } from './helpers/schedulers.ts';
import { roomsOf, sessionsUrl } from './helpers/sessions.ts';
import { createTestLectern, type TestLectern } from './helpers/test-app.ts';

interface ZohoOperation {
  ref: string;
  method: string;
  path: string;
  sampleCode?: 'string' | 'number';
}

const operations = (
  JSON.parse(readFileSync(new URL('./fixtures/zoho/operations.json', import.meta.url), 'utf8')) as {
    operations: ZohoOperation[];
  }
).operations;

let lectern: TestLectern;
beforeAll(async () => {
  lectern = await createTestLectern();
});
afterAll(() => lectern.close());

/** Answers seen, by the operation (method and template path) each call was. */
const seen = new Map<string, LightMyRequestResponse>();

/** The operation a call is: same method, path matching the template, the most specific template winning. */
function operationOf(method: string, url: string): ZohoOperation | undefined {
  const path = url.split('?')[0]!;
  const matches = operations.filter(
    (operation) =>
      operation.method === method && new RegExp(`^${operation.path.replace(/\{[^}]+\}/g, '[^/]+')}$`).test(path),
  );
  const params = (operation: ZohoOperation) => operation.path.split('{').length;
  return matches.sort((a, b) => params(a) - params(b))[0];
}

async function call(method: 'GET' | 'POST' | 'PUT' | 'PATCH', url: string, body?: object) {
  const response = await lectern.app.inject({
    method,
    url,
    headers: { ...lectern.auth(lectern.adminToken), ...jsonType },
    ...(body === undefined ? {} : { payload: JSON.stringify(body) }),
  });
  expect(response.statusCode, `${method} ${url}: ${response.body}`).toBe(200);
  const operation = operationOf(method, url);
  expect(operation, `${method} ${url} is one of Zoho's operations`).toBeDefined();
  seen.set(`${operation!.method} ${operation!.path}`, response);
  return response.json();
}

it("answers `code` with the type of each page's sample, for every operation that has one", async () => {
  const learner = await personNamed(lectern, 'Fatima Zahra');

  // Courses, their actions and sharing (part A).
  const { course } = await call('POST', '/api/v1/courses', { courseData: { name: 'Codes', type: 1 } });
  const courseUrl = `/api/v1/courses/${course.courseId}`;
  await call('PATCH', courseUrl, { description: 'By id' });
  await call('PATCH', `/api/v1/courses?courseId=${course.courseId}`, { description: 'By query' });
  const moduleId = (await call('POST', `${courseUrl}/modules`, { name: 'One' })).module.moduleId;
  await call('PATCH', `${courseUrl}/modules/${moduleId}`, { lockType: 0 });
  const { link } = await call('POST', `${courseUrl}/modules/${moduleId}/links`, {
    name: 'Read',
    embedURL: 'https://example.org',
  });
  await call('PATCH', `${courseUrl}/modules/${moduleId}/links/${link.linkId}`, { description: 'Updated' });
  await call('GET', `${courseUrl}/links`);
  await call('POST', `${courseUrl}/publish`);
  await call('PUT', `${courseUrl}/share?erecnosList=[${learner.erecno}]`);
  await call('GET', `${courseUrl}/share`);

  // Rooms.
  const rooms = await roomsOf(lectern);
  await call('GET', '/api/v1/rooms');
  await call('GET', `/api/v1/rooms/${rooms['Room One']}`);

  // Requisite entities (batch 0 for a self-paced course).
  const locked = await selfPacedCourse(lectern, { entity: 1, module: 1 }, [
    { name: 'First', links: [{ name: 'a' }] },
    { name: 'Second', lockType: 2, links: [{ name: 'b' }] },
  ]);
  await enrol(lectern, locked, [learner]);
  await call(
    'GET',
    `/api/v1/courses/${locked.courseId}/batches/0/learners/${learner.erecno}/lockedEntities/${locked.links.b}`,
  );

  // Batches, schedulers, batch actions and sessions (part B).
  const batch = await blendedBatch(lectern, {}, [{ name: 'Week one', links: [{ name: 'c' }] }]);
  const batchesUrl = `/api/v1/courses/${batch.courseId}/batches`;
  await call('GET', `${batchesUrl}/${batch.batchId}`);
  await call('GET', batchesUrl);
  await call('POST', `${batchesUrl}/${batch.batchId}/publish`);
  const { batchScheduler } = await call('POST', `${batchesUrl}/schedulers`, {
    batchSchedulerData: validSchedulerData(),
  });
  await call('GET', `${batchesUrl}/schedulers/${batchScheduler.schedulerId}`);
  await call('GET', `${batchesUrl}/schedulers`);
  const modulePath = { courseId: batch.courseId, batchId: batch.batchId!, moduleId: batch.modules['Week one']! };
  await call('PATCH', sessionsUrl(modulePath, batch.sessionId), { description: 'Updated' });
  const batchModuleUrl = `${batchesUrl}/${batch.batchId}/modules/${modulePath.moduleId}`;
  await call('PATCH', batchModuleUrl, { description: 'Updated' });
  const batchLink = (await call('POST', `${batchModuleUrl}/links`, { name: 'More', embedURL: 'https://example.org' }))
    .link;
  await call('PATCH', `${batchModuleUrl}/links/${batchLink.linkId}`, { description: 'Updated' });
  await call('GET', `${batchesUrl}/${batch.batchId}/links`);

  const wrong: string[] = [];
  const sampled = operations.filter((operation) => operation.sampleCode !== undefined);
  for (const operation of sampled) {
    const response = seen.get(`${operation.method} ${operation.path}`);
    if (response === undefined) {
      wrong.push(`${operation.ref} ${operation.method} ${operation.path}: not called`);
      continue;
    }
    const code = response.json().code;
    if (typeof code !== operation.sampleCode || String(code) !== '200') {
      wrong.push(`${operation.ref} ${operation.method} ${operation.path}: code ${JSON.stringify(code)}`);
    }
  }
  expect(wrong).toEqual([]);
  // Both kinds were seen, each exactly as its page shows it.
  expect(sampled.some((operation) => operation.sampleCode === 'number')).toBe(true);
  expect(sampled.some((operation) => operation.sampleCode === 'string')).toBe(true);
});
