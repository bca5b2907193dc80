/** Compiles the fixture file's courses, with their batches, modules and sessions, into rows. */

import { parseTwelveHourTime, parseZohoDate } from '../dates.ts';
import type {
  BatchTable,
  ClassSessionTable,
  CourseMemberTable,
  CourseModuleTable,
  CourseTable,
} from '../db/database.ts';
import { invalidInput } from '../errors.ts';
import { defaultPermissionSettings } from '../features/progress/index.ts';
import { at } from './fixtures.check.ts';
import { activePerson, type CompileContext, type KeyIds, type PersonResolver, uniqueKeys } from './fixtures.refs.ts';
import type { Fixtures } from './fixtures.schemas.ts';

type FixtureCourse = NonNullable<Fixtures['courses']>[number];
type FixtureBatch = NonNullable<FixtureCourse['batches']>[number];

/** Zoho's course types; only blended courses (2) have batches. */
const blended = 2;

/** Rows of the file's courses. */
export interface CourseRows {
  courses: CourseTable[];
  members: CourseMemberTable[];
  batches: BatchTable[];
  modules: CourseModuleTable[];
  sessions: ClassSessionTable[];
}

function member(
  context: CompileContext,
  course: CourseTable,
  erecno: string,
  relation: 'admin' | 'trainer',
  position: number,
): CourseMemberTable {
  const by = course.owner_erecno;
  return {
    portal_id: context.portalId,
    course_id: course.id,
    erecno,
    relation,
    by_erecno: by,
    position,
    created_at: context.now,
  };
}

function compileBatch(context: CompileContext, course: CourseTable, batch: FixtureBatch, path: string): BatchTable {
  const startDate = parseZohoDate(batch.startDate, at(path, 'startDate'));
  const endDate = parseZohoDate(batch.endDate, at(path, 'endDate'));
  if (endDate < startDate) throw invalidInput(at(path, 'endDate'), 'must not be before startDate');
  if (batch.minimumCapacity > batch.maximumCapacity) {
    throw invalidInput(at(path, 'minimumCapacity'), 'must not be more than maximumCapacity');
  }
  const published = batch.published === true;
  return {
    id: context.ids.next(),
    portal_id: context.portalId,
    course_id: course.id,
    name: batch.name.trim(),
    start_date: startDate,
    end_date: endDate,
    minimum_capacity: batch.minimumCapacity,
    maximum_capacity: batch.maximumCapacity,
    locations: '[]',
    allow_waitlisting: batch.allowWaitlisting ? 1 : 0,
    cancel_when_below_minimum: 0,
    waiting_time_for_cancellation: 0,
    waiting_time_unit: 'day',
    publish_status: published ? 'published' : 'unpublished',
    scheduler_id: null,
    created_at: context.now,
    updated_at: context.now,
    published_at: published ? context.now : null,
  };
}

function compileCourse(
  context: CompileContext,
  ids: KeyIds,
  resolve: PersonResolver,
  input: FixtureCourse,
  path: string,
) {
  const owner = input.owner === undefined ? context.adminErecno : activePerson(resolve, input.owner, at(path, 'owner'));
  const published = input.published === true;
  const course: CourseTable = {
    id: context.ids.next(),
    portal_id: context.portalId,
    name: input.name.trim(),
    type: input.type,
    description: input.description ?? '',
    about_course: input.aboutCourse ?? '',
    duration: null,
    duration_unit: null,
    course_code: input.courseCode ?? '',
    permission_settings: JSON.stringify(defaultPermissionSettings),
    status: published ? 1 : 0,
    owner_erecno: owner,
    image_url: null,
    status_comment: null,
    created_at: context.now,
    updated_at: context.now,
    published_at: published ? context.now : null,
  };
  ids.courses[input.key] = course.id;
  const admins = [
    ...new Set(
      (input.courseAdmins ?? []).map((ref, index) => activePerson(resolve, ref, at(at(path, 'courseAdmins'), index))),
    ),
  ];
  const members = admins.map((erecno, index) => member(context, course, erecno, 'admin', index));
  return { course, members };
}

