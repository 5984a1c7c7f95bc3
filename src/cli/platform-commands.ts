import { type Command, InvalidArgumentError, Option } from 'commander';
import { loadConfig } from '../config';
import { migrate } from '../db/migrate';
import { openDatabase } from '../db/open';
import { ROLES, type Role, SCOPES, type Scope } from '../modules/orgs/domain/permissions';
import { ZCreateOrgRequestSchema } from '../modules/orgs/http/schemas';
import * as orgs from '../modules/orgs/use-cases/accounts';
import { startServer } from '../runtime';
import { findOrgId, printJson, withContext } from './context';
import { createOrgHereOrThroughServer } from './create-org';
import { reportFatal } from './fail';

export function registerPlatformCommands(program: Command) {
  program
    .command('serve')
    .description('serve the API, dashboard and survey pages, and run background jobs')
    .action(async () => {
      const server = await startServer(loadConfig());
      const stop = async () => {
        await server.close();
        process.exit(0);
      };
      process.once('SIGTERM', () => void stop());
      process.once('SIGINT', () => void stop());
    });

  program
    .command('migrate')
    .description('apply pending database migrations')
    .action(async () => {
      const db = await openDatabase(loadConfig());
      try {
        const applied = await migrate(db);
        process.stdout.write(
          applied.length ? `applied: ${applied.join(', ')}\n` : 'database is up to date\n',
        );
      } finally {
        await db.close();
      }
    });

  const org = program.command('org').description('organizations');
  org
    .command('create')
    .description(
      'create an organization with its owner; prints {orgId, slug, ownerEmail, ownerPassword, apiKey}',
    )
    .requiredOption('--name <name>', 'display name')
    .requiredOption('--slug <slug>', 'short unique name: lower-case letters, digits, dashes')
    .requiredOption('--owner <email>', "owner's e-mail address")
    .option('--currency <code>', 'base currency (ISO 4217)')
    .option('--time-zone <tz>', 'IANA time zone')
    .option('--locale <locale>', 'default locale: en, pl, cs or ru')
    .action(async (o) => {
      const input = ZCreateOrgRequestSchema.safeParse({
        name: o.name,
        slug: o.slug,
        ownerEmail: o.owner,
        baseCurrency: o.currency,
        timeZone: o.timeZone,
        defaultLocale: o.locale,
      });
      if (!input.success) {
        const issue = input.error.issues[0];
        throw new InvalidArgumentError(`${String(issue.path[0])}: ${issue.message}`);
      }
      printJson(await createOrgHereOrThroughServer(input.data));
    });

  const key = program.command('api-key').description('API keys');
  key
    .command('create')
    .description('create an API key; it is shown once')
    .requiredOption('--org <slug>', 'organization slug')
    .requiredOption('--name <name>', 'what the key is for')
    .addOption(new Option('--scope <scope...>', 'scopes').choices(SCOPES).default(['read']))
    .action(async (o) => {
      printJson(
        await withContext(async (ctx) =>
          orgs.createApiKey(ctx.db, await findOrgId(ctx, o.org), {
            name: o.name,
            scopes: o.scope as Scope[],
          }),
        ),
      );
    });
  key
    .command('revoke')
    .description('revoke an API key by id')
    .requiredOption('--org <slug>', 'organization slug')
    .argument('<id>', 'key id')
    .action(async (id: string, o) => {
      await withContext(async (ctx) => orgs.revokeApiKey(ctx.db, ctx.clock, await findOrgId(ctx, o.org), id));
      process.stdout.write(`revoked ${id}\n`);
    });

  program
    .command('user')
    .description('users')
    .command('add')
    .description('add a user; prints the generated password once')
    .requiredOption('--org <slug>', 'organization slug')
    .requiredOption('--email <email>', 'e-mail address (the login)')
    .addOption(new Option('--role <role>', 'role').choices(ROLES).default('viewer'))
    .option('--name <name>', 'display name')
    .action(async (o) => {
      printJson(
        await withContext(async (ctx) =>
          orgs.addUser(ctx.db, await findOrgId(ctx, o.org), {
            email: o.email,
            role: o.role as Role,
            name: o.name,
          }),
        ),
      );
    });

  program.hook('postAction', () => {});
  return reportFatal;
}
