/**
 * Every operation of the route table × every scope × every role, and every operation with another portal's ids. The
 * outcome each call must have comes from the route's declared scope and access, never from a list written per route.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RouteDeclaration } from '../src/http/auth.ts';
import {
  buildMatrixWorld,
  callRoute,
  errorCode,
  idParameters,
  idsFor,
  inBatches,
  type MatrixTokens,
  type MatrixWorld,
  matrixRoles,
  matrixTokens,
  pathParameters,
  promisedOutcome,
  scopeCases,
  scopesCover,
  securedRoutes,
  worldMarker,
} from './helpers/authorization-matrix.ts';
import { createTestLectern, type TestLectern } from './helpers/test-app.ts';

let lectern: TestLectern;
let world: MatrixWorld;
let routes: RouteDeclaration[];
let own: MatrixTokens;
let foreign: MatrixTokens;
let foreignPortalId: string;

beforeAll(async () => {
  lectern = await createTestLectern();
  world = await buildMatrixWorld(lectern);
  routes = securedRoutes(lectern);
  own = await matrixTokens(lectern, lectern.portalId);
  foreignPortalId = (await lectern.otherPortal()).portalId;
  foreign = await matrixTokens(lectern, foreignPortalId);
}, 120_000);
afterAll(() => lectern?.close());

const label = (route: RouteDeclaration) => `${route.method} ${route.url}`;

/** Puts a person back to active, straight in the table (the matrix's deactivations must not outlive their call). */
async function reactivate(erecno: string): Promise<void> {
  await lectern.app.lectern.db
    .updateTable('employees')
    .set({ status: 'active' })
    .where('erecno', '=', erecno)
    .execute();
}

describe('the route table', () => {
  it('declares a scope on every route except the few that say they are public', () => {
    expect(routes.length).toBeGreaterThan(200);
    const open = lectern.app.routeTable.filter((route) => route.scope === undefined);
    // Public routes are the probes, /metrics (its own bearer token), revoking a token by its value (holding the
    // token is the proof), Zoho Accounts' OAuth endpoints (a client's credentials, a code, a consent form's nonce
    // or a sign-in link instead; user info checks its own bearer token), the accounts pages of password sign-in (a
    // password, a set-password link's token or the session cookie instead, the forms CSRF-protected), a calendar feed at its secret URL (holding
    // the URL is the proof), and what browsers load without a token: photos (a photo's key in its URL), the page
    // courseURL leads to (no course data), and the web app's page and files.
    expect(open.map((route) => route.operationId).sort()).toEqual([
      'accountsForgot',
      'accountsForgotPage',
      'accountsPasswordPage',
      'accountsSetPassword',
      'accountsSignIn',
      'accountsSignInPage',
      'accountsSignOut',
      'coursePage',
      'getCalendarFeed',
      'getEmployeePhoto',
      'getHealth',
      'getMetrics',
      'getReadiness',
      'oauthAuthorize',
      'oauthConsent',
      'oauthRevoke',
      'oauthSignIn',
      'oauthToken',
      'oauthUserInfo',
      'oauthWebClient',
      'revokeTokenByValue',
      'webApp',
      'webAppAdmin',
      'webAppAdminPages',
      'webAppAsset',
      'webAppIndex',
      'webAppLearn',
      'webAppLearnPages',
      'webAppSignIn',
      'webAppSignedIn',
      'webAppTrainer',
      'webAppTrainerPages',
    ]);
    const scopes = ['READ', 'CREATE', 'UPDATE', 'DELETE', 'forms.READ', 'forms.CREATE', 'forms.UPDATE'];
    for (const route of routes) expect(scopes, label(route)).toContain(route.scope);
  });
});

