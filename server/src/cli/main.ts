/**
 * `eca-lens check [DIR] [--format text|json|sarif] [--fix]`: the engine in CI.
 * Exit 0 without errors, 1 with errors, 2 on usage or fatal problems (one-line reason on stderr).
 */
import * as path from 'node:path';
import { nodeFsHost, toPosixRelative } from '../project/fsHost';
import { findProjectRoots, openProject, inventoryJson, type EngineOptions } from '../engine';
import type { Finding, SeverityOrOff } from '../rules/kit/types';
import { unattendedFix, type Fix } from '../edits/types';
import { ALL_RULES } from '../rules/index';
import { docsUrl } from '../rules/kit/types';
import { applyFixes } from '../edits/applyFixes';
import { formatText, type Report } from './formats/text';
import { formatJson } from './formats/json';
import { formatSarif } from './formats/sarif';
import { runPreview } from './preview';
import { runGuide } from './guide';
import { withBaseline } from './since';

declare const ECA_LENS_VERSION: string;
const VERSION = typeof ECA_LENS_VERSION === 'string' ? ECA_LENS_VERSION : '0.0.0-dev';

const USAGE = `Usage: eca-lens check [DIR] [options]
       eca-lens rules
       eca-lens preview [DIR] [--since REF] [--format text|json]   (see eca-lens preview --help)
       eca-lens guide [DIR] [--app NAME] [--out FILE]              (see eca-lens guide --help)

Checks the External Client App metadata of the sfdx project at or above DIR (default: the current
folder); with no project there, every project below it.

Options:
  --format text|json|sarif   output format (default: text)
  --fix                      apply each finding's preferred safe fix and report what changed
  --rule ID=SEVERITY         set a rule's severity: error|warning|information|hint|off (ID may use *)
  --exclude GLOB             leave out paths matching GLOB (relative to the project root)
  --dev-hub-org-id ID        Dev Hub org id for fixes (default: found offline from the sf CLI config)
  --since REF                also report released components that no longer ship since git REF
  --no-color                 plain text output
  -h, --help                 this help
  -v, --version              the version
Exit status: 0 no errors, 1 errors found, 2 usage or fatal problem.
`;

interface Args {
  command: 'check' | 'rules' | 'help' | 'version';
  dir: string;
  format: 'text' | 'json' | 'sarif';
  fix: boolean;
  rules: Record<string, SeverityOrOff>;
  exclude: string[];
  devHubOrgId?: string;
  since?: string;
  color: boolean;
}

class UsageError extends Error {}

export function parseArgs(argv: string[]): Args {
  const a: Args = { command: 'check', dir: '.', format: 'text', fix: false, rules: {}, exclude: [], color: !!process.stdout.isTTY && !process.env.NO_COLOR };
  const rest = [...argv];
  const first = rest[0];
  if (first === undefined || first === '-h' || first === '--help' || first === 'help') return { ...a, command: 'help' };
  if (first === '-v' || first === '--version') return { ...a, command: 'version' };
  if (first === 'rules') return { ...a, command: 'rules' };
  if (first !== 'check') throw new UsageError(`unknown command "${first}" (expected "check", "rules", "preview" or "guide")`);
  rest.shift();
  let dirSet = false;
  const value = (flag: string) => {
    const v = rest.shift();
    if (v === undefined || v.startsWith('--')) throw new UsageError(`${flag} needs a value`);
    return v;
  };
  while (rest.length) {
    let arg = rest.shift()!;
    let inline: string | undefined;
    const eq = arg.indexOf('=');
    if (arg.startsWith('--') && eq > 0) {
      inline = arg.slice(eq + 1);
      arg = arg.slice(0, eq);
    }
    const val = (flag: string) => inline ?? value(flag);
    switch (arg) {
      case '--format': {
        const f = val(arg);
        if (f !== 'text' && f !== 'json' && f !== 'sarif') throw new UsageError(`--format must be text, json or sarif, not "${f}"`);
        a.format = f;
        break;
      }
      case '--fix':
        a.fix = true;
        break;
      case '--rule': {
        const v = val(arg);
        const m = /^([^=]+)=(error|warning|information|info|hint|off)$/.exec(v);
        if (!m) throw new UsageError(`--rule takes ID=SEVERITY (error|warning|information|hint|off), not "${v}"`);
        const id = m[1]!;
        if (!id.includes('*') && !ALL_RULES.some((r) => r.id === id)) throw new UsageError(`--rule: no rule "${id}" (see "eca-lens rules")`);
        a.rules[id] = (m[2] === 'info' ? 'information' : m[2]) as SeverityOrOff;
        break;
      }
      case '--exclude':
        a.exclude.push(val(arg));
        break;
      case '--dev-hub-org-id':
        a.devHubOrgId = val(arg);
        break;
      case '--since':
        a.since = val(arg);
        break;
      case '--no-color':
        a.color = false;
        break;
      case '-h':
      case '--help':
        return { ...a, command: 'help' };
      default:
        if (arg.startsWith('-')) throw new UsageError(`unknown option "${arg}"`);
        if (dirSet) throw new UsageError(`only one DIR may be given ("${a.dir}" and "${arg}")`);
        a.dir = arg;
        dirSet = true;
    }
  }
  return a;
}

