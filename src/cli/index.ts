import { Command } from 'commander';
import { MODULES } from '../modules/registry';
import { registerDemoCommand } from './demo-command';
import { reportFatal } from './fail';
import { registerPlatformCommands } from './platform-commands';

const program = new Command('orientir')
  .description('Orientir: customer-centricity platform')
  .showHelpAfterError('(add --help for usage)')
  .configureOutput({ outputError: (str, write) => write(str) });

registerPlatformCommands(program);
for (const mod of MODULES) mod.cli?.(program);
registerDemoCommand(program);

try {
  await program.parseAsync(process.argv);
} catch (err) {
  reportFatal(err);
}
