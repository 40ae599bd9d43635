/** `ecaLens/report` (the integration report as Markdown) and `AppInventory.posture`, over LSP in process. */
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { inProcess, uriOf } from './client';
import { F, twoApps } from './projects';
import { Methods, type AppPostureParams, type AppPostureView, type InventoryResult, type ReportResult } from '../../server/src/shared/protocol';

test('ecaLens/report: the workspace\'s report, or the project of a uri; rule links follow ecaLens.docsBaseUrl', async () => {
  const fx = twoApps();
  const c = inProcess();
  c.settings[uriOf(fx.root)] = { docsBaseUrl: 'https://docs.example.com/eca-lens/rules' };
  try {
    await c.initialize([fx.root]);
    const all = await c.request<ReportResult>(Methods.report, {});
    assert.match(all.markdown, /^## ECA Lens integration report: /);
    assert.match(all.markdown, /^\| App \| Kind \|/m);
    assert.match(all.markdown, /^### Billing$/m);
    assert.match(all.markdown, /\]\(https:\/\/docs\.example\.com\/eca-lens\/rules\/[a-z-]+\.md\)/);
    const one = await c.request<ReportResult>(Methods.report, { uri: uriOf(fx.abs(F.billing)) });
    assert.equal(one.markdown, all.markdown);
    // The inventory carries each app's posture in counts; ecaLens/appPosture its rows.
    const inv = await c.request<InventoryResult>(Methods.inventory);
    const project = inv.projects[0]!;
    const billing = project.apps.find((a) => a.name === 'Billing')!;
    const rows = await c.request<AppPostureView | null>(Methods.appPosture, { projectUri: project.uri, app: 'Billing' } satisfies AppPostureParams);
    assert.ok(rows && rows.settings.length > 5);
    assert.ok(rows.settings.every((s) => s.label && s.state && ['ok', 'finding', 'unknown'].includes(s.status)));
    assert.deepEqual(billing.posture, {
      kind: 'eca',
      settings: rows.settings.length,
      findings: rows.settings.filter((s) => s.status === 'finding').length,
      unknown: rows.settings.filter((s) => s.status === 'unknown').length,
    });
    assert.ok(billing.posture.findings > 0, 'the fixture has posture findings');
    // An app or project that is not there: null, not an error.
    assert.equal(await c.request(Methods.appPosture, { projectUri: project.uri, app: 'NoSuchApp' }), null);
    assert.equal(await c.request(Methods.appPosture, { projectUri: 'file:///nowhere', app: 'Billing' }), null);
    assert.equal(await c.request(Methods.appPosture, undefined), null);
  } finally {
    c.dispose();
    fx.cleanup();
  }
});
