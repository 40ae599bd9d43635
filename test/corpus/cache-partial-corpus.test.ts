/**
 * `check --cache` re-checking only what edited ECA files affect, on real input: each repository of
 * the shared corpus (copied to a temporary folder, as the test writes), every ECA-family file
 * edited in each of the helper's ways and undone, each cached run compared with a cold check
 * (test/helpers/cachePartial.ts).
 */
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { findProjectRoots, openProject } from '../../server/src/engine';
import { nodeFsHost } from '../../server/src/project/fsHost';
import { check, editEach } from '../helpers/cachePartial';

const CORPUS = path.resolve(process.cwd(), '../shared/corpus');

test('--cache on the corpus: after each edit of an ECA file, and after undoing it, the cached run prints what a cold check prints', () => {
  assert.ok(fs.existsSync(path.join(CORPUS, 'SOURCES.md')), `the shared corpus is missing: ${CORPUS}`);
  let total = 0;
  let repos = 0;
  for (const repo of fs.readdirSync(CORPUS).sort()) {
    if (!fs.statSync(path.join(CORPUS, repo)).isDirectory()) continue;
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'eca-lens-corpus-cache-'));
    try {
      fs.cpSync(path.join(CORPUS, repo), dir, { recursive: true });
      // No sfdx-project.json: the CLI checks the folder as loose metadata, and so does the cache.
      const roots = findProjectRoots(dir, nodeFsHost);
      const projects = roots.length ? roots.map((r) => openProject(r, nodeFsHost)) : [openProject(dir, nodeFsHost, { noProjectFile: true })];
      const files = projects.flatMap((p) => [...p.files()].map((f) => f.path)).sort();
      const apps = [...new Set(projects.flatMap((p) => [...p.apps()].map((a) => a.name)))].sort();
      if (!files.length) continue;
      check(dir, ['--cache']);
      total += editEach(dir, files, apps);
      repos++;
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  }
  assert.equal(repos, 16, `${total} edits in ${repos} repositories`);
  assert.ok(total >= 300, `${total} edits in ${repos} repositories`);
  console.log(`${total} edits in ${repos} repositories`);
});
