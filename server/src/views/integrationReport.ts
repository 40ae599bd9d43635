/**
 * The integration report: the security posture of every app (views/posture.ts) as Markdown (a
 * summary table, then a section per app, fit for a pull request or $GITHUB_STEP_SUMMARY) or as
 * JSON. Shared by `eca-lens report` and the server's `ecaLens/report` request. Pure.
 *
 * JSON, one project: `{ version: 1, root, apps: [...] }`; several: `{ version: 1, projects: [{ root,
 * apps }] }` (jq: `.apps // [.projects[].apps[]]`). Paths are relative to the project's root.
 */
import { toPosixRelative } from '../project/fsHost';
import { docsUrl } from '../shared/docs';
import type { Finding, Severity } from '../rules/kit/types';
import { flowsText, refreshTokenText, type AppPostureRecord } from './posture';

export interface ReportProjectInput {
  /** Absolute project root. */
  root: string;
  /** How the root is shown (relative to the folder the report was asked for, `.` for itself). */
  label: string;
  apps: AppPostureRecord[];
}

/** An app's record as the JSON report prints it: paths relative, findings as plain rows. */
export type AppPostureJson = Omit<AppPostureRecord, 'package' | 'findings' | 'settings' | 'posture'> & {
  findings: { code: string; severity: Severity; path: string; line: number; message: string }[];
};

export function appJson(root: string, r: AppPostureRecord): AppPostureJson {
  return {
    name: r.name,
    kind: r.kind,
    path: r.path,
    packageDirectory: r.packageDirectory,
    distributionState: r.distributionState,
    ships: r.ships,
    flows: r.flows,
    flowsUnknown: r.flowsUnknown,
    scopes: r.scopes,
    permittedUsers: r.permittedUsers,
    preauthorized: r.preauthorized,
    ipRelaxation: r.ipRelaxation,
    refreshToken: r.refreshToken,
    pkceRequired: r.pkceRequired,
    rotation: r.rotation,
    sessionLevel: r.sessionLevel,
    executionUser: r.executionUser,
    notes: r.notes,
    findings: r.findings.map((f) => ({ code: f.ruleId, severity: f.severity, path: toPosixRelative(root, f.path), line: f.range.start.line + 1, message: f.message })),
  };
}

export function reportJson(projects: readonly ReportProjectInput[]): string {
  const one = (p: ReportProjectInput) => ({ root: p.label, apps: p.apps.map((a) => appJson(p.root, a)) });
  const body = projects.length === 1 ? { version: 1, ...one(projects[0]!) } : { version: 1, projects: projects.map(one) };
  return JSON.stringify(body, null, 2) + '\n';
}

// ---------------------------------------------------------------------------------------------

/** A table cell: no `|` or line break may end it early. */
export function cell(text: string): string {
  return inline(text).replace(/\|/g, '\\|');
}
/** Inline Markdown text: line breaks become `<br>`, HTML is not interpreted. */
function inline(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/\r\n|\r|\n/g, '<br>');
}
function code(text: string): string {
  const t = text.replace(/\r\n|\r|\n/g, ' ');
  const ticks = t.includes('`') ? '``' : '`';
  return `${ticks}${ticks.length > 1 ? ' ' : ''}${t}${ticks.length > 1 ? ' ' : ''}${ticks}`;
}

const KIND_LABEL = { eca: 'External Client App', connectedApp: 'Connected App (legacy)' } as const;
const SEVERITIES: Severity[] = ['error', 'warning', 'information', 'hint'];
const SEVERITY_WORD: Record<Severity, [string, string]> = { error: ['error', 'errors'], warning: ['warning', 'warnings'], information: ['info', 'infos'], hint: ['hint', 'hints'] };

export function severityCounts(findings: readonly Finding[]): string {
  const parts: string[] = [];
  for (const s of SEVERITIES) {
    const n = findings.filter((f) => f.severity === s).length;
    if (n) parts.push(`${n} ${SEVERITY_WORD[s][n === 1 ? 0 : 1]}`);
  }
  return parts.join(', ') || 'none';
}

const UNKNOWN = 'not in the project';
const orUnknown = (v: string | null) => v ?? UNKNOWN;
const listOr = (xs: string[] | null) => (xs === null ? UNKNOWN : xs.length ? xs.join(', ') : 'none');

