/**
 * The pre-packaging checklist of the reference, per app (`ecaLens/checklist`): distributionState
 * Packaged, orgScopedExternalApp set, oauthLink set, `.forceignore` keeps global settings and
 * policies out, no such file left in the build. Each failing item carries the finding behind it
 * when a rule reports one. A pure function of an indexed project.
 *
 * Choices:
 * - An app whose header (or, without a header, first file) is not in a packaged directory gets
 *   every item `not-applicable`: nothing of it goes into a package version.
 * - When an app has no global-settings (or policy) file yet, the `.forceignore` items test the path
 *   `sf project retrieve` would write (`<folder>/extlClntAppGlobalOauthSets/<App>_glbloauth...`): the
 *   next retrieve must not put one into the build. Such a failure has no finding behind it.
 */
import * as path from 'node:path';
import type { EcaProject } from '../engine/project';
import type { AppInfo, EcaFile } from '../model/types';
import type { EcaTypeInfo } from '../metadata/types';
import { GLOBAL_OAUTH_TYPE, HEADER_TYPE, OAUTH_POLICIES_TYPE, OAUTH_SETTINGS_TYPE } from '../metadata/types';
import type { PackageDirectory } from '../project/sfdxProject';
import type { Finding } from '../rules/kit/types';
import type { AppChecklist, ChecklistItem, ChecklistItemId, ChecklistResult } from '../shared/protocol';
import { findingSummary, type ToUri } from './describe';
import { pathToUri } from '../util/uri';
import { ORG_ID } from '../shared/orgId';

const LABELS: Record<ChecklistItemId, string> = {
  'distribution-state-packaged': 'distributionState is Packaged',
  'org-scoped-app-set': 'orgScopedExternalApp is set',
  'oauth-link-set': 'oauthLink is set',
  'forceignore-excludes-global-settings': '.forceignore excludes global OAuth settings',
  'forceignore-excludes-policies': '.forceignore excludes policies',
  'no-non-packageable-in-build': 'No policy or global settings file in the build',
};

const PLUGIN_POLICIES_TYPE = 'ExtlClntAppConfigurablePolicies';

export function checklistForProject(project: EcaProject, toUri: ToUri = pathToUri): AppChecklist[] {
  const out: AppChecklist[] = [];
  for (const app of project.apps()) out.push(checklistForApp(project, app, toUri));
  out.sort((a, b) => (a.app < b.app ? -1 : a.app > b.app ? 1 : 0));
  return out;
}

export function checklist(projects: Iterable<EcaProject>, toUri: ToUri = pathToUri): ChecklistResult {
  const apps: AppChecklist[] = [];
  for (const p of projects) apps.push(...checklistForProject(p, toUri));
  return { apps };
}

