import { Command } from 'commander';
import { loadConfig } from '../server/platform/config.ts';
import { serveCommand } from './serve.ts';
import { migrateCommand } from './migrate.ts';

const program = new Command('zerodistance')
  .description('Zero Distance: every petition answered, every figure public')
  .showHelpAfterError();

program.command('serve').description('serve the app (embedded database unless DATABASE_URL is set)').action(async () => {
  await serveCommand(loadConfig());
});

program
  .command('migrate')
  .description('apply pending database migrations')
  .option('--status', 'list applied and pending migrations without applying any')
  .action(async (opts: { status?: boolean }) => {
    await migrateCommand(loadConfig(), opts);
  });

// Each module's commands register themselves here as they arrive.
const { registerCommands } = await import('./commands.ts');
registerCommands(program);

// Commands such as seed and units import run the modules' commands outside a server: they need
// the modules' messages, notice templates and jobs registered, as a server registers them.
const { registerModules } = await import('../server/modules/index.ts');
registerModules();

try {
  await program.parseAsync(process.argv);
} catch (e) {
  console.error(`error: ${(e as Error).message}`);
  process.exit(1);
}
