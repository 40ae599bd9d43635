/**
 * "Show Rule Documentation" (the page shipped in the extension, in the Markdown preview; also the
 * server's "Show documentation" code action, as the client command `ecaLens.showRuleDocs`) and
 * "Disable a Rule" (in the user settings).
 */
import * as vscode from 'vscode';
import { ClientCommands } from '../../../../server/src/shared/protocol';
import { docsUrl } from '../../../../server/src/shared/docs';
import { disableRule, showRuleDocs } from '../ruleDocs';
import type { CommandContext, Register } from './context';

export function registerRuleCommands(cc: CommandContext, cmd: Register): void {
  const file = (rel: string) => vscode.Uri.joinPath(cc.ext.extensionUri, ...rel.split('/'));
  cmd(ClientCommands.showRuleDocs, (arg) =>
    showRuleDocs(
      {
        ui: cc.ui,
        exists: async (rel) => {
          try {
            await vscode.workspace.fs.stat(file(rel));
            return true;
          } catch {
            return false;
          }
        },
        preview: async (rel) => void (await vscode.commands.executeCommand('markdown.showPreview', file(rel))),
        docsUrl: (id) => docsUrl(id, vscode.workspace.getConfiguration('ecaLens').get<string>('docsBaseUrl', '')),
        openExternal: async (url) => void (await vscode.env.openExternal(vscode.Uri.parse(url))),
      },
      arg,
    ),
  );

  cmd(ClientCommands.disableRule, (arg) =>
    disableRule(
      {
        ui: cc.ui,
        current: () => ({ ...(vscode.workspace.getConfiguration('ecaLens').inspect<Record<string, string>>('rules')?.globalValue ?? {}) }),
        save: (rules) => Promise.resolve(vscode.workspace.getConfiguration('ecaLens').update('rules', rules, vscode.ConfigurationTarget.Global)),
      },
      arg,
    ),
  );
}
