/**
 * project/gitIgnore.ts against git itself: each case builds a temp repository with real files and
 * .gitignore files, asks `git ls-files --others --ignored --exclude-standard` (the oracle: what
 * git would leave out of `git add`), and compares with GitIgnore for every file.
 */
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { execFileSync } from 'node:child_process';
import { GitIgnore, ignoreFilesAbove, type GitIgnoreSource } from '../../server/src/project/gitIgnore';

function hasGit(): boolean {
  try {
    execFileSync('git', ['--version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

function compare(name: string, files: Record<string, string>) {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'eca-lens-git-'));
  try {
    for (const [rel, text] of Object.entries(files)) {
      fs.mkdirSync(path.dirname(path.join(root, rel)), { recursive: true });
      fs.writeFileSync(path.join(root, rel), text);
    }
    execFileSync('git', ['init', '-q'], { cwd: root });
    const exclude = files['.git/info/exclude'];
    const out = execFileSync('git', ['-c', 'core.excludesFile=/dev/null', 'ls-files', '--others', '--ignored', '--exclude-standard'], { cwd: root, encoding: 'utf8' });
    const gitIgnored = new Set(out.split('\n').filter(Boolean));
    const sources: GitIgnoreSource[] = Object.entries(files)
      .filter(([rel]) => path.basename(rel) === '.gitignore')
      .map(([rel, text]) => ({ path: path.join(root, rel), dir: path.dirname(path.join(root, rel)), text }));
    if (exclude !== undefined) sources.push({ path: path.join(root, '.git/info/exclude'), dir: root, text: exclude, exclude: true });
    const gi = new GitIgnore(root, sources);
    // In three orders, one instance: what it keeps of the last folder asked must never answer for another.
    const rels = Object.keys(files).filter((rel) => !rel.startsWith('.git/'));
    for (const order of [rels, [...rels].sort(), [...rels].sort().reverse()]) {
      for (const rel of order) assert.equal(gi.ignores(path.join(root, rel)), gitIgnored.has(rel), `${name}: ${rel} (git says ${gitIgnored.has(rel) ? 'ignored' : 'not ignored'})`);
    }
  } finally {
    fs.rmSync(root, { recursive: true, force: true });
  }
}

const G = 'force-app/main/default/extlClntAppGlobalOauthSets/App_glbloauth.ecaGlblOauth-meta.xml';

test('gitIgnore agrees with git: folder patterns, suffix patterns, anchoring', { skip: !hasGit() && 'git not installed' }, () => {
  compare('folder', { '.gitignore': '**/extlClntAppGlobalOauthSets/\n', [G]: 'x', 'force-app/a.txt': 'x' });
  compare('suffix', { '.gitignore': '*.ecaGlblOauth-meta.xml\n', [G]: 'x', 'b.ecaGlblOauth-meta.xml': 'x', 'c.xml': 'x' });
  compare('anchored', { '.gitignore': '/force-app/main/default/extlClntAppGlobalOauthSets/App_glbloauth.ecaGlblOauth-meta.xml\n', [G]: 'x', 'other/force-app/main/default/extlClntAppGlobalOauthSets/App_glbloauth.ecaGlblOauth-meta.xml': 'x' });
  compare('middle slash anchors', { '.gitignore': 'main/default\n', 'main/default/x': 'x', 'force-app/main/default/y': 'x' });
  compare('case-sensitive', { '.gitignore': '*.ECAGLBLOAUTH-META.XML\n', [G]: 'x' });
  compare('comments, blank lines, CRLF, trailing spaces', { '.gitignore': '# c\r\n\r\n*.log  \r\n', 'a.log': 'x', 'b.txt': 'x' });
});

test('gitIgnore agrees with git: negation, nested files overriding, ignored folders', { skip: !hasGit() && 'git not installed' }, () => {
  compare('negation', { '.gitignore': '*.xml\n!keep.xml\n', 'keep.xml': 'x', 'drop.xml': 'x', 'd/keep.xml': 'x' });
  compare('nested overrides', { '.gitignore': '*.xml\n', 'sub/.gitignore': '!keep.xml\n', 'sub/keep.xml': 'x', 'sub/drop.xml': 'x', 'keep.xml': 'x' });
  compare('nested relative to its folder', { 'sub/.gitignore': '/a.txt\nb/\n', 'sub/a.txt': 'x', 'a.txt': 'x', 'sub/x/a.txt': 'x', 'sub/b/c.txt': 'x', 'b/c.txt': 'x' });
  compare('no re-include under an ignored folder', { '.gitignore': 'secret/\n!secret/keep.txt\n', 'secret/keep.txt': 'x', 'secret/x.txt': 'x' });
  compare('nested .gitignore inside an ignored folder is not read', { '.gitignore': 'secret/\n', 'secret/.gitignore': '!*\n', 'secret/keep.txt': 'x' });
  compare('folder/* with a negated child', { '.gitignore': 'dir/*\n!dir/keep/\n', 'dir/keep/a.txt': 'x', 'dir/drop/a.txt': 'x', 'dir/b.txt': 'x' });
  compare('deeper negation of a file pattern', { '.gitignore': '*.ecaGlblOauth-meta.xml\n', 'force-app/.gitignore': '!App_glbloauth.ecaGlblOauth-meta.xml\n', [G]: 'x' });
  compare('info/exclude, overridden by .gitignore', { '.git/info/exclude': '*.txt\n', '.gitignore': '!keep.txt\n', 'a.txt': 'x', 'keep.txt': 'x' });
  compare('double star in the middle', { '.gitignore': 'force-app/**/extlClntAppGlobalOauthSets\n', [G]: 'x', 'x/extlClntAppGlobalOauthSets/a': 'x' });
});

test('gitIgnore: outside the repository nothing is ignored', () => {
  const gi = new GitIgnore('/repo', [{ path: '/repo/.gitignore', dir: '/repo', text: '*\n' }, { path: '/other/.gitignore', dir: '/other', text: '*\n' }]);
  assert.equal(gi.ignores('/other/a.txt'), false);
  assert.equal(gi.ignores('/repo/a.txt'), true);
});

test('ignoreFilesAbove: the repository ignore files outside a project, in precedence order', () => {
  const r = path.resolve('/repo');
  const rows = (git: string | undefined, project: string) => ignoreFilesAbove(git, project).map((f) => [path.relative(r, f.path), path.relative(r, f.dir) || '.', f.exclude]);
  // No repository: none. The project is the repository: its exclude file only.
  assert.deepEqual(rows(undefined, r), []);
  assert.deepEqual(rows(r, r), [['.git/info/exclude', '.', true]]);
  // Two levels down: exclude, then each folder's .gitignore from the project's parent up to the root.
  assert.deepEqual(rows(r, path.join(r, 'apps', 'sf')), [
    ['.git/info/exclude', '.', true],
    ['apps/.gitignore', 'apps', false],
    ['.gitignore', '.', false],
  ]);
  // What the model's textOf lets through from outside the project (model/workspace.ts).
  const isAbove = (p: string) => ignoreFilesAbove(r, path.join(r, 'apps', 'sf')).some((f) => f.path === p);
  assert.ok(isAbove(path.join(r, 'apps', '.gitignore')));
  assert.ok(!isAbove(path.join(r, 'other', '.gitignore')));
  assert.ok(!isAbove(path.join(r, 'apps', 'README.md')));
});
