/** Helpers shared by several rules (fix builders, id patterns). */
import * as path from 'node:path';
import { toPosixRelative } from '../project/fsHost';
import { appendLine } from '../edits/textEdits';
import { FORCEIGNORE } from '../project/forceIgnore';
import type { EcaFile, ProjectView } from '../inventory/model';
import type { EditHelpers, Fix } from '../rules/types';
import type { EcaTypeInfo } from '../metadata/types';

export const ORG_ID = /^00D[A-Za-z0-9]{12}(?:[A-Za-z0-9]{3})?$/;
export const CONSUMER_ID = /^888[A-Za-z0-9]{12}(?:[A-Za-z0-9]{3})?$/;

/** The `.forceignore` line that keeps this file out of the build. */
export function forceIgnoreLineFor(file: EcaFile, type: EcaTypeInfo): string {
  const parent = path.basename(path.dirname(file.path));
  const dirs = [type.directory, ...(type.oldDirectories ?? [])];
  if (dirs.includes(parent)) return `**/${parent}/**`;
  // A metadata-format file (`X.ecaGlblOauth`, no `-meta.xml`) needs its own suffix pattern.
  const metadataFormat = file.nameInfo.kind === 'recognized' && file.nameInfo.metadataFormat;
  return metadataFormat ? `**/*.${type.suffix}` : `**/*.${type.suffix}-meta.xml`;
}

/**
 * Fix: add a line to the `.forceignore` that governs the file's package directory (created at the
 * project root when there is none). Appended last, so no later line re-includes the file.
 */
export function addForceIgnoreLineFix(ctx: EditHelpers & { project: ProjectView }, file: EcaFile, line: string, preferred = true): Fix {
  const fi = file.packageDir ? ctx.project.forceIgnoreFor(file.packageDir) : undefined;
  if (fi) {
    const e = appendLine(fi.file, line);
    return { title: `Add "${line}" to ${displayPath(ctx.project, fi.path)}`, preferred, edits: [ctx.edit(fi.path, e.start, e.end, e.newText)] };
  }
  const target = path.join(ctx.project.root, FORCEIGNORE);
  return {
    title: `Create .forceignore with "${line}"`,
    preferred,
    edits: [],
    fileOps: [{ kind: 'create', path: target, text: `# Keep External Client App files that can't be packaged out of the build\n${line}\n` }],
  };
}

export function deleteFileFix(project: ProjectView, file: EcaFile): Fix {
  return { title: `Delete ${displayPath(project, file.path)}`, edits: [], fileOps: [{ kind: 'delete', path: file.path }] };
}

export function displayPath(project: ProjectView, p: string): string {
  const rel = toPosixRelative(project.root, p);
  return rel && !rel.startsWith('..') ? rel : p;
}

/** Whole-element span of a file's root (for findings about the file as a whole). */
export function rootNameSpan(file: EcaFile): { start: number; end: number } {
  const r = file.xml?.root;
  if (!r) return { start: 0, end: 0 };
  return { start: r.start + 1, end: r.start + 1 + r.name.length };
}

export function isPackagedDir(file: EcaFile): boolean {
  return !!file.packageDir?.package;
}
