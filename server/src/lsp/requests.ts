/** The custom requests of the UI (protocol.ts): inventory, checklist, Dev Hub org id. */
import * as os from 'node:os';
import type { EcaProject } from '../engine';
import { describeProject } from '../inventory/describe';
import { checklist } from '../inventory/checklist';
import { findDevHubOrgId } from '../project/devHub';
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
    const id = setting.trim();
    return /^00D[A-Za-z0-9]{12}([A-Za-z0-9]{3})?$/.test(id) ? { orgId: id.slice(0, 15), source: 'the ecaLens.devHubOrgId setting' } : { source: `the ecaLens.devHubOrgId setting "${id}" is not an org id` };
  }
  const r = findDevHubOrgId(fallbackDir ?? os.homedir(), host);
  return r.orgId ? { orgId: r.orgId, source: r.source } : { source: r.source };
}
