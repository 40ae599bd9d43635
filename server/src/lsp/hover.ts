/**
 * Hover: on a `.forceignore` line, which ECA-family files it excludes (or re-includes), and that it
 * excludes none when so; on an element of an ECA file, what it means (metadata/schema.ts) and
 * whether the file ships in a package.
 */
import * as path from 'node:path';
import type { Hover, Position } from 'vscode-languageserver';
import type { EcaProject } from '../engine';
import type { EcaFile } from '../model/types';
import type { XmlElement } from '../metadata/parse';
import { SCHEMA, fieldOf, schemaFor } from '../metadata/schema';
import { fieldMarkdown, sinceText } from '../metadata/fieldDoc';
import type { ForceIgnoreFile, ForceIgnoreLine } from '../project/forceIgnore';
import { fileState } from '../views/describe';

const LIST_MAX = 15;

function code(s: string): string {
  const ticks = s.includes('`') ? '``' : '`';
  return `${ticks}${s}${ticks}`;
}

function rel(project: EcaProject, p: string): string {
  const r = path.relative(project.root, p).split(path.sep).join('/');
  return r && !r.startsWith('..') ? r : p;
}

function list(project: EcaProject, files: EcaFile[]): string {
  const lines = files.slice(0, LIST_MAX).map((f) => `- ${code(rel(project, f.path))} (${f.type?.label ?? 'unrecognized'})`);
  if (files.length > LIST_MAX) lines.push(`- … and ${files.length - LIST_MAX} more`);
  return lines.join('\n');
}

/** Hover on a line of a `.forceignore` that some of `projects` use. */
export function forceIgnoreHover(projects: readonly EcaProject[], fiPath: string, pos: Position): Hover | null {
  let fi: ForceIgnoreFile | undefined;
  for (const p of projects) {
    for (const x of p.forceIgnores()) if (x.path === fiPath) fi = x;
  }
  if (!fi) return null;
  const line = fi.lines[pos.line];
  if (!line || !line.isPattern) return null;
  const range = { start: { line: line.line, character: 0 }, end: { line: line.line, character: line.text.length } };
  const governed: { project: EcaProject; file: EcaFile }[] = [];
  let governsAny = false;
  for (const project of projects) {
    for (const d of project.config.packageDirectories) if (project.forceIgnoreFor(d)?.path === fi.path) governsAny = true;
    for (const f of project.files()) {
      if (!f.packageDir || project.forceIgnoreFor(f.packageDir)?.path !== fi.path) continue;
      governed.push({ project, file: f });
    }
  }
  const pattern = `${line.negated ? '!' : ''}${line.pattern}`;
  if (!governsAny) {
    return md(`${code(pattern)}: this .forceignore governs no package directory (a nearer .forceignore replaces it), so none of its lines excludes anything from a build.`, range);
  }
  const matched = governed.filter(({ file }) => {
    const r = fi!.relative(file.path);
    return r !== undefined && fi!.lineMatches(line, r);
  });
  const project = projects[0]!;
  const files = (xs: typeof matched) => xs.map((x) => x.file);
  const parts: string[] = [];
  if (line.negated) {
    const back = matched.filter(({ file }) => file.included);
    const still = matched.filter(({ file }) => !file.included);
    parts.push(back.length ? `${code(pattern)} re-includes ${back.length} External Client App file${back.length > 1 ? 's' : ''} in the build:\n\n${list(project, files(back))}` : `${code(pattern)} re-includes no External Client App file.`);
    if (still.length) parts.push(`It matches ${still.length} more that stay excluded (a parent folder is excluded, or a later line excludes them again):\n\n${list(project, files(still))}`);
  } else {
    const byThis = matched.filter(({ file }) => isByLine(file, fi!, line));
    const other = matched.filter(({ file }) => !isByLine(file, fi!, line));
    if (byThis.length) parts.push(`${code(pattern)} excludes ${byThis.length} External Client App file${byThis.length > 1 ? 's' : ''} from the build:\n\n${list(project, files(byThis))}`);
    else parts.push(`${code(pattern)} excludes no External Client App file${matched.length ? ' on its own' : ''}.`);
    const reincluded = other.filter(({ file }) => file.included);
    const later = other.filter(({ file }) => !file.included);
    if (reincluded.length) parts.push(`It matches ${reincluded.length} that a later \`!\` line re-includes:\n\n${list(project, files(reincluded))}`);
    if (later.length) parts.push(`It matches ${later.length} that a later line also excludes:\n\n${list(project, files(later))}`);
  }
  return md(parts.join('\n\n'), range);
}

