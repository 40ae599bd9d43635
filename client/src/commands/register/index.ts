/** Every command the extension contributes, registered in one place (vscode wiring only). */
import * as vscode from 'vscode';
import { registerAppCommands } from './appCommands';
import type { CommandContext, Register } from './context';
import { registerFixCommands } from './fixCommands';
import { registerMigrationCommands } from './migrationCommands';
import { registerNavigationCommands } from './navigationCommands';
import { registerReleaseCommands } from './releaseCommands';
import { registerRuleCommands } from './ruleCommands';
import { registerServerCommands } from './serverCommands';
import { registerReportCommands } from './reportCommands';

export type { CommandContext } from './context';

export function registerCommands(cc: CommandContext): void {
  const cmd: Register = (id, fn) => cc.ext.subscriptions.push(vscode.commands.registerCommand(id, fn));
  registerServerCommands(cc, cmd);
  registerFixCommands(cc, cmd);
  registerAppCommands(cc, cmd);
  registerNavigationCommands(cc, cmd);
  registerRuleCommands(cc, cmd);
  registerMigrationCommands(cc, cmd);
  registerReportCommands(cc, cmd);
  registerReleaseCommands(cc, cmd);
}
