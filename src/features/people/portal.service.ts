/** Creating portals (with the demo data) and tokens for their people. */

import { validateScopes as validateScopeNames } from '../../access/index.ts';
import { type PortalTime, serverTime } from '../../clock.ts';
import type { AppContext } from '../../context.ts';
import type { Db, PortalTable } from '../../db/database.ts';
import { notFound } from '../../errors.ts';
import { buildDemoPortal } from './demo-portal.ts';
import { insertOrganisationPortal } from './organisation.service.ts';
import { type PortalCreationStep, unnamedOrganisation } from './organisation-portal.ts';
import type { EmployeeRow } from './people.repository.ts';
import {
  findEmployee,
  findFirstPortal,
  findPortalAdmin,
  findPortalById,
  findPortalDemo,
  findPortalSummary as findPortalSummaryRow,
  findPortalTime,
  findPortalTimeZone,
  insertEmployees,
  insertPortal,
  insertPortalFixtures,
} from './people.repository.ts';
import { findTokenByValue, generateToken, insertToken } from './token.repository.ts';

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
  await insertPortalFixtures(db, demo);
  return demo;
}

export type { PortalCreationStep } from './organisation-portal.ts';

/** Makes a fresh, isolated demo portal and a full-scope token of its admin, in one transaction. */
export async function createPortal(
  context: AppContext,
  options: { name?: string; lastStep?: PortalCreationStep } = {},
): Promise<CreatedPortal> {
  return context.db.transaction().execute(async (trx) => {
    // Ids are unique, so a URL name made of the whole id is too.
    const urlName = `portal${context.ids.next()}`;
    const demo = await insertDemoPortal(context, trx, urlName, options.name);
    const admin = demo.employees.find((employee) => employee.is_admin === 1)!;
    const token = generateToken();
    await insertToken(trx, {
      id: context.ids.next(),
      value: token,
      portalId: demo.portal.id,
      erecno: admin.erecno,
      scopes: ['ZOHOPEOPLE.training.ALL'],
      isOperator: false,
      now: context.clock.now(),
    });
    await options.lastStep?.(trx, demo.portal.id);
    return { portal: demo.portal, adminErecno: admin.erecno, token };
  });
}

/**
 * The default portal: the first one. An empty store gets the demo portal, or, when `demo` is off, the same
 * organisation portal `lectern init` makes (not demo), named Lectern, with nobody but its Administrator (so that a
 * first token can be made).
 */
export async function ensureDefaultPortal(
  context: AppContext,
  demo: boolean,
  lastStep?: PortalCreationStep,
): Promise<PortalTable> {
  const existing = await findFirstPortal(context.db);
  if (existing !== undefined) return existing;
  try {
    return await context.db.transaction().execute(async (trx) => {
      const portal = demo
        ? (await insertDemoPortal(context, trx, 'zylker')).portal
        : (await insertOrganisationPortal(context, trx, unnamedOrganisation)).portal;
      await lastStep?.(trx, portal.id);
      return portal;
    });
  } catch (error) {
    // Another process starting on the same empty store won the race (the portal's URL name is unique).
    const winner = await findFirstPortal(context.db);
    if (winner === undefined) throw error;
    return winner;
  }
}

/** Checks a scope list: every item a scope Zoho names (access/scopes.ts), in any case (Zoho's clients differ). */
export function validateScopes(scopes: unknown, parameter: string): string[] {
  return validateScopeNames(scopes, parameter);
}

/** What issueToken made: the value (shown once), its public id, whose it is and when it expires. */
export interface IssuedToken {
  token: string;
  tokenId: string;
  erecno: string;
  expiresAt: number | null;
}

/**
 * Issues a token for an employee of the portal (its admin when no erecno is given). No rule limits what it grants:
 * callers that act for someone (the API) check that first, see token.service.ts.
 */
export async function issueToken(
  context: AppContext,
  request: {
    portalId: string;
    erecno?: string;
    scopes: string[];
    isOperator?: boolean;
    value?: string;
    expiresAt?: number | null;
    mintedBy?: string | null;
    oauth?: { clientId: string; kind: 'access' | 'refresh' } | null;
  },
  db: Db = context.db,
): Promise<IssuedToken> {
  const employee =
    request.erecno === undefined
      ? await findPortalAdmin(db, request.portalId)
      : await findEmployee(db, request.portalId, request.erecno);
  if (employee === undefined) throw notFound('employee', request.erecno ?? '(portal admin)');
  const token = request.value ?? generateToken();
  const tokenId = context.ids.next();
  const expiresAt = request.expiresAt ?? null;
  await insertToken(db, {
    id: tokenId,
    value: token,
    portalId: request.portalId,
    erecno: employee.erecno,
    scopes: request.scopes,
    isOperator: request.isOperator ?? false,
    now: context.clock.now(),
    expiresAt,
    mintedBy: request.mintedBy ?? null,
    oauth: request.oauth ?? null,
  });
  return { token, tokenId, erecno: employee.erecno, expiresAt };
}

/** A portal's first admin, whom the command line acts as (feeds made with `lectern feed`), or undefined. */
export function portalAdmin(db: Db, portalId: string): Promise<EmployeeRow | undefined> {
  return findPortalAdmin(db, portalId);
}

/** A portal's time zone: "today" for locks and dates, and the wall clock of session times. */
export function portalTimeZone(db: Db, portalId: string): Promise<string> {
  return findPortalTimeZone(db, portalId);
}

/**
 * Runs `task` on the portal's own clock (the control room may have moved it), as that portal's requests run: for
 * work that learns its portal only from what it reads (an OAuth client, a grant code), not from a token.
 */
export async function onPortalClock<T>(context: AppContext, portalId: string, task: () => Promise<T>): Promise<T> {
  return context.clock.runIn((await findPortalTime(context.db, portalId)) ?? serverTime, task);
}

/** A portal's clock as the control room set it, or undefined when there is no such portal. */
export function portalClockSetting(db: Db, portalId: string): Promise<PortalTime | undefined> {
  return findPortalTime(db, portalId);
}

/** Whether the portal holds the demo data (anyone may act as its people); undefined when there is no such portal. */
export function portalHoldsDemoData(db: Db, portalId: string): Promise<boolean | undefined> {
  return findPortalDemo(db, portalId);
}

/** A portal's id, name and whether it is a demo portal (the one named, or the first); undefined when there is none. */
export async function findPortalSummary(
  db: Db,
  portalId?: string,
): Promise<{ id: string; name: string; demo: boolean } | undefined> {
  const row = await findPortalSummaryRow(db, portalId);
  return row === undefined ? undefined : { id: row.id, name: row.name, demo: row.demo === 1 };
}

/** True when a portal with this id exists. */
export async function portalExists(db: Db, portalId: string): Promise<boolean> {
  return (await findPortalById(db, portalId)) !== undefined;
}

/** True when the store holds a portal (so start-up knows whether it is making the first one). */
export async function hasPortal(db: Db): Promise<boolean> {
  return (await findFirstPortal(db)) !== undefined;
}

/** Installs a known token value (LECTERN_BOOTSTRAP_TOKEN) as an operator token of the portal, unless it exists. */
export async function installOperatorToken(context: AppContext, portalId: string, value: string): Promise<void> {
  if ((await findTokenByValue(context.db, value)) !== undefined) return;
  await issueToken(context, { portalId, scopes: ['ZOHOPEOPLE.training.ALL'], isOperator: true, value });
}
