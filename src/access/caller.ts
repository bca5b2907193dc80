/** Who is calling: the employee and portal behind a token, with the token's scopes and the employee's roles. */
import type { PortalTime } from '../clock.ts';

/** The five operation scopes of `ZOHOPEOPLE.training`. */
export type Scope = 'ALL' | 'READ' | 'CREATE' | 'UPDATE' | 'DELETE';

/** The scope family of every LMS operation. */
export const trainingFamily = 'ZOHOPEOPLE.training';

/** Every scope name a token may carry. */
export const scopeNames: readonly string[] = ['ALL', 'READ', 'CREATE', 'UPDATE', 'DELETE'].map(
  (operation) => `${trainingFamily}.${operation}`,
);

/**
 * Every scope name a token may hold: the LMS's, and the People families OAuth clients ask for alongside it (forms
 * for Zoho People's form API, employee for its employee API).
 */
export const knownScopeNames: readonly string[] = ['training', 'forms', 'employee'].flatMap((family) =>
  ['ALL', 'READ', 'CREATE', 'UPDATE', 'DELETE'].map((operation) => `ZOHOPEOPLE.${family}.${operation}`),
);

/** The authenticated caller of a request. */
export interface Caller {
  readonly portalId: string;
  readonly portalUrlName: string;
  /** The portal's clock (the server's time unless the control room set it). */
  readonly portalTime: PortalTime;
  readonly erecno: string;
  readonly tokenHash: string;
  /** The token's public id (tokens it mints record it, so that revoking it revokes them). */
  readonly tokenId: string;
  /** When the calling token expires (epoch ms), or null. */
  readonly tokenExpiresAt: number | null;
  readonly scopes: ReadonlySet<string>;
  readonly isOperator: boolean;
  readonly isAdmin: boolean;
  readonly isSettingsAdmin: boolean;
  readonly isDataAdmin: boolean;
  readonly isTrainer: boolean;
}

/** True when the token carries `ZOHOPEOPLE.training.ALL` or the named operation scope. */
export function hasScope(caller: Caller, scope: Scope): boolean {
  return caller.scopes.has(`${trainingFamily}.ALL`) || caller.scopes.has(`${trainingFamily}.${scope}`);
}

/**
 * True when scopes `held` cover the scope `wanted`: they hold it, or hold ALL of its family (`ZOHOPEOPLE.training.ALL`
 * covers `ZOHOPEOPLE.training.READ`, never `ZOHOPEOPLE.forms.READ`).
 */
export function scopeCovers(held: ReadonlySet<string>, wanted: string): boolean {
  if (held.has(wanted)) return true;
  const family = wanted.slice(0, wanted.lastIndexOf('.'));
  return family !== '' && held.has(`${family}.ALL`);
}
