/** The "Pre-packaging Checklist" view: shows the checklist model; no logic of its own. */
import * as vscode from 'vscode';
import type { ChecklistResult } from '../../../server/src/protocol';
import { RowTreeProvider } from '../adapters';
import { buildChecklistTree, failingApps, type ChecklistNode } from './checklistModel';

export const CHECKLIST_VIEW = 'ecaLens.checklist';

export class ChecklistTree implements vscode.Disposable {
  readonly provider = new RowTreeProvider<ChecklistNode>();
  readonly view: vscode.TreeView<ChecklistNode>;
  private last: ChecklistResult | undefined;
  private lastKey = '';

  constructor() {
    this.view = vscode.window.createTreeView(CHECKLIST_VIEW, { treeDataProvider: this.provider, showCollapseAll: true });
  }

  get result(): ChecklistResult | undefined {
    return this.last;
  }

  show(result: ChecklistResult): void {
    this.last = result;
    // Same answer as before: leave the rows alone. Re-rendering drops the rows' command arguments
    // in VS Code, so a click during a needless refresh would find no command.
    const key = JSON.stringify(result);
    if (key === this.lastKey) return;
    this.lastKey = key;
    this.provider.set(buildChecklistTree(result));
    const failing = failingApps(result).length;
    this.view.description = result.apps.length ? (failing ? `${failing} of ${result.apps.length} not ready` : 'all ready') : undefined;
  }

  dispose(): void {
    this.view.dispose();
    this.provider.dispose();
  }
}
