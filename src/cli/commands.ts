/**
 * The `lectern` commands as commander sees them: names, flags and help. Each action loads its command's module
 * only when it runs, so `lectern --version` and `--help` load nothing but commander (the store, Kysely and the app
 * are most of a start-up).
 */
import { type Command, type CommanderError, Option } from 'commander';
import { scopeNames } from '../access/index.ts';
import { CliError, usageExitCode } from './cli-error.ts';

/** Adds --data, --memory and --database-url to a command. */
function addStoreOptions(command: Command): Command {
  return command
    .addOption(new Option('--data <dir>', 'folder of the embedded SQLite store (default ./.lectern, env LECTERN_DATA)'))
    .addOption(
      new Option('--memory', 'keep the store in memory; nothing survives exit (env LECTERN_MEMORY)').conflicts('data'),
    )
    .addOption(new Option('--database-url <url>', 'use PostgreSQL instead of SQLite (env DATABASE_URL)'));
}

/** Adds --demo and --no-demo: what an empty store gets. */
function addDemoOptions(command: Command): Command {
  return command
    .addOption(new Option('--demo', 'load the demo portal when the store is empty (the default; env LECTERN_DEMO)'))
    .addOption(
      new Option('--no-demo', 'an empty store gets a portal with only its Administrator instead of the demo portal'),
    );
}

/** Store options and --demo/--no-demo: every command that may make an empty store's first portal hears --no-demo. */
function addFirstPortalOptions(command: Command): Command {
  return addDemoOptions(addStoreOptions(command));
}

/** Settings from the environment with the flags the user typed on top (loaded with the command's module). */
async function configOf(command: Command) {
  const { loadCommandConfig } = await import('./store-options.ts');
  return loadCommandConfig(command);
}

/** A repeatable option's values, in order. */
function collect(value: string, previous: string[] = []): string[] {
  return [...previous, value];
}

/** Registers oauth client create, oauth client list, oauth code and oauth sign-in-link. */
function registerOAuthCommands(program: Command): void {
  const oauth = program.command('oauth').description('OAuth clients, self-client codes and sign-in links');
  const client = oauth.command('client').description('OAuth clients');
  const createClient = client
    .command('create')
    .description('register an OAuth client and print its id and secret (shown only here) as JSON')
    .requiredOption('--name <name>', 'the name the consent page shows')
    .requiredOption('--redirect-uri <url>', 'a redirect URI (absolute http(s) URL); repeat for more', collect)
    .option('--portal-id <id>', 'the portal (default: the first)');
  addFirstPortalOptions(createClient).action(async (options, self: Command) => {
    const { createOAuthClient } = await import('./oauth.ts');
    process.stdout.write(`${await createOAuthClient(await configOf(self), options)}\n`);
  });
  const listClient = client
    .command('list')
    .description("list a portal's OAuth clients: id, name, redirect URIs (never secrets)")
    .option('--portal-id <id>', 'the portal (default: the first)');
  addFirstPortalOptions(listClient).action(async (options, self: Command) => {
    const { listOAuthClients } = await import('./oauth.ts');
    process.stdout.write(await listOAuthClients(await configOf(self), options));
  });
  const code = oauth
    .command('code')
    .description('print a self-client grant code (Zoho\'s "Generate Code"), to trade at /oauth/v2/token')
    .requiredOption('--client-id <id>', 'the client')
    .requiredOption('--erecno <erecno>', "the person of the client's portal the tokens act as")
    .requiredOption('--scope <list>', 'comma-separated, e.g. ZOHOPEOPLE.training.ALL,ZOHOPEOPLE.forms.READ')
    .option('--expires-in <seconds>', 'the code lifetime: 180 (default), 300, 420 or 600');
  addFirstPortalOptions(code).action(async (options, self: Command) => {
    const { createOAuthCode } = await import('./oauth.ts');
    process.stdout.write(`${await createOAuthCode(await configOf(self), options)}\n`);
  });
  const link = oauth
    .command('sign-in-link')
    .description('print a one-time link that signs a person in to the consent page (organisation portals)')
    .requiredOption('--erecno <erecno>', 'the person')
    .option('--portal-id <id>', 'the portal (default: the first)');
  addFirstPortalOptions(link).action(async (options, self: Command) => {
    const { createSignInLink } = await import('./oauth.ts');
    process.stdout.write(`${await createSignInLink(await configOf(self), options)}\n`);
  });
}

