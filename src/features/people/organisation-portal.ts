/** An organisation's portal: no demo data, one person (its first admin); what `lectern init` and --no-demo make. */
import type { Db, EmployeeTable, PortalTable } from '../../db/database.ts';
import type { IdGenerator } from '../../ids.ts';

/** Work that must commit with a new portal (the control room's `initial` snapshot), run last in its transaction. */
export type PortalCreationStep = (db: Db, portalId: string) => Promise<void>;

/** Who and what an organisation portal starts with. */
export interface Organisation {
  name: string;
  adminName: string;
  adminEmail: string;
  /** IANA time zone (checked by the caller). */
  timeZone: string;
}

/** What `serve --no-demo` makes when nobody named the organisation: a portal called Lectern and its Administrator. */
export const unnamedOrganisation: Organisation = Object.freeze({
  name: 'Lectern',
  adminName: 'Administrator',
  adminEmail: 'administrator@lectern.example.com',
  timeZone: 'UTC',
});

/** The portal's URL name from its name: `Acme Corp.` -> `acme-corp`; `lectern` when nothing usable is left. */
export function urlNameOf(name: string): string {
  const slug = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 50)
    .replace(/-+$/, '');
  return slug === '' ? 'lectern' : slug;
}

/** The rows of an organisation portal with fresh ids; the caller inserts them. */
export function buildOrganisationPortal(
  ids: IdGenerator,
  now: number,
  organisation: Organisation,
): { portal: PortalTable; administrator: EmployeeTable } {
  const portal: PortalTable = {
    id: ids.next(),
    name: organisation.name,
    url_name: urlNameOf(organisation.name),
    time_zone: organisation.timeZone,
    created_at: now,
    // A new portal keeps the server's time until the control room sets its clock.
    clock_offset_ms: 0,
    clock_fixed_at: null,
    demo: 0,
  };
  const erecno = ids.next();
  const [firstName, ...lastNames] = organisation.adminName.split(/\s+/);
  const administrator: EmployeeTable = {
    erecno,
    portal_id: portal.id,
    employee_id: '1',
    display_name: organisation.adminName,
    email_id: organisation.adminEmail,
    photo_url: '', // computed when shown: the people feature's photoUrl
    manager_erecno: null,
    status: 'active',
    is_admin: 1,
    is_settings_admin: 1,
    is_data_admin: 1,
    is_trainer: 0,
    first_name: firstName ?? organisation.adminName,
    last_name: lastNames.join(' '),
    created_at: now,
    modified_at: now,
  };
  return { portal, administrator };
}
