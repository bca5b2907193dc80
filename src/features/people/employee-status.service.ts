/** A person's status as the control plane changes it, inside the caller's transaction (commands/person-status.ts). */
import type { Caller } from '../../access/index.ts';
import type { AppContext } from '../../context.ts';
import type { Db } from '../../db/database.ts';
import { forbidden, notFound } from '../../errors.ts';
import type { EmployeeRow } from './people.repository.ts';
import * as lifecycle from './people-lifecycle.repository.ts';

/**
 * Sets a person of the caller's portal active or inactive, locked for the transaction; answers the row as it was
 * before. An admin cannot deactivate themselves (the portal would lose the admin making the change).
 */
export async function setEmployeeStatus(
  db: Db,
  context: AppContext,
  caller: Caller,
  erecno: string,
  status: EmployeeRow['status'],
): Promise<EmployeeRow> {
  const row = await lifecycle.findEmployeeForChange(db, context.dialect, caller.portalId, erecno);
  if (row === undefined) throw notFound('employee', erecno);
  if (status === 'inactive' && erecno === caller.erecno) {
    throw forbidden('a person cannot deactivate themselves; another admin may');
  }
  if (row.status !== status) {
    await lifecycle.updateEmployee(db, caller.portalId, erecno, {
      status,
      modified_by: caller.erecno,
      modified_at: context.clock.now(),
    });
  }
  return row;
}
