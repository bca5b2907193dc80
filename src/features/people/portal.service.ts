/** Creating portals (with the demo data) and tokens for their people. */
import type { AppContext } from '../../context.ts';
import type { Db, PortalTable } from '../../db/database.ts';
import { invalidInput, notFound } from '../../errors.ts';
import { scopeNames } from './caller.ts';
import { buildDemoPortal, buildEmptyPortal } from './demo-portal.ts';
import {
  findEmployee,
  findFirstPortal,
  findPortalAdmin,
  findPortalTimeZone,
  insertEmployees,
  insertPortal,
} from './people.repository.ts';
import { generateToken, insertToken } from './token.repository.ts';

/** A portal just made, with its admin's token. */
export interface CreatedPortal {
  portal: PortalTable;
  adminErecno: string;
  token: string;
}

async function insertDemoPortal(context: AppContext, db: Db, urlName: string, name?: string) {
  const demo = buildDemoPortal(context.ids, urlName, context.clock.now(), name);
  await insertPortal(db, demo.portal);
  await insertEmployees(db, demo.employees);
  await db.insertInto('locations').values(demo.locations).execute();
  await db.insertInto('rooms').values(demo.rooms).execute();
  await db.insertInto('categories').values(demo.categories).execute();
  return demo;
}

/** Makes a fresh, isolated demo portal and a full-scope token of its admin, in one transaction. */
export async function createPortal(context: AppContext, options: { name?: string } = {}): Promise<CreatedPortal> {
  return context.db.transaction().execute(async (trx) => {
    // Ids are unique, so a URL name made of the whole id is too.
    const urlName = `portal${context.ids.next()}`;
    const demo = await insertDemoPortal(context, trx, urlName, options.name);
    const admin = demo.employees.find((employee) => employee.is_admin === 1)!;
    const token = generateToken();
    await insertToken(trx, {
      value: token,
      portalId: demo.portal.id,
      erecno: admin.erecno,
      scopes: ['ZOHOPEOPLE.training.ALL'],
      isOperator: false,
      now: context.clock.now(),
    });
    return { portal: demo.portal, adminErecno: admin.erecno, token };
  });
}

async function insertEmptyPortal(context: AppContext, db: Db): Promise<PortalTable> {
  const empty = buildEmptyPortal(context.ids, context.clock.now());
  await insertPortal(db, empty.portal);
  await insertEmployees(db, [empty.administrator]);
  return empty.portal;
}

/**
 * The default portal: the first one. An empty store gets the demo portal, or, when `demo` is off, a portal with
 * nobody but its Administrator (so that a first token can be made).
 */
export async function ensureDefaultPortal(context: AppContext, demo: boolean): Promise<PortalTable> {
  const existing = await findFirstPortal(context.db);
  if (existing !== undefined) return existing;
  try {
    return await context.db
      .transaction()
      .execute(async (trx) =>
        demo ? (await insertDemoPortal(context, trx, 'zylker')).portal : insertEmptyPortal(context, trx),
      );
  } catch (error) {
    // Another process starting on the same empty store won the race (the portal's URL name is unique).
    const winner = await findFirstPortal(context.db);
    if (winner === undefined) throw error;
    return winner;
  }
}

/** Checks a scope list: every item one of the five `ZOHOPEOPLE.training.*` names. */
export function validateScopes(scopes: unknown, parameter: string): string[] {
  if (!Array.isArray(scopes) || scopes.length === 0) {
    throw invalidInput(parameter, `must be a non-empty list of ${scopeNames.join(', ')}`);
  }
  for (const scope of scopes) {
    if (typeof scope !== 'string' || !scopeNames.includes(scope)) {
      throw invalidInput(parameter, `unknown scope ${JSON.stringify(scope)}; use ${scopeNames.join(', ')}`);
    }
  }
  return [...new Set(scopes as string[])];
}

/** Issues a token for an employee of the portal (its admin when no erecno is given). */
export async function issueToken(
  context: AppContext,
  request: { portalId: string; erecno?: string; scopes: string[]; isOperator?: boolean; value?: string },
): Promise<{ token: string; erecno: string }> {
  const employee =
    request.erecno === undefined
      ? await findPortalAdmin(context.db, request.portalId)
      : await findEmployee(context.db, request.portalId, request.erecno);
  if (employee === undefined) throw notFound('employee', request.erecno ?? '(portal admin)');
  const token = request.value ?? generateToken();
  await insertToken(context.db, {
    value: token,
    portalId: request.portalId,
    erecno: employee.erecno,
    scopes: request.scopes,
    isOperator: request.isOperator ?? false,
    now: context.clock.now(),
  });
  return { token, erecno: employee.erecno };
}

/** A portal's time zone: "today" for locks and dates, and the wall clock of session times. */
export function portalTimeZone(db: Db, portalId: string): Promise<string> {
  return findPortalTimeZone(db, portalId);
}
