import type { Finding } from '../../rules/kit/types';

export interface Report {
  base: string;
  files: { path: string; type: string | null; packageDirectory: string | null; app: string | null; included: boolean }[];
  findings: { rel: string; finding: Finding }[];
  projects: string[];
}

/** Compiler-style lines: `path:line:col severity code message` (1-based line and column). */
export function formatText(r: Report, color: boolean): string {
  const c = (code: string, s: string) => (color ? `\x1b[${code}m${s}\x1b[0m` : s);
  const sevColor: Record<string, string> = { error: '31', warning: '33', information: '36', hint: '2' };
  const lines: string[] = [];
  for (const { rel, finding: f } of r.findings) {
    lines.push(`${rel}:${f.range.start.line + 1}:${f.range.start.character + 1} ${c(sevColor[f.severity] ?? '0', f.severity)} ${c('2', f.ruleId)} ${f.message}`);
  }
  const count = (s: string) => r.findings.filter((x) => x.finding.severity === s).length;
  const apps = new Set(r.files.map((f) => f.app).filter(Boolean)).size;
  const shipped = r.files.filter((f) => f.included).length;
  lines.push(
    `${r.findings.length ? '\n' : ''}${count('error')} error(s), ${count('warning')} warning(s), ${count('information') + count('hint')} info(s) — ` +
      `${r.files.length} ECA-family file(s), ${apps} app(s), ${shipped} file(s) in a build, in ${r.projects.length} project(s)`,
  );
  return lines.join('\n') + '\n';
}
