import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { actOnLink, type Built, enrol, placeUrl, selfPacedCourse } from './helpers/completion.ts';
import { addContent } from './helpers/content.ts';
import { jsonType, type Person, personNamed } from './helpers/courses.ts';
import { upload } from './helpers/files.ts';
import { createTestLectern, type TestLectern } from './helpers/test-app.ts';

let lectern: TestLectern;
let learner: Person;
let otherLearner: Person;
const day = 86_400_000;
beforeAll(async () => {
  lectern = await createTestLectern();
  learner = await personNamed(lectern, 'Fatima Zahra');
  otherLearner = await personNamed(lectern, 'Gustav Lind');
});
afterAll(() => lectern.close());

async function history(erecno: string, courseId: string): Promise<string[]> {
  const rows = await lectern.app.lectern.db
    .selectFrom('learner_history')
    .select(['type', 'subject_kind'])
    .where('erecno', '=', erecno)
    .where('course_id', '=', courseId)
    .where('type', 'like', '%.%ed.v1')
    .orderBy('id')
    .execute();
  return rows.map((row) => row.type).filter((type) => /^(entity|module|course)\./.test(type));
}

async function getLink(built: Built, name: string, token: string) {
  const response = await lectern.app.inject({
    url: `${placeUrl(built)}/modules/${built.linkModules[name]}/links/${built.links[name]}`,
    headers: lectern.auth(token),
  });
  expect(response.statusCode, response.body).toBe(200);
  return response.json().link;
}

describe('whenAnEntityIsConsideredAsCompleted 1: the learner marks it', () => {
  let built: Built;
  beforeAll(async () => {
    built = await selfPacedCourse(lectern, { entity: 1, module: 2, course: 2 }, [
      { name: 'One', links: [{ name: 'a' }, { name: 'b' }] },
    ]);
    await enrol(lectern, built, [learner]);
  });

  it('shows canMarkAsComplete 1 to the learner, 0 to others, and completes on markAsComplete', async () => {
    expect((await getLink(built, 'a', learner.token)).canMarkAsComplete).toBe(1);
    expect((await getLink(built, 'a', lectern.adminToken)).canMarkAsComplete).toBe(0);
    expect((await getLink(built, 'a', otherLearner.token)).canMarkAsComplete).toBe(0);
    const opened = await actOnLink(lectern, built, 'a', 'open', learner.token);
    expect(opened.statusCode, opened.body).toBe(200);
    expect(opened.json().completion.state).toBe('inProgress');
    const marked = await actOnLink(lectern, built, 'a', 'markAsComplete', learner.token);
    expect(marked.statusCode, marked.body).toBe(200);
    expect(marked.json()).toEqual({
      code: '200',
      message: 'success',
      completion: { state: 'completed', isModuleCompleted: false, isCourseCompleted: false },
    });
    expect((await getLink(built, 'a', learner.token)).canMarkAsComplete).toBe(0);
    // Marking again changes nothing and records nothing.
    expect((await actOnLink(lectern, built, 'a', 'markAsComplete', learner.token)).statusCode).toBe(200);
    expect(await history(learner.erecno, built.courseId)).toEqual(['entity.completed.v1']);
  });

  it('completes the module and the course with the last mandatory entity, and reopens them on markAsIncomplete', async () => {
    const marked = await actOnLink(lectern, built, 'b', 'markAsComplete', learner.token);
    expect(marked.json().completion).toEqual({ state: 'completed', isModuleCompleted: true, isCourseCompleted: true });
    const unmarked = await actOnLink(lectern, built, 'b', 'markAsIncomplete', learner.token);
    expect(unmarked.statusCode, unmarked.body).toBe(200);
    // 'b' was marked without being opened: unmarked, it is back to not started.
    expect(unmarked.json().completion).toEqual({
      state: 'notStarted',
      isModuleCompleted: false,
      isCourseCompleted: false,
    });
    expect(await history(learner.erecno, built.courseId)).toEqual([
      'entity.completed.v1',
      'entity.completed.v1',
      'module.completed.v1',
      'course.completed.v1',
      'entity.reopened.v1',
      'module.reopened.v1',
      'course.reopened.v1',
    ]);
  });

  it('refuses someone who is not an enrolled learner (403), and an unknown link (404)', async () => {
    const refused = await actOnLink(lectern, built, 'a', 'markAsComplete', otherLearner.token);
    expect(refused.statusCode, refused.body).toBe(403);
    expect(refused.json().message).toMatch(/enrolled/);
    expect((await actOnLink(lectern, built, 'a', 'markAsComplete', lectern.adminToken)).statusCode).toBe(403);
    const unknown = await lectern.app.inject({
      method: 'POST',
      url: `${placeUrl(built, '/lectern/v1')}/modules/${built.modules.One}/links/123456789012345678/markAsComplete`,
      headers: lectern.auth(learner.token),
    });
    expect(unknown.statusCode, unknown.body).toBe(404);
  });
});

describe('whenAnEntityIsConsideredAsCompleted 2: opening it completes it', () => {
  it('completes on open; markAsComplete is refused naming the rule', async () => {
    const built = await selfPacedCourse(lectern, { entity: 2, module: 2, course: 2 }, [
      { name: 'One', links: [{ name: 'a' }] },
    ]);
    await enrol(lectern, built, [learner]);
    expect((await getLink(built, 'a', learner.token)).canMarkAsComplete).toBe(0);
    const refused = await actOnLink(lectern, built, 'a', 'markAsComplete', learner.token);
    expect(refused.statusCode, refused.body).toBe(403);
    expect(refused.json().message).toMatch(/whenAnEntityIsConsideredAsCompleted 2/);
    const opened = await actOnLink(lectern, built, 'a', 'open', learner.token);
    expect(opened.statusCode, opened.body).toBe(200);
    expect(opened.json().completion).toEqual({ state: 'completed', isModuleCompleted: true, isCourseCompleted: true });
  });
});

