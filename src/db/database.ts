/** Table shapes as Kysely sees them. Booleans are 0/1 integers and times epoch milliseconds on both engines. */
import type { Kysely, Transaction } from 'kysely';

export interface PortalTable {
  id: string;
  name: string;
  url_name: string;
  time_zone: string;
  created_at: number;
}

export interface EmployeeTable {
  erecno: string;
  portal_id: string;
  employee_id: string;
  display_name: string;
  email_id: string;
  photo_url: string;
  manager_erecno: string | null;
  status: 'active' | 'inactive';
  is_admin: number;
  is_settings_admin: number;
  is_data_admin: number;
  is_trainer: number;
}

export interface TokenTable {
  hash: string;
  portal_id: string;
  erecno: string;
  scopes: string;
  is_operator: number;
  created_at: number;
}

export interface LocationTable {
  id: string;
  portal_id: string;
  name: string;
}

export interface RoomTable {
  id: string;
  portal_id: string;
  name: string;
  location_id: string;
  capacity: number;
  facilities: string;
}

export interface CategoryTable {
  id: string;
  portal_id: string;
  name: string;
  kind: 'course' | 'grade';
}

export interface CourseTable {
  id: string;
  portal_id: string;
  name: string;
  type: number;
  description: string;
  about_course: string;
  duration: number | null;
  duration_unit: string | null;
  course_code: string;
  permission_settings: string;
  status: number;
  owner_erecno: string;
  image_url: string | null;
  status_comment: string | null;
  created_at: number;
  updated_at: number;
  published_at: number | null;
}

/** Links a course to an employee: course admin, favourite, share, suggestion (trainer and learner rows come with batches and enrolment). */
export interface CourseMemberTable {
  portal_id: string;
  course_id: string;
  erecno: string;
  relation: 'admin' | 'favourite' | 'share' | 'suggestion' | 'trainer' | 'learner';
  by_erecno: string | null;
  position: number;
  created_at: number;
}

export interface CourseCategoryTable {
  portal_id: string;
  course_id: string;
  category_id: string;
  position: number;
}

export interface IdempotencyTable {
  portal_id: string;
  token_hash: string;
  key: string;
  fingerprint: string;
  status_code: number;
  body: string;
  content_type: string;
  created_at: number;
}

export interface CounterTable {
  name: string;
  value: number;
}

/** Every table Lectern has. */
export interface Database {
  portals: PortalTable;
  employees: EmployeeTable;
  tokens: TokenTable;
  locations: LocationTable;
  rooms: RoomTable;
  categories: CategoryTable;
  courses: CourseTable;
  course_members: CourseMemberTable;
  course_categories: CourseCategoryTable;
  idempotency_keys: IdempotencyTable;
  counters: CounterTable;
}

/** The database handle passed around: a Kysely instance or a transaction on it. */
export type Db = Kysely<Database> | Transaction<Database>;
