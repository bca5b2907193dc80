/** How a trainer is shown (provisional: Zoho's pages show no trainer object). */
import type { EmployeeRow } from '../people/index.ts';

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
