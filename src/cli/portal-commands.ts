/** The `portal` commands: the control room on the store directly, and on a running server. */
import type { Command } from 'commander';
import {
  addFirstPortalOptions,
  addStoreOptions,
  collect,
  configOf,
  portalCommand,
  serverCommand,
  usageErrorsAsCliErrors,
} from './command-options.ts';

/** Registers `portal list|delete|reset|snapshot|restore|load` (the control room, on the store directly); answers `portal`. */
export function registerPortalCommands(program: Command): Command {
  const portal = usageErrorsAsCliErrors(
    program.command('portal').description("list, reset, snapshot and load portals; read or move a portal's clock"),
  );
  const load = () => import('./portal.ts');
  const print = (text: string): void => {
    process.stdout.write(text);
  };
  addFirstPortalOptions(portal.command('list').description('print every portal: id, URL name, name')).action(
    async (_options, self: Command) => print(await (await load()).listPortalsCommand(await configOf(self))),
  );
  addFirstPortalOptions(portal.command('delete <id>').description('delete a portal and all its rows')).action(
    async (id: string, _options, self: Command) =>
      print(await (await load()).deletePortalCommand(await configOf(self), id)),
  );
  addFirstPortalOptions(
    portal
      .command('reset <id>')
      .description('put a portal back to the state it started from (its initial snapshot)')
      .option('--empty', 'empty it instead: no courses or anything else the LMS makes; people, rooms stay'),
  ).action(async (id: string, options: { empty?: boolean }, self: Command) =>
    print(await (await load()).resetPortalCommand(await configOf(self), id, options.empty === true)),
  );
  addFirstPortalOptions(
    portal.command('snapshot <id> <name>').description("copy a portal's data into a named snapshot"),
  ).action(async (id: string, name: string, _options, self: Command) =>
    print(await (await load()).snapshotCommand(await configOf(self), id, name)),
  );
  addFirstPortalOptions(portal.command('restore <id> <name>').description("put a named snapshot's data back")).action(
    async (id: string, name: string, _options, self: Command) =>
      print(await (await load()).restoreCommand(await configOf(self), id, name)),
  );
  addFirstPortalOptions(
    portal
      .command('load <file>')
      .description('load a fixture file (JSON) into a portal, or into a new one; prints the ids made')
      .option('--portal <id>', 'the portal to load into (default: a new demo portal)')
      .option('--seed <n>', "the seed of the ids (default: the file's seed, else fresh ids)"),
  ).action(async (file: string, options: { portal?: string; seed?: string }, self: Command) =>
    print(await (await load()).loadCommand(await configOf(self), file, options)),
  );
  return portal;
}

/** Loads the observation commands' module and prints what an action answers. */
export async function printObservation(run: (module: typeof import('./observation.ts')) => Promise<string>) {
  process.stdout.write(await run(await import('./observation.ts')));
}

/** Registers `portal faults add|list|remove|clear`, `portal journal` and `portal mailbox`. */
export function registerObservationCommands(program: Command): void {
  const portal = portalCommand(program);
  const faults = portal.command('faults').description("fault rules on the portal's /api/ traffic");
  serverCommand(faults.command('add').description('add a rule: one of --status, --latency or --drop'))
    .option('--path <pattern>', 'an /api/ path: * is one segment, ** any number; else a prefix')
    .option('--method <method>', 'GET, POST, PUT, PATCH, DELETE (default any)')
    .option('--erecno <erecno>', "only this caller's requests")
    .option('--status <code>', "answer this status (400-599) with Zoho's body for it")
    .option('--body <json>', 'the error body instead: {"code":"...","message":"..."}')
    .option('--latency <ms>', 'delay the request (at most 30000 ms)')
    .option('--drop', 'close the connection without an answer')
    .option('--times <n>', 'only the next N matches')
    .option('--probability <p>', 'the chance each match fires, 0 to 1')
    .action((options) => printObservation((module) => module.addFault(options)));
  serverCommand(faults.command('list').description("the portal's rules")).action((options) =>
    printObservation((module) => module.listFaults(options)),
  );
  serverCommand(faults.command('remove <faultId>').description('remove one rule')).action((faultId, options) =>
    printObservation((module) => module.removeFault(options, faultId)),
  );
  serverCommand(faults.command('clear').description('remove every rule')).action((options) =>
    printObservation((module) => module.clearFaults(options)),
  );
  serverCommand(portal.command('journal').description("the portal's latest requests, newest first"))
    .option('--limit <n>', 'how many (default 20, at most 500)')
    .option('--clear', 'forget them instead')
    .action((options) => printObservation((module) => module.showJournal(options)));
  serverCommand(portal.command('mailbox').description("the portal's e-mails and webhook deliveries, newest first"))
    .option('--limit <n>', 'how many (default 50, at most 200)')
    .option('--clear', 'delete them instead (pending ones are then never sent)')
    .action((options) => printObservation((module) => module.showMailbox(options)));
}

/** Registers `portal clock` and `portal settings` (a portal's time and settings, on the store directly). */
export function registerPortalTimeCommands(portal: Command): void {
  const clock = portal
    .command('clock <portalId>')
    .description("read or move a portal's clock; every time rule of the portal follows it (prints it as JSON)")
    .option('--set <time>', 'set it: ISO 8601 with a zone, e.g. 2026-05-01T09:00:00Z')
    .option('--freeze', 'stand still (at --set, or where it is now)')
    .option('--advance <duration>', 'move it by 90s, 15m, 1h30m, 2d, -1d or milliseconds')
    .option('--reset', "back to the server's time");
  addStoreOptions(clock).action(async (portalId: string, options, self: Command) => {
    const { portalClockCommand } = await import('./portal-clock.ts');
    process.stdout.write(`${await portalClockCommand(await configOf(self), portalId, options)}\n`);
  });

  const settings = portal
    .command('settings [portalId]')
    .description("read or change a portal's settings (default: the first portal); prints them as JSON")
    .option(
      '--set <key=value>',
      'name, timeZone, dateFormat, weekStart, mailSender ("Name <address>" or none), ' +
        'notificationDefaults.<coursePublished|batchPublished|enrolments|sessions>=true|false; repeatable',
      collect,
    );
  addStoreOptions(settings).action(async (portalId: string | undefined, options: { set?: string[] }, self: Command) => {
    const { portalSettingsCommand } = await import('./portal-settings.ts');
    process.stdout.write(`${await portalSettingsCommand(await configOf(self), portalId, options)}\n`);
  });
}
