/**
 * Deleting a module, a batch or a course removes the entities it holds, with their marks and stored file bytes, in the
 * same transaction; what other modules, batches and courses hold stays. Stored files and marks are written straight
 * into the store (their APIs belong to other features).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runSchedulerTick } from '../src/features/schedulers/scheduler.runner.ts';
import { addContent, addMandatoryLink, addModule } from './helpers/content.ts';
import { createCourse, jsonType } from './helpers/courses.ts';
import { createTestLectern, type TestLectern } from './helpers/test-app.ts';

let lectern: TestLectern;
beforeAll(async () => {
  lectern = await createTestLectern();
});
afterAll(() => lectern.close());

const db = () => lectern.app.lectern.db;

/** Gives an entity a stored file (one row, one chunk) and a learner's mark, as files and tests will. */
async function attachFileAndMark(entityId: string): Promise<string> {
  const fileId = lectern.app.lectern.ids.next();
  const now = lectern.clock.now();
  await db()
    .insertInto('stored_files')
    .values({
      id: fileId,
      portal_id: lectern.portalId,
      file_name: 'notes.pdf',
      content_type: 'application/pdf',
      size: 3,
      sha256: 'a'.repeat(64),
      status: 'ready',
      created_at: now,
    })
    .execute();
  await db()
    .insertInto('stored_file_chunks')
    .values({ file_id: fileId, sequence: 0, data: new Uint8Array([1, 2, 3]) })
    .execute();
  await db().updateTable('module_entities').set({ file_id: fileId }).where('id', '=', entityId).execute();
  await db()
    .insertInto('entity_marks')
    .values({
      portal_id: lectern.portalId,
      entity_id: entityId,
      erecno: lectern.adminErecno,
      marks: 7,
      remarks: '',
      marked_by: lectern.adminErecno,
      marked_at: now,
    })
    .execute();
  return fileId;
}

/** An entity of each kind Lectern makes here (a link and a content), one with a file and a mark; answers the ids. */
async function fill(target: { courseId: string; batchId?: string | null; moduleId?: string }) {
  const moduleId = target.moduleId ?? (await addModule(lectern, target));
  const { linkId } = await addMandatoryLink(lectern, { ...target, moduleId });
  const { contentId } = await addContent(lectern, { ...target, moduleId });
  const fileId = await attachFileAndMark(linkId);
  return { moduleId, entityIds: [linkId, contentId], fileId };
}

/** What of these entities and this file is left: entity rows, marks, stored file rows, chunks. */
async function left(entityIds: string[], fileId: string) {
  const count = async (query: { execute(): Promise<unknown[]> }) => (await query.execute()).length;
  return {
    entities: await count(db().selectFrom('module_entities').select('id').where('id', 'in', entityIds)),
    marks: await count(db().selectFrom('entity_marks').select('entity_id').where('entity_id', 'in', entityIds)),
    files: await count(db().selectFrom('stored_files').select('id').where('id', '=', fileId)),
    chunks: await count(db().selectFrom('stored_file_chunks').select('file_id').where('file_id', '=', fileId)),
  };
}
const all = { entities: 2, marks: 1, files: 1, chunks: 1 };
const none = { entities: 0, marks: 0, files: 0, chunks: 0 };

/** A batch through the Batch API; answers its id. */
async function createBatch(courseId: string, dates = { startDate: '10-01-2026', endDate: '20-01-2026' }) {
  const response = await lectern.app.inject({
    method: 'POST',
    url: `/api/v1/courses/${courseId}/batches`,
    headers: { ...lectern.auth(lectern.adminToken), ...jsonType },
    payload: JSON.stringify({ name: 'B', ...dates, minimumCapacity: 1, maximumCapacity: 5 }),
  });
  expect(response.statusCode, response.body).toBe(200);
  return response.json().batch.batchId as string;
}

function remove(url: string, token = lectern.adminToken) {
  return lectern.app.inject({ method: 'DELETE', url, headers: lectern.auth(token) });
}

describe('deleting a module', () => {
  it.each(['self-paced', 'blended'])(
    '%s: removes its entities, marks and stored bytes, and only its',
    async (family) => {
      const courseId = (await createCourse(lectern, lectern.adminToken, { type: family === 'blended' ? 2 : 1 }))
        .courseId;
      const batchId = family === 'blended' ? await createBatch(courseId) : null;
      const doomed = await fill({ courseId, batchId });
      const kept = await fill({ courseId, batchId });
      const base = batchId === null ? `/api/v1/courses/${courseId}` : `/api/v1/courses/${courseId}/batches/${batchId}`;

      // A refused delete (a plain employee) writes nothing.
      const plain = lectern.employees.find((e) => e.status === 'active' && !e.is_admin && !e.is_trainer)!;
      const refused = await remove(`${base}/modules/${doomed.moduleId}`, await lectern.token(['ALL'], plain.erecno));
      expect(refused.statusCode).toBe(403);
      expect(await left(doomed.entityIds, doomed.fileId)).toEqual(all);

      const response = await remove(`${base}/modules/${doomed.moduleId}`);
      expect(response.statusCode, response.body).toBe(200);
      expect(await left(doomed.entityIds, doomed.fileId)).toEqual(none);
      expect(await left(kept.entityIds, kept.fileId)).toEqual(all);
      const links = (
        await lectern.app.inject({ url: `${base}/links`, headers: lectern.auth(lectern.adminToken) })
      ).json();
      expect(links.links.map((link: { moduleId: string }) => link.moduleId)).toEqual([kept.moduleId]);
    },
  );
});