/** Compiles every course of the file; keys of batches, modules and sessions are unique across the file. */
export function compileCourses(
  fixtures: Fixtures,
  context: CompileContext,
  ids: KeyIds,
  resolve: PersonResolver,
): CourseRows {
  const rows: CourseRows = { courses: [], members: [], batches: [], modules: [], sessions: [] };
  const courses = fixtures.courses ?? [];
  uniqueKeys(courses, 'courses', 'course');
  const batchKeys = new Set<string>();
  const moduleKeys = new Set<string>();
  const sessionKeys = new Set<string>();
  courses.forEach((input, courseIndex) => {
    const path = at('courses', courseIndex);
    const { course, members } = compileCourse(context, ids, resolve, input, path);
    rows.courses.push(course);
    rows.members.push(...members);
    const batches = input.batches ?? [];
    if (batches.length > 0 && input.type !== blended) {
      throw invalidInput(
        at(path, 'batches'),
        `only blended learning courses (type 2) have batches; this is type ${input.type}`,
      );
    }
    uniqueKeys(batches, at(path, 'batches'), 'batch', batchKeys);
    const courseBatches = batches.map((batch, index) => {
      const row = compileBatch(context, course, batch, at(at(path, 'batches'), index));
      ids.batches[batch.key] = row.id;
      return row;
    });
    rows.batches.push(...courseBatches);
    const modules = input.modules ?? [];
    uniqueKeys(modules, at(path, 'modules'), 'module', moduleKeys);
    const positions = new Map<string, number>();
    const courseModules = modules.map((module, index) => {
      const modulePath = at(at(path, 'modules'), index);
      let batchId: string | null = null;
      if (input.type === blended) {
        if (module.batch === undefined)
          throw invalidInput(at(modulePath, 'batch'), 'is needed: a blended course keeps its modules in batches');
        batchId = courseBatches.find((batch) => batch.id === ids.batches[module.batch!])?.id ?? null;
        if (batchId === null) throw invalidInput(at(modulePath, 'batch'), `no batch "${module.batch}" in this course`);
      } else if (module.batch !== undefined) {
        throw invalidInput(at(modulePath, 'batch'), `only blended learning courses (type 2) have batches`);
      }
      const position = (positions.get(batchId ?? '') ?? 0) + 1;
      positions.set(batchId ?? '', position);
      const row: CourseModuleTable = {
        id: context.ids.next(),
        portal_id: context.portalId,
        course_id: course.id,
        batch_id: batchId,
        name: module.name.trim(),
        description: module.description ?? '',
        duration_minutes: null,
        lock_type: 0,
        lock_until: null,
        position,
        created_at: context.now,
        updated_at: context.now,
      };
      ids.modules[module.key] = row.id;
      return row;
    });
    rows.modules.push(...courseModules);
    const trainers: string[] = [];
    batches.forEach((batch, batchIndex) => {
      const batchRow = courseBatches[batchIndex]!;
      const batchPath = at(at(path, 'batches'), batchIndex);
      const sessions = batch.sessions ?? [];
      uniqueKeys(sessions, at(batchPath, 'sessions'), 'session', sessionKeys);
      sessions.forEach((session, index) => {
        const sessionPath = at(at(batchPath, 'sessions'), index);
        const module = courseModules.find(
          (row) => row.id === ids.modules[session.module] && row.batch_id === batchRow.id,
        );
        if (module === undefined)
          throw invalidInput(at(sessionPath, 'module'), `no module "${session.module}" in batch "${batch.key}"`);
        const trainer = resolve(session.trainer, at(sessionPath, 'trainer'));
        if (!trainer.active || !trainer.trainer) {
          throw invalidInput(
            at(sessionPath, 'trainer'),
            `${session.trainer} must be an active person with the trainer role`,
          );
        }
        const date = parseZohoDate(session.date, at(sessionPath, 'date'));
        if (date < batchRow.start_date || date > batchRow.end_date) {
          throw invalidInput(
            at(sessionPath, 'date'),
            `must be within the batch's dates (${batch.startDate} to ${batch.endDate})`,
          );
        }
        const startMinute = parseTwelveHourTime(session.startTime, at(sessionPath, 'startTime'));
        const endMinute = parseTwelveHourTime(session.endTime, at(sessionPath, 'endTime'));
        if (endMinute <= startMinute) throw invalidInput(at(sessionPath, 'endTime'), 'must be after startTime');
        const id = context.ids.next();
        if (session.key !== undefined) ids.sessions[session.key] = id;
        if (!trainers.includes(trainer.erecno)) trainers.push(trainer.erecno);
        rows.sessions.push({
          id,
          portal_id: context.portalId,
          course_id: course.id,
          batch_id: batchRow.id,
          module_id: module.id,
          name: session.name.trim(),
          description: session.description ?? '',
          session_type: session.type ?? 0,
          date,
          start_minute: startMinute,
          end_minute: endMinute,
          trainer_erecno: trainer.erecno,
          room_id: null,
          lock_until: null,
          grade_category_id: null,
          sequence: 0,
          created_at: context.now,
          updated_at: context.now,
        });
      });
    });
    rows.members.push(...trainers.map((erecno, index) => member(context, course, erecno, 'trainer', index)));
  });
  return rows;
}
