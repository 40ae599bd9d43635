/** The "External Client Apps" view: shows the inventory model; no logic of its own. */
import * as vscode from 'vscode';
import type { InventoryResult } from '../../../server/src/protocol';
import { RowTreeProvider } from '../adapters';
import { buildInventoryTree, isEmptyInventory, type InventoryNode } from './inventoryModel';

export const INVENTORY_VIEW = 'ecaLens.apps';

export class InventoryTree implements vscode.Disposable {
  readonly provider = new RowTreeProvider<InventoryNode>();
  readonly view: vscode.TreeView<InventoryNode>;
  private last: InventoryResult | undefined;
  private lastKey = '';

  constructor() {
    this.view = vscode.window.createTreeView(INVENTORY_VIEW, { treeDataProvider: this.provider, showCollapseAll: true });
  }

  get result(): InventoryResult | undefined {
    return this.last;
  }

  show(result: InventoryResult): void {
    this.last = result;
    // Same answer as before: leave the rows alone. Re-rendering drops the rows' command arguments
    // in VS Code, so a click during a needless refresh would find no command.
    const key = JSON.stringify(result);
    if (key === this.lastKey) return;
    this.lastKey = key;
    this.provider.set(isEmptyInventory(result) ? [] : buildInventoryTree(result));
  }

  /** The view's badge: the project's errors and warnings, as the status bar counts them. */
  setHazards(n: number): void {
    this.view.badge = n ? { value: n, tooltip: `${n} packaging hazard${n === 1 ? '' : 's'}` } : undefined;
  }

  dispose(): void {
    this.view.dispose();
    this.provider.dispose();
  }
}
