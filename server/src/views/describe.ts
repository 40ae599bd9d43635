/**
 * The inventory as the UI draws it (`ecaLens/inventory`): apps with their files, each file's type,
 * build state and findings, and the counts of the app's security posture (its rows: views/posture.ts
 * `postureView`, asked for one app at a time). A pure function of an indexed project, so the CLI could print it too.
 */
import * as path from 'node:path';
import type { EcaProject } from '../engine/project';
import type { EcaFile } from '../model/types';
import type { Finding } from '../rules/kit/types';
import type { Exclusion } from '../project/forceIgnore';
import type { AppInventory, FileInventory, FileState, FindingSummary, ProjectInventory } from '../shared/protocol';
import { pathToUri } from '../util/uri';
import { InputsMemo } from '../util/memo';
import { ecaAppRecord, postureSummary } from './posture';

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

/**
 * What was said of each file, while the file, its findings and its excluding line are the same
 * objects: the model replaces a file's entry when its content or verdict changes, the engine its
 * findings when it re-checks it, and an exclusion makes a new answer when its `.forceignore`
 * changes (model/verdict.ts). A finding's summary is fixed with it (lazy fixes say `hasFixes`).
 * The tree asks for every file at each refresh; after an edit, a few are described again.
 */
const described = new InputsMemo<EcaFile, FileInventory>();

export function describeFile(project: EcaProject, f: EcaFile, toUri: ToUri = pathToUri): FileInventory {
  const findings = project.check(f.path);
  const exclusion = f.exclusion?.info;
  return described.get(f, [findings, exclusion, toUri], () => makeFileInventory(f, findings, exclusion, toUri));
}

function makeFileInventory(f: EcaFile, findings: readonly Finding[], exclusion: Exclusion | undefined, toUri: ToUri): FileInventory {
  const ex = f.exclusion;
  const out: FileInventory = {
    uri: toUri(f.path),
    path: f.rel,
    type: f.type?.name ?? null,
    typeLabel: f.type?.label ?? 'Unrecognized file name',
    packageable: f.type?.packageable ?? null,
    packageDirectory: f.packageDir?.relPath ?? null,
    included: f.included,
    state: fileState(f),
    findings: findings.map((x) => findingSummary(x, toUri)),
  };
  if (ex && exclusion?.line) out.excludedBy = { uri: toUri(ex.forceIgnore.path), line: exclusion.line.line, text: exclusion.line.text };
  else if (exclusion?.defaultPattern) out.excludedBy = { defaultPattern: exclusion.defaultPattern };
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
      posture: postureSummary(ecaAppRecord(project, app)),
    });
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
