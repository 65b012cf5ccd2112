import type { Command } from 'commander';
import { registerAuditCommands } from './audit.ts';

/** Commands of the modules (units import, audit verify, seed …). */
export function registerCommands(program: Command): void {
  registerAuditCommands(program);
}
