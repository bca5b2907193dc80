/** The bulk import/export tests' world: a portal with a row of every kind, an empty portal elsewhere, and file I/O. */
import { expect } from 'vitest';
import { bulkKinds, exportRows, type FileFormat, importRows, type KindName } from '../../src/bulk/index.ts';
import { insertAttendance } from './sessions.ts';
import { createTestLectern, type TestLectern } from './test-app.ts';

/** Loads people, two courses (one blended with a batch, a module, two sessions), enrolments and attendance. */
export async function seedBulkWorld(lectern: TestLectern): Promise<void> {
  const fixtures = {
    seed: 7,
    people: [
      { key: 'tina', displayName: 'Tina Trainer', emailId: 'tina@example.com', roles: ['trainer'] },
      { key: 'lars', displayName: 'Lars Learner', emailId: 'lars@example.com', manager: 'tina' },
    ],
    courses: [
      {
        key: 'safety',
        name: 'Safety on site',
        type: 2,
        batches: [
          {
            key: 'jan',
            name: 'January',
            startDate: '05-01-2026',
            endDate: '30-01-2026',
            minimumCapacity: 1,
            maximumCapacity: 10,
            sessions: [
              {
                name: 'Walk',
                module: 'day1',
                trainer: 'tina',
                date: '06-01-2026',
                startTime: '10:00 AM',
                endTime: '11:00 AM',
              },
              {
                name: 'Drill',
                module: 'day1',
                trainer: 'tina',
                date: '07-01-2026',
                startTime: '02:00 PM',
                endTime: '03:30 PM',
              },
            ],
          },
        ],
        modules: [{ key: 'day1', name: 'Day one', batch: 'jan' }],
      },
      { key: 'intro', name: 'Introduction', type: 1, published: true, modules: [{ key: 'welcome', name: 'Welcome' }] },
    ],
    enrolments: [
      { person: 'lars', course: 'safety', batch: 'jan' },
      { person: 'lars', course: 'intro' },
    ],
  };
  const response = await lectern.app.inject({
    method: 'POST',
    url: `/lectern/v1/portals/${lectern.portalId}/fixtures`,
    headers: { ...lectern.auth(lectern.adminToken), 'content-type': 'application/json' },
    payload: JSON.stringify(fixtures),
  });
  expect(response.statusCode, response.body).toBe(200);
  const sessions = await lectern.app.lectern.db
    .selectFrom('class_sessions')
    .select('id')
    .where('portal_id', '=', lectern.portalId)
    .execute();
  for (const session of sessions) await insertAttendance(lectern, session.id);
}

/** A portal with no rows at all (not even people), in the given Lectern's store. */
export async function emptyPortal(lectern: TestLectern): Promise<string> {
  const id = lectern.app.lectern.ids.next();
  await lectern.app.lectern.db
    .insertInto('portals')
    .values({
      id,
      name: 'Empty',
      url_name: `empty${id}`,
      time_zone: 'UTC',
      created_at: lectern.clock.now(),
      clock_offset_ms: 0,
      clock_fixed_at: null,
    })
    .execute();
  return id;
}

/** A second, separate store with an empty portal: ids of the first store's rows are free there. */
export async function emptyStore(): Promise<{ lectern: TestLectern; portalId: string }> {
  const lectern = await createTestLectern();
  return { lectern, portalId: await emptyPortal(lectern) };
}

/** A portal's rows of a kind as the file an export writes. */
export async function exportText(
  lectern: TestLectern,
  portalId: string,
  kind: KindName,
  format: FileFormat,
): Promise<string> {
  let text = '';
  for await (const piece of exportRows(lectern.app.lectern, portalId, bulkKinds[kind], format)) text += piece;
  return text;
}

/** Imports a file's text of a kind into a portal. */
export function importText(
  lectern: TestLectern,
  portalId: string,
  kind: KindName,
  format: FileFormat,
  text: string,
  dryRun = false,
) {
  return importRows(lectern.app.lectern, portalId, bulkKinds[kind], format, text, { dryRun });
}

/** Counts a table's rows in a portal. */
export async function countRows(lectern: TestLectern, portalId: string, table: string): Promise<number> {
  const db = lectern.app.lectern.db as unknown as import('kysely').Kysely<Record<string, { portal_id: string }>>;
  const row = await db
    .selectFrom(table)
    .select((eb) => eb.fn.countAll<number>().as('count'))
    .where('portal_id', '=', portalId)
    .executeTakeFirstOrThrow();
  return Number(row.count);
}
