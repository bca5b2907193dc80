/** Table shapes of the organisation around the LMS (portals, people, tokens, places, categories), by table name. */

export interface PortalTable {
  id: string;
  name: string;
  url_name: string;
  time_zone: string;
  created_at: number;
  /** The portal's clock: the server's time plus this (control room). */
  clock_offset_ms: number;
  /** The portal's clock stands still at this instant when set (control room). */
  clock_fixed_at: number | null;
  /** 1 when the portal holds the demo data (its consent page offers a pick of its people); absent on insert: 0. */
  demo?: number;
  /** How display dates are written (dates.ts DateFormat); absent on insert: dd-MMM-yyyy, Zoho's. */
  date_format?: string;
  /** The first day of the week, monday..sunday; absent on insert: sunday. */
  week_start?: string;
  /** The From name and address of the portal's e-mails; null: the server's LECTERN_SMTP_FROM. */
  mail_sender_name?: string | null;
  mail_sender_address?: string | null;
  /** JSON of the notification defaults (notification-defaults.ts); null: Lectern's. */
  notification_defaults?: string | null;
}

/** A person of a portal (Zoho People's employee); erecno is the id the LMS and the directory share. */
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
  // The directory's fields (2026-12-03): optional so rows written without them stay valid; null when unknown.
  first_name?: string | null;
  last_name?: string | null;
  department_id?: string | null;
  designation_id?: string | null;
  /** `YYYY-MM-DD`. */
  date_of_joining?: string | null;
  mobile?: string | null;
  work_phone?: string | null;
  /** Who added or last changed the person through the forms API (an erecno), null for the seeded and the admin's. */
  added_by?: string | null;
  modified_by?: string | null;
  /** Epoch ms; 0 when written without it (the column's default). */
  created_at?: number;
  modified_at?: number;
  /** The random key of the person's uploaded photo (its URL carries it); null or absent: no photo, an avatar. */
  photo_key?: string | null;
}

/** A person's uploaded photo (png, jpeg or webp), its bytes in the row: photos are small and bounded. */
export interface EmployeePhotoTable {
  erecno: string;
  portal_id: string;
  content_type: string;
  size: number;
  data: Uint8Array;
  updated_at: number;
}

/** A department of a portal (Zoho People's `department` form). */
export interface DepartmentTable {
  id: string;
  portal_id: string;
  name: string;
  code: string;
  mail_alias: string;
  lead_erecno: string | null;
  parent_id: string | null;
  created_at: number;
  modified_at: number;
}

/** A designation of a portal (Zoho People's `designation` form). */
export interface DesignationTable {
  id: string;
  portal_id: string;
  name: string;
  code: string;
  mail_alias: string;
  created_at: number;
  modified_at: number;
}

/** An API token, stored as its SHA-256 hash; OAuth access and refresh tokens are rows here too. */
export interface TokenTable {
  /** SHA-256 of the token: the value itself is never stored. */
  hash: string;
  /** Public id, to list and revoke a token without its value. */
  id: string;
  portal_id: string;
  erecno: string;
  scopes: string;
  is_operator: number;
  created_at: number;
  /** Epoch ms after which the token is refused; null: never. */
  expires_at: number | null;
  revoked_at: number | null;
  /** The token that minted this one (revoking it revokes this); null for tokens made by the operator or the CLI. */
  minted_by: string | null;
  /** The OAuth client the token was issued to; null (or absent on insert) for Lectern's own tokens. */
  oauth_client_id?: string | null;
  /** `access` or `refresh` for OAuth tokens (a refresh token never calls the API); null for Lectern's own. */
  oauth_kind?: 'access' | 'refresh' | null;
}

/** A place sessions happen, with its IANA time zone (null: the portal's). */
export interface LocationTable {
  id: string;
  portal_id: string;
  name: string;
  /** IANA time zone of the place, which its rooms' sessions are held in; null: the portal's. */
  time_zone: string | null;
  // The postal address (2026-12-03): optional so rows written without it stay valid; null when unknown.
  address_street?: string | null;
  address_city?: string | null;
  address_state?: string | null;
  address_postal_code?: string | null;
  address_country?: string | null;
}

/** A room at a location, with its capacity and facilities. */
export interface RoomTable {
  id: string;
  portal_id: string;
  name: string;
  location_id: string;
  capacity: number;
  facilities: string;
}

/** A course or grade category. */
export interface CategoryTable {
  id: string;
  portal_id: string;
  name: string;
  kind: 'course' | 'grade';
}

/** The organisation's tables (merged into Database). */
export interface OrganisationTables {
  portals: PortalTable;
  employees: EmployeeTable;
  employee_photos: EmployeePhotoTable;
  departments: DepartmentTable;
  designations: DesignationTable;
  tokens: TokenTable;
  locations: LocationTable;
  rooms: RoomTable;
  categories: CategoryTable;
}
