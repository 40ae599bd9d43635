/**
 * Is a file in git? The `.gitignore` files of the repository, read through the context (so a rule
 * that asks is re-checked when one changes): every `.gitignore` of the project tree, those in the
 * folders between the repository root and the project root, and `.git/info/exclude`.
 */
import * as path from 'node:path';
import { GitIgnore, GITIGNORE, type GitIgnoreSource } from '../../project/gitIgnore';
import type { ProjectView } from '../../model/types';
import type { EditHelpers } from './types';
import { isInside } from '../../util/paths';

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
  for (const [p, dir, exclude] of fixedSources(project, repo)) add(p, dir, exclude);
  for (const p of project.listFiles(`**/${GITIGNORE}`)) add(p, path.dirname(p), false);
  const hit = memo.get(project);
  if (hit && hit.repo === repo && sameSources(hit, sources, texts)) return hit.gi;
  const gi = new GitIgnore(repo, sources);
  memo.set(project, { repo, sources, texts, gi });
  return gi;
}

/**
 * The ignore files outside the project tree, in precedence order: `.git/info/exclude`, then the
 * `.gitignore` of each folder from the project root's parent up to the repository root. Their paths
 * depend on the two roots only: worked out once per project and repository, not per file asked.
 */
const fixed = new WeakMap<ProjectView, { repo: string; root: string; paths: [path: string, dir: string, exclude: boolean][] }>();
function fixedSources(project: ProjectView, repo: string): [string, string, boolean][] {
  const hit = fixed.get(project);
  if (hit && hit.repo === repo && hit.root === project.root) return hit.paths;
  const paths: [string, string, boolean][] = [];
  if (project.gitRoot()) paths.push([path.join(repo, '.git', 'info', 'exclude'), repo, true]);
  for (let d = path.dirname(project.root); d !== repo && isInside(repo, project.root) && isInside(repo, d); d = path.dirname(d)) paths.push([path.join(d, GITIGNORE), d, false]);
  if (repo !== project.root && isInside(repo, project.root)) paths.push([path.join(repo, GITIGNORE), repo, false]);
  fixed.set(project, { repo, root: project.root, paths });
  return paths;
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

