/**
 * The fuzzer's world: the authorization matrix's world (an object for every path parameter) in a portal of its own,
 * the same in a second portal whose ids the fuzzer sends as foreign ones, and tokens to send besides the admin's.
 */
import { createPortal, issueToken } from '../../../src/features/people/portal.service.ts';
import { buildMatrixWorld, type MatrixWorld } from '../authorization-matrix.ts';
import type { TestLectern } from '../test-app.ts';
import type { IdPools } from './schema-values.ts';

/** Ids of both portals, and the Authorization headers a request may carry. */
export interface FuzzWorld {
  home: MatrixWorld;
  foreign: MatrixWorld;
  ids: IdPools;
  homePortalId: string;
  foreignPortalId: string;
  /** The home portal admin's header, which most requests carry. */
  adminAuthorization: string;
  /** Other headers: a read-only token, a learner's, another family's scope, another portal's admin, garbage. */
  otherAuthorizations: string[];
}

function idsOf(world: MatrixWorld): string[] {
  const numeric = [...Object.values(world.selfPaced), ...Object.values(world.blended)].filter((id) => /^\d+$/.test(id));
  return [...new Set(numeric)];
}

/** A new demo portal of the lectern's store, seen as a TestLectern of its own (same app and clock). */
async function newPortal(lectern: TestLectern): Promise<TestLectern> {
  const created = await createPortal(lectern.app.lectern);
  const employees = await lectern.app.lectern.db
    .selectFrom('employees')
    .selectAll()
    .where('portal_id', '=', created.portal.id)
    .execute();
  employees.sort((a, b) => Number(a.employee_id) - Number(b.employee_id));
  return {
    ...lectern,
    portalId: created.portal.id,
    adminToken: created.token,
    adminErecno: created.adminErecno,
    employees,
    token: async (scopes, erecno) => {
      const full = scopes.map((scope) => (scope.includes('.') ? scope : `ZOHOPEOPLE.training.${scope}`));
      return (await issueToken(lectern.app.lectern, { portalId: created.portal.id, erecno, scopes: full })).token;
    },
  };
}

/**
 * Builds the world in two new portals of the lectern's store: the home portal the requests aim at, and a foreign one
 * whose ids they send. New portals each time, so that a world can be built again after a request deleted part of it.
 */
export async function buildFuzzWorld(lectern: TestLectern): Promise<FuzzWorld> {
  const homePortal = await newPortal(lectern);
  const foreignPortal = await newPortal(lectern);
  const home = await buildMatrixWorld(homePortal);
  const foreign = await buildMatrixWorld(foreignPortal);
  const learner = home.selfPaced.learnerId!;
  const header = (token: string) => lectern.auth(token).authorization;
  return {
    home,
    foreign,
    ids: { valid: idsOf(home), foreign: idsOf(foreign) },
    homePortalId: homePortal.portalId,
    foreignPortalId: foreignPortal.portalId,
    adminAuthorization: header(homePortal.adminToken),
    otherAuthorizations: [
      header(await homePortal.token(['READ'])),
      header(await homePortal.token(['ALL'], learner)),
      header(await homePortal.token(['ZOHOPEOPLE.forms.ALL'])),
      header(foreignPortal.adminToken),
      'Zoho-oauthtoken 1000.0000000000000000000000000000000000.ffffffffffffffffffffffffffffffff',
      'Bearer \u00e9\u00ff',
      'Zoho-oauthtoken',
    ],
  };
}

/** Path ids for an operation's path: the self-paced family's when they fill it, else the blended family's. */
export function homeIdsFor(world: FuzzWorld, names: readonly string[]): Record<string, string> {
  const { selfPaced, blended } = world.home;
  return names.every((name) => name in selfPaced) ? selfPaced : blended;
}

/** The same for the foreign portal. */
export function foreignIdsFor(world: FuzzWorld, names: readonly string[]): Record<string, string> {
  const { selfPaced, blended } = world.foreign;
  return names.every((name) => name in selfPaced) ? selfPaced : blended;
}
