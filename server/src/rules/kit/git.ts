/**
 * Is a file in git? The `.gitignore` files of the repository, read through the context (so a rule
 * that asks is re-checked when one changes): every `.gitignore` of the project tree, those in the
 * folders between the repository root and the project root, and `.git/info/exclude`.
 */
import * as path from 'node:path';
import { GitIgnore, GITIGNORE, type GitIgnoreSource } from '../../project/gitIgnore';
import type { ProjectView } from '../../model/types';
import type { EditHelpers } from './types';

/**
 * One compiled GitIgnore per project while its sources are the same texts (the model hands out the
 * same TextFile until a file changes): two rules ask per global settings or secret-bearing file.
 */
const memo = new WeakMap<ProjectView, { repo: string; sources: GitIgnoreSource[]; texts: unknown[]; gi: GitIgnore }>();

export function gitIgnoreOf(ctx: EditHelpers & { project: ProjectView }): GitIgnore {
  const project = ctx.project;
  const repo = project.gitRoot() ?? project.root;
  const sources: GitIgnoreSource[] = [];
  const texts: unknown[] = [];
  const add = (p: string, dir: string, exclude: boolean) => {
    const t = ctx.textOf(p);
    if (t) {
      sources.push({ path: p, dir, text: t.text, exclude });
      texts.push(t);
    }
  };
  for (const f of project.ignoreFilesAbove()) add(f.path, f.dir, f.exclude);
  for (const p of project.listFiles(`**/${GITIGNORE}`)) add(p, path.dirname(p), false);
  const hit = memo.get(project);
  if (hit && hit.repo === repo && sameSources(hit, sources, texts)) return hit.gi;
  const gi = new GitIgnore(repo, sources);
  memo.set(project, { repo, sources, texts, gi });
  return gi;
}

function sameSources(hit: { sources: GitIgnoreSource[]; texts: unknown[] }, sources: GitIgnoreSource[], texts: unknown[]): boolean {
  if (hit.sources.length !== sources.length) return false;
  for (let i = 0; i < sources.length; i++) {
    const a = hit.sources[i]!;
    const b = sources[i]!;
    if (hit.texts[i] !== texts[i] || a.path !== b.path || a.dir !== b.dir || a.exclude !== b.exclude || a.text !== b.text) return false;
  }
  return true;
}

/** The `.gitignore` at the repository root (where a fix adds lines). */
export function rootGitIgnorePath(project: ProjectView): string {
  return path.join(project.gitRoot() ?? project.root, GITIGNORE);
}

