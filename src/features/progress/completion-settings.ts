/** A course's permission settings: who may enrol and unenrol, and when entities, modules and courses count as completed. */

/** Stored permission settings, with Zoho's defaults filled in. */
export interface PermissionSettings {
  whoCanEnroll: string[];
  whoCanUnenroll: string[];
  whenAnEntityIsConsideredAsCompleted: number;
  whenACourseIsConsideredAsCompleted: number;
  whenAModuleIsConsideredAsCompleted: number;
}

/** The settings a course starts with when none are sent. */
export const defaultPermissionSettings: PermissionSettings = Object.freeze({
  whoCanEnroll: ['admin', 'courseAdmin', 'learner'],
  whoCanUnenroll: ['admin', 'courseAdmin', 'learner'],
  whenAnEntityIsConsideredAsCompleted: 1,
  whenACourseIsConsideredAsCompleted: 2,
  whenAModuleIsConsideredAsCompleted: 1,
}) as PermissionSettings;

/** The meanings of the completion settings' values (update-course page). */
export const EntityRule = { learnerMarks: 1, openedOrAccessed: 2 } as const;
/** whenAModuleIsConsideredAsCompleted values. */
export const ModuleRule = { learnerMarks: 1, mandatoryEntitiesCompleted: 2 } as const;
/** whenACourseIsConsideredAsCompleted values. */
export const CourseRule = { learnerMarks: 1, mandatoryEntitiesCompleted: 2, markedByManager: 3, byDate: 4 } as const;

/** Reads a course's stored settings (JSON text), filling in defaults for keys a stored row lacks. */
export function readPermissionSettings(json: string | null | undefined): PermissionSettings {
  const stored = json ? (JSON.parse(json) as Partial<PermissionSettings>) : {};
  return { ...defaultPermissionSettings, ...stored };
}
