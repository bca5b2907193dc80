/** Fetch Settings (part A #31): the portal's LMS settings as Lectern holds them, for anyone in the portal. */

import type { Caller } from '../../access/index.ts';
import type { Config } from '../../config.ts';
import type { AppContext } from '../../context.ts';
import type { CategoryTable, PortalTable } from '../../db/database.ts';
import { notFound } from '../../errors.ts';
import * as repository from './lms-settings.repository.ts';

/** Grade categories listed at most; a portal with more lists the first ones (by creation). */
export const gradeCategoryLimit = 100;

/** What the settings are made of: the portal, its grade categories and the server's settings that apply to it. */
export interface LmsSettingsView {
  portal: PortalTable;
  gradeCategories: CategoryTable[];
  caller: Caller;
  config: Config;
}

/** The caller's portal settings. */
export async function getLmsSettings(context: AppContext, caller: Caller): Promise<LmsSettingsView> {
  const [portal, gradeCategories] = await Promise.all([
    repository.findPortal(context.db, caller.portalId),
    repository.listGradeCategories(context.db, caller.portalId, gradeCategoryLimit),
  ]);
  if (portal === undefined) throw notFound('portal', caller.portalId);
  return { portal, gradeCategories, caller, config: context.config };
}
