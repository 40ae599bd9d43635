/**
 * The server's first index lists each folder once (discovery's listings go on to the walk), and
 * keeps none after it: a folder that discovery listed and no walk did is read as it is later.
 */
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { nodeFsHost, type FsHost } from '../../server/src/project/fsHost';
import type { InventoryResult } from '../../server/src/shared/protocol';
import { inProcess } from './client';
import { header, PLAIN_PROJECT, scratch } from '../helpers/fixture';

const HEADERS = 'force-app/main/default/externalClientApps';

test('server index: each folder listed once; a folder only discovery listed is read afresh when it becomes a project', async () => {
  // A workspace folder holding a project and a folder that is not one (yet).
  const { root: w, put, cleanup } = scratch('eca-lens-listings-');
  put('proj/sfdx-project.json', PLAIN_PROJECT);
  put(`proj/${HEADERS}/Alpha.eca-meta.xml`, header('    <label>Alpha</label>\n'));
  put('other/README.md', 'notes\n');
  const reads = new Map<string, number>();
  const host: FsHost = { ...nodeFsHost, readDir: (p) => (reads.set(p, (reads.get(p) ?? 0) + 1), nodeFsHost.readDir(p)) };
  const c = inProcess({ host });
  const apps = async () => (await c.request<InventoryResult>('ecaLens/inventory')).projects.map((p) => [path.basename(p.uri), p.apps.map((a) => a.name)]);
  try {
    await c.initialize([w]);
    assert.deepEqual([...reads].filter(([, n]) => n !== 1), []);
    assert.equal(reads.get(path.join(w, 'proj', HEADERS)), 1);
    assert.equal(reads.get(path.join(w, 'other')), 1); // by discovery only
    assert.deepEqual(await apps(), [['proj', ['Alpha']]]);

    // `other` becomes a project: its walk must see the folder as it is now, not discovery's listing.
    put(`other/${HEADERS}/Beta.eca-meta.xml`, header('    <label>Beta</label>\n'));
    put('other/sfdx-project.json', PLAIN_PROJECT);
    await c.watched([[path.join(w, 'other/sfdx-project.json'), 1]]);
    await c.waitFor('the new project', () => (c.status()?.projects ?? 0) === 2);
    await c.settle();
    assert.deepEqual(await apps(), [['other', ['Beta']], ['proj', ['Alpha']]]);
  } finally {
    c.dispose();
    cleanup();
  }
});
