/** Who is calling: the employee and portal behind a token, with the token's scopes and the employee's roles. */

/** The five operation scopes of `ZOHOPEOPLE.training`. */
export type Scope = 'ALL' | 'READ' | 'CREATE' | 'UPDATE' | 'DELETE';

/** Every scope name a token may carry. */
export const scopeNames: readonly string[] = ['ALL', 'READ', 'CREATE', 'UPDATE', 'DELETE'].map(
  (operation) => `ZOHOPEOPLE.training.${operation}`,
);

/** The authenticated caller of a request. */
export interface Caller {
  readonly portalId: string;
  readonly portalUrlName: string;
  readonly erecno: string;
  readonly tokenHash: string;
  readonly scopes: ReadonlySet<string>;
  readonly isOperator: boolean;
  readonly isAdmin: boolean;
  readonly isSettingsAdmin: boolean;
  readonly isDataAdmin: boolean;
  readonly isTrainer: boolean;
}

/** True when the token carries `ZOHOPEOPLE.training.ALL` or the named operation scope. */
export function hasScope(caller: Caller, scope: Scope): boolean {
  return caller.scopes.has('ZOHOPEOPLE.training.ALL') || caller.scopes.has(`ZOHOPEOPLE.training.${scope}`);
}
