import type { Migration } from 'kysely';
import * as core from './2026-11-23T1200_core.ts';
import * as counters from './2026-11-23T1300_counters.ts';
import * as batches from './2026-11-23T1400_batches.ts';
import * as modules from './2026-11-23T1410_modules.ts';
import * as sessions from './2026-11-23T1420_sessions.ts';
import * as schedulers from './2026-11-23T1430_schedulers.ts';
import * as entities from './2026-11-23T1500_entities.ts';
import * as enrolments from './2026-11-23T1600_enrolments.ts';
import * as progress from './2026-11-23T1700_progress.ts';
import * as learningPlans from './2026-11-23T1710_learning_plans.ts';
import * as history from './2026-11-23T1720_history.ts';
import * as notifications from './2026-11-23T1730_notifications.ts';
import * as locationTimeZones from './2026-11-24T1000_location_time_zones.ts';
import * as tokenLifecycle from './2026-12-01T1000_token_lifecycle.ts';
import * as portalClock from './2026-12-03T1000_portal_clock.ts';
import * as oauth from './2026-12-03T1100_oauth.ts';
import * as directory from './2026-12-03T1110_directory.ts';
import * as portalSnapshots from './2026-12-03T1200_portal_snapshots.ts';
import * as portalSettings from './2026-12-03T1500_portal_settings.ts';
import * as referenceData from './2026-12-03T1510_reference_data.ts';
import * as peopleLifecycle from './2026-12-03T1520_people_lifecycle.ts';
import * as calendarFeeds from './2026-12-03T1530_calendar_feeds.ts';
import * as webSignIn from './2026-12-03T1550_web_sign_in.ts';
import * as passwords from './2026-12-03T1800_passwords.ts';
import * as dashboard from './2026-12-03T1840_dashboard.ts';
import * as scaleIndexes from './2026-12-03T1850_scale_indexes.ts';
import * as onlineTestQuestions from './2026-12-03T2300_online_test_questions.ts';

/** Every migration, by frozen dated name; Kysely runs them in name order. */
export const migrations: Record<string, Migration> = {
  '2026-11-23T1200_core': core,
  '2026-11-23T1300_counters': counters,
  '2026-11-23T1400_batches': batches,
  '2026-11-23T1410_modules': modules,
  '2026-11-23T1420_sessions': sessions,
  '2026-11-23T1430_schedulers': schedulers,
  '2026-11-23T1500_entities': entities,
  '2026-11-23T1600_enrolments': enrolments,
  '2026-11-23T1700_progress': progress,
  '2026-11-23T1710_learning_plans': learningPlans,
  '2026-11-23T1720_history': history,
  '2026-11-23T1730_notifications': notifications,
  '2026-11-24T1000_location_time_zones': locationTimeZones,
  '2026-12-01T1000_token_lifecycle': tokenLifecycle,
  '2026-12-03T1000_portal_clock': portalClock,
  '2026-12-03T1100_oauth': oauth,
  '2026-12-03T1110_directory': directory,
  '2026-12-03T1200_portal_snapshots': portalSnapshots,
  '2026-12-03T1500_portal_settings': portalSettings,
  '2026-12-03T1510_reference_data': referenceData,
  '2026-12-03T1520_people_lifecycle': peopleLifecycle,
  '2026-12-03T1530_calendar_feeds': calendarFeeds,
  '2026-12-03T1550_web_sign_in': webSignIn,
  '2026-12-03T1800_passwords': passwords,
  '2026-12-03T1840_dashboard': dashboard,
  '2026-12-03T1850_scale_indexes': scaleIndexes,
  '2026-12-03T2300_online_test_questions': onlineTestQuestions,
};
