/**
 * ListingMemo (project/listingMemo.ts): the folder listings project discovery read are handed to
 * the cold index's walk, so each folder is listed once per cold index, and nothing stale is served
 * after it.
 */
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { nodeFsHost, type FsHost } from '../../server/src/project/fsHost';
import { ListingMemo } from '../../server/src/project/listingMemo';
import { findProjectRoots, openProject } from '../../server/src/engine';
import { fixture, header, oauthSettings, globalSettings } from '../helpers/fixture';

/** nodeFsHost, counting the listings it reads per folder. */
function counting(): FsHost & { reads: Map<string, number> } {
  const reads = new Map<string, number>();
  return { ...nodeFsHost, reads, readDir: (p) => (reads.set(p, (reads.get(p) ?? 0) + 1), nodeFsHost.readDir(p)) };
}

const D = 'force-app/main/default';
const files = {
  [`${D}/externalClientApps/Billing.eca-meta.xml`]: header('    <distributionState>Local</distributionState>\n    <label>Billing</label>\n'),
  [`${D}/extlClntAppOauthSettings/Billing_oauth.ecaOauth-meta.xml`]: oauthSettings('    <commaSeparatedOauthScopes>Api, RefreshToken</commaSeparatedOauthScopes>\n    <externalClientApplication>Billing</externalClientApplication>\n    <label>Billing_oauth</label>\n'),
  [`${D}/extlClntAppGlobalOauthSets/Billing_glbloauth.ecaGlblOauth-meta.xml`]: globalSettings('    <consumerKey>3MVG9notArealKey</consumerKey>\n    <externalClientApplication>Billing</externalClientApplication>\n    <label>Billing_glbloauth</label>\n'),
  // Deeper than discovery looks (DISCOVERY_DEPTH 4): listed by the walk only.
  [`${D}/deep/er/still/externalClientApps/Deep.eca-meta.xml`]: header('    <label>Deep</label>\n'),
  '.forceignore': '**/extlClntAppGlobalOauthSets/**\n',
};

test('discovery then the index: every folder listed once, and the same index and findings as without the memo', () => {
  const fx = fixture(files);
  try {
    const plain = counting();
    const rootsPlain = findProjectRoots(fx.root, plain);
    const before = openProject(rootsPlain[0]!, plain);
    // Without the memo, discovery and the walk both list the folders down to depth 4.
    assert.equal(plain.reads.get(path.join(fx.root, D, 'externalClientApps')), 2);

    const disk = counting();
    const memo = new ListingMemo(disk);
    memo.recording = true;
    const roots = findProjectRoots(fx.root, memo);
    memo.recording = false;
    const after = openProject(roots[0]!, memo);
    assert.deepEqual(roots, rootsPlain);
    assert.deepEqual([...disk.reads.values()].filter((n) => n !== 1), [], JSON.stringify([...disk.reads]));
    // The walk went below discovery's depth, and those folders too were listed (once).
    assert.equal(disk.reads.get(path.join(fx.root, D, 'deep/er/still/externalClientApps')), 1);
    assert.deepEqual([...after.files()].map((f) => [f.rel, f.appName, f.included]), [...before.files()].map((f) => [f.rel, f.appName, f.included]));
    assert.equal([...after.files()].length, 4);
    const summary = (m: Map<string, { ruleId: string; message: string }[]>) => [...m].map(([p, l]) => [p, l.map((x) => `${x.ruleId}: ${x.message}`)]);
    assert.deepEqual(summary(after.checkAll()), summary(before.checkAll()));
  } finally {
    fx.cleanup();
  }
});

test('a kept listing is served once; later reads, and reads after clear() or a write, go to the disk', () => {
  const fx = fixture(files);
  try {
    const disk = counting();
    const memo = new ListingMemo(disk);
    const dir = path.join(fx.root, D, 'externalClientApps');
    memo.recording = true;
    const first = memo.readDir(dir);
    // A second discovery (another workspace folder) while recording: still kept for the walk.
    assert.deepEqual(memo.readDir(dir), first);
    memo.recording = false;
    assert.deepEqual(memo.readDir(dir), first);
    assert.equal(disk.reads.get(dir), 1);
    // Served once: a file added since is seen by the next reader.
    fs.writeFileSync(path.join(dir, 'New.eca-meta.xml'), header('    <label>New</label>\n'));
    assert.deepEqual(memo.readDir(dir)?.map((e) => e.name).sort(), ['Billing.eca-meta.xml', 'New.eca-meta.xml']);
    assert.equal(disk.reads.get(dir), 2);

    // Not recording: nothing is kept.
    memo.readDir(dir);
    memo.readDir(dir);
    assert.equal(disk.reads.get(dir), 4);

    // clear(): what no walk asked for is dropped (and recording stops).
    memo.recording = true;
    memo.readDir(dir);
    memo.clear();
    assert.equal(memo.recording, false);
    memo.readDir(dir);
    assert.equal(disk.reads.get(dir), 6);

    // A write through the memo drops the kept listings: the folder it wrote to is read again.
    memo.recording = true;
    memo.readDir(dir);
    memo.recording = false;
    memo.writeFile(path.join(dir, 'Other.eca-meta.xml'), new TextEncoder().encode(header('    <label>Other</label>\n')));
    assert.ok(memo.readDir(dir)?.some((e) => e.name === 'Other.eca-meta.xml'));
    assert.equal(disk.reads.get(dir), 8);
  } finally {
    fx.cleanup();
  }
});
