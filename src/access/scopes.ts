/**
 * Zoho People's OAuth scopes, in one place: the names a token may carry (issuing validates against them), and which
 * held scopes admit a route's declared scope (authentication checks with them, the OpenAPI document lists them).
 */
import { invalidInput } from '../errors.ts';

/** The five operation scopes of `ZOHOPEOPLE.training`: what an LMS route declares. */
export type Scope = 'ALL' | 'READ' | 'CREATE' | 'UPDATE' | 'DELETE';

/** What a route declares: an LMS operation (`READ` is `ZOHOPEOPLE.training.READ`), or a forms operation. */
export type RouteScope = Scope | 'forms.READ' | 'forms.CREATE' | 'forms.UPDATE';

/** The scope family of every LMS operation. */
export const trainingFamily = 'ZOHOPEOPLE.training';

// Zoho's scopes page lists forms.{ALL,CREATE,READ,UPDATE} and employee.ALL only (no forms.DELETE, no employee.READ).
const families: Record<string, readonly string[]> = {
  training: ['ALL', 'READ', 'CREATE', 'UPDATE', 'DELETE'],
  forms: ['ALL', 'READ', 'CREATE', 'UPDATE'],
  employee: ['ALL'],
};

/** Every scope name a token may carry, as Zoho spells it. */
export const scopeNames: readonly string[] = Object.entries(families).flatMap(([family, operations]) =>
  operations.map((operation) => `ZOHOPEOPLE.${family}.${operation}`),
);

/**
 * The scope names any one of which admits a route: the declared one and its family's ALL. The directory forms are
 * employee data, so `ZOHOPEOPLE.employee.ALL` admits them too; training scopes never admit forms, nor the reverse.
 */
export function scopesAdmitting(scope: RouteScope): string[] {
  const [family, operation] = scope.includes('.') ? scope.split('.') : ['training', scope];
  const own = `ZOHOPEOPLE.${family}.${operation}`;
  const names = operation === 'ALL' ? [own] : [own, `ZOHOPEOPLE.${family}.ALL`];
  if (family === 'forms') names.push('ZOHOPEOPLE.employee.ALL');
  return names;
}

/** True when the held scopes admit the route's declared scope. */
export function holdsScope(held: ReadonlySet<string>, scope: RouteScope): boolean {
  return scopesAdmitting(scope).some((name) => held.has(name));
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

/** The scope name as Zoho spells it, whatever the case it was sent in (Zoho's own clients differ), or undefined. */
export function canonicalScope(name: string): string | undefined {
  const lower = name.toLowerCase();
  return scopeNames.find((known) => known.toLowerCase() === lower);
}

/** Checks a scope list: every item a known scope name in any case; answers them as Zoho spells them, once each. */
export function validateScopes(scopes: unknown, parameter: string): string[] {
  if (!Array.isArray(scopes) || scopes.length === 0) {
    throw invalidInput(parameter, `must be a non-empty list of ${scopeNames.join(', ')}`);
  }
  const canonical = scopes.map((scope) => {
    const known = typeof scope === 'string' ? canonicalScope(scope) : undefined;
    if (known === undefined) {
      throw invalidInput(parameter, `unknown scope ${JSON.stringify(scope)}; use ${scopeNames.join(', ')}`);
    }
    return known;
  });
  return [...new Set(canonical)];
}
