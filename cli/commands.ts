import type { Command } from 'commander';
import { registerAuditCommands } from './audit.ts';
import { registerUnitCommands } from './units.ts';
import { registerSeedCommand } from './seed.ts';
import { registerFiguresCommands } from './figures.ts';
import { registerBackupCommands } from './backup.ts';

/** Commands of the modules (units import, audit verify, seed …). */
export function registerCommands(program: Command): void {
  registerAuditCommands(program);
  registerUnitCommands(program);
  registerSeedCommand(program);
  registerFiguresCommands(program);
  registerBackupCommands(program);
}
