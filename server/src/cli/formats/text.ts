import { docsUrl } from '../../rules/kit';
import { countLine, inventoryLine, shownPath, type Report } from '../report';

export interface TextOptions {
  color: boolean;
  /** OSC 8 links on the rule id (a terminal that shows them). */
  hyperlinks: boolean;
  /** The docs link after each message. */
  verbose: boolean;
}

/** Compiler-style lines: `path:line:col severity code message` (1-based; paths relative to the cwd). */
export function formatText(r: Report, o: TextOptions): string {
  const c = (code: string, s: string) => (o.color ? `\x1b[${code}m${s}\x1b[0m` : s);
  const link = (url: string, s: string) => (o.hyperlinks ? `\x1b]8;;${url}\x1b\\${s}\x1b]8;;\x1b\\` : s);
  const sevColor: Record<string, string> = { error: '31', warning: '33', information: '36', hint: '2' };
  const lines: string[] = [];
  for (const { finding: f } of r.findings) {
    const url = docsUrl(f.ruleId);
    lines.push(
      `${shownPath(r, f.path)}:${f.range.start.line + 1}:${f.range.start.character + 1} ${c(sevColor[f.severity] ?? '0', f.severity)} ` +
        `${link(url, c('2', f.ruleId))} ${f.message}${o.verbose ? ` ${url}` : ''}`,
    );
  }
  lines.push(`${r.findings.length ? '\n' : ''}${countLine(r)} — ${inventoryLine(r)}`);
  return lines.join('\n') + '\n';
}
