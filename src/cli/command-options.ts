/** The options and behaviours the `lectern` commands share: the store flags, --no-demo, a running server's flags. */
import { type Command, type CommanderError, Option } from 'commander';
import { CliError, usageExitCode } from './cli-error.ts';

/** Adds --data, --memory and --database-url to a command. */
export function addStoreOptions(command: Command): Command {
  return command
    .addOption(new Option('--data <dir>', 'folder of the embedded SQLite store (default ./.lectern, env LECTERN_DATA)'))
    .addOption(
      new Option('--memory', 'keep the store in memory; nothing survives exit (env LECTERN_MEMORY)').conflicts('data'),
    )
    .addOption(new Option('--database-url <url>', 'use PostgreSQL instead of SQLite (env DATABASE_URL)'));
}

/** Adds --demo and --no-demo: what an empty store gets. */
export function addDemoOptions(command: Command): Command {
  return command
    .addOption(new Option('--demo', 'load the demo portal when the store is empty (the default; env LECTERN_DEMO)'))
    .addOption(
      new Option('--no-demo', 'an empty store gets a portal with only its Administrator instead of the demo portal'),
    );
}

/** Store options and --demo/--no-demo: every command that may make an empty store's first portal hears --no-demo. */
export function addFirstPortalOptions(command: Command): Command {
  return addDemoOptions(addStoreOptions(command));
}

/** Settings from the environment with the flags the user typed on top (loaded with the command's module). */
export async function configOf(command: Command) {
  const { loadCommandConfig } = await import('./store-options.ts');
  return loadCommandConfig(command);
}

/** A repeatable option's values, in order. */
export function collect(value: string, previous: string[] = []): string[] {
  return [...previous, value];
}

/** A mistyped portal command is one line and exit 2, as every other refusal of the CLI. */
export function usageErrorsAsCliErrors(command: Command): Command {
  return command.configureOutput({ outputError: () => {} }).exitOverride((error) => {
    if (error.exitCode === 0) process.exit(0);
    throw new CliError(error.message.replace(/^error: /, ''), usageExitCode);
  });
}

/** The `portal` command, shared by every control-room subcommand (made by whichever registers first). */
export function portalCommand(program: Command): Command {
  return (
    program.commands.find((command) => command.name() === 'portal') ??
    program.command('portal').description("a portal's control room on a running server")
  );
}

/**
 * Adds --url, --token, --portal and --json, and turns commander's own refusals (an unknown option, a missing value)
 * into one line and exit code 2, as the commands' own checks do.
 */
export function serverCommand(command: Command, portal = true): Command {
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
