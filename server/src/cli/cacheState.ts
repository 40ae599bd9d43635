/**
 * `check --cache` after some ECA files changed: what a project's last check found, per file, and
 * each ECA file's app, so that only the files an edit can affect are checked again (the others'
 * findings come from the cache, and their content is not even read: model/ecaFile.ts reads a file
 * known unchanged when a rule first asks for it). Which files those are is the engine's own rule for
 * an edit (engine/project.ts `update`, model/workspace.ts `updateIndex`): the edited file, the
 * files of its app before and after (its `<externalClientApplication>` may have changed), and every
 * file the project-scope rules report in, before and now. An ECA file read through `textOf` has no
 * readers to add: the index holds it, so the engine records none either.
 *
 * Only content edits of ECA files already in the index take this path: a file added, deleted or
 * renamed changes a listed folder's mtime, and any other input (a `.forceignore`,
 * `sfdx-project.json`, a permission set, a setting) is not an ECA file; both give a full check, and
 * so does an ECA file that some project's rules read as a file outside their index (`usable`).
 */
import type { EcaProject } from '../engine/project';
import type { KnownFile } from '../model/options';
import type { Finding } from '../rules/kit';
import type { ReportFinding } from './report';
import { isFixable } from './fix';
import { groupByFolder, PER_FINDING, SEVERITIES, type StoredProject } from './cacheRows';

export type { StoredProject } from './cacheRows';

export interface PriorRun {
  projects: StoredProject[];
  /** Inputs whose size or mtime differ from the last run's. */
  changed: string[];
}

export interface ProjectPrior {
  state: StoredProject;
  /** ECA file → its app and verdict, as the last run found them. */
  apps: Map<string, KnownFile>;
  /** The changed inputs below this project (all ECA files of its index). */
  changed: string[];
}

/** Each stored project's apps, decoded once (`usable` and `priorFor` both ask). */
const decodedApps = new WeakMap<StoredProject, Map<string, KnownFile>>();

function appsOf(state: StoredProject): Map<string, KnownFile> {
  let m = decodedApps.get(state);
  if (m) return m;
  decodedApps.set(state, (m = new Map()));
  for (const g of state.apps) for (let i = 1; i < g.length; i += 3) m.set((g[0] as string) + (g[i] as string), { app: g[i + 1] === 0 ? null : (g[i + 1] as string), included: g[i + 2] === 1 });
  return m;
}

/** The project's part of a prior run, if it has one. */
export function priorFor(prior: PriorRun | undefined, root: string): ProjectPrior | undefined {
  const state = prior?.projects.find((p) => p.root === root);
  if (!state) return undefined;
  const apps = appsOf(state);
  return { state, apps, changed: prior!.changed.filter((p) => apps.has(p)) };
}

/**
 * May a prior run be used at all: is every changed input an ECA file of one of its projects, and
 * read by no project's rules as a file outside its index (another project's file, say)?
 */
export function usable(prior: PriorRun): boolean {
  const known = new Set<string>();
  const read = new Set<string>();
  for (const p of prior.projects) {
    for (const f of appsOf(p).keys()) known.add(f);
    for (const r of p.reads) read.add(r);
  }
  return prior.changed.every((p) => known.has(p) && !read.has(p));
}

/** The project's ECA files that did not change, with their apps and verdicts (the model reads them only when asked). */
export function knownFiles(prior: ProjectPrior): Map<string, KnownFile> {
  const m = new Map(prior.apps);
  for (const p of prior.changed) m.delete(p);
  return m;
}

/**
 * Check a project: every file (no prior run), or only what the changed files affect, with the
 * other files' findings from the prior run. Returns the findings in path order and the state to cache.
 */
export function checkProject(project: EcaProject, root: string, prior?: ProjectPrior): { findings: ReportFinding[]; state: StoredProject } {
  const affected = prior ? affectedBy(project, prior) : undefined;
  const old = new Map(prior?.state.checked.map((c) => [c[0] as string, c]));
  const strings: string[] = [];
  const index = new Map<string, number>();
  const str = (x: string) => index.get(x) ?? (index.set(x, strings.length), strings.push(x) - 1);
  const findings: ReportFinding[] = [];
  const checked: StoredProject['checked'] = [];
  for (const p of project.allPaths()) {
    const row: (string | number)[] = [p];
    if (affected && !affected.has(p)) {
      const before = old.get(p);
      if (!before) continue;
      for (let i = 1; i < before.length; i += PER_FINDING) {
        const [rule, sev, msg, sl, sc, el, ec, fixable] = before.slice(i, i + PER_FINDING) as number[];
        const range = { start: { line: sl!, character: sc! }, end: { line: el!, character: ec! } };
        const finding: Finding = { ruleId: prior!.state.strings[rule!]!, severity: SEVERITIES[sev!]!, message: prior!.state.strings[msg!]!, path: p, range, fixes: [] };
        findings.push({ root, finding, fixable: fixable === 1 });
        row.push(str(finding.ruleId), sev!, str(finding.message), sl!, sc!, el!, ec!, fixable!);
      }
    } else {
      for (const f of project.check(p)) {
        const fixable = isFixable(f);
        findings.push({ root, finding: f, fixable });
        const { start, end } = f.range;
        row.push(str(f.ruleId), SEVERITIES.indexOf(f.severity), str(f.message), start.line, start.character, end.line, end.character, fixable ? 1 : 0);
      }
    }
    if (row.length > 1) checked.push(row);
  }
  findings.sort(byPathThenLine);
  // Rules of files not checked again did not read again: keep what they read before.
  const reads = [...new Set([...(prior?.state.reads ?? []), ...project.otherReads()])];
  return { findings, state: { root, apps: groupedApps(project), strings, checked, projectPaths: project.projectFindingPaths(), reads } };
}

/** The engine's answer to "these ECA files were edited": see the module comment. */
function affectedBy(project: EcaProject, prior: ProjectPrior): Set<string> {
  const out = new Set<string>([...prior.state.projectPaths, ...project.projectFindingPaths()]);
  for (const c of prior.changed) {
    out.add(c);
    for (const name of [prior.apps.get(c)?.app, project.file(c)?.appName]) if (name) for (const f of project.app(name)?.files ?? []) out.add(f.path);
  }
  return out;
}

function groupedApps(project: EcaProject): StoredProject['apps'] {
  const rows: [string, ...(string | number)[]][] = [];
  for (const f of project.files()) rows.push([f.path, f.appName ?? 0, f.included ? 1 : 0]);
  return groupByFolder(rows);
}

/** Path order (a project's files together), then line: the order every format prints. */
export function byPathThenLine(a: ReportFinding, b: ReportFinding): number {
  const x = a.finding;
  const y = b.finding;
  return x.path < y.path ? -1 : x.path > y.path ? 1 : x.range.start.line - y.range.start.line;
}
