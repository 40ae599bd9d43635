import type { Report } from './text';

/** The `--format json` shape (version 1): paths relative with `/`, 0-based lines and characters. */
export function formatJson(r: Report): string {
  return JSON.stringify(
    {
      version: 1,
      files: r.files,
      diagnostics: r.findings.map(({ rel, finding: f }) => ({
        path: rel,
        code: f.ruleId,
        severity: f.severity,
        message: f.message,
        range: f.range,
      })),
    },
    null,
    2,
  ) + '\n';
}
