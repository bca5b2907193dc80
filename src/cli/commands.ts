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
  addStoreOptions(createClient).action(async (options, self: Command) => {
    const { createOAuthClient } = await import('./oauth.ts');
    process.stdout.write(`${await createOAuthClient(await configOf(self), options)}\n`);
  });
  const listClient = client
    .command('list')
    .description("list a portal's OAuth clients: id, name, redirect URIs (never secrets)")
    .option('--portal-id <id>', 'the portal (default: the first)');
  addStoreOptions(listClient).action(async (options, self: Command) => {
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
  addStoreOptions(code).action(async (options, self: Command) => {
    const { createOAuthCode } = await import('./oauth.ts');
    process.stdout.write(`${await createOAuthCode(await configOf(self), options)}\n`);
  });
  const link = oauth
    .command('sign-in-link')
    .description('print a one-time link that signs a person in to the consent page (organisation portals)')
    .requiredOption('--erecno <erecno>', 'the person')
    .option('--portal-id <id>', 'the portal (default: the first)');
  addStoreOptions(link).action(async (options, self: Command) => {
    const { createSignInLink } = await import('./oauth.ts');
    process.stdout.write(`${await createSignInLink(await configOf(self), options)}\n`);
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
  addStoreOptions(portal.command('list').description('print every portal: id, URL name, name')).action(
    async (_options, self: Command) => print(await (await load()).listPortalsCommand(await configOf(self))),
  );
  addStoreOptions(portal.command('delete <id>').description('delete a portal and all its rows')).action(
    async (id: string, _options, self: Command) =>
      print(await (await load()).deletePortalCommand(await configOf(self), id)),
  );
  addStoreOptions(
    portal
      .command('reset <id>')
      .description('put a portal back to the state it started from (its initial snapshot)')
      .option('--empty', 'empty it instead: no courses or anything else the LMS makes; people, rooms stay'),
  ).action(async (id: string, options: { empty?: boolean }, self: Command) =>
    print(await (await load()).resetPortalCommand(await configOf(self), id, options.empty === true)),
  );
  addStoreOptions(
    portal.command('snapshot <id> <name>').description("copy a portal's data into a named snapshot"),
  ).action(async (id: string, name: string, _options, self: Command) =>
    print(await (await load()).snapshotCommand(await configOf(self), id, name)),
  );
  addStoreOptions(portal.command('restore <id> <name>').description("put a named snapshot's data back")).action(
    async (id: string, name: string, _options, self: Command) =>
      print(await (await load()).restoreCommand(await configOf(self), id, name)),
  );
  addStoreOptions(
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
function serverCommand(command: Command): Command {
  return command
    .option('--url <url>', 'the running server (default http://127.0.0.1:8080)')
    .option('--token <token>', "the portal admin's token, or an operator token")
    .option('--portal <portalId>', "the portal's id")
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

/** Registers serve, token create, oauth, portal (control room, clock, faults, journal, mailbox), migrate and openapi. */
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
  registerBulkCommands(program);
}
