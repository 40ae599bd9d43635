/**
 * Is a file in git? The `.gitignore` files of the repository, read through the context (so a rule
 * that asks is re-checked when one changes): every `.gitignore` of the project tree, those in the
 * folders between the repository root and the project root, and `.git/info/exclude`.
 */
import * as path from 'node:path';
import { GitIgnore, GITIGNORE, type GitIgnoreSource } from '../../project/gitIgnore';
import type { ProjectView } from '../../model/types';
import type { EditHelpers } from './types';

export function gitIgnoreOf(ctx: EditHelpers & { project: ProjectView }): GitIgnore {
  const project = ctx.project;
  const repo = project.gitRoot() ?? project.root;
  const sources: GitIgnoreSource[] = [];
  const add = (p: string, dir: string, exclude = false) => {
    const t = ctx.textOf(p);
    if (t) sources.push({ path: p, dir, text: t.text, exclude });
  };
  if (project.gitRoot()) add(path.join(repo, '.git', 'info', 'exclude'), repo, true);
  for (let d = path.dirname(project.root); d !== repo && isInside(repo, project.root) && isInside(repo, d); d = path.dirname(d)) add(path.join(d, GITIGNORE), d);
  if (repo !== project.root && isInside(repo, project.root)) add(path.join(repo, GITIGNORE), repo);
  for (const p of project.listFiles(`**/${GITIGNORE}`)) add(p, path.dirname(p));
  return new GitIgnore(repo, sources);
}

/** The `.gitignore` at the repository root (where a fix adds lines). */
export function rootGitIgnorePath(project: ProjectView): string {
  return path.join(project.gitRoot() ?? project.root, GITIGNORE);
}

function isInside(dir: string, p: string): boolean {
  const rel = path.relative(dir, p);
  return !!rel && !rel.startsWith('..') && !path.isAbsolute(rel);
}
