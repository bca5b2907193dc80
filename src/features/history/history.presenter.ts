import { DateTime } from 'luxon';
import { dateInZone, displayDate, twelveHourText } from '../../dates.ts';
import { photoUrl } from '../people/index.ts';
import type { HistoryRow } from './history.repository.ts';
import type { Entry } from './history.schemas.ts';

/** `22-Dec-2021 10:00 AM` for an instant in a time zone. */
export function displayInstant(epochMs: number, timeZone: string): string {
  const { hour, minute } = DateTime.fromMillis(epochMs, { zone: timeZone });
  return `${displayDate(dateInZone(epochMs, timeZone))} ${twelveHourText(hour * 60 + minute)}`;
}

function person(
  erecno: string,
  name: string | null,
  employeeId: string | null,
  email: string | null,
  photo: { base: string; known: string | null; key: string | null | undefined },
) {
  return {
    erecno,
    displayName: name ?? '',
    employeeId: employeeId ?? '',
    emailId: email ?? '',
    displayPictureURL: photo.known === null ? '' : photoUrl(photo.base, { erecno, photo_key: photo.key }),
  };
}

function state(text: string | null): Record<string, unknown> | null {
  return text === null ? null : (JSON.parse(text) as Record<string, unknown>);
}

/** One row as an entry. */
export function presentHistoryRow(row: HistoryRow, base: string): Entry {
  const subject =
    row.subject_entity_type === null
      ? { kind: row.subject_kind, id: row.subject_id }
      : { kind: row.subject_kind, id: row.subject_id, entityType: Number(row.subject_entity_type) };
  const at = Number(row.at);
  return {
    historyId: String(row.id),
    type: row.type,
    courseId: row.course_id,
    batchId: row.batch_id,
    learner: person(row.erecno, row.learner_name, row.learner_employee_id, row.learner_email, {
      base,
      known: row.learner_known,
      key: row.learner_photo_key,
    }),
    by:
      row.by_erecno === null
        ? null
        : person(row.by_erecno, row.by_name, row.by_employee_id, row.by_email, {
            base,
            known: row.by_known,
            key: row.by_photo_key,
          }),
    at,
    atAsDisplayString: displayInstant(at, row.time_zone || 'UTC'),
    subject,
    before: state(row.before_state),
    after: state(row.after_state),
  };
}