describe('scopes and roles in the caller’s own portal', () => {
  it("refuses a token that lacks the route's scope with People's scope error, whatever the role", async () => {
    const calls = routes.flatMap((route) =>
      matrixRoles.flatMap((role) =>
        Object.entries(scopeCases)
          .filter(([, scopes]) => !scopesCover(scopes, route.scope!))
          .map(([name]) => ({ route, role, name })),
      ),
    );
    // An LMS route refuses the four scope cases that do not name its operation, a forms route all five training ones.
    const refusals = routes.reduce((sum, route) => sum + (route.scope!.startsWith('forms.') ? 5 : 4), 0);
    expect(calls).toHaveLength(refusals * matrixRoles.length);
    await inBatches(calls, async ({ route, role, name }) => {
      const response = await callRoute(lectern, route, idsFor(world, route), own[role][name]!);
      const where = `${label(route)} as ${role} with ${name}`;
      expect(response.statusCode, where).toBe(403);
      expect(errorCode(response), where).toBe('7218');
    });
  }, 120_000);

  it('mints only tokens within the calling token: its scopes (ALL covers its family), and only for admins', async () => {
    const mint = routes.find((route) => route.operationId === 'createToken')!;
    const foreignPerson = await lectern.app.lectern.db
      .selectFrom('employees')
      .select('erecno')
      .where('portal_id', '=', foreignPortalId)
      .executeTakeFirstOrThrow();
    for (const role of matrixRoles) {
      for (const [name, held] of Object.entries(scopeCases)) {
        for (const operation of ['READ', 'CREATE', 'UPDATE', 'DELETE', 'ALL']) {
          const scope = `ZOHOPEOPLE.training.${operation}`;
          const response = await callRoute(lectern, mint, {}, own[role][name]!, { scopes: [scope] });
          const where = `${role} with ${name} minting ${scope}`;
          const promised = promisedOutcome(mint, held, role);
          if (promised === 'scope refused') expect(response.json().code, where).toBe('7218');
          else if (promised === 'role refused') expect(response.statusCode, where).toBe(403);
          else if (role === 'operator' || scopesCover(held, operation)) expect(response.statusCode, where).toBe(200);
          else expect(response.statusCode, where).toBe(403);
        }
        if (promisedOutcome(mint, held, role) === 'reaches the rules') {
          const stranger = await callRoute(lectern, mint, {}, own[role][name]!, {
            scopes: held,
            erecno: foreignPerson.erecno,
          });
          expect(stranger.statusCode, `${role} minting for another portal's person`).toBe(404);
        }
      }
    }
  });
});

describe("another portal's ids", () => {
  it('never answer 2xx, and never show the other portal’s objects, to any role with a full-scope token', async () => {
    // The server's operator reaches every portal's control room (`/lectern/v1/portals/{portalId}/...`) by design.
    const reachesEveryPortal = (route: RouteDeclaration, role: string) =>
      role === 'operator' && pathParameters(route).includes('portalId');
    const calls = routes
      .flatMap((route) => matrixRoles.map((role) => ({ route, role })))
      .filter(({ route, role }) => !reachesEveryPortal(route, role));
    await inBatches(calls, async ({ route, role }) => {
      const response = await callRoute(lectern, route, idsFor(world, route), foreign[role].ALL!);
      const where = `${label(route)} as the other portal's ${role}`;
      if (idParameters(route).length > 0) expect(response.statusCode, where).toBeGreaterThanOrEqual(400);
      expect(response.statusCode, where).toBeLessThan(500);
      expect(response.body, where).not.toContain(worldMarker);
    });
  }, 120_000);
});

describe('tokens holding the scope', () => {
  // Last: these calls reach the routes' rules and may change or delete the world.
  it("reach the route's rules, unless the route is for admins or the operator only", async () => {
    for (const route of routes) {
      const ids = idsFor(world, route);
      for (const role of matrixRoles) {
        for (const [name, scopes] of Object.entries(scopeCases)) {
          const promised = promisedOutcome(route, scopes, role);
          if (promised === 'scope refused') continue;
          const response = await callRoute(lectern, route, ids, own[role][name]!);
          // A deactivated person's tokens are refused: undo it at once, so the roles after it keep their tokens.
          if (route.operationId === 'deactivateEmployee') await reactivate(ids.erecno!);
          const where = `${label(route)} as ${role} with ${name}`;
          expect(response.statusCode, where).toBeLessThan(500);
          if (promised === 'role refused') {
            expect(response.statusCode, where).toBe(403);
            expect(response.json().code, where).toBe('403');
          } else {
            expect(response.statusCode, where).not.toBe(401);
            expect(response.statusCode === 403 && errorCode(response) === '7218', where).toBe(false);
          }
        }
      }
    }
  }, 120_000);
});
