import { Command } from 'commander';
import { registerCustomerCommands } from './customers-commands';
import { registerDemoCommand } from './demo-command';
import { reportFatal } from './fail';
import { registerPlatformCommands } from './platform-commands';
import { registerValueCommands } from './value-commands';

const program = new Command('orientir')
  .description('Orientir: customer-centricity platform')
  .showHelpAfterError('(add --help for usage)')
  .configureOutput({ outputError: (str, write) => write(str) });

registerPlatformCommands(program);
registerCustomerCommands(program);
registerValueCommands(program);
registerDemoCommand(program);

try {
  await program.parseAsync(process.argv);
} catch (err) {
  reportFatal(err);
}
