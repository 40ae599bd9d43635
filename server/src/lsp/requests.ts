/** The custom requests of the UI (protocol.ts): inventory, an app's posture, checklist, integration report, Dev Hub org id, migration preview, guide, packages. */
import * as os from 'node:os';
import type { EcaProject } from '../engine';
import { describeProject } from '../views/describe';
import { checklist } from '../views/checklist';
import { devHubFromSetting, findDevHubOrgId } from '../project/devHub';
import type { FsHost } from '../project/fsHost';
import * as path from 'node:path';
import { planForFile } from '../migrate';
import { toPosixRelative } from '../project/fsHost';
import type { AppPostureParams, AppPostureView, ChecklistResult, DevHubOrgIdResult, InventoryResult, MigrationPreviewResult, ReportResult } from '../shared/protocol';
import { ecaAppRecord, postureView, projectPosture } from '../views/posture';
import { reportMarkdown } from '../views/integrationReport';
import type { GuideResult, PackageVersions } from '../shared/protocol';
import { packageVersions } from '../shared/reinstallBeta';
import { renderGuide } from '../views/guide';
import { guideApps } from '../views/guideApps';

export function inventoryResult(projects: readonly EcaProject[], toUri: (p: string) => string): InventoryResult {
  return { projects: projects.map((p) => describeProject(p, toUri)) };
}

/** One app's "Security posture" rows (`ecaLens/appPosture`); null when the project or app is gone. */
export function appPostureResult(projects: readonly EcaProject[], toUri: (p: string) => string, params: AppPostureParams | undefined): AppPostureView | null {
  const project = params ? projects.find((p) => toUri(p.root) === params.projectUri) : undefined;
  const app = project && typeof params?.app === 'string' ? project.app(params.app) : undefined;
  return project && app ? postureView(project, ecaAppRecord(project, app), toUri) : null;
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

/** What converting the Connected App at `p` would write: the same plan as the rule's fix and `eca-lens migrate`. */
export function migrationPreviewResult(project: EcaProject | undefined, p: string, toUri: (p: string) => string): MigrationPreviewResult {
  const empty = (problem: string): MigrationPreviewResult => ({ problem, name: '', convertible: false, files: [], mapped: [], unmapped: [], blockers: [], notes: [], ignoreEdits: [] });
  const f = project?.file(p);
  if (!project || !f?.doc || f.type?.name !== 'ConnectedApp') return empty('not a Connected App file (*.connectedApp-meta.xml) of an sfdx project');
  const plan = planForFile(project, p, f.doc);
  const app = plan.apps[0]!;
  const c = app.conversion;
  if (c.problem) return { ...empty(`it can't be read as a Connected App: ${c.problem.message} (line ${c.problem.line + 1})`), name: c.fullName };
  const rel = (x: string) => toPosixRelative(project.root, x);
  const written = new Set(app.writes.map((w) => w.path));
  return {
    name: c.fullName,
    convertible: c.convertible,
    files: c.files.map((x) => {
      const abs = path.join(app.baseDir, x.folder, x.fileName);
      return { uri: toUri(abs), path: rel(abs), kind: x.kind, text: x.text, exists: c.convertible && !written.has(abs) };
    }),
    mapped: c.mapped.map((m) => ({ ...m })),
    unmapped: c.unmapped.map((u) => ({ from: u.from, why: u.why })),
    blockers: c.blockers.map((b) => ({ element: b.element, label: b.label, why: b.why })),
    notes: [...c.notes.map((n) => n.message), ...app.notes, ...app.skipped.map((s) => `${rel(s.path)}: skipped, ${s.why}`)],
    ignoreEdits: plan.ignoreEdits.map((e) => ({ uri: toUri(e.path), path: rel(e.path), created: e.created, added: [...e.added], text: e.text })),
  };
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