/** Registers `feed url` and `feed rotate`: subscribable calendar feeds' secret URLs. */
function registerFeedCommands(program: Command): void {
  const feed = program.command('feed').description("subscribable calendar feeds: print a feed's secret URL");
  const url = feed
    .command('url')
    .description(
      "print the secret URL of a trainer's, learner's, room's or batch's feed (a feed made before gets a new URL)",
    )
    .option('--trainer <erecno>', "a trainer's sessions")
    .option('--learner <erecno>', "the sessions of a learner's batches")
    .option('--room <id>', "a room's sessions")
    .option('--batch <id>', "a batch's sessions")
    .option('--portal-id <id>', 'the portal (default: the first)');
  addStoreOptions(url).action(async (options, self: Command) => {
    const { feedUrlCommand } = await import('./feeds.ts');
    process.stdout.write(await feedUrlCommand(await configOf(self), options));
  });
  const rotate = feed
    .command('rotate <feedId>')
    .description('print a new secret URL for the feed; the old one stops working at once')
    .option('--portal-id <id>', 'the portal (default: the first)');
  addStoreOptions(rotate).action(async (feedId: string, options: { portalId?: string }, self: Command) => {
    const { feedRotateCommand } = await import('./feeds.ts');
    process.stdout.write(await feedRotateCommand(await configOf(self), feedId, options.portalId));
  });
}

/** A mistyped portal command is one line and exit 2, as every other refusal of the CLI. */
function usageErrorsAsCliErrors(command: Command): Command {
  return command.configureOutput({ outputError: () => {} }).exitOverride((error) => {
    if (error.exitCode === 0) process.exit(0);
    throw new CliError(error.message.replace(/^error: /, ''), usageExitCode);
  });
}

