/**
 * `eca-lens check`: find the projects (or, with no sfdx-project.json anywhere, the loose metadata),
 * optionally fix, check, format. Exit 0 without errors, 1 with errors or more warnings than
 * --max-warnings, 2 on a fatal problem.
 */
import * as path from 'node:path';
import { nodeFsHost, type FsHost } from '../project/fsHost';
import { plain } from '../util/paths';
import { ListingMemo } from '../project/listingMemo';
import { RecordingHost, cacheStats, readCache, writeCache } from './cache';
import { answerable, cacheFileAndKey, hitResult, hyperlinksOf, type CacheRequest, type CheckEnv } from './cacheRequest';
import { checkProject, priorFor, usable, knownFiles, byPathThenLine, type PriorRun, type StoredProject } from './cacheState';
import { withBaseline } from './since';
import { findProjectRoots, openProject, inventoryJson, type EngineOptions } from '../engine';
import type { CheckArgs } from './args';
import { isFixable, runFixes, DryRunHost, type FixLogEntry } from './fix';
import { unifiedDiff } from './diff';
import { relPath, counts, type Report, type ReportProject } from './report';
import { formatText } from './formats/text';
import { formatJson } from './formats/json';
import { formatSarif } from './formats/sarif';
import { formatMarkdown } from './formats/markdown';
import type { RunResult } from './main';

export type { CheckEnv } from './cacheRequest';

/** `looked`: the cache lookup already made for these arguments (the CLI's entry makes it before it loads the engine). */
export function checkCommand(args: CheckArgs, e: CheckEnv, looked?: CacheRequest): RunResult {
  const dir = path.resolve(e.cwd, args.dir);
  if (!nodeFsHost.isDirectory(dir)) return fatal(`"${args.dir}" is not a folder`);
  const base: EngineOptions = { rules: args.rules, exclude: args.exclude, devHubOrgId: args.devHubOrgId, devHubOrgIdSource: args.devHubOrgId ? 'cli' : undefined };
  const hyperlinks = hyperlinksOf(args, e);
  // --cache: looked up before anything else is read. Finding the projects is part of the recorded
  // inputs (the folders it listed, the sfdx-project.json it probed), not of the key, so a hit
  // stats what the last run read and nothing more.
  let cache: { file: string; key: string; host: RecordingHost; prior: PriorRun | undefined } | undefined;
  if (args.cacheLocation) {
    const { file, key } = cacheFileAndKey(args, args.cacheLocation, e, dir);
    const found = !answerable(args) ? undefined : looked && looked.file === file && looked.key === key ? looked.found : readCache(file, key, nodeFsHost, args.cacheStrategy);
    if (found && 'hit' in found) return hitResult(found.hit);
    // Only ECA files edited: their findings and those of the files they affect are found again.
    const prior = found && usable(found.prior) ? found : undefined;
    cache = { file, key, host: new RecordingHost(nodeFsHost, args.cacheStrategy), prior: prior?.prior };
    if (prior) {
      cache.host.seed(prior.inputs);
      cacheStats.partial++;
    }
  }
  // Discovery's folder listings go on to the index's walk (read once, not twice).
  const host = new ListingMemo(cache?.host ?? nodeFsHost);
  host.recording = true;
  let projects: ReportProject[] = findProjectRoots(dir, host).map((root) => ({ root, sfdxProject: true }));
  host.recording = false;
  /** What the report's run says on stderr besides the exit status (cached with the output). */
  let note = '';
  if (projects.length === 0) {
    // No sfdx-project.json at, above or below DIR: the ECA files below it are still checked (a
    // committed consumer secret must not go unreported), as a project without package directories.
    const loose = openProject(dir, host, { ...base, noProjectFile: true });
    const n = [...loose.files()].length;
    if (n === 0) return fatal(`no sfdx-project.json at or above "${args.dir}", nor below it, and no ECA files`);
    projects = [{ root: dir, sfdxProject: false }];
    note = `no sfdx-project.json found: checked ${n} file${n === 1 ? '' : 's'} as loose metadata (file-level rules only)\n`;
  }
  let stderr = note;
  const since = withBaseline(projects.filter((p) => p.sfdxProject).map((p) => p.root), args.since, base);
  if ('error' in since) return fatal(since.error);
  const optionsFor = (p: ReportProject): EngineOptions => (p.sfdxProject ? since.options(p.root) : { ...base, noProjectFile: true });
  const targets = projects.map((p) => ({ root: p.root, options: optionsFor(p) }));
  const machine = args.format !== 'text';
  let stdout = '';
  const fixLines = (log: FixLogEntry[], verb: string) => {
    const lines = log.map(({ finding: f, fix }) => `${verb} ${relPath(e.cwd, f.path)}:${f.range.start.line + 1} ${f.ruleId}: ${fix.title}`);
    return lines.length ? lines.join('\n') + `\n${lines.length} fix(es) ${verb === 'fixed' ? 'applied' : 'would be applied'}\n` : 'no fixable findings\n';
  };
  if (args.fix) {
    const log = fixLines(runFixes(targets, nodeFsHost), 'fixed');
    host.clear(); // the fixes may have made or deleted files: the report's walk reads the folders again
    // Before the report: on stdout for text (one stream, in order), else on stderr.
    if (machine) stderr += log;
    else stdout += log + '\n';
  }
  if (args.fixDryRun) {
    const host = new DryRunHost(nodeFsHost);
    const log = runFixes(targets, host);
    stderr += fixLines(log, 'would fix');
    const dec = (b: Uint8Array | undefined) => (b ? new TextDecoder().decode(b) : undefined);
    const diffs: string[] = [];
    for (const p of [...host.changed.keys()].sort()) {
      const before = dec(nodeFsHost.readFile(p));
      const after = dec(host.readFile(p));
      const name = relPath(e.cwd, p);
      diffs.push(unifiedDiff(name, name, before, after));
    }
    // The diff alone on stdout (`> fixes.patch`, then `git apply`); the exit status is check's.
    const { code, why } = exitCode(buildReport(projects, optionsFor, e.cwd), args.maxWarnings);
    return { code, stdout: diffs.join(''), stderr: stderr + why };
  }
  const render = (report: Report) => {
    const out =
      args.format === 'json'
        ? formatJson(report)
        : args.format === 'sarif'
          ? formatSarif(report, e.version)
          : args.format === 'markdown'
            ? formatMarkdown(report)
            : formatText(report, { color: args.color, hyperlinks, verbose: args.verbose });
    return { stdout: out, ...exitCode(report, args.maxWarnings) };
  };
  const states: StoredProject[] = [];
  const result = render(buildReport(projects, optionsFor, e.cwd, host, cache?.prior, cache ? states : undefined));
  if (cache) {
    // The report and what its run says, not the fix log: --fix is not in the key.
    // Encoded once: written to the cache and, unless the fix log goes first, to stdout.
    const bytes = Buffer.from(result.stdout, 'utf8');
    const problem = writeCache(cache.file, cache.key, cache.host.inputs(), states, { code: result.code, stdout: result.stdout, stdoutBytes: bytes, why: note + result.why }, args.cacheStrategy);
    if (problem) stderr += `eca-lens: ${problem}\n`;
    if (!stdout) return { code: result.code, stdout: result.stdout, stdoutBytes: bytes, stderr: stderr + result.why };
  }
  return { code: result.code, stdout: stdout + result.stdout, stderr: stderr + result.why };
}

