// Every command of the CLI, in the order `headroom --help` lists them.
import type { Command } from './command';
import { compareCommand, simulateCommand, validateCommand } from './commands/core';

export const commands: readonly Command[] = [validateCommand, simulateCommand, compareCommand];
