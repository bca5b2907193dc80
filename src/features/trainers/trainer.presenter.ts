/** How a trainer is shown (provisional: Zoho's pages show no trainer object). */
import { Type } from '@sinclair/typebox';
import type { EmployeeRow } from '../people/index.ts';

/** A trainer: the person as Zoho shows people elsewhere, led by trainerId (the erecno) and with their status. */
export const TrainerSchema = Type.Object({
  trainerId: Type.String({ description: 'The erecno; the id the trainer paths take' }),
  erecno: Type.String(),
  displayName: Type.String(),
  employeeId: Type.String(),
  emailId: Type.String(),
  displayPictureURL: Type.String(),
  employeeStatus: Type.Union([Type.Literal('active'), Type.Literal('inactive')]),
});

/** A trainer in that shape. */
export function presentTrainer(row: EmployeeRow) {
  return {
    trainerId: row.erecno,
    erecno: row.erecno,
    displayName: row.display_name,
    employeeId: row.employee_id,
    emailId: row.email_id,
    displayPictureURL: row.photo_url,
    employeeStatus: row.status,
  };
}
