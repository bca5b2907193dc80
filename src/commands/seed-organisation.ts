/**
 * `lectern seed`: fills a portal with a large organisation (people, published self-paced courses, enrolments) for
 * measuring Lectern at size. Rows go in with bulk inserts, a transaction per chunk, so a million courses take
 * seconds, not hours; the data is plain but valid: every course, person and seat reads as the API's own would.
 */
import type { AppContext } from '../context.ts';
import { type BulkColumn, bulkChunkRows, bulkInsert } from '../db/bulk-insert.ts';
import { stateError } from '../errors.ts';
import { defaultPermissionSettings } from '../features/progress/index.ts';

/** How much to make. */
export interface SeedCounts {
  courses: number;
  people: number;
  enrolments: number;
}

/** Told after each committed chunk: what is being made, how many so far, how many in all. */
export type SeedProgress = (what: keyof SeedCounts, done: number, total: number) => void;

const text = (name: string): BulkColumn => ({ name, pgType: 'text' });
const bigint = (name: string): BulkColumn => ({ name, pgType: 'bigint' });
const integer = (name: string): BulkColumn => ({ name, pgType: 'integer' });

const employeeColumns = [
  text('erecno'),
  text('portal_id'),
  text('employee_id'),
  text('display_name'),
  text('email_id'),
  text('photo_url'),
  text('status'),
  bigint('created_at'),
  bigint('modified_at'),
];
const courseColumns = [
  text('id'),
  text('portal_id'),
  text('name'),
  integer('type'),
  text('description'),
  text('about_course'),
  integer('duration'),
  text('duration_unit'),
  text('course_code'),
  text('permission_settings'),
  integer('status'),
  text('owner_erecno'),
  bigint('created_at'),
  bigint('updated_at'),
  bigint('published_at'),
];
const enrolmentColumns = [
  text('portal_id'),
  text('course_id'),
  text('erecno'),
  text('status'),
  integer('position'),
  text('enrolled_by'),
  bigint('created_at'),
];
const learnerColumns = [
  text('portal_id'),
  text('course_id'),
  text('erecno'),
  text('relation'),
  text('by_erecno'),
  integer('position'),
  bigint('created_at'),
];

/** Rows committed together: a few statements' worth, so progress moves and a failure loses little. */
const chunksPerTransaction = 5;

/**
 * Seats go course by course (so the course indexes fill in order, not at random): course c holds seats
 * c * perCourse ... (c + 1) * perCourse - 1, given to perCourse consecutive people from an offset that moves with the
 * course. perCourse = ceil(E / C) <= P whenever E <= P * C, so no person sits twice in a course.
 */
function seatOf(index: number, perCourse: number, people: number): { person: number; course: number } {
  const course = Math.floor(index / perCourse);
  return { course, person: (course * 7919 + (index % perCourse)) % people };
}

/** Makes the rows a chunk at a time and commits each group, telling `progress` as it goes. */
async function fill(
  context: AppContext,
  what: keyof SeedCounts,
  total: number,
  width: number,
  write: (db: AppContext['db'], start: number, end: number) => Promise<void>,
  progress: SeedProgress,
): Promise<void> {
  const step = bulkChunkRows(context.dialect, width) * chunksPerTransaction;
  for (let start = 0; start < total; start += step) {
    const end = Math.min(total, start + step);
    await context.db.transaction().execute((trx) => write(trx, start, end));
    progress(what, end, total);
  }
}

/** Adds `counts` of people, courses and enrolments to the portal, owned and enrolled by its first admin. */
export async function seedOrganisation(
  context: AppContext,
  portalId: string,
  counts: SeedCounts,
  progress: SeedProgress,
): Promise<SeedCounts> {
  const admin = await context.db
    .selectFrom('employees')
    .select('erecno')
    .where('portal_id', '=', portalId)
    .where('is_admin', '=', 1)
    .orderBy('erecno')
    .executeTakeFirst();
  if (admin === undefined) throw stateError('NO_ADMIN', `portal ${portalId} has no admin to own the seeded courses`);
  if (counts.enrolments > 0 && (counts.people === 0 || counts.courses === 0)) {
    throw stateError('INVALID_INPUT', 'enrolments need seeded people and courses in the same run');
  }
  const now = context.clock.now();
  // A tag from this run's first id keeps employee ids and e-mails of repeated runs apart.
  const tag = context.ids.next().slice(-8);
  const erecnos = Array.from({ length: counts.people }, () => context.ids.next());
  const courseIds = Array.from({ length: counts.courses }, () => context.ids.next());
  const permissions = JSON.stringify(defaultPermissionSettings);
  const perCourse = Math.ceil(counts.enrolments / Math.max(1, counts.courses));

  await fill(
    context,
    'people',
    counts.people,
    employeeColumns.length,
    (db, start, end) => {
      const rows = erecnos.slice(start, end).map((erecno, offset) => {
        const number = start + offset + 1;
        const email = `seed-${tag}-${number}@seed.example.com`;
        return [erecno, portalId, `S${tag}-${number}`, `Seed person ${number}`, email, '', 'active', now, now];
      });
      return bulkInsert(db, context.dialect, 'employees', employeeColumns, rows);
    },
    progress,
  );

  await fill(
    context,
    'courses',
    counts.courses,
    courseColumns.length,
    (db, start, end) => {
      const rows = courseIds.slice(start, end).map((id, offset) => {
        const name = `Seed course ${start + offset + 1}`;
        return [id, portalId, name, 1, '', '', 30, 'minute', '', permissions, 1, admin.erecno, now, now, now];
      });
      return bulkInsert(db, context.dialect, 'courses', courseColumns, rows);
    },
    progress,
  );

  await fill(
    context,
    'enrolments',
    counts.enrolments,
    enrolmentColumns.length,
    async (db, start, end) => {
      const seats: unknown[][] = [];
      const learners: unknown[][] = [];
      for (let index = start; index < end; index += 1) {
        const { person, course } = seatOf(index, perCourse, counts.people);
        seats.push([portalId, courseIds[course], erecnos[person], 'enrolled', 0, admin.erecno, now]);
        learners.push([portalId, courseIds[course], erecnos[person], 'learner', admin.erecno, 0, now]);
      }
      await bulkInsert(db, context.dialect, 'enrolments', enrolmentColumns, seats);
      await bulkInsert(db, context.dialect, 'course_members', learnerColumns, learners);
    },
    progress,
  );

  return counts;
}