describe('locks refuse completion with Zoho-style named errors', () => {
  it('a link locked until a date: UNABLE_TO_MARK_AS_COMPLETE_AS_LINK_LOCKED until the day comes', async () => {
    const start = lectern.clock.now();
    // The clock starts on 5 January 2026.
    const built = await selfPacedCourse(lectern, { entity: 1 }, [
      { name: 'One', links: [{ name: 'open' }, { name: 'later', lockUntil: '08-01-2026' }] },
    ]);
    await enrol(lectern, built, [learner]);
    expect(await getLink(built, 'later', learner.token)).toMatchObject({ isLocked: true, canMarkAsComplete: 0 });
    for (const action of ['markAsComplete', 'open'] as const) {
      const refused = await actOnLink(lectern, built, 'later', action, learner.token);
      expect(refused.statusCode, refused.body).toBe(400);
      expect(refused.json().code).toBe('UNABLE_TO_MARK_AS_COMPLETE_AS_LINK_LOCKED');
    }
    lectern.clock.advance(3 * day);
    expect(await getLink(built, 'later', learner.token)).toMatchObject({ isLocked: false, canMarkAsComplete: 1 });
    expect((await actOnLink(lectern, built, 'later', 'markAsComplete', learner.token)).statusCode).toBe(200);
    lectern.clock.set(start);
  });

  it('a module locked until a date locks its content (CONTENT_LOCKED) and cannot be marked (MODULE_LOCKED)', async () => {
    const built = await selfPacedCourse(lectern, { entity: 1, module: 1 }, [
      { name: 'One', links: [{ name: 'a' }] },
      { name: 'Two', lockType: 1, lockUntil: '01-02-2026' },
    ]);
    const { contentId } = await addContent(lectern, { ...built, moduleId: built.modules.Two });
    await enrol(lectern, built, [learner]);
    const contentUrl = `${placeUrl(built)}/modules/${built.modules.Two}/contents/${contentId}`;
    const shown = await lectern.app.inject({ url: contentUrl, headers: lectern.auth(learner.token) });
    expect(shown.json().content).toMatchObject({ isLocked: true, canMarkAsComplete: 0 });
    const refused = await lectern.app.inject({
      method: 'POST',
      url: `${contentUrl.replace('/api/v1/', '/lectern/v1/')}/markAsComplete`,
      headers: lectern.auth(learner.token),
    });
    expect(refused.statusCode, refused.body).toBe(400);
    expect(refused.json().code).toBe('UNABLE_TO_MARK_AS_COMPLETE_AS_CONTENT_LOCKED');
    const module = await lectern.app.inject({
      method: 'POST',
      url: `${placeUrl(built, '/lectern/v1')}/modules/${built.modules.Two}/markAsComplete`,
      headers: { ...lectern.auth(learner.token), ...jsonType },
    });
    expect(module.statusCode, module.body).toBe(400);
    expect(module.json().code).toBe('UNABLE_TO_MARK_AS_COMPLETE_AS_MODULE_LOCKED');
  });

  it('a file locked until a date: UNABLE_TO_MARK_AS_COMPLETE_AS_FILE_LOCKED', async () => {
    const built = await selfPacedCourse(lectern, { entity: 1 }, [{ name: 'One', links: [{ name: 'a' }] }]);
    const filesUrl = `${placeUrl(built)}/modules/${built.modules.One}/files`;
    const created = await upload(lectern, filesUrl, {
      fileData: { name: 'Notes', lockUntil: '01-03-2026' },
      file: { filename: 'notes.txt', data: Buffer.from('notes'), contentType: 'text/plain' },
    });
    expect(created.statusCode, created.body).toBe(200);
    await enrol(lectern, built, [learner]);
    const refused = await lectern.app.inject({
      method: 'POST',
      url: `${filesUrl.replace('/api/v1/', '/lectern/v1/')}/${created.json().file.fileId}/markAsComplete`,
      headers: lectern.auth(learner.token),
    });
    expect(refused.statusCode, refused.body).toBe(400);
    expect(refused.json().code).toBe('UNABLE_TO_MARK_AS_COMPLETE_AS_FILE_LOCKED');
  });
});

describe('cascades', () => {
  it("deleting an entity or the course deletes the learners' progress in it", async () => {
    const built = await selfPacedCourse(lectern, { entity: 1 }, [
      { name: 'One', links: [{ name: 'a' }, { name: 'b' }] },
    ]);
    await enrol(lectern, built, [learner]);
    for (const link of ['a', 'b']) {
      expect((await actOnLink(lectern, built, link, 'markAsComplete', learner.token)).statusCode).toBe(200);
    }
    const rows = () =>
      lectern.app.lectern.db
        .selectFrom('learner_completions')
        .select('subject_id')
        .where('course_id', '=', built.courseId)
        .execute();
    expect(await rows()).toHaveLength(2);
    const deleted = await lectern.app.inject({
      method: 'DELETE',
      url: `${placeUrl(built)}/modules/${built.modules.One}/links/${built.links.a}`,
      headers: lectern.auth(lectern.adminToken),
    });
    expect(deleted.statusCode, deleted.body).toBe(200);
    expect((await rows()).map((row) => row.subject_id)).toEqual([built.links.b]);
    const course = await lectern.app.inject({
      method: 'DELETE',
      url: `/api/v1/courses/${built.courseId}`,
      headers: lectern.auth(lectern.adminToken),
    });
    expect(course.statusCode, course.body).toBe(200);
    expect(await rows()).toEqual([]);
  });
});
