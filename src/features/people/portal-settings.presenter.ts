/** A portal's settings columns as the settings object. Pure. */
import type { Static } from '@sinclair/typebox';
import { type DateFormat, defaultDateFormat, isDateFormat } from '../../dates.ts';
import { notificationDefaultsOf } from '../../notification-defaults.ts';
import type { PortalSettingsRow } from './portal-settings.repository.ts';
import type { PortalSettingsSchema, weekDays } from './portal-settings.schemas.ts';

/** The settings object of a portal row. */
export function presentPortalSettings(row: PortalSettingsRow): Static<typeof PortalSettingsSchema> {
  const dateFormat: DateFormat = isDateFormat(row.date_format) ? row.date_format : defaultDateFormat;
  return {
    portalId: row.id,
    name: row.name,
    timeZone: row.time_zone || 'UTC',
    dateFormat,
    weekStart: row.week_start as (typeof weekDays)[number],
    mailSender:
      row.mail_sender_address === null ? null : { name: row.mail_sender_name ?? '', address: row.mail_sender_address },
    notificationDefaults: { ...notificationDefaultsOf(row.notification_defaults) },
  };
}
