/**
 * End to end in code-server, the ISV release workflow: "ECA Lens: Open Subscriber Guide" from the
 * command palette offers the example's two packaged apps, and the guide (the server's
 * `ecaLens/guide`) opens in the Markdown preview. Its own session: the main file's steps change
 * the example.
 */
import { after, before, test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Page } from 'playwright-core';
import { closeWidgets, ensureDebianPackages, repoRoot, screenshot, start, waitFor, type Session } from './harness';

const ROOT = repoRoot();
const VERSION = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')).version as string;
const VSIX = path.join(ROOT, `eca-lens-${VERSION}.vsix`);
const WORKSPACE = path.join(ROOT, 'examples', 'acme-billing');

let s: Session;

/** The harness's runCommand, but giving up after a few seconds when the palette lacks the command. */
async function tryCommand(page: Page, title: string): Promise<void> {
  await closeWidgets(page);
  await page.keyboard.press('Control+Shift+P');
  const input = page.locator('.quick-input-widget .quick-input-box input');
  await input.waitFor({ state: 'visible', timeout: 20_000 });
  await input.fill(`>${title}`);
  const row = page.locator('.quick-input-widget .monaco-list-row', { hasText: title }).first();
  if (await row.waitFor({ state: 'visible', timeout: 3_000 }).then(() => true, () => false)) await row.click();
  else await page.keyboard.press('Escape');
}

before(async () => {
  ensureDebianPackages();
  s = await start({ vsix: VSIX, workspaceSource: WORKSPACE });
});
after(async () => {
  if (s && process.env.ECA_E2E_LOGS) process.stderr.write(s.logs());
  await s?.stop();
});

test('"Open Subscriber Guide" picks all packaged apps and opens the guide in the Markdown preview', async () => {
  const { page } = s;
  try {
    // The palette lists the command once the extension has set ecaLens.projectOpened; a palette
    // opened before that does not update, so open it again until the command is there.
    await page.locator('.statusbar-item', { hasText: /ECAs?\b/ }).first().waitFor({ timeout: 60_000 });
    await waitFor(
      'the command in the palette',
      async () => {
        await tryCommand(page, 'ECA Lens: Open Subscriber Guide');
        // The picker comes after the command has asked the server for the apps: give it a moment
        // (the next attempt starts by closing what is open, this picker included).
        const title = page.locator('.quick-input-widget .quick-input-title', { hasText: 'ECA Lens: Open Subscriber Guide' });
        return title.waitFor({ state: 'visible', timeout: 5_000 }).then(() => true, () => false);
      },
      60_000,
      500,
    );
    // The example packages two apps: the picker offers one or all.
    await page.locator('.quick-input-widget .quick-input-title', { hasText: 'ECA Lens: Open Subscriber Guide' }).waitFor({ state: 'visible', timeout: 20_000 });
    const rows = page.locator('.quick-input-widget .monaco-list-row');
    for (const label of ['All apps', 'AcmeBilling', 'AcmeReports']) await rows.filter({ hasText: label }).first().waitFor({ state: 'visible', timeout: 20_000 });
    await rows.filter({ hasText: 'All apps' }).first().click();
    await page.locator('.tabs-container .tab.active', { hasText: 'Preview Subscriber Guide.md' }).waitFor({ timeout: 30_000 });
    // The rendered guide (the preview's webview frames): its heading and one section per app.
    const guide = await waitFor(
      'the rendered guide',
      async () => {
        for (const f of page.frames()) {
          if ((await f.locator('h1', { hasText: 'Post-install guide' }).count().catch(() => 0)) > 0) return f;
        }
        return undefined;
      },
      30_000,
    );
    const h2 = (await guide.locator('h2').allInnerTexts()).map((t) => t.trim());
    assert.deepEqual(h2, ['Acme Billing (AcmeBilling)', 'Acme Reports (AcmeReports)']);
    assert.match(await guide.locator('body').innerText(), /Client credentials flow/);
    await screenshot(page, 'subscriber-guide-preview.png', page.locator('.part.editor'));
  } catch (e) {
    await screenshot(page, 'failed-subscriber-guide.png').catch(() => undefined);
    throw e;
  }
});
