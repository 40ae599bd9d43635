/**
 * packageDirectoryOf (project/sfdxProject.ts): the deepest package directory whose path is the
 * file's or a folder above it; a sibling whose name only starts the same is not one.
 */
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { packageDirectoryOf, type PackageDirectory, type SfdxProjectConfig } from '../../server/src/project/sfdxProject';

const dir = (absPath: string): PackageDirectory => ({ path: absPath, absPath, relPath: absPath, default: false });

test('packageDirectoryOf: the deepest holder, not a sibling with the same start, the root folder itself', () => {
  const app = dir(path.resolve('/p/force-app'));
  const nested = dir(path.resolve('/p/force-app/main/sub'));
  const root = dir(path.parse(path.resolve('/')).root);
  const config = { packageDirectories: [app, nested] } as unknown as SfdxProjectConfig;
  const at = (p: string) => packageDirectoryOf(config, path.resolve(p));
  assert.equal(at('/p/force-app/main/default/x.eca-meta.xml'), app);
  assert.equal(at('/p/force-app/main/sub/y.eca-meta.xml'), nested);
  assert.equal(at('/p/force-app'), app);
  assert.equal(at('/p/force-app2/x.eca-meta.xml'), undefined);
  assert.equal(at('/p/force-appx'), undefined);
  assert.equal(at('/p/other/x.eca-meta.xml'), undefined);
  // A package directory that ends with a separator (the file-system root) holds everything below it.
  const all = { packageDirectories: [root] } as unknown as SfdxProjectConfig;
  assert.equal(packageDirectoryOf(all, path.resolve('/q/x.eca-meta.xml')), root);
});
