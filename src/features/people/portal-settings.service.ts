/**
 * A portal's settings: name, time zone (IANA, in portals.time_zone where every reader of "today" looks), date
 * format, week start, e-mail sender and notification defaults. Read by any token of the portal, changed by its admin;
 * every field is checked before anything is written, and a bad one is a 400 naming it.
 */

import type { Static } from '@sinclair/typebox';
import type { AppContext } from '../../context.ts';
import { dateFormats, ianaTimeZone, isDateFormat } from '../../dates.ts';
import { invalidInput, notFound } from '../../errors.ts';
import { notificationDefaultsOf, notificationKinds } from '../../notification-defaults.ts';
import { presentPortalSettings } from './portal-settings.presenter.ts';
import { findPortalSettings, type PortalSettingsRow, updatePortalSettingsRow } from './portal-settings.repository.ts';
import { type PortalSettingsSchema, weekDays } from './portal-settings.schemas.ts';

/** The settings object. */
export type PortalSettings = Static<typeof PortalSettingsSchema>;

/** The longest portal or person name Lectern keeps. */
export const maxNameLength = 100;

const emailPattern = /^[^\s@<>",]+@[^\s@<>",]+\.[^\s@<>",]+$/;
const settingKeys = ['name', 'timeZone', 'dateFormat', 'weekStart', 'mailSender', 'notificationDefaults'];

/** A trimmed, non-empty name of at most maxNameLength characters without line breaks, or a 400 naming the field. */
export function checkName(value: unknown, parameter: string): string {
  if (typeof value !== 'string') throw invalidInput(parameter, 'must be a text');
  const name = value.trim();
  if (name === '') throw invalidInput(parameter, 'must not be empty');
  if (name.length > maxNameLength) throw invalidInput(parameter, `must be at most ${maxNameLength} characters`);
  if (/[\r\n]/.test(name)) throw invalidInput(parameter, 'must be one line');
  return name;
}

/** An e-mail address (at most 254 characters), or a 400 naming the field. */
export function checkEmailAddress(value: unknown, parameter: string): string {
  if (typeof value !== 'string') throw invalidInput(parameter, 'must be an e-mail address');
  const address = value.trim();
  if (address.length > 254 || !emailPattern.test(address)) {
    throw invalidInput(
      parameter,
      `must be an e-mail address such as training@example.com, got ${JSON.stringify(value)}`,
    );
  }
  return address;
}

/** An IANA time zone, its case put right (`europe/paris` -> `Europe/Paris`), or a 400. */
export function checkTimeZone(value: unknown, parameter: string): string {
  const zone = typeof value === 'string' ? ianaTimeZone(value.trim()) : null;
  if (zone !== null) return zone;
  throw invalidInput(parameter, `must be an IANA time zone such as Europe/Berlin or UTC, got ${JSON.stringify(value)}`);
}

function checkMailSender(value: unknown): Pick<PortalSettingsRow, 'mail_sender_name' | 'mail_sender_address'> {
  if (value === null) return { mail_sender_name: null, mail_sender_address: null };
  if (typeof value !== 'object' || Array.isArray(value)) {
    throw invalidInput('mailSender', 'must be an object {"name": ..., "address": ...} or null');
  }
  const sender = value as Record<string, unknown>;
  const unknown = Object.keys(sender).find((key) => key !== 'name' && key !== 'address');
  if (unknown !== undefined) throw invalidInput(`mailSender.${unknown}`, 'is not a setting: use name and address');
  return {
    mail_sender_name: sender.name === undefined || sender.name === '' ? '' : checkName(sender.name, 'mailSender.name'),
    mail_sender_address: checkEmailAddress(sender.address, 'mailSender.address'),
  };
}

function checkNotificationDefaults(value: unknown, stored: string | null): string {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw invalidInput('notificationDefaults', `must be an object of booleans: ${notificationKinds.join(', ')}`);
  }
  const merged: Record<string, boolean> = { ...notificationDefaultsOf(stored) };
  for (const [key, flag] of Object.entries(value)) {
    if (!(notificationKinds as readonly string[]).includes(key)) {
      throw invalidInput(`notificationDefaults.${key}`, `is not a setting: use ${notificationKinds.join(', ')}`);
    }
    if (typeof flag !== 'boolean') throw invalidInput(`notificationDefaults.${key}`, 'must be true or false');
    merged[key] = flag;
  }
  return JSON.stringify(merged);
}

/** The changes a PATCH body asks for, every field checked; nothing is written by this. */
function changesOf(body: unknown, current: PortalSettingsRow): Partial<Omit<PortalSettingsRow, 'id'>> {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    throw invalidInput('settings', `must be a JSON object of settings: ${settingKeys.join(', ')}`);
  }
  const input = body as Record<string, unknown>;
  const unknown = Object.keys(input).find((key) => !settingKeys.includes(key));
  if (unknown !== undefined) throw invalidInput(unknown, `is not a setting: use ${settingKeys.join(', ')}`);
  const changes: Partial<Omit<PortalSettingsRow, 'id'>> = {};
  if (input.name !== undefined) changes.name = checkName(input.name, 'name');
  if (input.timeZone !== undefined) changes.time_zone = checkTimeZone(input.timeZone, 'timeZone');
  if (input.dateFormat !== undefined) {
    if (!isDateFormat(input.dateFormat)) {
      throw invalidInput(
        'dateFormat',
        `must be one of ${dateFormats.map((format) => JSON.stringify(format)).join(', ')}; got ${JSON.stringify(input.dateFormat)}`,
      );
    }
    changes.date_format = input.dateFormat;
  }
  if (input.weekStart !== undefined) {
    if (typeof input.weekStart !== 'string' || !(weekDays as readonly string[]).includes(input.weekStart)) {
      throw invalidInput('weekStart', `must be one of ${weekDays.join(', ')}; got ${JSON.stringify(input.weekStart)}`);
    }
    changes.week_start = input.weekStart;
  }
  if (input.mailSender !== undefined) Object.assign(changes, checkMailSender(input.mailSender));
  if (input.notificationDefaults !== undefined) {
    changes.notification_defaults = checkNotificationDefaults(
      input.notificationDefaults,
      current.notification_defaults,
    );
  }
  return changes;
}

/** The portal's settings. */
export async function readPortalSettings(context: AppContext, portalId: string): Promise<PortalSettings> {
  const row = await findPortalSettings(context.db, portalId);
  if (row === undefined) throw notFound('portal', portalId);
  return presentPortalSettings(row);
}

/** Changes the settings the body names (a partial update), in one transaction; answers the settings after it. */
export async function updatePortalSettings(
  context: AppContext,
  portalId: string,
  body: unknown,
): Promise<PortalSettings> {
  return context.db.transaction().execute(async (trx) => {
    const current = await findPortalSettings(trx, portalId, context.dialect);
    if (current === undefined) throw notFound('portal', portalId);
    const changes = changesOf(body, current);
    await updatePortalSettingsRow(trx, portalId, changes);
    return presentPortalSettings({ ...current, ...changes });
  });
}