/** Registers `portal list|delete|reset|snapshot|restore|load` (the control room, on the store directly); answers `portal`. */
function registerPortalCommands(program: Command): Command {
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

/** The `portal` command, shared by every control-room subcommand (made by whichever registers first). */
function portalCommand(program: Command): Command {
  return (
    program.commands.find((command) => command.name() === 'portal') ??
    program.command('portal').description("a portal's control room on a running server")
  );
}

/**
 * Adds --url, --token, --portal and --json, and turns commander's own refusals (an unknown option, a missing value)
 * into one line and exit code 2, as the commands' own checks do.
 */
function serverCommand(command: Command, portal = true): Command {
  command
    .option('--url <url>', 'the running server (default http://127.0.0.1:8080)')
    .option('--token <token>', "the portal admin's token, or an operator token");
  if (portal) command.option('--portal <portalId>', "the portal's id");
  return command
    .option('--json', 'print the JSON the server answered')
    .configureOutput({ writeErr: () => {} })
    .exitOverride((error: CommanderError) => {
      // --help printed its text: done, as commander itself would end.
      if (error.exitCode === 0) process.exit(0);
      // One line: commander's suggestion ("Did you mean --clear?") joins it.
      throw new CliError(error.message.replace(/^error: /, '').replace(/\s*\n\s*/g, ' '), usageExitCode);
    });
}

/** Loads the observation commands' module and prints what an action answers. */
async function printObservation(run: (module: typeof import('./observation.ts')) => Promise<string>) {
  process.stdout.write(await run(await import('./observation.ts')));
}

/** Registers `portal faults add|list|remove|clear`, `portal journal` and `portal mailbox`. */
function registerObservationCommands(program: Command): void {
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

/** Registers `ref location|room|category|grade-category list|create|update|delete`, over a running server's API. */
function registerReferenceCommands(program: Command): void {
  const ref = program.command('ref').description("a portal's locations, rooms and categories on a running server");
  const print = async (run: (module: typeof import('./reference-data.ts')) => Promise<string>) => {
    process.stdout.write(await run(await import('./reference-data.ts')));
  };
  const fields: Record<string, [flag: string, help: string][]> = {
    location: [
      ['--time-zone <zone>', 'IANA zone, e.g. Europe/Berlin ("" for the portal\'s)'],
      ...['street', 'city', 'state', 'postal-code', 'country'].map((part): [string, string] => [
        `--${part} <text>`,
        `address: ${part}`,
      ]),
    ],
    room: [
      ['--location <locationId>', 'the location it is at'],
      ['--capacity <n>', 'seats'],
      ['--facilities <list>', 'comma-separated, replaces the list'],
    ],
  };
  for (const kind of ['location', 'room', 'category', 'grade-category'] as const) {
    const group = ref
      .command(kind)
      .description(`the portal's ${kind === 'category' ? 'course categories' : `${kind}s`}`);
    const writing = (command: Command) => {
      command.option('--name <name>', 'the name');
      for (const [flag, help] of fields[kind] ?? []) command.option(flag, help);
      return command;
    };
    serverCommand(group.command('list').description('print a page (25)'), false)
      .option('--start-index <n>', 'skip this many (default 0)')
      .action((options) => print((module) => module.listReference(kind, options)));
    writing(serverCommand(group.command('create').description(`make a ${kind}; prints it`), false)).action((options) =>
      print((module) => module.createReference(kind, options)),
    );
    writing(serverCommand(group.command('update <id>').description('change the fields given'), false)).action(
      (id: string, options) => print((module) => module.updateReference(kind, id, options)),
    );
    serverCommand(group.command('delete <id>').description('delete it (refused while in use)'), false).action(
      (id: string, options) => print((module) => module.deleteReference(kind, id, options)),
    );
  }
}

/** Registers `people list|add|update|deactivate|reactivate` (a portal's people, on the store directly). */
function registerPeopleCommands(program: Command): void {
  const people = usageErrorsAsCliErrors(
    program.command('people').description("list, add, edit, deactivate and reactivate a portal's people"),
  );
  const load = () => import('./people.ts');
  const print = (text: string): void => {
    process.stdout.write(text);
  };
  const inPortal = (command: Command) =>
    addStoreOptions(command.option('--portal-id <id>', 'the portal (default: the first)'));
  const withFields = (command: Command) =>
    inPortal(command)
      .option('--name <name>', 'the display name')
      .option('--email <address>', 'the e-mail address (unique in the portal)')
      .option('--employee-id <id>', 'the employee id (unique in the portal)')
      .option('--manager <erecno>', 'the manager (update: empty to clear)')
      .option('--roles <list>', 'comma-separated: admin, settingsAdmin, dataAdmin, trainer');
  inPortal(
    people.command('list').description('one line a person: erecno, employee id, status, e-mail, name, roles'),
  ).action(async (options, self: Command) =>
    print(await (await load()).listPeopleCommand(await configOf(self), options)),
  );
  withFields(people.command('add').description('add a person; prints their line')).action(
    async (options, self: Command) => print(await (await load()).addPersonCommand(await configOf(self), options)),
  );
  withFields(people.command('update <erecno>').description("change a person's fields; prints their line"))
    .option('--first-name <name>', 'the first name')
    .option('--last-name <name>', 'the last name')
    .option('--department <id>', 'the department id (empty to clear)')
    .option('--designation <id>', 'the designation id (empty to clear)')
    .action(async (erecno: string, options, self: Command) =>
      print(await (await load()).updatePersonCommand(await configOf(self), erecno, options)),
    );
  for (const action of ['deactivate', 'reactivate'] as const) {
    const what =
      action === 'deactivate'
        ? 'refuse their tokens and sign-in, give up their waitlist places; history, progress and seats stay'
        : 'their seats, progress and tokens work again';
    inPortal(people.command(`${action} <erecno>`).description(`${action} a person: ${what}`)).action(
      async (erecno: string, options, self: Command) =>
        print(await (await load()).changeStatusCommand(await configOf(self), erecno, action, options)),
    );
  }
}

/** Registers `import <kind> <file>` and `export <kind>` (bulk files of one kind, on the store directly). */
function registerBulkCommands(program: Command): void {
  const kinds = 'people, locations, rooms, categories, courses, batches, modules, sessions, enrolments, attendance';
  const importCommand = usageErrorsAsCliErrors(
    program
      .command('import <kind> <file>')
      .description(`import a CSV or JSON file of one kind (${kinds}); every row is checked, then all or nothing`)
      .option('--format <format>', 'csv or json (default: from the file name, else csv)')
      .option('--dry-run', 'check every row and count what would change; write nothing')
      .option('--portal-id <id>', 'the portal (default: the first)'),
  );
  addStoreOptions(importCommand).action(async (kind: string, file: string, options, self: Command) => {
    const { importCommand: run } = await import('./bulk.ts');
    process.stdout.write(await run(await configOf(self), kind, file, options));
  });
  const exportCommand = usageErrorsAsCliErrors(
    program
      .command('export <kind>')
      .description(`export a portal's rows of one kind (${kinds}) as CSV or JSON`)
      .option('--format <format>', 'csv or json (default: from --out, else csv)')
      .option('--out <file>', 'write to this file (default: stdout)')
      .option('--portal-id <id>', 'the portal (default: the first)'),
  );
  addStoreOptions(exportCommand).action(async (kind: string, options, self: Command) => {
    const { exportCommand: run } = await import('./bulk.ts');
    await run(await configOf(self), kind, options);
  });
}

/**
 * Registers serve, token create, init, oauth, portal (control room, clock, settings, faults, journal, mailbox),
 * migrate, openapi, ref, seed, people, import and export.
 */
export function registerCommands(program: Command): void {
  const serveCommand = program
    .command('serve')
    .description('serve the Zoho-compatible API (/api/v1) and the control plane (/lectern/v1)')
    .option('--port <port>', 'TCP port; 0 picks a free one (default 8080, env LECTERN_PORT)')
    .option('--host <host>', 'interface to bind (default 127.0.0.1, env LECTERN_HOST)');
  addDemoOptions(addStoreOptions(serveCommand))
    .addOption(new Option('--no-rate-limit', "turn off Zoho's 30-calls-a-minute throttle (env LECTERN_RATE_LIMIT)"))
    .action(async (_options, self: Command) => {
      const { serve } = await import('./serve.ts');
      await serve(await configOf(self));
    });

  const create = program
    .command('token')
    .description('manage API tokens')
    .command('create')
    .description('issue a token on the first portal and print it (and nothing else) on stdout')
    .option('--scopes <list>', `comma-separated: ${scopeNames.join(', ')} (default with --operator: ALL)`)
    .option('--as <erecno>', "the employee the token acts as (default: the portal's admin)")
    .option('--operator', 'may also create portals through /lectern/v1/portals');
  addDemoOptions(addStoreOptions(create)).action(async (options, self: Command) => {
    const { createToken } = await import('./token.ts');
    process.stdout.write(`${await createToken(await configOf(self), options)}\n`);
  });

  registerOAuthCommands(program);
  registerFeedCommands(program);

  const migrateCommand = program
    .command('migrate')
    .description('apply pending migrations (serve does this too), or revert the latest with --down')
    .option('--down', 'revert the most recent migration');
  addStoreOptions(migrateCommand).action(async (options: { down?: boolean }, self: Command) => {
    const { migrate } = await import('./migrate.ts');
    process.stdout.write(await migrate(await configOf(self), options.down === true));
  });

  const portal = registerPortalCommands(program);
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

  const init = program
    .command('init')
    .description("make an organisation's portal on an empty store: no demo data, one admin; prints their token as JSON")
    .requiredOption('--org <name>', "the organisation's name (the portal's)")
    .requiredOption('--admin-name <name>', 'the first admin: their name')
    .requiredOption('--admin-email <email>', 'the first admin: their e-mail address')
    .option('--time-zone <IANA>', "the portal's time zone, e.g. Europe/Berlin (default UTC)");
  addStoreOptions(usageErrorsAsCliErrors(init)).action(async (options, self: Command) => {
    const { initOrganisation } = await import('./init.ts');
    process.stdout.write(`${await initOrganisation(await configOf(self), options)}\n`);
  });

  program
    .command('openapi')
    .description('print the OpenAPI document built from the route schemas')
    .addOption(new Option('--write', 'write it to ./openapi.json').conflicts('check'))
    .addOption(new Option('--check', 'fail when ./openapi.json differs from it'))
    .action(async (options: { write?: boolean; check?: boolean }) => {
      const { runOpenApiCommand } = await import('./openapi.ts');
      await runOpenApiCommand(options);
    });

  registerObservationCommands(program);

  const seed = program
    .command('seed')
    .description('add a large organisation to a portal, for measuring at size (bulk inserts; prints progress)')
    .option('--courses <count>', 'published self-paced courses', '0')
    .option('--people <count>', 'people', '0')
    .option('--enrolments <count>', 'seats, spread evenly over the seeded people and courses', '0')
    .option('--portal-id <id>', 'the portal (default: the first)');
  addStoreOptions(seed).action(async (options, self: Command) => {
    const { seedCommand } = await import('./seed.ts');
    process.stdout.write(await seedCommand(await configOf(self), options));
  });

  registerReferenceCommands(program);

  registerPeopleCommands(program);

  registerBulkCommands(program);
}