describe('deleting a batch', () => {
  it('removes its entities, marks and stored bytes; the other batch keeps its own', async () => {
    const courseId = (await createCourse(lectern, lectern.adminToken, { type: 2 })).courseId;
    const [doomedBatch, keptBatch] = [await createBatch(courseId), await createBatch(courseId)];
    const doomed = [await fill({ courseId, batchId: doomedBatch }), await fill({ courseId, batchId: doomedBatch })];
    const kept = await fill({ courseId, batchId: keptBatch });
    const response = await remove(`/api/v1/courses/${courseId}/batches/${doomedBatch}`);
    expect(response.statusCode, response.body).toBe(200);
    for (const each of doomed) expect(await left(each.entityIds, each.fileId)).toEqual(none);
    expect(await left(kept.entityIds, kept.fileId)).toEqual(all);
    const rows = await db().selectFrom('module_entities').select('id').where('batch_id', '=', doomedBatch).execute();
    expect(rows).toEqual([]);
  });
});

describe('deleting a course', () => {
  it.each([1, 2])(
    'type %s: removes every entity it holds, with marks and stored bytes; other courses keep theirs',
    async (type) => {
      const courseId = (await createCourse(lectern, lectern.adminToken, { type })).courseId;
      const batchId = type === 2 ? await createBatch(courseId) : null;
      const doomed = await fill({ courseId, batchId });
      // A course-level entity (a pre-course test hangs on the course itself, module_id null).
      const courseLevel = lectern.app.lectern.ids.next();
      const now = lectern.clock.now();
      await db()
        .insertInto('module_entities')
        .values({
          id: courseLevel,
          portal_id: lectern.portalId,
          course_id: courseId,
          batch_id: null,
          module_id: null,
          entity_type: 7,
          name: 'Pre-course test',
          description: '',
          is_mandatory: 1,
          lock_until: null,
          settings: '{}',
          file_id: null,
          position: 0,
          created_at: now,
          updated_at: now,
        })
        .execute();
      const courseLevelFile = await attachFileAndMark(courseLevel);
      const other = (await createCourse(lectern, lectern.adminToken)).courseId;
      const kept = await fill({ courseId: other });

      const response = await remove(`/api/v1/courses/${courseId}`);
      expect(response.statusCode, response.body).toBe(200);
      expect(await left(doomed.entityIds, doomed.fileId)).toEqual(none);
      expect(await left([courseLevel], courseLevelFile)).toEqual(none);
      expect(await db().selectFrom('module_entities').select('id').where('course_id', '=', courseId).execute()).toEqual(
        [],
      );
      expect(await left(kept.entityIds, kept.fileId)).toEqual(all);
    },
  );
});

it('the scheduler’s clone owns copies of the stored bytes: deleting the source batch leaves them', async () => {
  lectern.clock.set(Date.UTC(2026, 0, 5, 9));
  const courseId = (await createCourse(lectern, lectern.adminToken, { type: 2 })).courseId;
  const source = await createBatch(courseId, { startDate: '05-01-2026', endDate: '06-01-2026' });
  const original = await fill({ courseId, batchId: source });
  const scheduler = await lectern.app.inject({
    method: 'POST',
    url: `/api/v1/courses/${courseId}/batches/schedulers`,
    headers: { ...lectern.auth(lectern.adminToken), ...jsonType },
    payload: JSON.stringify({
      batchName: 'Copy',
      startDate: '12-01-2026',
      endDate: '12-01-2026',
      frequency: 1,
      frequencyUnit: 'week',
      minimumCapacity: 1,
      maximumCapacity: 10,
      sourceBatchId: source,
      cloneType: 1,
      offset: -7,
    }),
  });
  expect(scheduler.statusCode, scheduler.body).toBe(200);
  expect((await runSchedulerTick(lectern.app.lectern)).batchesCreated).toBe(1);
  const copy = await db()
    .selectFrom('module_entities')
    .selectAll()
    .where('course_id', '=', courseId)
    .where('batch_id', '!=', source)
    .orderBy('entity_type')
    .execute();
  expect(copy.map((row) => row.entity_type)).toEqual([4, 6]);
  const copiedFile = copy.find((row) => row.file_id !== null)!.file_id!;
  expect(copiedFile).not.toBe(original.fileId);
  // Marks belong to the source batch's learners: none are copied.
  expect(await left([copy[0]!.id, copy[1]!.id], copiedFile)).toEqual({ ...all, marks: 0 });

  expect((await remove(`/api/v1/courses/${courseId}/batches/${source}`)).statusCode).toBe(200);
  expect(await left(original.entityIds, original.fileId)).toEqual(none);
  const chunk = await db().selectFrom('stored_file_chunks').selectAll().where('file_id', '=', copiedFile).execute();
  expect(chunk.map((row) => [...row.data])).toEqual([[1, 2, 3]]);
});
