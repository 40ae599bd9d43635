/** The custom requests of the UI (protocol.ts): inventory, checklist, Dev Hub org id, guide, packages. */
import * as os from 'node:os';
import type { EcaProject } from '../engine';
import { describeProject } from '../views/describe';
import { checklist } from '../views/checklist';
import { devHubFromSetting, findDevHubOrgId } from '../project/devHub';
import type { FsHost } from '../project/fsHost';
import type { ChecklistResult, DevHubOrgIdResult, GuideResult, InventoryResult, PackageVersions } from '../shared/protocol';
import { packageVersions } from '../shared/reinstallBeta';
import { renderGuide } from '../views/guide';
import { guideApps } from '../views/guideApps';

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

/** The guide of one project (every packaged app, or only `app`). */
export function guideResult(project: EcaProject | undefined, host: FsHost, toUri: (p: string) => string, app?: string): GuideResult {
  if (!project) return { markdown: '', apps: [] };
  const all = guideApps(project, host);
  const chosen = app === undefined ? all : all.filter((a) => a.name === app);
  return { markdown: chosen.length ? renderGuide(chosen) : '', apps: [...new Set(all.map((a) => a.name))], projectUri: toUri(project.root) };
}

/** The project's packages (package directories with `package`) and their `04t` versions, newest first. */
export function packagesResult(project: EcaProject | undefined): PackageVersions[] {
  if (!project) return [];
  const seen = new Set<string>();
  const out: PackageVersions[] = [];
  for (const d of project.config.packageDirectories) {
    if (!d.package || seen.has(d.package)) continue;
    seen.add(d.package);
    out.push({ name: d.package, path: d.relPath, versions: packageVersions(project.config.packageAliases, d.package).map((v) => ({ alias: v.alias, id: v.id })) });
  }
  return out;
}
