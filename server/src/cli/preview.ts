/**
 * `eca-lens preview [DIR] [--since REF] [--format text|json]`: what each package's next version
 * will contain, and what changed against REF (default: the newest tag reachable from HEAD). The
 * tree at REF is read through git (no checkout) and judged by the same rules as the work tree.
 * Exit 0, 1 when a release check finds an error, 2 on usage or git problems.
 */
import * as path from 'node:path';
import { failure, isResult, parseCommand, projectRootsOf, type CommandResult } from './subcommand';
import { nodeFsHost } from '../project/fsHost';
import { openProject, type EcaProject } from '../engine';
import { GitError, gitTopLevel, newestTag } from '../project/gitTree';
import { baselineAt } from './baseline';
import type { ProjectSnapshot } from '../project/releaseSnapshot';
import { packagedComponentRemoved, previewPackages, type PackagePreview, type PlainFinding } from '../views/preview';
import { snapshotOf } from '../views/snapshot';

export const PREVIEW_USAGE = `Usage: eca-lens preview [DIR] [--since REF] [--format text|json]

For each packaged directory of the sfdx project at or above DIR: the ECA-family files its next
package version will contain, and what was added, removed or modified since the git revision REF
(default: the newest tag reachable from HEAD; nothing is compared when there is no tag).
Reports released components that no longer ship (packaged-component-removed).

Options:
  --since REF              compare with this git revision (tag, branch, commit)
  --format text|json       output format (default: text)
  -h, --help               this help
Exit status: 0 fine, 1 a released component no longer ships, 2 usage, not a git repository or unknown REF.
`;

export type { CommandResult } from './subcommand';

export const RULE_ID = 'packaged-component-removed';

const fail = (msg: string, usage = false): CommandResult => failure('preview', msg, usage);

export function runPreview(argv: string[], cwd = process.cwd()): CommandResult {
  const parsed = parseCommand<{ since?: string; format?: string; help?: boolean }>('preview', argv, { since: { type: 'string' }, format: { type: 'string' }, help: { type: 'boolean', short: 'h' } });
  if (isResult(parsed)) return parsed;
  const { values, positionals } = parsed;
  if (values.help) return { code: 0, stdout: PREVIEW_USAGE, stderr: '' };
  const format = values.format ?? 'text';
  if (format !== 'text' && format !== 'json') return fail(`--format must be text or json, not "${format}"`, true);
  const target = projectRootsOf('preview', positionals, cwd);
  if (isResult(target)) return target;
  const { dirArg, dir, roots } = target;
  if (roots.length > 1) return fail(`several sfdx projects below "${dirArg}"; name one (${roots.map((r) => path.relative(dir, r) || '.').join(', ')})`);
  const root = roots[0]!;

  let since: string | null;
  let old: ProjectSnapshot | undefined;
  try {
    const top = gitTopLevel(root);
    since = values.since ?? newestTag(top) ?? null;
    if (since !== null) old = baselineAt(root, since, top).snapshot;
  } catch (e) {
    if (e instanceof GitError) return fail(e.message);
    throw e;
  }
  const now = openProject(root, nodeFsHost, { ruleSet: [] });
  const cur = snapshotOf(now);
  const packages = previewPackages(cur, old);
  const findings = old && since ? packagedComponentRemoved(cur, old, since) : [];
  const diagnostics = findings.map((f) => diagnostic(now, f));
  const code = findings.some((f) => f.severity === 'error') ? 1 : 0;
  const stdout = format === 'json' ? JSON.stringify({ version: 1, since, packages, diagnostics }, null, 2) + '\n' : text(since, packages, diagnostics, cur.packages.length);
  return { code, stdout, stderr: '' };
}

interface Diagnostic {
  path: string;
  code: string;
  severity: string;
  message: string;
  range: { start: { line: number; character: number }; end: { line: number; character: number } };
}

function diagnostic(project: EcaProject, f: PlainFinding): Diagnostic {
  const t = project.textOf(path.join(project.root, ...f.path.split('/')));
  const range = t ? t.range(f.start, f.end) : { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
  return { path: f.path, code: RULE_ID, severity: f.severity, message: f.message, range };
}

function text(since: string | null, packages: PackagePreview[], diags: Diagnostic[], current: number): string {
  const out: string[] = [];
  out.push(since ? `Compared with ${since}.` : 'No tag reachable from HEAD (and no --since): nothing to compare with.');
  if (!packages.length) out.push('', 'No packaged directory (no packageDirectories entry has "package").');
  for (const p of packages) {
    out.push('', `Package "${p.package}" (${p.packageDirectory})${packages.indexOf(p) >= current ? ', no longer in sfdx-project.json' : ''}`);
    out.push(p.ships.length ? `  ships ${p.ships.length} ECA file(s):` : '  ships no ECA file');
    for (const s of p.ships) out.push(`    ${s.path}  ${s.type}${s.app ? ` (${s.app})` : ''}`);
    if (since) {
      out.push(p.changes.length ? `  changes since ${since}:` : `  no changes since ${since}`);
      for (const c of p.changes) out.push(`    ${c.change.padEnd(8)}  ${c.path}  ${c.type}${c.app ? ` (${c.app})` : ''}`);
    }
  }
  if (diags.length) out.push('');
  for (const d of diags) out.push(`${d.path}:${d.range.start.line + 1}:${d.range.start.character + 1} ${d.severity} ${d.code} ${d.message}`);
  return out.join('\n') + '\n';
}
