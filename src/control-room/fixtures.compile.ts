/**
 * Turns checked fixtures into the rows the services would have written, checking every reference, date and rule
 * first: nothing is written until the whole file compiles. Ids follow the file's order, so a seed names them alike.
 */
import type { BatchTable, CourseMemberTable, CourseTable, EmployeeTable, EnrolmentTable } from '../db/database.ts';
import { invalidInput } from '../errors.ts';
import { at } from './fixtures.check.ts';
import { compileCourses } from './fixtures.courses.ts';
import {
  activePerson,
  type CompileContext,
  type FixtureRows,
  type KeyIds,
  type PersonResolver,
  uniqueKeys,
} from './fixtures.refs.ts';
import type { Fixtures } from './fixtures.schemas.ts';

function compilePeople(fixtures: Fixtures, context: CompileContext, ids: KeyIds): EmployeeTable[] {
  const people = fixtures.people ?? [];
  uniqueKeys(people, 'people', 'person');
  let next = Math.max(0, ...context.existing.map((person) => Number(person.employee_id) || 0)) + 1;
  return people.map((person) => {
    const erecno = context.ids.next();
    ids.people[person.key] = erecno;
    const roles = person.roles ?? [];
    return {
      erecno,
      portal_id: context.portalId,
      employee_id: person.employeeId ?? String(next++),
      display_name: person.displayName,
      email_id: person.emailId,
      photo_url: '', // computed when shown: the people feature's photoUrl
      manager_erecno: null,
      status: person.status ?? 'active',
      is_admin: roles.includes('admin') ? 1 : 0,
      is_settings_admin: roles.includes('settingsAdmin') ? 1 : 0,
      is_data_admin: roles.includes('dataAdmin') ? 1 : 0,
      is_trainer: roles.includes('trainer') ? 1 : 0,
    };
  });
}

function personResolver(employees: EmployeeTable[], context: CompileContext, ids: KeyIds): PersonResolver {
  return (ref, path) => {
    const erecno = ids.people[ref];
    const row =
      erecno !== undefined
        ? employees.find((employee) => employee.erecno === erecno)
        : context.existing.find((person) => person.erecno === ref);
    if (row === undefined) throw invalidInput(path, `no person with key or erecno "${ref}"`);
    return { erecno: row.erecno, active: row.status === 'active', trainer: row.is_trainer === 1 };
  };
}

function compileEnrolments(
  fixtures: Fixtures,
  context: CompileContext,
  resolve: PersonResolver,
  courses: { courses: CourseTable[]; batches: BatchTable[]; ids: KeyIds },
) {
  const enrolments: EnrolmentTable[] = [];
  const learners: CourseMemberTable[] = [];
  const seats = new Map<string, number>();
  (fixtures.enrolments ?? []).forEach((entry, index) => {
    const path = at('enrolments', index);
    const erecno = activePerson(resolve, entry.person, at(path, 'person'));
    const courseId = courses.ids.courses[entry.course];
    const course = courses.courses.find((row) => row.id === courseId);
    if (course === undefined) throw invalidInput(at(path, 'course'), `no course with key "${entry.course}"`);
    let batch: BatchTable | undefined;
    if (course.type === 2) {
      if (entry.batch === undefined) throw invalidInput(at(path, 'batch'), 'is needed: the course is blended (type 2)');
      batch = courses.batches.find(
        (row) => row.id === courses.ids.batches[entry.batch!] && row.course_id === course.id,
      );
      if (batch === undefined)
        throw invalidInput(at(path, 'batch'), `no batch "${entry.batch}" in course "${entry.course}"`);
    } else if (entry.batch !== undefined) {
      throw invalidInput(at(path, 'batch'), `course "${entry.course}" is not blended and has no batches`);
    }
    const place = `${course.id}/${batch?.id ?? ''}`;
    if (enrolments.some((row) => row.erecno === erecno && `${row.course_id}/${row.batch_id ?? ''}` === place)) {
      throw invalidInput(path, `${entry.person} is enrolled there twice`);
    }
    const taken = (seats.get(place) ?? 0) + 1;
    if (batch !== undefined && taken > batch.maximum_capacity) {
      throw invalidInput(path, `batch "${entry.batch}" has only ${batch.maximum_capacity} seats`);
    }
    seats.set(place, taken);
    enrolments.push({
      portal_id: context.portalId,
      course_id: course.id,
      batch_id: batch?.id ?? null,
      erecno,
      status: 'enrolled',
      position: 0,
      enrolled_by: context.adminErecno,
      created_at: context.now,
    });
    if (!learners.some((row) => row.course_id === course.id && row.erecno === erecno)) {
      learners.push({
        portal_id: context.portalId,
        course_id: course.id,
        erecno,
        relation: 'learner',
        by_erecno: context.adminErecno,
        position: 0,
        created_at: context.now,
      });
    }
  });
  return { enrolments, learners };
}

/** Compiles the whole file into rows, or throws a 400 naming the first bad field. */
export function compileFixtures(fixtures: Fixtures, context: CompileContext): { rows: FixtureRows; ids: KeyIds } {
  const ids: KeyIds = { people: {}, courses: {}, batches: {}, modules: {}, sessions: {} };
  const employees = compilePeople(fixtures, context, ids);
  const resolve = personResolver(employees, context, ids);
  (fixtures.people ?? []).forEach((person, index) => {
    if (person.manager === undefined) return;
    employees[index]!.manager_erecno = resolve(person.manager, at(at('people', index), 'manager')).erecno;
  });
  const courses = compileCourses(fixtures, context, ids, resolve);
  const seats = compileEnrolments(fixtures, context, resolve, { ...courses, ids });
  return {
    ids,
    rows: {
      employees,
      courses: courses.courses,
      course_members: [...courses.members, ...seats.learners],
      batches: courses.batches,
      course_modules: courses.modules,
      class_sessions: courses.sessions,
      enrolments: seats.enrolments,
    },
  };
}
