import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addContent, addMandatoryLink } from './helpers/content.ts';
import { jsonType } from './helpers/courses.ts';
import { notes, upload } from './helpers/files.ts';
import { createTestLectern, type TestLectern } from './helpers/test-app.ts';

let lectern: TestLectern;
let courseId: string;
beforeAll(async () => {
  lectern = await createTestLectern();
  const created = await lectern.app.inject({
    method: 'POST',
    url: '/api/v1/courses',
    headers: { ...lectern.auth(lectern.adminToken), ...jsonType },
    payload: JSON.stringify({ name: 'Resources', type: 1 }),
  });
  courseId = created.json().course.courseId;
});
afterAll(() => lectern.close());

const resources = [{ resourceName: 'slides.pdf', resourceURL: 'https://example.org/slides.pdf' }];

describe('resources on links, contents and files', () => {
  it('are stored and answered as {resourceURL, resourceName}', async () => {
    const { moduleId, linkId } = await addMandatoryLink(lectern, { courseId }, { resources });
    const link = await lectern.app.inject({
      url: `/api/v1/courses/${courseId}/modules/${moduleId}/links/${linkId}`,
      headers: lectern.auth(lectern.adminToken),
    });
    expect(link.json().link.resources).toEqual([
      { resourceURL: resources[0]!.resourceURL, resourceName: 'slides.pdf' },
    ]);

    const { contentId } = await addContent(lectern, { courseId, moduleId }, { resources });
    const content = await lectern.app.inject({
      url: `/api/v1/courses/${courseId}/modules/${moduleId}/contents/${contentId}`,
      headers: lectern.auth(lectern.adminToken),
    });
    expect(content.json().content.resources).toEqual(link.json().link.resources);

    const filesUrl = `/api/v1/courses/${courseId}/modules/${moduleId}/files`;
    const created = await upload(lectern, filesUrl, { fileData: { name: 'Notes', resources }, file: notes });
    expect(created.statusCode, created.body).toBe(200);
    expect(created.json().file.resources).toEqual(link.json().link.resources);
    const cleared = await lectern.app.inject({
      method: 'PATCH',
      url: `${filesUrl}/${created.json().file.fileId}`,
      headers: { ...lectern.auth(lectern.adminToken), ...jsonType },
      payload: JSON.stringify({ resources: [] }),
    });
    expect(cleared.json().file.resources).toEqual([]);
  });

  it('refuse a resource that is not an http(s) URL, naming it', async () => {
    const { moduleId } = await addMandatoryLink(lectern, { courseId });
    const response = await lectern.app.inject({
      method: 'POST',
      url: `/api/v1/courses/${courseId}/modules/${moduleId}/links`,
      headers: { ...lectern.auth(lectern.adminToken), ...jsonType },
      payload: JSON.stringify({
        name: 'Bad',
        embedURL: 'https://example.org',
        resources: [{ resourceName: 'x', resourceURL: 'javascript:alert(1)' }],
      }),
    });
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({ code: 'INVALID_INPUT', parameter: 'linkData.resources.0.resourceURL' });
  });
});