function packageDirCell(a: AppPostureRecord): string {
  if (a.packageDirectory === null) return 'outside package directories';
  return a.package ? `${a.packageDirectory} (package ${a.package})` : a.packageDirectory;
}

export interface MarkdownOptions {
  /** Base URL of the rule pages (`ecaLens.docsBaseUrl`); default: shared/docs.ts. */
  docsBase?: string;
  /** The report's title (default: `ECA Lens integration report`). */
  title?: string;
}

export function reportMarkdown(projects: readonly ReportProjectInput[], opts: MarkdownOptions = {}): string {
  const title = opts.title ?? 'ECA Lens integration report';
  const out: string[] = [];
  const several = projects.length > 1;
  out.push(several || projects.length === 0 ? `## ${title}` : `## ${title}: ${inline(projectName(projects[0]!))}`, '');
  if (projects.length === 0) out.push('No sfdx project found.', '');
  for (const p of projects) {
    if (several) out.push(`### Project ${code(p.label)}`, '');
    project(out, p, several ? '####' : '###', opts);
  }
  out.push(
    '_(default): not written in source, the platform default applies. Not in the project: the file that holds the setting is not in source (the global OAuth settings file normally is not)._',
    '',
  );
  return out.join('\n');
}

function projectName(p: ReportProjectInput): string {
  return p.label === '.' ? p.root.split(/[\\/]/).filter(Boolean).pop() ?? p.root : p.label;
}

function project(out: string[], p: ReportProjectInput, h: string, opts: MarkdownOptions): void {
  const ecas = p.apps.filter((a) => a.kind === 'eca').length;
  const cas = p.apps.length - ecas;
  if (p.apps.length === 0) {
    out.push('No External Client Apps or Connected Apps in this project.', '');
    return;
  }
  const all = p.apps.flatMap((a) => a.findings);
  out.push(`${ecas} External Client App${ecas === 1 ? '' : 's'}, ${cas} Connected App${cas === 1 ? '' : 's'} · findings: ${severityCounts(all)}`, '');
  out.push('| App | Kind | Package directory | Distribution | Flows | Scopes | Permitted users | IP relaxation | Refresh token | Findings |');
  out.push('|---|---|---|---|---|---|---|---|---|---|');
  for (const a of p.apps) {
    const cells = [
      a.name,
      a.kind === 'eca' ? 'ECA' : 'Connected App',
      packageDirCell(a),
      a.kind === 'eca' ? orUnknown(a.distributionState) : 'n/a',
      flowsText(a, true),
      listOr(a.scopes),
      orUnknown(a.permittedUsers),
      orUnknown(a.ipRelaxation),
      refreshTokenText(a.refreshToken),
      severityCounts(a.findings),
    ];
    out.push(`| ${cells.map(cell).join(' | ')} |`);
  }
  out.push('');
  for (const a of p.apps) section(out, p, a, h, opts);
}

function section(out: string[], p: ReportProjectInput, a: AppPostureRecord, h: string, opts: MarkdownOptions): void {
  out.push(`${h} ${inline(a.name)}`, '');
  out.push(`${KIND_LABEL[a.kind]}${a.path ? ` · ${code(a.path)}` : ''} · ${inline(packageDirCell(a))}`, '');
  for (const s of a.settings) {
    const codes = [...new Set(s.findings.map((f) => f.ruleId))];
    const mark = s.findings.length ? ` ⚠️ ${codes.map((c) => code(c)).join(', ')}` : '';
    out.push(`- **${inline(s.label)}:** ${inline(s.state)}${mark}`);
  }
  if (a.ships?.length) out.push(`- **Files in the package build:** ${a.ships.map(code).join(', ')}`);
  for (const n of a.notes) out.push(`- _${inline(n)}_`);
  out.push('');
  if (a.findings.length === 0) {
    out.push('No findings.', '');
    return;
  }
  out.push(`**Findings** (${severityCounts(a.findings)})`, '');
  for (const f of a.findings) {
    const where = `${toPosixRelative(p.root, f.path)}:${f.range.start.line + 1}`;
    out.push(`- ${f.severity}: [${code(f.ruleId)}](${docsUrl(f.ruleId, opts.docsBase)}) ${code(where)}: ${inline(f.message)}`);
  }
  out.push('');
}
