/**
 * listFiles (model/otherFiles.ts `list`): its pre-filter never turns down a path `ignore` lists.
 * A differential: every file of a tree with names built to meet the rules' glob sets (case,
 * a folder named like a file pattern, anchored patterns below the root, near misses) is matched
 * with `ignore` alone, and the listing must be the same.
 */
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import ignore from 'ignore';
import { OtherFiles } from '../../server/src/model/otherFiles';
import { excluder } from '../../server/src/model/walk';
import { nodeFsHost } from '../../server/src/project/fsHost';
import { posixRelative } from '../../server/src/util/paths';
import { scratch, PLAIN_PROJECT } from '../helpers/fixture';

const GLOB_SETS: string[][] = [
  // The rules' own (cli-metadata-type-case, manifest-type-name, oauth-insecure-flows-allowed, git, access).
  ['**/package.json', '**/*.sh', '**/*.bash', '.github/workflows/*.yml', '.github/workflows/*.yaml', '.gitlab-ci.yml', 'azure-pipelines.yml', 'bitbucket-pipelines.yml', '**/Jenkinsfile'],
  ['**/package.xml', '**/manifest/*.xml'],
  ['**/settings/OauthOidc.settings-meta.xml'],
  ['**/.gitignore'],
  ['**/*.permissionset-meta.xml'],
  // A folder pattern, and one set with no literal tail (no pre-filter).
  ['**/build/'],
  ['**/*'],
];

const FILES = [
  'package.json', 'scripts/deploy.sh', 'scripts/Deploy.SH', 'run.bash', 'tools.sh/inner.txt', 'notpackage.json',
  '.github/workflows/ci.yml', '.github/workflows/ci.YAML', 'sub/.github/workflows/ci.yml', '.gitlab-ci.yml', 'sub/.gitlab-ci.yml',
  'azure-pipelines.yml', 'bitbucket-pipelines.yml', 'Jenkinsfile', 'ci/jenkinsfile', 'Jenkinsfile.bak',
  'manifest/package.xml', 'Manifest/Other.XML', 'deep/manifest/x.xml', 'deep/manifest/sub/y.xml', 'manifest.xml', 'notmanifest/z.xml', 'src/package.xml', 'src/notpackage.xml',
  'force-app/main/default/settings/OauthOidc.settings-meta.xml', 'force-app/main/default/settings/Other.settings-meta.xml', 'settings/oauthoidc.settings-meta.xml',
  '.gitignore', 'force-app/.gitignore', 'x.gitignore',
  'force-app/main/default/permissionsets/Admin.permissionset-meta.xml', 'force-app/main/default/permissionsets/Admin.permissionset-meta.xml.bak',
  'build/out.txt', 'src/build/a.js', 'src/build.js',
  'force-app/main/default/classes/A.cls', 'force-app/main/default/classes/A.cls-meta.xml',
];

test('listFiles: the same paths as ignore alone, for the rules\' glob sets and tricky names', () => {
  const s = scratch('eca-lens-list-');
  try {
    s.put('sfdx-project.json', PLAIN_PROJECT);
    for (const f of FILES) s.put(f, 'x\n');
    const other = new OtherFiles(s.root, nodeFsHost, excluder(s.root, []));
    const dirs = [{ absPath: path.join(s.root, 'force-app') }];
    const all = fs.readdirSync(s.root, { recursive: true, withFileTypes: true }).filter((e) => e.isFile()).map((e) => posixRelative(s.root, path.join(e.parentPath ?? e.path, e.name)));
    let listed = 0;
    for (const globs of GLOB_SETS) {
      const ig = ignore().add(globs);
      const expected = all.filter((r) => ig.ignores(r)).sort();
      const got = other.list(globs, dirs).map((p) => posixRelative(s.root, p)).sort();
      assert.deepEqual(got, expected, globs.join(', '));
      listed += got.length;
    }
    // The tree meets the patterns: each set lists something, and not everything.
    assert.ok(listed > GLOB_SETS.length && listed < GLOB_SETS.length * all.length, `${listed} listed`);
  } finally {
    s.cleanup();
  }
});