/** The report; with `states`, each project's state for the cache, and with `prior`, only what changed is checked again. */
function buildReport(projects: ReportProject[], optionsFor: (p: ReportProject) => EngineOptions, cwd: string, host: FsHost = nodeFsHost, prior?: PriorRun, states?: StoredProject[]): Report {
  const report: Report = { cwd, projects, files: [], findings: [] };
  for (const p of projects) {
    const before = states ? priorFor(prior, p.root) : undefined;
    const project = openProject(p.root, host, before ? { ...optionsFor(p), known: knownFiles(before) } : optionsFor(p));
    for (const f of inventoryJson(project)) report.files.push({ root: p.root, path: f.path, type: f.type, packageDirectory: f.packageDirectory, app: f.app, included: f.included });
    if (states) {
      const r = checkProject(project, p.root, before);
      report.findings.push(...r.findings);
      states.push(r.state);
    } else for (const list of project.checkAll().values()) for (const f of list) report.findings.push({ root: p.root, finding: f, fixable: isFixable(f) });
  }
  // Path order (a project's files together), then line.
  report.findings.sort(byPathThenLine);
  // Files by absolute path: each key joined once, not twice per comparison (by concatenation where
  // path.join would give the same: a plain root and a path inside it).
  const keyed = report.files.map((f) => ({ key: plain(f.root) && f.root !== '/' && f.path !== '' && !f.path.startsWith('..') ? `${f.root}/${f.path}` : path.join(f.root, f.path), f }));
  keyed.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  report.files = keyed.map((x) => x.f);
  return report;
}

function exitCode(r: Report, maxWarnings: number): { code: number; why: string } {
  const c = counts(r);
  if (c.errors) return { code: 1, why: '' };
  if (maxWarnings >= 0 && c.warnings > maxWarnings) return { code: 1, why: `${c.warnings} warnings, more than --max-warnings ${maxWarnings}\n` };
  return { code: 0, why: '' };
}

function fatal(reason: string): RunResult {
  return { code: 2, stdout: '', stderr: `eca-lens: ${reason}\n` };
}
