/** Turns a module row into Zoho's module object. Pure. */
import type { Static } from '@sinclair/typebox';
import { zohoDateText } from '../../dates.ts';
import type { CourseModuleSchema } from './module.schemas.ts';
import type { ModuleView } from './module.service.ts';

/** `"100 Mins"` as the Update Modules sample writes it, `"1 Min"`; empty when the module has no duration. */
export function moduleDurationText(minutes: number | null): string {
  if (minutes === null) return '';
  return `${minutes} ${minutes === 1 ? 'Min' : 'Mins'}`;
}

/** The module object, in the sample's key order. */
export function presentCourseModule(view: ModuleView): Static<typeof CourseModuleSchema> {
  const { courseModule, isLocked } = view;
  return {
    duration: moduleDurationText(courseModule.duration_minutes),
    lockUntil: courseModule.lock_until === null ? '' : zohoDateText(courseModule.lock_until),
    isLocked,
    moduleName: courseModule.name,
    description: courseModule.description,
    lockType: String(courseModule.lock_type),
    moduleId: courseModule.id,
    courseId: courseModule.course_id,
    batchId: courseModule.batch_id,
  };
}