export function checklistForApp(project: EcaProject, app: AppInfo, toUri: ToUri = pathToUri): AppChecklist {
  const header = app.headers.find((h) => h.type?.name === HEADER_TYPE);
  const anchor = header ?? app.files[0];
  const pkgDir = anchor?.packageDir;
  const base: Omit<AppChecklist, 'items'> = { projectUri: toUri(project.root), app: app.name, package: pkgDir?.package ?? null };
  const item = (id: ChecklistItemId, status: ChecklistItem['status'], detail?: string, finding?: Finding): ChecklistItem => ({
    id,
    label: LABELS[id],
    status,
    ...(detail ? { detail } : {}),
    ...(finding ? { finding: findingSummary(finding, toUri) } : {}),
  });
  const ids = Object.keys(LABELS) as ChecklistItemId[];
  if (!pkgDir?.package) {
    const why = pkgDir ? `package directory "${pkgDir.relPath}" is not a 2GP package` : 'not in a package directory';
    return { ...base, items: ids.map((id) => item(id, 'not-applicable', why)) };
  }
  const findingOf = (files: readonly EcaFile[], ...rules: string[]): Finding | undefined => {
    for (const r of rules) for (const f of files) {
      const hit = project.check(f.path).find((x) => x.ruleId === r);
      if (hit) return hit;
    }
    return undefined;
  };
  const rel = (p: string) => path.relative(project.root, p).split(path.sep).join('/');
  const items: ChecklistItem[] = [];
  const root = header?.xml?.root;
  const childText = (name: string) => root?.children.find((c) => c.name === name)?.text;

  // 1. distributionState
  if (!header) {
    items.push(item('distribution-state-packaged', 'fail', `no header (${app.name}.eca-meta.xml) in the project`, findingOf(app.files, 'orphan-satellite')));
  } else if (!root) {
    items.push(item('distribution-state-packaged', 'fail', 'the header can\'t be read', findingOf([header], 'xml-malformed', 'file-unreadable')));
  } else {
    const d = childText('distributionState');
    if (d === 'Packaged') items.push(item('distribution-state-packaged', 'pass', 'Packaged'));
    else items.push(item('distribution-state-packaged', 'fail', d === undefined ? 'no distributionState (Local by default)' : `distributionState is "${d}"`, findingOf([header], 'distribution-state-not-packaged', 'packageable-excluded')));
  }

  // 2. orgScopedExternalApp
  if (!header || !root) {
    items.push(item('org-scoped-app-set', 'fail', header ? 'the header can\'t be read' : 'no header in the project'));
  } else {
    const v = childText('orgScopedExternalApp');
    const invalid = findingOf([header], 'org-scoped-app-invalid');
    if (v === undefined) items.push(item('org-scoped-app-set', 'fail', 'no orgScopedExternalApp', findingOf([header], 'org-scoped-app-missing')));
    else if (invalid) items.push(item('org-scoped-app-set', 'fail', `"${v}" is not <Dev Hub org id>:${app.name}`, invalid));
    else {
      const [org = '', name = ''] = v.split(':');
      if (ORG_ID.test(org) && name === header.fullName) items.push(item('org-scoped-app-set', 'pass', v));
      else items.push(item('org-scoped-app-set', 'fail', `"${v}" is not <Dev Hub org id>:${app.name}`));
    }
  }

  // 3. oauthLink
  const oauth = app.files.filter((f) => f.type?.name === OAUTH_SETTINGS_TYPE);
  if (oauth.length === 0) items.push(item('oauth-link-set', 'not-applicable', 'the app has no OAuth settings in the project'));
  else {
    const invalid = findingOf(oauth, 'oauth-link-invalid');
    const missing = oauth.filter((f) => f.xml?.root && !f.xml.root.children.some((c) => c.name === 'oauthLink'));
    if (invalid) items.push(item('oauth-link-set', 'fail', 'oauthLink is malformed or names another org', invalid));
    else if (missing.length) items.push(item('oauth-link-set', 'fail', `no oauthLink in ${rel(missing[0]!.path)}`, findingOf(missing, 'oauth-link-missing')));
    else if (oauth.some((f) => !f.xml?.root)) items.push(item('oauth-link-set', 'fail', 'the OAuth settings can\'t be read', findingOf(oauth, 'xml-malformed', 'file-unreadable')));
    else items.push(item('oauth-link-set', 'pass', oauth.map((f) => f.xml!.root!.children.find((c) => c.name === 'oauthLink')?.text ?? '').join(', ')));
  }

  // 4, 5. .forceignore keeps global settings and policies out
  const isGlobal = (t: EcaTypeInfo | undefined) => t?.name === GLOBAL_OAUTH_TYPE;
  const isPolicy = (t: EcaTypeInfo | undefined) => !!t && t.packageable === 'no' && t.name !== GLOBAL_OAUTH_TYPE;
  const folder = conventionalFolder(header, pkgDir);
  const hypothetical = (typeName: string, fileName: string) => {
    const t = project.types.byName(typeName);
    return t ? [path.join(folder, t.directory, fileName)] : [];
  };
  const excludes = (id: ChecklistItemId, what: string, match: (t: EcaTypeInfo | undefined) => boolean, would: string[]) => {
    const files = app.files.filter((f) => match(f.type) && f.packageDir?.package);
    if (files.length) {
      const inBuild = files.filter((f) => f.included);
      if (inBuild.length) return item(id, 'fail', `${rel(inBuild[0]!.path)} is in the build`, findingOf(inBuild, 'non-packageable-in-package'));
      const ex = files[0]!.exclusion;
      const line = ex?.info.line;
      return item(id, 'pass', line ? `excluded by ${rel(ex!.forceIgnore.path)} line ${line.line + 1} ("${line.text.trim()}")` : `${what} excluded`);
    }
    if (would.length === 0) return item(id, 'not-applicable', `the app has no ${what} in the project`);
    const fi = project.forceIgnoreFor(pkgDir);
    const missed = would.filter((p) => !fi?.denies(p, true));
    if (missed.length === 0) {
      const line = fi?.explain(would[0]!, true)?.line;
      return item(id, 'pass', `none in the project; a retrieved ${rel(would[0]!)} would be excluded${line ? ` by line ${line.line + 1} ("${line.text.trim()}")` : ''}`);
    }
    return item(id, 'fail', `none in the project yet, but nothing in ${fi ? rel(fi.path) : 'the project (no .forceignore)'} would keep a retrieved ${rel(missed[0]!)} out of the build`);
  };
  items.push(excludes('forceignore-excludes-global-settings', 'global OAuth settings', isGlobal, hypothetical(GLOBAL_OAUTH_TYPE, `${app.name}_glbloauth.ecaGlblOauth-meta.xml`)));
  items.push(
    excludes('forceignore-excludes-policies', 'policies', isPolicy, [
      ...hypothetical(OAUTH_POLICIES_TYPE, `${app.name}_oauthPlcy.ecaOauthPlcy-meta.xml`),
      ...hypothetical(PLUGIN_POLICIES_TYPE, `${app.name}_plcy.ecaPlcy-meta.xml`),
    ]),
  );

  // 6. nothing non-packageable in the build
  const bad = app.files.filter((f) => f.type?.packageable === 'no' && f.included && f.packageDir?.package);
  if (bad.length) items.push(item('no-non-packageable-in-build', 'fail', `${bad.length} file${bad.length > 1 ? 's' : ''} that can't be packaged in the build: ${bad.map((f) => path.basename(f.path)).join(', ')}`, findingOf(bad, 'non-packageable-in-package')));
  else items.push(item('no-non-packageable-in-build', 'pass'));

  return { ...base, items };
}

/** The `main/default`-style folder the app's files live in (where a retrieve writes them). */
function conventionalFolder(header: EcaFile | undefined, pkgDir: PackageDirectory): string {
  if (header && header.type) {
    const parent = path.dirname(header.path);
    if (path.basename(parent) === header.type.directory) return path.dirname(parent);
    return parent;
  }
  return path.join(pkgDir.absPath, 'main', 'default');
}
