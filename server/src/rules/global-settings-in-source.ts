/**
 * Rule: global-settings-in-source
 *
 * A global OAuth settings file (ExtlClntAppGlobalOauthSettings) is in the repository. Salesforce:
 * it "can't be packaged and must not be added to source control" (consumer key, secret and
 * certificate live there; they belong to the org that owns the app). `.forceignore` keeps it out
 * of the package, not out of git. Not reported when git ignores the file (project/gitIgnore.ts).
 *
 * Fixes: add it to the repository root's `.gitignore` (safe: appends a `**` pattern for its folder when the file
 * sits in the type's folder, else the file's own path; the file is created when absent; a file
 * already committed must also leave the index: `git rm --cached`); delete the file (suggestion).
 * Both are built when asked for (LazyFixes).
 */
import * as path from 'node:path';
import { appendLine } from '../edits/textEdits';
import { defineRule, deleteFileFix, displayPath, gitIgnoreOf, rootGitIgnorePath, tagNameSpan, FILE_START, type EcaFile, type EcaFileContext, type Fix } from './kit';

export const rule = defineRule({
  id: 'global-settings-in-source',
  severity: 'warning',
  title: 'Global OAuth settings are in source control',
  appliesTo: ['ExtlClntAppGlobalOauthSettings'],
  check(ctx) {
    const f = ctx.file;
    const gi = gitIgnoreOf(ctx);
    if (gi.ignores(f.path)) return [];
    const at = f.xml?.root ? tagNameSpan(f.xml.root) : FILE_START;
    // Built when asked for (LazyFixes), from the .gitignore as it is then.
    return [ctx.finding(at,
      `Global OAuth settings (${f.type!.suffix}) are in the repository: Salesforce says they "must not be added to source control". ` +
      '.forceignore keeps the file out of the package, not out of git: add it to .gitignore (and `git rm --cached` it if already committed), or delete it.',
      { fixes: () => fixesFor(ctx, f), hasFixes: true, autoFixable: true })];
  },
});

function fixesFor(ctx: EcaFileContext, f: EcaFile): Fix[] {
  const target = rootGitIgnorePath(ctx.project);
  const gitDir = path.dirname(target);
  const parent = path.basename(path.dirname(f.path));
  const dirs = [f.type!.directory, ...(f.type!.oldDirectories ?? [])];
  const line = dirs.includes(parent) ? `**/${parent}/` : `/${path.relative(gitDir, f.path).split(path.sep).join('/')}`;
  const existing = ctx.textOf(target);
  const fixes: Fix[] = [];
  if (existing) {
    fixes.push(ctx.fix(`Add "${line}" to ${displayPath(ctx.project, target)}`, ctx.edit(target, appendLine(existing, line)), { kind: 'safe', preferred: true }));
  } else {
    fixes.push(ctx.fix(`Create .gitignore with "${line}"`, [], {
      kind: 'safe',
      preferred: true,
      fileOps: [{ kind: 'create', path: target, text: `# External Client App global OAuth settings must not be in source control\n${line}\n` }],
    }));
  }
  fixes.push(deleteFileFix(ctx, f));
  return fixes;
}
