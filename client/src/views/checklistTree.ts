/** The "Pre-packaging Checklist" view: shows the checklist model; no logic of its own. */
import type { ChecklistResult } from '../../../server/src/shared/protocol';
import { ResultTree } from '../adapters';
import { buildChecklistTree, failingApps, type ChecklistNode } from './checklistModel';

export const CHECKLIST_VIEW = 'ecaLens.checklist';

export class ChecklistTree extends ResultTree<ChecklistResult, ChecklistNode> {
  constructor() {
    super(CHECKLIST_VIEW);
  }

  protected build(result: ChecklistResult): ChecklistNode[] {
    return buildChecklistTree(result);
  }

  protected override shown(result: ChecklistResult): void {
    const failing = failingApps(result).length;
    this.view.description = result.apps.length ? (failing ? `${failing} of ${result.apps.length} not ready` : 'all ready') : undefined;
  }
}
