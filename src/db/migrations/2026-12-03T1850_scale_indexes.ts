import { type Kysely, sql } from 'kysely';

/**
 * Indexes for an organisation of a million courses and ten million seats (bench/explain.ts finds the scans). An
 * organisation is one portal, so an index searched by portal_id alone reads all of it: every list query needs an
 * index whose leading columns bound it further, and those lead with portal_id too, so that the engine prefers them to
 * the portal-only indexes the snapshots migration added. The portal-only indexes a new one starts with go: the new
 * one serves a portal's reset and snapshot as well.
 */
export async function up(db: Kysely<any>): Promise<void> {
  // A course's or batch's enrolled learners in enrolment order (the course-progress page): read a page and stop.
  await db.schema
    .createIndex('enrolments_place')
    .on('enrolments')
    .columns(['portal_id', 'course_id', 'batch_id', 'status', 'created_at', 'erecno'])
    .execute();
  // A person's seats, covering what the person's reads ask (My Courses, progress everywhere): without it SQLite took
  // enrolments_place, covering, bounded by the portal alone, over the person index that was not.
  await db.schema.dropIndex('enrolments_by_person').execute();
  await db.schema
    .createIndex('enrolments_of_person')
    .on('enrolments')
    .columns(['portal_id', 'erecno', 'status', 'course_id', 'batch_id', 'created_at'])
    .execute();
  // The courses a person owns, for My Courses, which starts from the person's own courses, not from every course.
  await db.schema.createIndex('courses_by_owner').on('courses').columns(['portal_id', 'owner_erecno', 'id']).execute();
  // The course list A to Z (sortBy=name and -name) walks this in either direction and stops at the page: the
  // expression is the list's own order, lower(name), as written in course-list.repository.ts.
  await sql`create index courses_by_name on courses (portal_id, lower(name), name, id)`.execute(db);
  for (const [table, columns] of perSubject) {
    await db.schema.dropIndex(`${table}_by_portal`).ifExists().execute();
    await db.schema
      .createIndex(`${table}_by_subject`)
      .on(table)
      .columns(['portal_id', ...columns])
      .execute();
  }
}

/** Tables read per course, entity or session within a portal, and the columns that bound those reads. */
const perSubject: [string, string[]][] = [
  ['course_modules', ['course_id', 'batch_id', 'position']],
  ['module_entities', ['course_id', 'batch_id']],
  ['entity_marks', ['entity_id', 'erecno']],
  ['online_test_results', ['entity_id', 'erecno']],
  ['session_attendance', ['session_id', 'erecno']],
];

/** Drops what `up` made and brings back the portal-only indexes. */
export async function down(db: Kysely<any>): Promise<void> {
  for (const [table] of perSubject) {
    await db.schema.dropIndex(`${table}_by_subject`).ifExists().execute();
    await db.schema.createIndex(`${table}_by_portal`).on(table).column('portal_id').execute();
  }
  await db.schema.dropIndex('courses_by_name').ifExists().execute();
  await db.schema.dropIndex('courses_by_owner').ifExists().execute();
  await db.schema.dropIndex('enrolments_of_person').ifExists().execute();
  await db.schema.createIndex('enrolments_by_person').on('enrolments').columns(['portal_id', 'erecno']).execute();
  await db.schema.dropIndex('enrolments_place').ifExists().execute();
}
