/** Courses: upserted by id, or by name when the id column is empty. Their batches, modules, sessions are kinds too. */
import { Type } from '@sinclair/typebox';
import { defaultPermissionSettings } from '../../features/progress/index.ts';
import { type BulkKind, idColumn, integer, oneOf, optionalId, optionalText, rowSchema, text } from '../kind.schemas.ts';

/** The courses kind. */
export const coursesKind: BulkKind = {
  name: 'courses',
  table: 'courses',
  row: rowSchema({
    courseId: optionalId(),
    name: text(200),
    /** 1 self-paced, 2 blended (Zoho's codes). */
    type: integer(1, 2),
    description: optionalText(),
    aboutCourse: optionalText(),
    courseCode: optionalText(100),
    duration: Type.Optional(integer(0, 100_000)),
    durationUnit: Type.Optional(oneOf('minute', 'hour', 'day')),
    /** Zoho's course status code as stored (0 draft ... see the courses feature). */
    status: integer(0, 10),
    ownerErecno: idColumn(),
    imageUrl: optionalText(2000),
    /** The course's permission settings as a JSON object (Zoho's keys); empty: the defaults. */
    permissionSettings: optionalText(10_000),
  }),
  id: { field: 'courseId', column: 'id' },
  naturalKey: ['name'],
  references: [{ field: 'ownerErecno', kind: 'people' }],
  orderBy: ['id'],
  toTable: (row) => ({
    name: row.name,
    type: row.type,
    description: row.description ?? '',
    about_course: row.aboutCourse ?? '',
    course_code: row.courseCode ?? '',
    duration: row.duration ?? null,
    duration_unit: row.durationUnit ?? null,
    status: row.status,
    owner_erecno: row.ownerErecno,
    image_url: row.imageUrl || null,
    permission_settings: row.permissionSettings || JSON.stringify(defaultPermissionSettings),
  }),
  fromTable: (row) => ({
    courseId: row.id,
    name: row.name,
    type: Number(row.type),
    description: row.description,
    aboutCourse: row.about_course,
    courseCode: row.course_code,
    duration: row.duration === null ? null : Number(row.duration),
    durationUnit: row.duration_unit,
    status: Number(row.status),
    ownerErecno: row.owner_erecno,
    imageUrl: row.image_url,
    permissionSettings: row.permission_settings,
  }),
  defaults: (now) => ({ created_at: now, updated_at: now, published_at: null, status_comment: null }),
  check: (row) => {
    if (typeof row.permissionSettings !== 'string' || row.permissionSettings === '') return null;
    try {
      const parsed: unknown = JSON.parse(row.permissionSettings);
      if (parsed !== null && typeof parsed === 'object' && !Array.isArray(parsed)) return null;
    } catch {
      // Reported below.
    }
    return { field: 'permissionSettings', message: 'must be a JSON object' };
  },
};
