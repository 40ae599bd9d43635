import { docsUrl } from '../../rules/kit';
import { countLine, inventoryLine, shownPath, type Report } from '../report';

/** A table cell: `|` escaped, newlines as <br>, so a message can't break the table. */
function cell(s: string): string {
  return s.replace(/\\/g, '\\\\').replace(/\|/g, '\\|').replace(/\r?\n|\r/g, '<br>');
}

/**
 * `--format markdown`: a summary line, then per file a table (severity, line, rule linked to its
 * docs, message), for $GITHUB_STEP_SUMMARY and PR comments.
 */
export function formatMarkdown(r: Report): string {
  const out: string[] = [];
  out.push(`**ECA Lens:** ${r.findings.length ? countLine(r) : 'no problems found'} — ${inventoryLine(r)}`);
  const byFile = new Map<string, Report['findings']>();
  for (const x of r.findings) {
    const p = shownPath(r, x.finding.path);
    byFile.set(p, [...(byFile.get(p) ?? []), x]);
  }
  for (const [p, list] of byFile) {
    out.push('', `### \`${p.replace(/`/g, "'")}\``, '', '| Severity | Line | Rule | Message |', '|---|---:|---|---|');
    for (const { finding: f } of list) {
      out.push(`| ${f.severity} | ${f.range.start.line + 1} | [${f.ruleId}](${docsUrl(f.ruleId)}) | ${cell(f.message)} |`);
    }
  }
  return out.join('\n') + '\n';
}
