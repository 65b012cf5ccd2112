import type { Command } from 'commander';

/** Commands of the modules (units import, audit verify, seed …). */
export function registerCommands(_program: Command): void {}
