/** Online Test API access in both families, and the preview page: HTML for course managers, 401/403/404/400 otherwise. */
import { describe, expect, it } from 'vitest';
import { useAssessmentWorld } from './helpers/assessment-world.ts';
import { type AssessmentWorld, addFamilyModule, createItem, describeAccess } from './helpers/assessments.ts';
import type { TestLectern } from './helpers/test-app.ts';

let lectern: TestLectern;
let world: AssessmentWorld;
useAssessmentWorld((started) => {
  ({ lectern, world } = started);
});

const valid = {
  name: 'Access quiz',
  durationFor: 'none',
  maximumAttemptsAllowed: 'unlimited',
  questionsPerPage: 'one',
};

describeAccess(
  () => lectern,
  () => world,
  {
    plural: 'onlineTests',
    singular: 'onlineTest',
    idKey: 'onlineTestId',
    dataName: 'onlineTestData',
    validData: () => valid,
    marks: false,
  },
);

describe.each(['self-paced', 'blended'])('%s preview page', (name) => {
  async function newTest(data: Record<string, unknown> = valid) {
    const family = await addFamilyModule(lectern, world.families.find((candidate) => candidate.name === name)!);
    return createItem(lectern, `${family.moduleUrl}/onlineTests`, 'onlineTestData', 'onlineTest', data);
  }
  const previewPath = (test: Record<string, any>) => new URL(test.previewURL).pathname;
  const get = (url: string, token: string | null) =>
    lectern.app.inject({ url, headers: token === null ? {} : lectern.auth(token) });

  it('serves the test’s settings as a small HTML page to the course’s managers, escaping what was stored', async () => {
    const test = await newTest({
      ...valid,
      name: 'Quiz <script>alert(1)</script>',
      description: 'Fish & "chips"',
      durationFor: 'question',
      duration: 3,
      passPercentage: 80,
      resources: [{ resourceName: 'Guide', resourceURL: 'https://example.com/guide?a=1&b=2' }],
    });
    for (const token of [lectern.adminToken, world.courseAdmin.token, await lectern.token(['READ'])]) {
      const response = await get(previewPath(test), token);
      expect(response.statusCode, response.body).toBe(200);
      expect(response.headers['content-type']).toBe('text/html; charset=utf-8');
      expect(response.body).toMatch(/^<!doctype html>/);
      expect(response.body).toContain('<h1>Quiz &#60;script&#62;alert(1)&#60;/script&#62;</h1>');
      expect(response.body).not.toContain('<script>');
      expect(response.body).toContain('Fish &#38; &#34;chips&#34;');
      expect(response.body).toContain('3 minutes per question');
      expect(response.body).toContain('80%');
      expect(response.body).toContain('href="https://example.com/guide?a=1&#38;b=2"');
      expect(response.body).toContain('no questions');
    }
  });

  it('answers 401 without a token, 403 to a plain employee or a token without READ', async () => {
    const test = await newTest();
    expect((await get(previewPath(test), null)).statusCode).toBe(401);
    const plain = await get(previewPath(test), world.plain.token);
    expect(plain.statusCode).toBe(403);
    expect(plain.json().message).toContain('preview');
    const scope = await get(previewPath(test), await lectern.token(['CREATE']));
    expect(scope.statusCode).toBe(403);
    expect(scope.json().message).toContain('ZOHOPEOPLE.training.READ');
  });

  it('answers 404 for an unknown test, a deleted one, another kind’s id and another portal; 400 for a non-numeric id', async () => {
    const test = await newTest();
    const offline = await createItem(
      lectern,
      `${world.families.find((candidate) => candidate.name === name)!.moduleUrl}/offlineTests`,
      'offlineTestData',
      'offlineTest',
      { name: 'Offline', marks: 5, duration: 5 },
    );
    const other = await lectern.otherPortal();
    expect((await get(previewPath(test), other.token)).statusCode).toBe(404);
    expect((await get('/lectern/v1/online-tests/123456789012345678/preview', lectern.adminToken)).statusCode).toBe(404);
    const offlinePreview = `/lectern/v1/online-tests/${offline.offlineTestId}/preview`;
    expect((await get(offlinePreview, lectern.adminToken)).statusCode).toBe(404);
    const bad = await get('/lectern/v1/online-tests/abc/preview', lectern.adminToken);
    expect(bad.statusCode).toBe(400);
    expect(bad.json()).toMatchObject({ code: 'INVALID_INPUT', parameter: 'onlineTestId' });
    const itemUrl = new URL(test.previewURL).pathname;
    const family = world.families.find((candidate) => candidate.name === name)!;
    await lectern.app.inject({
      method: 'DELETE',
      url: `${family.parentUrl}/modules/${test.moduleId}/onlineTests/${test.onlineTestId}`,
      headers: lectern.auth(lectern.adminToken),
    });
    expect((await get(itemUrl, lectern.adminToken)).statusCode).toBe(404);
  });
});
