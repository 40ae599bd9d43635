import { relPath, type Report } from '../report';

/**
 * The `--format json` shape (version 2): each project's `root` relative to the cwd; every file and
 * diagnostic names its project's `root` and a `path` relative to it, with `/`; 0-based lines and
 * characters. (Version 1 had no roots, and paths relative to DIR.)
 */
export function formatJson(r: Report): string {
  // A root per file and per finding, of a few projects: each worked out once.
  const roots = new Map<string, string>();
  const root = (abs: string) => {
    let rel = roots.get(abs);
    if (rel === undefined) roots.set(abs, (rel = relPath(r.cwd, abs)));
    return rel;
  };
  return (
    JSON.stringify(
      {
        version: 2,
        projects: r.projects.map((p) => ({ root: root(p.root), sfdxProject: p.sfdxProject })),
        files: r.files.map((f): Report['files'][number] => ({ root: root(f.root), path: f.path, type: f.type, packageDirectory: f.packageDirectory, app: f.app, included: f.included })),
        diagnostics: r.findings.map(({ root: abs, finding: f, fixable }) => ({
          root: root(abs),
          path: relPath(abs, f.path),
          code: f.ruleId,
          severity: f.severity,
          message: f.message,
          range: f.range,
          fixable,
        })),
      },
      null,
      2,
    ) + '\n'
  );
}
