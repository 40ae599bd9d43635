/** The "External Client Apps" view: shows the inventory model; no logic of its own. */
import type { InventoryResult } from '../../../server/src/shared/protocol';
import { ResultTree } from '../adapters';
import { buildInventoryTree, isEmptyInventory, type InventoryNode } from './inventoryModel';

export const INVENTORY_VIEW = 'ecaLens.apps';

export class InventoryTree extends ResultTree<InventoryResult, InventoryNode> {
  constructor() {
    super(INVENTORY_VIEW);
  }

  protected build(result: InventoryResult): InventoryNode[] {
    return isEmptyInventory(result) ? [] : buildInventoryTree(result);
  }

  /** The view's badge: the project's errors and warnings, as the status bar counts them. */
  setHazards(n: number): void {
    this.view.badge = n ? { value: n, tooltip: `${n} packaging hazard${n === 1 ? '' : 's'}` } : undefined;
  }
}
