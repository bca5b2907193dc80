/** `lectern people list|add|update|deactivate|reactivate`: a portal's people, on the store directly. */

import type { Caller } from '../access/index.ts';
import { serverTime } from '../clock.ts';
import { deactivatePerson, reactivatePerson } from '../commands/person-status.ts';
import type { Config } from '../config.ts';
import type { AppContext } from '../context.ts';
import { defaultDateFormat } from '../dates.ts';
import { issuePasswordLink } from '../features/accounts/index.ts';
import { addEmployees, type EmployeeRow, listEmployees, rolesOf, updateEmployee } from '../features/people/index.ts';
import { isNumericId } from '../ids.ts';
import { lecternNotificationDefaults } from '../notification-defaults.ts';
import { CliError, usageExitCode } from './cli-error.ts';
import { inStorePortal } from './store-options.ts';

/** The options every people command takes. */
export interface PeopleOptions {
  portalId?: string;
}

/** The fields `people add` and `people update` take. */
export interface PersonOptions extends PeopleOptions {
  name?: string;
  email?: string;
  employeeId?: string;
  manager?: string;
  roles?: string;
  firstName?: string;
  lastName?: string;
  department?: string;
  designation?: string;
}

function idArgument(value: string | undefined, name: string): string | undefined {
  if (value !== undefined && !isNumericId(value)) {
    throw new CliError(`${name} must be digits only, got "${value}"`, usageExitCode);
  }
  return value;
}

/** The CLI acts as the store's operator inside the portal it names: an admin who is no one in particular. */
function cliCaller(portalId: string): Caller {
  return {
    portalId,
    portalUrlName: '',
    portalTime: serverTime,
    portalHoldsDemo: false,
    portalDateFormat: defaultDateFormat,
    notificationDefaults: lecternNotificationDefaults,
    erecno: '',
    tokenHash: '',
    tokenId: '',
    tokenExpiresAt: null,
    scopes: new Set(['ZOHOPEOPLE.training.ALL']),
    isOperator: true,
    isAdmin: true,
    isSettingsAdmin: true,
    isDataAdmin: true,
    isTrainer: false,
  };
}

/** Runs the work in the named portal (default the first) as the CLI's caller; a refusal is one line, exit 2. */
function inPortal<T>(
  config: Config,
  options: PeopleOptions,
  work: (context: AppContext, caller: Caller) => Promise<T>,
): Promise<T> {
  return inStorePortal(config, options.portalId, (context, portalId) => work(context, cliCaller(portalId)));
}

function line(row: EmployeeRow): string {
  return `${[row.erecno, row.employee_id, row.status, row.email_id, row.display_name, rolesOf(row).join(',')].join('\t')}\n`;
}

function roleList(roles: string | undefined): string[] | undefined {
  return roles
    ?.split(',')
    .map((role) => role.trim())
    .filter((role) => role !== '');
}

/** `people list`: one line a person: erecno, employee id, status, e-mail, name, roles. */
export async function listPeopleCommand(config: Config, options: PeopleOptions): Promise<string> {
  return inPortal(config, options, async (context, caller) => {
    const lines: string[] = [];
    for (let startIndex = 0; ; startIndex += 1000) {
      const rows = await listEmployees(context.db, caller.portalId, startIndex, 1000);
      lines.push(...rows.map(line));
      if (rows.length < 1000) return lines.join('');
    }
  });
}

/** `people add --name --email [...]`: prints the new person's line. */
export async function addPersonCommand(config: Config, options: PersonOptions): Promise<string> {
  return inPortal(config, options, async (context, caller) => {
    const input = {
      displayName: options.name,
      emailId: options.email,
      employeeId: options.employeeId,
      managerErecno: idArgument(options.manager, '--manager'),
      roles: roleList(options.roles),
    };
    const [row] = await addEmployees(context, caller.portalId, [input]);
    return line(row!);
  });
}

/** `people update <erecno> [--name ...]`: prints the person's line as it now is. */
export async function updatePersonCommand(config: Config, erecno: string, options: PersonOptions): Promise<string> {
  const id = idArgument(erecno, 'the erecno')!;
  const fields: Record<string, unknown> = {
    displayName: options.name,
    emailId: options.email,
    employeeId: options.employeeId,
    managerErecno: options.manager === '' ? null : idArgument(options.manager, '--manager'),
    roles: roleList(options.roles),
    firstName: options.firstName,
    lastName: options.lastName,
    departmentId: options.department === '' ? null : idArgument(options.department, '--department'),
    designationId: options.designation === '' ? null : idArgument(options.designation, '--designation'),
  };
  const changes = Object.fromEntries(Object.entries(fields).filter(([, value]) => value !== undefined));
  if (Object.keys(changes).length === 0) {
    throw new CliError('name something to change: --name, --email, --employee-id, --manager, --roles, ...', 2);
  }
  return inPortal(config, options, async (context, caller) => line(await updateEmployee(context, caller, id, changes)));
}

/** `people deactivate <erecno>` and `people reactivate <erecno>`: prints the person's line and waitlists left. */
export async function changeStatusCommand(
  config: Config,
  erecno: string,
  action: 'deactivate' | 'reactivate',
  options: PeopleOptions,
): Promise<string> {
  const id = idArgument(erecno, 'the erecno')!;
  return inPortal(config, options, async (context, caller) => {
    const change = action === 'deactivate' ? deactivatePerson : reactivatePerson;
    const result = await change(context, caller, id);
    const left = result.leftWaitlists.map((place) => `left the waitlist of ${place.batchId ?? place.courseId}\n`);
    return line(result.person) + left.join('');
  });
}

/** `people password-link --erecno <n>`: prints a single-use link (7 days) with which the person sets a password. */
export async function passwordLinkCommand(
  config: Config,
  options: PeopleOptions & { erecno?: string },
): Promise<string> {
  const erecno = idArgument(options.erecno, '--erecno');
  if (erecno === undefined) throw new CliError('--erecno is required', usageExitCode);
  const base = config.publicUrl ?? `http://${config.host}:${config.port}`;
  return inPortal(config, options, async (context, caller) => {
    const link = await issuePasswordLink(context, caller.portalId, erecno, { kind: 'invite', base, send: false });
    return `${link}\n`;
  });
}