export interface RunResult {
  code: number;
  stdout: string;
  stderr: string;
}

export function run(argv: string[], cwd = process.cwd()): RunResult {
  if (argv[0] === 'preview') return runPreview(argv.slice(1), cwd);
  if (argv[0] === 'guide') return runGuide(argv.slice(1), cwd);
  let args: Args;
  try {
    args = parseArgs(argv);
  } catch (e) {
    if (e instanceof UsageError) return { code: 2, stdout: '', stderr: `eca-lens: ${e.message}\n${USAGE}` };
    throw e;
  }
  if (args.command === 'help') return { code: 0, stdout: USAGE, stderr: '' };
  if (args.command === 'version') return { code: 0, stdout: `${VERSION}\n`, stderr: '' };
  if (args.command === 'rules') {
    const w = Math.max(...ALL_RULES.map((r) => r.id.length));
    return { code: 0, stdout: ALL_RULES.map((r) => `${r.id.padEnd(w)}  ${r.defaultSeverity.padEnd(11)}  ${r.title}\n    ${docsUrl(r.id)}`).join('\n') + '\n', stderr: '' };
  }
  const dir = path.resolve(cwd, args.dir);
  if (!nodeFsHost.isDirectory(dir)) return { code: 2, stdout: '', stderr: `eca-lens: "${args.dir}" is not a folder\n` };
  const roots = findProjectRoots(dir, nodeFsHost);
  if (roots.length === 0) return { code: 2, stdout: '', stderr: `eca-lens: no sfdx-project.json at or above "${args.dir}", nor below it\n` };
  const options: EngineOptions = { rules: args.rules, exclude: args.exclude, devHubOrgId: args.devHubOrgId };
  const since = withBaseline(roots, args.since, options);
  if ('error' in since) return { code: 2, stdout: '', stderr: `eca-lens: ${since.error}\n` };
  const base = roots.length === 1 ? roots[0]! : dir;
  let stderr = '';
  if (args.fix) {
    const log: string[] = [];
    for (const root of roots) {
      // A fix can reveal another finding (e.g. Packaged → orgScopedExternalApp needed): a few passes.
      for (let pass = 0; pass < 5; pass++) {
        const project = openProject(root, nodeFsHost, since.options(root));
        const fixes: { f: Finding; fix: Fix }[] = [];
        for (const list of project.checkAll().values()) {
          for (const f of list) {
            const fix = unattendedFix(f.fixes);
            if (fix) fixes.push({ f, fix });
          }
        }
        if (!fixes.length) break;
        const res = applyFixes(nodeFsHost, fixes.map((x) => x.fix));
        if (!res.applied.length) break;
        for (const { f, fix } of fixes) {
          if (res.applied.includes(fix)) log.push(`fixed ${toPosixRelative(base, f.path)}:${f.range.start.line + 1} ${f.ruleId}: ${fix.title}`);
        }
      }
    }
    stderr += log.length ? log.join('\n') + `\n${log.length} fix(es) applied\n` : 'no fixable findings\n';
  }
  const report: Report = { base, files: [], findings: [], projects: roots };
  for (const root of roots) {
    const project = openProject(root, nodeFsHost, since.options(root));
    report.files.push(...inventoryJson(project, base));
    for (const [p, list] of project.checkAll()) for (const f of list) report.findings.push({ rel: toPosixRelative(base, p), finding: f });
  }
  report.findings.sort((a, b) => (a.rel < b.rel ? -1 : a.rel > b.rel ? 1 : a.finding.range.start.line - b.finding.range.start.line));
  report.files.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  const stdout = args.format === 'json' ? formatJson(report) : args.format === 'sarif' ? formatSarif(report, VERSION) : formatText(report, args.color);
  const code = report.findings.some((x) => x.finding.severity === 'error') ? 1 : 0;
  return { code, stdout, stderr };
}