function isByLine(f: EcaFile, fi: ForceIgnoreFile, l: ForceIgnoreLine): boolean {
  return !!f.exclusion && f.exclusion.forceIgnore.path === fi.path && f.exclusion.info.line?.line === l.line;
}

/** Hover on an element of an ECA-family file. */
export function elementHover(project: EcaProject, f: EcaFile, pos: Position): Hover | null {
  const root = f.xml?.root;
  const doc = f.doc;
  if (!root || !doc || !f.type) return null;
  const off = doc.offsetAt(pos);
  if (off < root.start || off >= root.end) return null;
  const chain: XmlElement[] = [root];
  for (;;) {
    const last = chain[chain.length - 1]!;
    const next = last.children.find((c) => off >= c.start && off < c.end);
    if (!next) break;
    chain.push(next);
  }
  const el = chain[chain.length - 1]!;
  const typeName = f.type.name;
  const ships = shipsText(project, f);
  const range = doc.range(el.start, el.end);
  if (chain.length === 1) {
    const t = schemaFor(typeName);
    const desc = SCHEMA[typeName]?.description ?? t?.description ?? '';
    const facts = t ? `\n\nMetadata type ${code(typeName)}, ${sinceText(t.since, t.until)}.` : '';
    const mismatch = root.name !== typeName ? `\n\n**The root should be ${code(typeName)}** for this file name.` : '';
    return md(`**${typeName}** (${f.type.label})\n\n${desc}${facts}${mismatch}\n\n---\n\n${ships}`, doc.range(root.start, root.start + 1 + root.name.length));
  }
  const names = chain.slice(1).map((e) => e.name);
  const field = root.name === typeName ? fieldOf(typeName, names) : undefined;
  const title = `**${names.join('.')}** · ${typeName} (${f.type.label})`;
  if (!field) {
    return md(`${title}\n\nNot a field ECA Lens knows for ${typeName}: no version of the Metadata API schema has it here. Real files carry undocumented fields; check the Metadata API reference before relying on it.\n\n---\n\n${ships}`, range);
  }
  const leaf = el.children.length === 0;
  const body = [title, fieldMarkdown(field, leaf ? el.text : undefined)];
  const values = field.values ?? (field.kind === 'boolean' ? ['true', 'false'] : undefined);
  if (values && leaf && el.text && !values.includes(el.text) && field.kind !== 'pattern') body.push(`${code(el.text)} is not one of them.`);
  body.push('---', ships);
  return md(body.join('\n\n'), range);
}

/** Whether the file goes into a package version, in one sentence. */
export function shipsText(project: EcaProject, f: EcaFile): string {
  const t = f.type;
  const dir = f.packageDir;
  switch (fileState(f)) {
    case 'unrecognized':
      return 'The sf CLI does not pick this file up under this name: it is never deployed or packaged.';
    case 'outside-package-directories':
      return 'This file is outside every package directory: it is neither deployed nor packaged.';
    case 'excluded': {
      const ex = f.exclusion!;
      const by = ex.info.line ? `line ${ex.info.line.line + 1} of ${code(rel(project, ex.forceIgnore.path))} (${code(ex.info.line.text.trim())})` : `the sf CLI's default pattern ${code(ex.info.defaultPattern ?? '**/.*')}`;
      return `Does not ship: excluded from the build by ${by}.`;
    }
    case 'not-packaged':
      return `Deployed with the project, not packaged: package directory ${code(dir!.relPath)} is not a 2GP package.`;
    case 'in-build-not-packageable':
      return `**Ships by mistake**: it is in the build of package "${dir!.package}", but ${t!.name} can't be packaged, so \`sf package version create\` fails.`;
    default:
      if (t?.packageable === 'unconfirmed') return `Goes into package "${dir!.package}"; whether ${t.name} can be packaged is unconfirmed.`;
      if (t?.packageable === 'legacy') return `Goes into package "${dir!.package}"; Connected Apps can't be in 2GP managed packages.`;
      return `Ships in package "${dir!.package}" (package directory ${code(dir!.relPath)}).`;
  }
}

function md(value: string, range: Hover['range']): Hover {
  return { contents: { kind: 'markdown', value }, range };
}

/** For clients without markdown hovers. */
export function toPlain(h: Hover): Hover {
  const c = h.contents;
  if (typeof c === 'object' && 'kind' in c && c.kind === 'markdown') {
    return { ...h, contents: { kind: 'plaintext', value: c.value.replace(/\*\*|`{1,2}|(^|\s)_|_(\s|$)/g, (m) => m.replace(/[*`_]/g, '')).replace(/^---$/gm, '') } };
  }
  return h;
}
