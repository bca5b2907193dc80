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

/** Registers serve, token create, migrate and openapi. */
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

  const migrateCommand = program
    .command('migrate')
    .description('apply pending migrations (serve does this too), or revert the latest with --down')
    .option('--down', 'revert the most recent migration');
  addStoreOptions(migrateCommand).action(async (options: { down?: boolean }, self: Command) => {
    const { migrate } = await import('./migrate.ts');
    process.stdout.write(await migrate(await configOf(self), options.down === true));
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
}
