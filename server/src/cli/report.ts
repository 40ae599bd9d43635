/**
 * What `check` found, in the shape every format reads: absolute paths, the project each finding
 * belongs to, and the folder the CLI runs in (text, SARIF and markdown print paths relative to it;
 * JSON prints them relative to the project's root and gives the root relative to it).
 */
import * as path from 'node:path';
import { posixRelative } from '../util/paths';
import type { InventoryFileJson } from '../engine';
import type { Finding } from '../rules/kit';

export interface ReportProject {
  /** Absolute. */
  root: string;
  /** false: no sfdx-project.json, checked as loose metadata. */
  sfdxProject: boolean;
}

export interface ReportFinding {
  /** Absolute project root. */
  root: string;
  finding: Finding;
  /** `--fix` would apply one of its fixes. */
  fixable: boolean;
}

export interface Report {
  /** Absolute: the folder the CLI runs in. */
  cwd: string;
  projects: ReportProject[];
  /** Inventory entries; `path` relative to `root` (absolute). */
  files: (InventoryFileJson & { root: string })[];
  findings: ReportFinding[];
}

/** `p` relative to `from`, with `/` ('.' for the folder itself); absolute on another drive. */
export function relPath(from: string, p: string): string {
  // A report prints every file and finding: the string fast path of util/paths.ts, else path.relative.
  const rel = posixRelative(from, p);
  if (path.isAbsolute(rel)) return p.split(path.sep).join('/');
  return rel || '.';
}

/** The path to print for a file: relative to the cwd. */
export function shownPath(r: Report, abs: string): string {
  return relPath(r.cwd, abs);
}

export function counts(r: Report) {
  const n = (s: string) => r.findings.filter((x) => x.finding.severity === s).length;
  return { errors: n('error'), warnings: n('warning'), infos: n('information') + n('hint'), fixable: r.findings.filter((x) => x.fixable).length };
}

/** `4 error(s), 2 warning(s), 0 info(s)[, N of them fixable with --fix]` */
export function countLine(r: Report): string {
  const c = counts(r);
  return `${c.errors} error(s), ${c.warnings} warning(s), ${c.infos} info(s)${c.fixable ? `, ${c.fixable} of them fixable with --fix` : ''}`;
}

/** `N ECA-family file(s), M Connected App file(s), A app(s), B file(s) in a build, in P project(s)` */
export function inventoryLine(r: Report): string {
  const connected = r.files.filter((f) => f.type === 'ConnectedApp').length;
  const apps = new Set(r.files.filter((f) => f.app).map((f) => `${f.root}\0${f.app}`)).size;
  const shipped = r.files.filter((f) => f.included).length;
  return (
    `${r.files.length - connected} ECA-family file(s), ${connected ? `${connected} Connected App file(s), ` : ''}${apps} app(s), ` +
    `${shipped} file(s) in a build, in ${r.projects.length} project(s)`
  );
}
