/**
 * `lectern seed`: fills a portal with a large organisation (people, published self-paced courses, enrolments) for
 * measuring Lectern at size. Rows go in with bulk inserts, a transaction per chunk, so a million courses take
 * seconds, not hours; the data is plain but valid: every course, person and seat reads as the API's own would.
 */
import { sql } from 'kysely';
import type { AppContext } from '../context.ts';
import { insertRows, rowsPerInsert } from '../db/bulk-insert.ts';
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

const employeeColumns = [
  'erecno',
  'portal_id',
  'employee_id',
  'display_name',
  'email_id',
  'photo_url',
  'status',
  'created_at',
  'modified_at',
];
const courseColumns = [
  'id',
  'portal_id',
  'name',
  'type',
  'description',
  'about_course',
  'duration',
  'duration_unit',
  'course_code',
  'permission_settings',
  'status',
  'owner_erecno',
  'created_at',
  'updated_at',
  'published_at',
];
const enrolmentColumns = ['portal_id', 'course_id', 'erecno', 'status', 'position', 'enrolled_by', 'created_at'];
const learnerColumns = ['portal_id', 'course_id', 'erecno', 'relation', 'by_erecno', 'position', 'created_at'];

/**
 * SQLite's page cache while seeding, in KiB (negative: a size, not a page count). The person-led indexes fill at
 * random; with the default 2 MB cache every insert read and wrote pages from disk once they outgrew it, and the seed
 * slowed to a crawl past a million seats. 1 GiB holds them at the 10,000,000-seat size.
 */
const seedCacheKiB = -1_048_576;

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
  const step = rowsPerInsert(width) * chunksPerTransaction;
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
  const owner = admin.erecno;
  if (context.dialect === 'sqlite') await sql.raw(`pragma cache_size = ${seedCacheKiB}`).execute(context.db);
  try {
    await fillOrganisation();
  } finally {
    // The store's connection goes on serving (the bench, a test) with SQLite's default cache.
    if (context.dialect === 'sqlite') await sql.raw('pragma cache_size = -2000').execute(context.db);
  }
  return counts;

  async function fillOrganisation(): Promise<void> {
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
        return insertRows(db, context.dialect, 'employees', employeeColumns, rows);
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
          return [id, portalId, name, 1, '', '', 30, 'minute', '', permissions, 1, owner, now, now, now];
        });
        return insertRows(db, context.dialect, 'courses', courseColumns, rows);
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
          seats.push([portalId, courseIds[course], erecnos[person], 'enrolled', 0, owner, now]);
          learners.push([portalId, courseIds[course], erecnos[person], 'learner', owner, 0, now]);
        }
        await insertRows(db, context.dialect, 'enrolments', enrolmentColumns, seats);
        await insertRows(db, context.dialect, 'course_members', learnerColumns, learners);
      },
      progress,
    );
  }
}
