/** The "External Client Apps" view: shows the inventory model; no logic of its own. */
import type { AppPostureView, InventoryResult } from '../../../server/src/shared/protocol';
import { ResultTree } from '../adapters';
import { buildInventoryTree, isEmptyInventory, postureSettingNodes, type InventoryNode } from './inventoryModel';

export const INVENTORY_VIEW = 'ecaLens.apps';

export class InventoryTree extends ResultTree<InventoryResult, InventoryNode> {
  constructor() {
    super(INVENTORY_VIEW);
  }

  private postureSource: ((projectUri: string, app: string) => Promise<AppPostureView | null | undefined>) | undefined;

  protected build(result: InventoryResult): InventoryNode[] {
    return isEmptyInventory(result) ? [] : buildInventoryTree(result);
  }

  /** Where the "Security posture" rows come from (the server's `ecaLens/appPosture`). */
  setPostureSource(source: (projectUri: string, app: string) => Promise<AppPostureView | null | undefined>): void {
    this.postureSource = source;
  }

  protected override loadChildren(n: InventoryNode): Promise<InventoryNode[]> | undefined {
    if (n.kind !== 'posture' || !this.postureSource) return undefined;
    return this.postureSource(n.project.uri, n.app.name).then((view) => (view ? postureSettingNodes(n.project, n.app, view) : []));
  }

  /** The view's badge: the project's errors and warnings, as the status bar counts them. */
  setHazards(n: number): void {
    this.view.badge = n ? { value: n, tooltip: `${n} packaging hazard${n === 1 ? '' : 's'}` } : undefined;
  }
}
