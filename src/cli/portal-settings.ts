/** `lectern portal settings [portalId] [--set key=value ...]`: reads or changes a portal's settings in the store. */
import type { Config } from '../config.ts';
import { migrateToLatest } from '../db/create-db.ts';
import { LmsError } from '../errors.ts';
import { firstPortalId, readPortalSettings, updatePortalSettings } from '../features/people/index.ts';
import { notificationKinds } from '../notification-defaults.ts';
import { CliError, usageExitCode } from './cli-error.ts';
import { commandContext, openConfiguredDatabase } from './store-options.ts';

const plainKeys = ['name', 'timeZone', 'dateFormat', 'weekStart'];
const settableKeys = [...plainKeys, 'mailSender', ...notificationKinds.map((kind) => `notificationDefaults.${kind}`)];

/** `Acme Training <training@acme.example>`, a bare address, or `none` (back to the server's sender). */
function mailSenderOf(value: string): { name: string; address: string } | null {
  if (value === 'none') return null;
  const named = /^\s*(.*?)\s*<([^>]*)>\s*$/.exec(value);
  return named === null ? { name: '', address: value.trim() } : { name: named[1]!, address: named[2]! };
}

/** The PATCH body the --set pairs make; a pair without `=` or with an unknown key is refused, naming it. */
export function settingsBodyOf(pairs: readonly string[]): Record<string, unknown> {
  const body: Record<string, unknown> = {};
  const notifications: Record<string, boolean> = {};
  for (const pair of pairs) {
    const equals = pair.indexOf('=');
    const key = equals < 0 ? pair : pair.slice(0, equals);
    if (equals < 0 || !settableKeys.includes(key)) {
      throw new CliError(
        `--set takes key=value with a key of ${settableKeys.join(', ')}; got "${pair}"`,
        usageExitCode,
      );
    }
    const value = pair.slice(equals + 1);
    if (key === 'mailSender') body.mailSender = mailSenderOf(value);
    else if (key.startsWith('notificationDefaults.')) {
      if (value !== 'true' && value !== 'false') {
        throw new CliError(`--set ${key} must be true or false, got "${value}"`, usageExitCode);
      }
      notifications[key.slice('notificationDefaults.'.length)] = value === 'true';
    } else body[key] = value;
  }
  if (Object.keys(notifications).length > 0) body.notificationDefaults = notifications;
  return body;
}

/** Reads the settings, or changes those the --set pairs name (all or none); answers them as one line of JSON. */
export async function portalSettingsCommand(
  config: Config,
  portalId: string | undefined,
  options: { set?: string[] },
): Promise<string> {
  if (portalId !== undefined && !/^\d{1,20}$/.test(portalId)) {
    throw new CliError(`the portal id must be digits only, got "${portalId}"`, usageExitCode);
  }
  const id = portalId;
  const body = settingsBodyOf(options.set ?? []);
  const database = await openConfiguredDatabase(config);
  try {
    await migrateToLatest(database.db);
    const context = commandContext(database, config);
    const target = id ?? (await firstPortalId(context.db));
    if (target === undefined) {
      throw new CliError('the store has no portal yet: make one with lectern init --org <name> ...', usageExitCode);
    }
    const settings =
      Object.keys(body).length === 0
        ? await readPortalSettings(context, target)
        : await updatePortalSettings(context, target, body);
    return JSON.stringify(settings);
  } catch (error) {
    // A bad value or an unknown portal is the user's to fix: one line naming the setting, no stack.
    if (error instanceof LmsError) throw new CliError(error.message, usageExitCode);
    throw error;
  } finally {
    await database.close();
  }
}
