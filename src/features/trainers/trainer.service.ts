/** The Trainer API's rules: LMS admins add and remove the trainer role; anyone in the portal may read trainers. */

import type { Caller } from '../../access/index.ts';
import type { AppContext } from '../../context.ts';
import { dateInZone, twelveHourText, zohoDateText } from '../../dates.ts';
import { forbidden, invalidInput, notFound, stateError } from '../../errors.ts';
import { type EmployeeRow, findEmployees, portalTimeZone } from '../people/index.ts';
import { findNextSessionOfTrainer } from '../sessions/index.ts';
import * as repository from './trainer.repository.ts';

function requireAdmin(caller: Caller, action: string): void {
  if (!caller.isAdmin) throw forbidden(`only LMS admins may ${action}`);
}

/** Makes active employees of the portal trainers; answers them in the order named (those already trainers too). */
export async function addTrainers(context: AppContext, caller: Caller, erecnos: string[]): Promise<EmployeeRow[]> {
  requireAdmin(caller, 'add trainers');
  return context.db.transaction().execute(async (trx) => {
    const found = await findEmployees(trx, caller.portalId, erecnos);
    const people = erecnos.map((erecno) => {
      const person = found.find((employee) => employee.erecno === erecno);
      if (person === undefined) throw invalidInput('erecnosList', `no employee with erecno ${erecno} in this portal`);
      if (person.status !== 'active') {
        throw invalidInput('erecnosList', `${person.display_name} (${erecno}) is inactive and cannot become a trainer`);
      }
      return { ...person, is_trainer: 1 };
    });
    await repository.setTrainerFlag(trx, caller.portalId, erecnos, true);
    return people;
  });
}

/** One trainer of the caller's portal; trainerId is the trainer's erecno. */
export async function getTrainer(context: AppContext, caller: Caller, trainerId: string): Promise<EmployeeRow> {
  const trainer = await repository.findTrainer(context.db, caller.portalId, trainerId);
  if (trainer === undefined) throw notFound('trainer', trainerId);
  return trainer;
}

/** A page of the portal's trainers. */
export async function listTrainers(
  context: AppContext,
  caller: Caller,
  filter: { status: EmployeeRow['status']; order: 'asc' | 'desc' },
  startIndex: number,
  limit: number,
): Promise<EmployeeRow[]> {
  return repository.listTrainers(context.db, { ...filter, portalId: caller.portalId }, startIndex, limit);
}

/**
 * Takes the trainer role away. Refused while the trainer has sessions today or later (in the portal's time zone):
 * move those sessions to another trainer first. Past sessions keep their trainer.
 */
export async function removeTrainer(context: AppContext, caller: Caller, trainerId: string): Promise<void> {
  requireAdmin(caller, 'remove trainers');
  await context.db.transaction().execute(async (trx) => {
    const trainer = await repository.findTrainer(trx, caller.portalId, trainerId, context.dialect);
    if (trainer === undefined) throw notFound('trainer', trainerId);
    const today = dateInZone(context.clock.now(), await portalTimeZone(trx, caller.portalId));
    const next = await findNextSessionOfTrainer(trx, caller.portalId, trainerId, today);
    if (next !== undefined) {
      const more = next.upcoming > 1 ? ` and ${next.upcoming - 1} more` : '';
      throw stateError(
        'TRAINER_HAS_UPCOMING_SESSIONS',
        `${trainer.display_name} (${trainerId}) trains session "${next.name}" (id ${next.id}) on ` +
          `${zohoDateText(next.date)} at ${twelveHourText(next.start_minute)}${more}; ` +
          'give those sessions another trainer before removing this one',
      );
    }
    await repository.setTrainerFlag(trx, caller.portalId, [trainerId], false);
  });
}
