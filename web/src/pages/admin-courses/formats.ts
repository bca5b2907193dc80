/** Conversions between the API's texts (DD-MM-YYYY, 10:00 AM) and the browser's inputs (YYYY-MM-DD, 10:00). */

/** `22-12-2026` to `2026-12-22`; '' for anything else. */
export function isoFromZoho(date: string): string {
  const match = /^(\d{2})-(\d{2})-(\d{4})$/.exec(date.trim());
  return match === null ? '' : `${match[3]}-${match[2]}-${match[1]}`;
}

/** `2026-12-22` to `22-12-2026`. */
export function zohoFromIso(date: string): string {
  const [year, month, day] = date.split('-');
  return `${day}-${month}-${year}`;
}

/** `10:00 AM` / `02:30 PM` to `10:00` / `14:30`; '' for anything else. */
export function time24FromZoho(time: string): string {
  const match = /^(\d{1,2}):(\d{2})\s*([AaPp][Mm])$/.exec(time.trim());
  if (match === null) return '';
  let hour = Number(match[1]) % 12;
  if (match[3]!.toUpperCase() === 'PM') hour += 12;
  return `${String(hour).padStart(2, '0')}:${match[2]}`;
}

/** `14:30` to `02:30 PM`. */
export function zohoFromTime24(time: string): string {
  const [hourText, minute] = time.split(':');
  const hour = Number(hourText);
  const half = hour >= 12 ? 'PM' : 'AM';
  const twelve = hour % 12 === 0 ? 12 : hour % 12;
  return `${String(twelve).padStart(2, '0')}:${minute} ${half}`;
}

/** A Date's local calendar day as `2026-12-22` (the calendar shows sessions in the portal's wall-clock time). */
export function isoDateOf(date: Date): string {
  const pad = (value: number) => String(value).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/** A Date's local time as `14:30`. */
export function time24Of(date: Date): string {
  return `${String(date.getHours()).padStart(2, '0')}:${String(date.getMinutes()).padStart(2, '0')}`;
}

/** The course types the Course API takes. */
export const courseTypes = [
  { value: '1', label: 'Self paced' },
  { value: '2', label: 'Blended learning' },
  { value: '3', label: 'E-material' },
] as const;
