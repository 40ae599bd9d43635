/** The custom requests of the UI (protocol.ts): inventory, checklist, integration report, Dev Hub org id. */
import * as os from 'node:os';
import type { EcaProject } from '../engine';
import { describeProject } from '../views/describe';
import { checklist } from '../views/checklist';
import { devHubFromSetting, findDevHubOrgId } from '../project/devHub';
import type { FsHost } from '../project/fsHost';
import type { ChecklistResult, DevHubOrgIdResult, InventoryResult, ReportResult } from '../shared/protocol';
import { projectPosture } from '../views/posture';
import { reportMarkdown } from '../views/integrationReport';
import { toPosixRelative } from '../project/fsHost';

export function inventoryResult(projects: readonly EcaProject[], toUri: (p: string) => string): InventoryResult {
  return { projects: projects.map((p) => describeProject(p, toUri)) };
}

export function checklistResult(projects: readonly EcaProject[], toUri: (p: string) => string): ChecklistResult {
  return checklist(projects, toUri);
}

/** The integration report of the projects as Markdown; labels relative to `base` (the workspace folder). */
export function reportResult(projects: readonly EcaProject[], base: string | undefined, docsBase?: string): ReportResult {
  const inputs = projects.map((p) => ({ root: p.root, label: base ? toPosixRelative(base, p.root) || '.' : p.root, apps: projectPosture(p) }));
  return { markdown: reportMarkdown(inputs, docsBase ? { docsBase } : {}) };
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
