// Every command of the CLI, in the order `headroom --help` lists them.
import type { Command } from './command';
import { importActualsCommand } from './commands/actuals';
import { simulateCommand, validateCommand } from './commands/core';
import { exportCommand, importCommand, repairCommand } from './commands/documents';
import { compareExportCommand, importSheetCommand, reportCommand } from './commands/exports';
import { outturnCommand } from './commands/outturn';
import { historyCommand, snapshotCommand, snapshotsCommand } from './commands/snapshots';
import { breakevenCommand, ladderCommand, riskCommand } from './commands/uncertainty';

export const commands: readonly Command[] = [
  validateCommand,
  simulateCommand,
  compareExportCommand,
  riskCommand,
  ladderCommand,
  breakevenCommand,
  reportCommand,
  outturnCommand,
  importCommand,
  exportCommand,
  snapshotCommand,
  snapshotsCommand,
  historyCommand,
  importSheetCommand,
  importActualsCommand,
  repairCommand,
];
