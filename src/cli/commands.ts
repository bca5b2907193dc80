/**
 * The `lectern` commands as commander sees them: names, flags and help. Each action loads its command's module
 * only when it runs, so `lectern --version` and `--help` load nothing but commander (the store, Kysely and the app
 * are most of a start-up).
 */
import { type Command, Option } from 'commander';
import { scopeNames } from '../access/index.ts';
import { registerFeedCommands, registerOAuthCommands } from './access-commands.ts';
import { addDemoOptions, addStoreOptions, configOf } from './command-options.ts';
import {
  registerBulkCommands,
  registerInitCommand,
  registerPeopleCommands,
  registerReferenceCommands,
  registerSeedCommand,
} from './organisation-commands.ts';
import { registerObservationCommands, registerPortalCommands, registerPortalTimeCommands } from './portal-commands.ts';

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
  registerPortalTimeCommands(portal);
  registerInitCommand(program);
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
  registerSeedCommand(program);

  registerReferenceCommands(program);

  registerPeopleCommands(program);

  registerBulkCommands(program);
}
