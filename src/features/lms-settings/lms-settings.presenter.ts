/**
 * The settings object of Fetch Settings. Zoho's page shows no response, so the shape is Lectern's (provisional): the
 * portal, the caller's portal-wide roles, who may create courses, the course types, the permission settings a new
 * course starts with, the grade categories, and the server settings an integrator runs into (page size, upload
 * limit, booking conflicts, the API threshold).
 */
import type { Static } from '@sinclair/typebox';
import { courseTypeNames } from '../courses/index.ts';
import { defaultPermissionSettings } from '../progress/index.ts';
import type { LmsSettingsSchema } from './lms-settings.schemas.ts';
import type { LmsSettingsView } from './lms-settings.service.ts';

/** Pure: the settings object for a view. */
export function presentLmsSettings(view: LmsSettingsView, recordsPerPage: number): Static<typeof LmsSettingsSchema> {
  const { portal, caller, config } = view;
  const defaults = defaultPermissionSettings;
  return {
    portalId: portal.id,
    portalName: portal.name,
    portalURLName: portal.url_name,
    timeZone: portal.time_zone || 'UTC',
    currentUserRole: {
      admin: caller.isAdmin,
      settingsAdmin: caller.isSettingsAdmin,
      dataAdmin: caller.isDataAdmin,
      trainer: caller.isTrainer,
    },
    whoCanCreateCourses: ['admin', 'trainer'],
    courseTypes: Object.entries(courseTypeNames).map(([type, name]) => ({ type, typeAsDisplayString: name })),
    defaultPermissionSettings: {
      whoCanEnroll: [...defaults.whoCanEnroll],
      whoCanUnenroll: [...defaults.whoCanUnenroll],
      whenAnEntityIsConsideredAsCompleted: String(defaults.whenAnEntityIsConsideredAsCompleted),
      whenACourseIsConsideredAsCompleted: String(defaults.whenACourseIsConsideredAsCompleted),
      whenAModuleIsConsideredAsCompleted: String(defaults.whenAModuleIsConsideredAsCompleted),
    },
    gradeCategories: view.gradeCategories.map((row) => ({ gradeCategoryId: row.id, name: row.name })),
    recordsPerPage,
    maximumUploadBytes: config.maxUploadBytes,
    bookingConflicts: config.bookingConflicts,
    apiThreshold: {
      enabled: config.rateLimit.enabled,
      requests: config.rateLimit.threshold,
      periodSeconds: Math.round(config.rateLimit.windowMs / 1000),
      lockPeriodSeconds: Math.round(config.rateLimit.lockMs / 1000),
    },
  };
}
