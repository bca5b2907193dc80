/** Every bulk kind by name. */
import type { BulkKind, KindName } from '../kind.schemas.ts';
import { attendanceKind } from './attendance.kind.ts';
import { batchesKind } from './batches.kind.ts';
import { categoriesKind } from './categories.kind.ts';
import { coursesKind } from './courses.kind.ts';
import { enrolmentsKind } from './enrolments.kind.ts';
import { locationsKind } from './locations.kind.ts';
import { modulesKind } from './modules.kind.ts';
import { peopleKind } from './people.kind.ts';
import { roomsKind } from './rooms.kind.ts';
import { sessionsKind } from './sessions.kind.ts';

/** The kinds, by name. */
export const bulkKinds: Readonly<Record<KindName, BulkKind>> = {
  people: peopleKind,
  locations: locationsKind,
  rooms: roomsKind,
  categories: categoriesKind,
  courses: coursesKind,
  batches: batchesKind,
  modules: modulesKind,
  sessions: sessionsKind,
  enrolments: enrolmentsKind,
  attendance: attendanceKind,
};
