/** The custom requests of the UI (protocol.ts): inventory, checklist, Dev Hub org id. */
import * as os from 'node:os';
import type { EcaProject } from '../engine';
import { describeProject } from '../views/describe';
import { checklist } from '../views/checklist';
import { devHubFromSetting, findDevHubOrgId } from '../project/devHub';
import type { FsHost } from '../project/fsHost';
import type { ChecklistResult, DevHubOrgIdResult, InventoryResult } from '../shared/protocol';

export function inventoryResult(projects: readonly EcaProject[], toUri: (p: string) => string): InventoryResult {
  return { projects: projects.map((p) => describeProject(p, toUri)) };
}

export function checklistResult(projects: readonly EcaProject[], toUri: (p: string) => string): ChecklistResult {
  return checklist(projects, toUri);
}

export function devHubOrgIdResult(project: EcaProject | undefined, fallbackDir: string | undefined, setting: string, host: FsHost): DevHubOrgIdResult {
  if (project) {
    const r = project.devHub();
    return r.orgId ? { orgId: r.orgId, source: r.source } : { source: r.source };
  }
  if (setting) {
    const r = devHubFromSetting(setting);
    return r.orgId ? { orgId: r.orgId, source: r.source } : { source: r.source };
  }
  const r = findDevHubOrgId(fallbackDir ?? os.homedir(), host);
  return r.orgId ? { orgId: r.orgId, source: r.source } : { source: r.source };
}
