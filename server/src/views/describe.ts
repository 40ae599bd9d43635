/**
 * The inventory as the UI draws it (`ecaLens/inventory`): apps with their files, each file's type,
 * build state and findings. A pure function of an indexed project, so the CLI could print it too.
 */
import * as path from 'node:path';
import type { EcaProject } from '../engine/project';
import type { EcaFile } from '../model/types';
import type { Finding } from '../rules/kit/types';
import type { AppInventory, FileInventory, FileState, FindingSummary, ProjectInventory } from '../shared/protocol';
import { pathToUri } from '../util/uri';
import { postureView, projectPosture } from './posture';

export type ToUri = (absPath: string) => string;

export function findingSummary(f: Finding, toUri: ToUri = pathToUri): FindingSummary {
  return { uri: toUri(f.path), code: f.ruleId, severity: f.severity, message: f.message, range: f.range, fixable: f.hasFixes ?? f.fixes.length > 0 };
}

/** Where a file stands for its package directory's build. */
export function fileState(f: EcaFile): FileState {
  if (f.nameInfo.kind === 'unrecognized' || !f.type) return 'unrecognized';
  if (!f.packageDir) return 'outside-package-directories';
  if (!f.included) return f.exclusion ? 'excluded' : 'unrecognized';
  if (!f.packageDir.package) return 'not-packaged';
  return f.type.packageable === 'no' ? 'in-build-not-packageable' : 'ships';
}

export function describeFile(project: EcaProject, f: EcaFile, toUri: ToUri = pathToUri): FileInventory {
  const out: FileInventory = {
    uri: toUri(f.path),
    path: f.rel,
    type: f.type?.name ?? null,
    typeLabel: f.type?.label ?? 'Unrecognized file name',
    packageable: f.type?.packageable ?? null,
    packageDirectory: f.packageDir?.relPath ?? null,
    included: f.included,
    state: fileState(f),
    findings: project.check(f.path).map((x) => findingSummary(x, toUri)),
  };
  const ex = f.exclusion;
  if (ex?.info.line) out.excludedBy = { uri: toUri(ex.forceIgnore.path), line: ex.info.line.line, text: ex.info.line.text };
  else if (ex?.info.defaultPattern) out.excludedBy = { defaultPattern: ex.info.defaultPattern };
  return out;
}

const typeOrder = (project: EcaProject) => {
  const m = new Map(project.types.all.map((t, i) => [t.name, i]));
  return (f: EcaFile) => (f.type ? (m.get(f.type.name) ?? 999) : 1000);
};

export function describeProject(project: EcaProject, toUri: ToUri = pathToUri): ProjectInventory {
  const order = typeOrder(project);
  const byOrder = (a: EcaFile, b: EcaFile) => order(a) - order(b) || (a.rel < b.rel ? -1 : a.rel > b.rel ? 1 : 0);
  const apps: AppInventory[] = [];
  const postures = new Map(projectPosture(project).filter((r) => r.kind === 'eca').map((r) => [r.name, r]));
  for (const app of project.apps()) {
    const files = [...app.files].sort(byOrder);
    const header = app.headers[0];
    const anchor = header ?? files[0];
    const fileInv = files.map((f) => describeFile(project, f, toUri));
    const dist = header?.xml?.root?.children.find((c) => c.name === 'distributionState')?.text;
    apps.push({
      name: app.name,
      packageDirectory: anchor?.packageDir?.relPath ?? null,
      package: anchor?.packageDir?.package ?? null,
      distributionState: dist === undefined ? null : dist,
      hasHeader: app.headers.length > 0,
      files: fileInv,
      findings: fileInv.flatMap((f) => f.findings),
    });
    const rec = postures.get(app.name);
    if (rec) apps[apps.length - 1]!.posture = postureView(project, rec, toUri);
  }
  apps.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  const looseFiles = [...project.files()].filter((f) => !f.appName).sort(byOrder).map((f) => describeFile(project, f, toUri));
  return {
    uri: toUri(project.root),
    name: path.basename(project.root),
    packageDirectories: project.config.packageDirectories.map((d) => ({ path: d.relPath, package: d.package ?? null, default: d.default })),
    apps,
    looseFiles,
  };
}
