/** Fix builders and file facts shared by several rules. */
import * as path from 'node:path';
import { toPosixRelative } from '../../project/fsHost';
import { appendLine } from '../../edits/textEdits';
import { FORCEIGNORE } from '../../project/forceIgnore';
import type { EcaFile, ProjectView } from '../../model/types';
import type { Fix } from '../../edits/types';
import type { EcaTypeInfo } from '../../metadata/types';
import type { RuleHelpers } from './types';

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
 * Fix (safe): add a line to the `.forceignore` that governs the file's package directory (created
 * at the project root when there is none). Appended last, so no later line re-includes the file.
 */
export function addForceIgnoreLineFix(ctx: RuleHelpers & { project: ProjectView }, file: EcaFile, line: string, preferred = true): Fix {
  const fi = file.packageDir ? ctx.project.forceIgnoreFor(file.packageDir) : undefined;
  if (fi) {
    return ctx.fix(`Add "${line}" to ${displayPath(ctx.project, fi.path)}`, ctx.edit(fi.path, appendLine(fi.file, line)), { kind: 'safe', preferred });
  }
  const target = path.join(ctx.project.root, FORCEIGNORE);
  return ctx.fix(`Create .forceignore with "${line}"`, [], {
    kind: 'safe',
    preferred,
    fileOps: [{ kind: 'create', path: target, text: `# Keep External Client App files that can't be packaged out of the build\n${line}\n` }],
  });
}

/** Fix (suggestion): delete the file. */
export function deleteFileFix(ctx: RuleHelpers & { project: ProjectView }, file: EcaFile): Fix {
  return ctx.fix(`Delete ${displayPath(ctx.project, file.path)}`, [], { kind: 'suggestion', fileOps: [{ kind: 'delete', path: file.path }] });
}

/** A path relative to the project root for messages (absolute when outside it). */
export function displayPath(project: ProjectView, p: string): string {
  const rel = toPosixRelative(project.root, p);
  return rel && !rel.startsWith('..') ? rel : p;
}

/** The file's package directory is packaged (`packageDirectories[].package`). */
export function isPackagedDir(file: EcaFile): boolean {
  return !!file.packageDir?.package;
}
