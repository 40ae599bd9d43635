/**
 * `eca-lens report [DIR] [--format markdown|json]`: the integration report (views/integrationReport.ts)
 * of the sfdx project at or above DIR, or of every project below it (with no sfdx-project.json
 * anywhere: the ECA files below DIR as loose metadata). A report, not a gate: exit 0 whatever it
 * finds; 2 on usage errors (one line + "see eca-lens --help") or when DIR holds nothing to report.
 * Its own option parsing (node:util).
 */
import * as path from 'node:path';
import { parseArgs } from 'node:util';
import { nodeFsHost } from '../project/fsHost';
import { findProjectRoots, openProject } from '../engine';
import { projectPosture } from '../views/posture';
import { reportJson, reportMarkdown, type ReportProjectInput } from '../views/integrationReport';
import { relPath } from './report';
import { describeParseError } from './args';
import type { RunResult } from './main';

export const REPORT_USAGE = `Usage: eca-lens report [DIR] [--format markdown|json]

The integration report: for each External Client App and Connected App of the sfdx project at or
above DIR (default: the current folder; with no project there, every project below it), its OAuth
flows, scopes, permitted users, pre-authorized profiles and permission sets, IP relaxation,
refresh token policy, session level, execution user, what ships, and every finding on its files.

Options:
  --format markdown|json   output format (default: markdown; suits $GITHUB_STEP_SUMMARY)
  -h, --help               this help

Exit status: 0 (a report, not a gate: use "eca-lens check" to fail a build), 2 usage problem.
`;

const usageError = (msg: string): RunResult => ({ code: 2, stdout: '', stderr: `eca-lens report: ${msg}; see eca-lens --help\n` });

export function reportCommand(argv: string[], cwd = process.cwd()): RunResult {
  let values: { format?: string; help?: boolean };
  let positionals: string[];
  try {
    ({ values, positionals } = parseArgs({ args: argv, options: { format: { type: 'string' }, help: { type: 'boolean', short: 'h' } }, allowPositionals: true, strict: true }));
  } catch (e) {
    return usageError(describeParseError(e));
  }
  if (values.help) return { code: 0, stdout: REPORT_USAGE, stderr: '' };
  const format = values.format ?? 'markdown';
  if (format !== 'markdown' && format !== 'json') return usageError(`--format must be markdown or json, not "${format}"`);
  if (positionals.length > 1) return usageError(`only one DIR may be given ("${positionals[0]}" and "${positionals[1]}")`);
  const arg = positionals[0] ?? '.';
  const dir = path.resolve(cwd, arg);
  if (!nodeFsHost.isDirectory(dir)) return usageError(`"${arg}" is not a folder`);

  const inputs: ReportProjectInput[] = [];
  let stderr = '';
  const roots = findProjectRoots(dir, nodeFsHost);
  for (const root of roots) {
    const project = openProject(root, nodeFsHost);
    inputs.push({ root, label: relPath(cwd, root), apps: projectPosture(project) });
  }
  if (roots.length === 0) {
    const loose = openProject(dir, nodeFsHost, { noProjectFile: true });
    if ([...loose.files()].length === 0) return usageError(`no sfdx-project.json at or above "${arg}", nor below it, and no ECA files`);
    stderr += 'no sfdx-project.json found: reporting the ECA files below the folder as loose metadata\n';
    inputs.push({ root: dir, label: relPath(cwd, dir), apps: projectPosture(loose) });
  }
  const stdout = format === 'json' ? reportJson(inputs) : reportMarkdown(inputs);
  return { code: 0, stdout, stderr };
}
