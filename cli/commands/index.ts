// Every `thongke` command. Each lives in its own file; add new ones to this list.
import type { Command } from '../args';
import { bundleExportCommand, bundleImportCommand, bundleKeyCommand, bundleLogCommand, bundleSentCommand } from './bundle';
import { dhis2ExportCommand, dhis2ImportCommand } from './dhis2';
import { reportCommand } from './report';
import { reportSettingsCommand } from './report-settings';
import { statusCommand, unitsImportCommand } from './status';
import { indicatorsCommand } from './indicators';
import { catalogueCommand, initCommand, unitsCommand } from './setup';
import { completeCommand, reopenCommand, validateCommand } from './validate';
import { workbookExportCommand, workbookImportCommand } from './workbook';
import { unitsAddCommand, unitsCloseCommand, unitsHistoryCommand, unitsMergeCommand, unitsMoveCommand, unitsRenameCommand, unitsLevelsCommand } from './units';
import { figuresCommand, plansImportCommand, valuesExportCommand, valuesImportCommand } from './values';
import { progressCommand } from './progress';
import { totalsRebuildCommand } from './totals';

export const COMMANDS: readonly Command[] = [
  initCommand,
  unitsCommand,
  unitsAddCommand,
  unitsRenameCommand,
  unitsMoveCommand,
  unitsCloseCommand,
  unitsMergeCommand,
  unitsHistoryCommand,
  unitsLevelsCommand,
  catalogueCommand,
  valuesImportCommand,
  valuesExportCommand,
  plansImportCommand,
  figuresCommand,
  indicatorsCommand,
  validateCommand,
  completeCommand,
  reopenCommand,
  reportCommand,
  reportSettingsCommand,
  bundleExportCommand,
  bundleImportCommand,
  bundleKeyCommand,
  bundleSentCommand,
  bundleLogCommand,
  workbookExportCommand,
  workbookImportCommand,
  unitsImportCommand,
  statusCommand,
  dhis2ExportCommand,
  dhis2ImportCommand,
  progressCommand,
  totalsRebuildCommand,
];
