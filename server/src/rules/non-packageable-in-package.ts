/**
 * Rule: non-packageable-in-package
 *
 * A non-packageable ECA-family file (global OAuth settings, any policy file) sits in a packaged
 * directory (`packageDirectories[].package`) and `.forceignore` does not keep it out, so
 * `sf package version create` would try to package it and fail. The message names the type and
 * why; for OAuth policies with a `clientCredentialsFlowUser`, the "Enter a valid execution user"
 * failure. Fixes: add the right `.forceignore` line (preferred, safe), move the file to a package
 * directory that is not packaged (when the project has one; a suggestion), or delete the file (a
 * suggestion). The fixes are built when asked for (LazyFixes).
 */
import * as path from 'node:path';
import { appendLine, applyOffsetEdits } from '../edits/textEdits';
import { FORCEIGNORE, ForceIgnoreFile } from '../project/forceIgnore';
import { TextFile } from '../util/text';
import type { EcaTypeInfo } from '../metadata/types';
import {
  addForceIgnoreLineFix, child, defineRule, deleteFileFix, displayPath, forceIgnoreLineFor, isPackagedDir, tagNameSpan,
  type EcaFile, type EcaFileContext, type Fix,
} from './kit';

export const rule = defineRule({
  id: 'non-packageable-in-package',
  severity: 'error',
  title: 'A file that can\'t be packaged is in a packaged directory and not excluded by .forceignore',
  check(ctx) {
    const f = ctx.file;
    const t = f.type;
    if (!t || t.packageable !== 'no' || !f.included || !isPackagedDir(f)) return [];
    let message = `${t.name} (${t.label}) can't be packaged: ${t.whyNotPackageable ?? 'it is not packageable'}. ` +
      `This file is in package directory "${f.packageDir!.relPath}" (package "${f.packageDir!.package}") and no .forceignore line excludes it, so \`sf package version create\` will fail.`;
    const ccUser = f.xml?.root ? child(f.xml.root, 'clientCredentialsFlowUser') : undefined;
    if (ccUser && ccUser.text) {
      message += ' Its Run As user (clientCredentialsFlowUser) does not exist in the packaging org: "Enter a valid execution user for the OAuth client credentials flow."';
    }
    // Built when asked for (kit/types.ts LazyFixes): a .forceignore edit that puts a folder into
    // the build brings thousands of these at once, and choosing the line costs more than the check.
    return [ctx.finding(tagNameSpan(f.xml?.root), message, { fixes: () => fixesFor(ctx, f), hasFixes: true, autoFixable: true })];
  },
});

/** The fixes, against the project as it is now (the file and its app looked up again). */
function fixesFor(checked: EcaFileContext, was: EcaFile): Fix[] {
  const f = checked.project.file(was.path) ?? was;
  const t = f.type;
  if (!t || !f.packageDir) return [];
  const ctx: EcaFileContext = { ...checked, file: f, app: f.appName ? checked.project.app(f.appName) : undefined };
  const fixes: Fix[] = [addForceIgnoreLineFix(ctx, f, chooseLine(ctx, f, t))];
  const move = moveFix(ctx, f);
  if (move) fixes.push(move);
  fixes.push(deleteFileFix(ctx, f));
  return fixes;
}

/**
 * The `.forceignore` line to add: the conventional folder (`**\/<dir>/**`) when the file sits in it,
 * else its suffix. Checked against the `.forceignore` as it would read afterwards: the line must
 * keep this file out and must not also keep out the app's header or OAuth settings where they ship
 * today (someone saved them into the same folder); otherwise the suffix pattern is used.
 */
