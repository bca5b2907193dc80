/** The `oauth` and `feed` commands: OAuth clients, codes and sign-in links; calendar feeds' secret URLs. */
import type { Command } from 'commander';
import { addFirstPortalOptions, addStoreOptions, collect, configOf } from './command-options.ts';

/** Registers oauth client create, oauth client list, oauth code and oauth sign-in-link. */
export function registerOAuthCommands(program: Command): void {
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
export function registerFeedCommands(program: Command): void {
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
