/** How a trainer is shown (provisional: Zoho's pages show no trainer object). */
import { type EmployeeRow, photoUrl } from '../people/index.ts';

/** A trainer in that shape; `base` is where Lectern is reached (the photo's URL). */
export function presentTrainer(row: EmployeeRow, base: string) {
  return {
    trainerId: row.erecno,
    erecno: row.erecno,
    displayName: row.display_name,
    employeeId: row.employee_id,
    emailId: row.email_id,
    displayPictureURL: photoUrl(base, row),
    employeeStatus: row.status,
  };
}
