/** Table shapes of the accounts feature (password sign-in), by table name (merged into Database). */

/** A person's password in a portal: the argon2id hash (its own salt and parameters inside), and the lock. */
export interface AccountPasswordTable {
  portal_id: string;
  erecno: string;
  hash: string;
  set_at: number;
  /** Wrong passwords since `failed_since` (the lock's window); reset by a right one. */
  failed_count: number;
  failed_since: number | null;
  /** Sign-in refused (with the same words as a wrong password) until then. */
  locked_until: number | null;
}

/** A browser's sign-in, known by the SHA-256 hash of its cookie's value. */
export interface AccountSessionTable {
  hash: string;
  portal_id: string;
  erecno: string;
  created_at: number;
  expires_at: number;
}

/** A single-use link to set a password: an invite (7 days) or a reset (1 hour); only its token's SHA-256 hash. */
export interface AccountLinkTable {
  hash: string;
  kind: 'invite' | 'reset';
  portal_id: string;
  erecno: string;
  created_at: number;
  expires_at: number;
  used_at: number | null;
}

/** The accounts feature's tables. */
export interface AccountTables {
  account_passwords: AccountPasswordTable;
  account_sessions: AccountSessionTable;
  account_links: AccountLinkTable;
}