function chooseLine(ctx: EcaFileContext, f: EcaFile, t: EcaTypeInfo): string {
  const preferred = forceIgnoreLineFor(f, t);
  const suffixLine = f.nameInfo.kind === 'recognized' && f.nameInfo.metadataFormat ? `**/*.${t.suffix}` : `**/*.${t.suffix}-meta.xml`;
  const fi = ctx.project.forceIgnoreFor(f.packageDir!);
  const governs = (g: EcaFile) => !!g.packageDir && (fi ? ctx.project.forceIgnoreFor(g.packageDir)?.path === fi.path : !ctx.project.forceIgnoreFor(g.packageDir));
  // Only the app's own files are looked at: a scan of every file per finding made a project with
  // thousands of findings take minutes. (A suffix line of a type that can't be packaged never
  // matches a header or OAuth settings.)
  const shipping = (ctx.app?.files ?? []).filter((g) => g !== f && g.included && g.type?.packageable === 'yes' && governs(g));
  // Fast exact answer for the common case: `**/<dir>/**` appended last to a plain-text .forceignore
  // excludes every file with a folder named <dir> (case-insensitive, as SDR matches) below it, this
  // file included, and changes nothing else. So it works unless a shipping file has such a folder.
  const folder = /^\*\*\/([^/*?[\]\\!#]+)\/\*\*$/.exec(preferred)?.[1]?.toLowerCase();
  if (fi && folder && !/[\u0000\uFFFD]|\r(?!\n)/.test(fi.file.text)) {
    // A folder of the path below the .forceignore's folder is named <folder> (the file name is not).
    const inFolder = (g: EcaFile) => {
      const rel = fi.relative(g.path)?.toLowerCase();
      return !!rel && `/${rel.slice(0, rel.lastIndexOf('/') + 1)}`.includes(`/${folder}/`);
    };
    if (!shipping.some(inFolder)) return preferred;
  }
  const works = (line: string) => {
    const after = simulate(ctx, fi, line);
    return after.denies(f.path) && !shipping.some((g) => after.denies(g.path));
  };
  if (works(preferred)) return preferred;
  if (preferred !== suffixLine && works(suffixLine)) return suffixLine;
  return preferred;
}

/**
 * The governing `.forceignore` as it would read with `line` appended (or created with it). Cached
 * per `.forceignore` object and line: a `.forceignore` edit that puts a whole folder into the build
 * re-checks every file of it, and they all ask the same question. A changed `.forceignore` is a new
 * object, so the cache never serves stale text.
 */
const simulated = new WeakMap<ForceIgnoreFile, Map<string, ForceIgnoreFile>>();
const created = new Map<string, ForceIgnoreFile>();

function simulate(ctx: EcaFileContext, fi: ForceIgnoreFile | undefined, line: string): ForceIgnoreFile {
  if (fi) {
    let byLine = simulated.get(fi);
    if (!byLine) simulated.set(fi, (byLine = new Map()));
    let after = byLine.get(line);
    if (!after) {
      const e = appendLine(fi.file, line);
      after = new ForceIgnoreFile(fi.path, new TextFile(applyOffsetEdits(fi.file.text, [e]), fi.file.bom));
      byLine.set(line, after);
    }
    return after;
  }
  const target = path.join(ctx.project.root, FORCEIGNORE);
  const key = `${target}\0${line}`;
  let after = created.get(key);
  if (!after) {
    if (created.size > 256) created.clear();
    after = new ForceIgnoreFile(target, new TextFile(`${line}\n`));
    created.set(key, after);
  }
  return after;
}

/**
 * Move the file, keeping its path inside the package directory, to a package directory that has
 * no `package` key (it still deploys to scratch orgs, but no package version takes it).
 */
function moveFix(ctx: EcaFileContext, f: EcaFile): Fix | undefined {
  const from = f.packageDir!;
  // Package directory paths are absolute and normalised: a prefix test is enough.
  const inside = (dir: string, p: string) => p.startsWith(dir.endsWith(path.sep) ? dir : dir + path.sep);
  const target = ctx.project.config.packageDirectories.find(
    (d) => !d.package && d.absPath !== from.absPath && !inside(from.absPath, d.absPath) && !inside(d.absPath, from.absPath),
  );
  if (!target) return undefined;
  // The file is below its package directory (both paths normalised): its path there is a slice.
  const rel = inside(from.absPath, f.path) ? f.path.slice(from.absPath.length + (from.absPath.endsWith(path.sep) ? 0 : 1)) : path.relative(from.absPath, f.path);
  const newPath = path.join(target.absPath, rel);
  if (ctx.project.file(newPath)) return undefined;
  return ctx.fix(`Move to ${displayPath(ctx.project, newPath)} (package directory "${target.relPath}" is not packaged)`, [], {
    kind: 'suggestion',
    fileOps: [{ kind: 'rename', path: f.path, newPath }],
  });
}
