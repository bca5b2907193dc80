/** Who is calling: the employee and portal behind a token, with the token's scopes and the employee's roles. */
import type { PortalTime } from '../clock.ts';
import type { DateFormat } from '../dates.ts';
import type { NotificationDefaults } from '../notification-defaults.ts';

import { holdsScope, type RouteScope } from './scopes.ts';

/** The authenticated caller of a request. */
export interface Caller {
  readonly portalId: string;
  readonly portalUrlName: string;
  /** The portal's clock (the server's time unless the control room set it). */
  readonly portalTime: PortalTime;
  /** True when the portal holds the demo data (a throwaway portal: its requests are journaled by default). */
  readonly portalHoldsDemo: boolean;
  /** How the portal writes display dates (its settings; Zoho's dd-MMM-yyyy unless changed). */
  readonly portalDateFormat: DateFormat;
  /** Whether each kind of request notifies when it does not say (its settings; Lectern's unless changed). */
  readonly notificationDefaults: NotificationDefaults;
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

/** True when the caller's token admits the route's declared scope (see scopes.ts). */
export function hasScope(caller: Caller, scope: RouteScope): boolean {
  return holdsScope(caller.scopes, scope);
}
