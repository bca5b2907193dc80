/** The `lectern` command (bin/lectern.js runs its compiled build): serve, token create, migrate, openapi. */
import { readFileSync } from 'node:fs';
import { Command } from 'commander';
import { CliError, usageExitCode } from './cli/cli-error.ts';
import { registerCommands } from './cli/commands.ts';
import { ConfigError } from './config-error.ts';

const { version } = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as {
  version: string;
};

const program = new Command('lectern')
  .description("An open LMS server whose HTTP API is wire-compatible with Zoho People's LMS API")
  .version(version);
registerCommands(program);

try {
  await program.parseAsync(process.argv);
} catch (error) {
  if (error instanceof ConfigError) {
    // One line per bad setting, each naming the fix; a stack trace would only bury them.
    for (const problem of error.problems) process.stderr.write(`lectern: ${problem}\n`);
    process.exitCode = usageExitCode;
  } else if (error instanceof CliError) {
    process.stderr.write(`lectern: ${error.message}\n`);
    process.exitCode = error.exitCode;
  } else {
    process.stderr.write(`lectern: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exitCode = 1;
  }
}
