/** The release workflow's requests: ecaLens/guide (the subscriber guide) and ecaLens/packages, in process. */
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { inProcess, uriOf } from './client';
import { F, twoApps } from './projects';
import { Methods, type GuideResult, type PackageVersions } from '../../server/src/shared/protocol';

const PROJECT = JSON.stringify({
  packageDirectories: [{ path: 'force-app', default: true, package: 'Billing', versionNumber: '1.3.0.NEXT' }],
  namespace: 'bill',
  packageAliases: { Billing: '0Ho5g000000XyZaCAK', 'Billing@1.2.0-1': '04t5g000000AAAAAAA', 'Billing@1.10.0-2': '04t5g000000BBBBBBB', 'Other@9.0.0-1': '04t5g000000CCCCCCC' },
});

test('ecaLens/guide: every packaged app, or the one asked; the project of the uri; empty when none ships', async () => {
  const fx = twoApps({ [F.project]: PROJECT });
  const c = inProcess();
  try {
    await c.initialize([fx.root]);
    const all = await c.request<GuideResult>(Methods.guide, {});
    assert.deepEqual(all.apps, ['Billing', 'Reports']);
    assert.equal(all.projectUri, uriOf(fx.root));
    assert.match(all.markdown, /^# Post-install guide\n/);
    assert.match(all.markdown, /^## Billing$/m);
    assert.match(all.markdown, /^## Reports$/m);
    assert.doesNotMatch(all.markdown, /3MVG9notArealKey/, 'no secret');

    const one = await c.request<GuideResult>(Methods.guide, { uri: uriOf(fx.abs(F.reports)), app: 'Reports' });
    assert.deepEqual(one.apps, ['Billing', 'Reports']);
    assert.match(one.markdown, /^## Reports$/m);
    assert.doesNotMatch(one.markdown, /^## Billing$/m);

    const none = await c.request<GuideResult>(Methods.guide, { app: 'Nope' });
    assert.equal(none.markdown, '');
  } finally {
    c.dispose();
    fx.cleanup();
  }
});

test('ecaLens/guide and ecaLens/packages: a project without a package', async () => {
  const fx = twoApps({ [F.project]: JSON.stringify({ packageDirectories: [{ path: 'force-app', default: true }] }) });
  const c = inProcess();
  try {
    await c.initialize([fx.root]);
    const g = await c.request<GuideResult>(Methods.guide, {});
    assert.deepEqual([g.markdown, g.apps], ['', []]);
    assert.deepEqual(await c.request<PackageVersions[]>(Methods.packages, {}), []);
  } finally {
    c.dispose();
    fx.cleanup();
  }
});

test('ecaLens/packages: the packages of sfdx-project.json and their 04t versions, newest first', async () => {
  const fx = twoApps({ [F.project]: PROJECT });
  const c = inProcess();
  try {
    await c.initialize([fx.root]);
    const r = await c.request<PackageVersions[]>(Methods.packages, { uri: uriOf(fx.abs(F.billing)) });
    assert.deepEqual(r, [
      {
        name: 'Billing',
        path: 'force-app',
        versions: [
          { alias: 'Billing@1.10.0-2', id: '04t5g000000BBBBBBB' },
          { alias: 'Billing@1.2.0-1', id: '04t5g000000AAAAAAA' },
        ],
      },
    ]);
  } finally {
    c.dispose();
    fx.cleanup();
  }
});
