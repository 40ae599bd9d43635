/**
 * Project → plain snapshot for the preview and the release checks (views/preview.ts). Reads only
 * through the engine's front door (an opened EcaProject and its host); never a secret field.
 */
import { createHash } from 'node:crypto';
import { toPosixRelative } from '../project/fsHost';
import type { EcaProject } from '../engine';
import type { ProjectSnapshot, SnapshotFile, SnapshotPackage, XmlField } from './preview';

export type ProjectFile = EcaProject['files'] extends () => Iterable<infer T> ? T : never;
type Element = NonNullable<NonNullable<ProjectFile['xml']>['root']>;

/** Fields the release checks read; nothing else is copied out of a file. */
const FIELDS = ['distributionState', 'orgScopedExternalApp', 'oauthLink', 'label'];

/** A text child's trimmed value with the offsets of that value. */
export function fieldOf(text: string, root: Element | undefined, name: string): XmlField | undefined {
  const el = root?.children.find((c) => c.name === name);
  if (!el) return undefined;
  const raw = text.slice(el.contentStart, el.contentEnd);
  const lead = raw.length - raw.trimStart().length;
  const trimmed = raw.trim();
  return { value: el.text, start: el.contentStart + lead, end: el.contentStart + lead + trimmed.length };
}

/** Does the file go into its package's next version? Included by SDR and a packageable type. */
export function shipsInPackage(f: ProjectFile): boolean {
  return !!f.included && !!f.packageDir?.package && !!f.type && (f.type.packageable === 'yes' || f.type.packageable === 'unconfirmed');
}

export function snapshotOf(project: EcaProject): ProjectSnapshot {
  const rel = (p: string) => toPosixRelative(project.root, p);
  const projectText = project.textOf(project.projectFilePath)?.text ?? '';
  const packages: SnapshotPackage[] = [];
  for (const d of project.config.packageDirectories) {
    if (!d.package) continue;
    const m = new RegExp(`"package"\\s*:\\s*"(${escapeRe(d.package)})"`).exec(projectText);
    const start = m ? m.index + m[0].length - 1 - d.package.length : undefined;
    packages.push({ packageDirectory: d.relPath, package: d.package, ...(start !== undefined ? { span: { start, end: start + d.package.length } } : {}) });
  }
  const files: SnapshotFile[] = [];
  for (const f of project.files()) {
    if (!f.type) continue;
    const bytes = project.host.readFile(f.path) ?? new Uint8Array();
    const root = f.xml?.root;
    const text = f.doc?.text ?? '';
    const fields: Record<string, XmlField> = {};
    for (const n of FIELDS) {
      const v = fieldOf(text, root, n);
      if (v) fields[n] = v;
    }
    const line = f.exclusion?.info.line;
    files.push({
      path: rel(f.path),
      type: f.type.name,
      fullName: f.fullName,
      app: f.appName ?? null,
      packageDirectory: f.packageDir?.relPath ?? null,
      package: f.packageDir?.package ?? null,
      ships: shipsInPackage(f),
      digest: createHash('sha256').update(bytes).digest('hex'),
      rootSpan: root ? { start: root.start + 1, end: root.start + 1 + root.name.length } : { start: 0, end: 0 },
      fields,
      ...(f.exclusion && line ? { exclusion: { path: rel(f.exclusion.forceIgnore.path), line: line.line, text: line.text, start: line.start, end: line.end } } : {}),
    });
  }
  files.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  return { projectFile: rel(project.projectFilePath), packages, files };
}

function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
