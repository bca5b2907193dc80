/** The rules every write of a person keeps: e-mails and employee ids unique in the portal, managers without cycles. */
import type { Db, EmployeeTable } from '../../db/database.ts';
import { invalidInput, LmsError } from '../../errors.ts';
import * as lifecycle from './people-lifecycle.repository.ts';

/** 409 naming the field whose value someone else holds. */
export function clash(parameter: string, message: string): LmsError {
  return new LmsError(409, '409', `Conflict: ${message}`, parameter);
}

/**
 * Refuses (409) a row whose e-mail (in any case) or employee id another person of the portal holds, or that two of
 * the rows share; one query. `prefix` names rows of a list (`employees.`), `except` is the person being edited.
 */
export async function checkUnique(
  db: Db,
  portalId: string,
  rows: readonly Pick<EmployeeTable, 'email_id' | 'employee_id'>[],
  except: string | undefined,
  prefix: string,
): Promise<void> {
  const at = (index: number, field: string) => (prefix === '' ? field : `${prefix}${index}.${field}`);
  const seenEmails = new Map<string, number>();
  const seenIds = new Map<string, number>();
  rows.forEach((row, index) => {
    const emailKey = row.email_id.toLowerCase();
    const earlier = seenEmails.get(emailKey);
    if (earlier !== undefined)
      throw clash(at(index, 'emailId'), `e-mail ${row.email_id} is also ${prefix}${earlier}'s`);
    seenEmails.set(emailKey, index);
    const earlierId = seenIds.get(row.employee_id);
    if (earlierId !== undefined) {
      throw clash(at(index, 'employeeId'), `employee id ${row.employee_id} is also ${prefix}${earlierId}'s`);
    }
    seenIds.set(row.employee_id, index);
  });
  const holders = await lifecycle.findHolders(
    db,
    portalId,
    { emails: [...seenEmails.keys()], employeeIds: [...seenIds.keys()] },
    except,
  );
  rows.forEach((row, index) => {
    const email = holders.find((holder) => holder.email_id.toLowerCase() === row.email_id.toLowerCase());
    if (email !== undefined) {
      throw clash(at(index, 'emailId'), `employee ${email.erecno} already has the e-mail ${row.email_id}`);
    }
    const id = holders.find((holder) => holder.employee_id === row.employee_id);
    if (id !== undefined) {
      throw clash(at(index, 'employeeId'), `employee ${id.erecno} already has the employee id ${row.employee_id}`);
    }
  });
}

/** Refuses a manager that would make `erecno` their own manager, directly or up the chain; one query. */
export async function checkNoManagerCycle(db: Db, portalId: string, erecno: string, manager: string): Promise<void> {
  if (manager === erecno) throw invalidInput('managerErecno', 'a person cannot be their own manager');
  const links = await lifecycle.findManagerLinks(db, portalId);
  const managerOf = new Map(links.map((link) => [link.erecno, link.manager_erecno]));
  if (!managerOf.has(manager)) throw invalidInput('managerErecno', `no employee with erecno ${manager}`);
  const seen = new Set<string>();
  for (let current: string | null | undefined = manager; current; current = managerOf.get(current)) {
    if (current === erecno) {
      throw invalidInput('managerErecno', `${manager} reports to ${erecno} (directly or through others): a cycle`);
    }
    if (seen.has(current)) break; // a cycle stored before these checks existed; not this edit's doing
    seen.add(current);
  }
}
