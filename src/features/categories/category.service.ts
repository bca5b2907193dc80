/** Course and grade categories as the API and other features read them, and as admins write them (/lectern/v1). */
import { type Caller, mayManageReferenceData } from '../../access/index.ts';
import type { AppContext } from '../../context.ts';
import type { CategoryTable, Db } from '../../db/database.ts';
import { forbidden, invalidInput, LmsError, missingInput, notFound, quote } from '../../errors.ts';
import * as repository from './category.repository.ts';

/** A category kind: `course` tags courses, `grade` grades sessions, tests and assignments. */
export type CategoryKind = CategoryTable['kind'];

/** Most categories of one kind a portal holds (the name check reads them all). */
export const categoriesPerKindLimit = 1000;

const nouns: Record<CategoryKind, { one: string; many: string; capital: string; id: string }> = {
  course: { one: 'category', many: 'categories', capital: 'Category', id: 'categoryId' },
  grade: { one: 'grade category', many: 'grade categories', capital: 'Grade category', id: 'gradeCategoryId' },
};

/** A page of the caller's portal's course categories (one extra row to tell whether more exist). */
export function listCourseCategories(
  db: Db,
  caller: Caller,
  startIndex: number,
  limit: number,
): Promise<CategoryTable[]> {
  return repository.listCategories(db, caller.portalId, 'course', startIndex, limit);
}

/** Those of the given ids that are course categories of the portal. */
export function findCourseCategories(db: Db, portalId: string, ids: readonly string[]): Promise<CategoryTable[]> {
  return repository.findCategories(db, portalId, ids);
}

/** A grade category of the portal (not a course category), or undefined. */
export function findGradeCategory(db: Db, portalId: string, categoryId: string) {
  return repository.findGradeCategory(db, portalId, categoryId);
}

/** A page of the caller's portal's categories of the kind (one extra row to tell whether more exist). */
export function listCategoriesOfKind(
  context: AppContext,
  caller: Caller,
  kind: CategoryKind,
  offset: number,
  limit: number,
) {
  return repository.listCategories(context.db, caller.portalId, kind, offset, limit);
}

/** One category of the kind in the caller's portal, or 404. */
export async function getCategory(context: AppContext, caller: Caller, kind: CategoryKind, id: string) {
  const row = await repository.findCategory(context.db, caller.portalId, kind, id);
  if (row === undefined) throw notFound(nouns[kind].one, id);
  return row;
}

function checkManager(caller: Caller, kind: CategoryKind): void {
  if (!mayManageReferenceData(caller)) {
    throw forbidden(`only LMS, settings and data admins may change ${nouns[kind].many}`);
  }
}

function readName(value: string | undefined): string {
  if (value === undefined) throw missingInput('name');
  const name = value.trim();
  if (name === '') throw invalidInput('name', 'must not be blank');
  return name;
}

/** The key names compare by: letters in any case, composed or not, are the same name. */
function nameKey(name: string): string {
  return name.normalize('NFC').toLowerCase();
}

/** Takes the portal's turn, then refuses a name another category of the kind holds (409) or a full kind (422). */
async function checkName(
  context: AppContext,
  trx: Db,
  caller: Caller,
  kind: CategoryKind,
  name: string,
  ownId: string | null,
): Promise<void> {
  await repository.lockPortalCategories(trx, caller.portalId, context.dialect);
  const names = await repository.listCategoryNames(trx, caller.portalId, kind, categoriesPerKindLimit + 1);
  const taken = names.find((row) => row.id !== ownId && nameKey(row.name) === nameKey(name));
  if (taken !== undefined) {
    throw new LmsError(
      409,
      '409',
      `A ${nouns[kind].one} named ${quote(taken.name)} already exists (id ${taken.id})`,
      'name',
    );
  }
  if (ownId === null && names.length >= categoriesPerKindLimit) {
    throw new LmsError(422, '422', `A portal holds at most ${categoriesPerKindLimit} ${nouns[kind].many}`);
  }
}

/** Makes a category of the kind; its name must be new to the kind in the portal (compared in any case). */
export async function createCategory(
  context: AppContext,
  caller: Caller,
  kind: CategoryKind,
  input: { name?: string },
) {
  checkManager(caller, kind);
  const row: CategoryTable = { id: context.ids.next(), portal_id: caller.portalId, name: readName(input.name), kind };
  await context.db.transaction().execute(async (trx) => {
    await checkName(context, trx, caller, kind, row.name, null);
    await repository.insertCategory(trx, row);
  });
  return row;
}

/** Renames a category; courses, sessions and settings read the name where they show it, so they show the new one. */
export async function updateCategory(
  context: AppContext,
  caller: Caller,
  kind: CategoryKind,
  id: string,
  input: { name?: string },
) {
  checkManager(caller, kind);
  const name = input.name === undefined ? undefined : readName(input.name);
  return context.db.transaction().execute(async (trx) => {
    const row = await repository.findCategory(trx, caller.portalId, kind, id, context.dialect);
    if (row === undefined) throw notFound(nouns[kind].one, id);
    if (name === undefined || name === row.name) return row;
    await checkName(context, trx, caller, kind, name, id);
    await repository.renameCategory(trx, id, name);
    return { ...row, name };
  });
}

function inUse(count: number, one: string, many: string, firstName: string | null): string | null {
  return count === 0 ? null : `${count} ${count === 1 ? one : many} (first: ${quote(firstName ?? '')})`;
}

/** Deletes a category nothing uses; else 409 naming what does (courses; sessions, tests and assignments). */
export async function deleteCategory(
  context: AppContext,
  caller: Caller,
  kind: CategoryKind,
  id: string,
): Promise<void> {
  checkManager(caller, kind);
  await context.db.transaction().execute(async (trx) => {
    const row = await repository.findCategory(trx, caller.portalId, kind, id, context.dialect);
    if (row === undefined) throw notFound(nouns[kind].one, id);
    let users: (string | null)[];
    if (kind === 'course') {
      const courses = await repository.findCategoryCourses(trx, caller.portalId, id);
      users = [inUse(courses.count, 'course', 'courses', courses.firstName)];
    } else {
      const { sessions, entities } = await repository.findGradeCategoryUsage(trx, caller.portalId, id);
      users = [
        inUse(sessions.count, 'session', 'sessions', sessions.firstName),
        inUse(entities.count, 'test or assignment', 'tests and assignments', entities.firstName),
      ];
    }
    const named = users.filter((text) => text !== null);
    if (named.length > 0) {
      const what = `${nouns[kind].capital} ${quote(row.name)}`;
      throw new LmsError(
        409,
        '409',
        `${what} is used by ${named.join(' and ')}; remove it from them first`,
        nouns[kind].id,
      );
    }
    await repository.deleteCategory(trx, id);
  });
}
