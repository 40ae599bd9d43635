/** `ecaLens/report` (the integration report as Markdown) and `AppInventory.posture`, over LSP in process. */
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { inProcess, uriOf } from './client';
import { F, twoApps } from './projects';
import { Methods, type InventoryResult, type ReportResult } from '../../server/src/shared/protocol';

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
    // The inventory carries the same posture, per app.
    const inv = await c.request<InventoryResult>(Methods.inventory);
    const billing = inv.projects[0]!.apps.find((a) => a.name === 'Billing')!;
    assert.ok(billing.posture && billing.posture.settings.length > 5);
    assert.ok(billing.posture.settings.every((s) => s.label && s.state && ['ok', 'finding', 'unknown'].includes(s.status)));
  } finally {
    c.dispose();
    fx.cleanup();
  }
});
