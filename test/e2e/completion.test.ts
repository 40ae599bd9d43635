/**
 * End to end in code-server: typing `<` in a header offers the missing elements (the language
 * server's textDocument/completion), with `distributionState` among them.
 */
import { after, before, test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { ensureDebianPackages, openFile, repoRoot, screenshot, start, waitFor, type Session } from './harness';

const ROOT = repoRoot();
const VERSION = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')).version as string;
const VSIX = path.join(ROOT, `eca-lens-${VERSION}.vsix`);
const WORKSPACE = path.join(ROOT, 'examples', 'acme-billing');
const HEADER = 'force-app/main/default/externalClientApps/AcmeBilling.eca-meta.xml';

let s: Session;

before(async () => {
  ensureDebianPackages();
  s = await start({ vsix: VSIX, workspaceSource: WORKSPACE });
});
after(async () => {
  await s?.stop();
});

test('typing < in a header offers distributionState', async () => {
  const p = path.join(s.workspace, HEADER);
  // The header without its distributionState, so the element is missing.
  fs.writeFileSync(p, fs.readFileSync(p, 'utf8').replace(/ *<distributionState>.*<\/distributionState>\r?\n/, ''));
  await openFile(s.page, path.basename(HEADER));
  const editor = s.page.locator('.monaco-editor .view-lines').first();
  await editor.click();
  // End of the <description> line, then a new line and `<`.
  await s.page.keyboard.press('Control+Home');
  for (let i = 0; i < 3; i++) await s.page.keyboard.press('ArrowDown');
  await s.page.keyboard.press('End');
  await s.page.keyboard.press('Enter');
  await s.page.keyboard.type('<');
  try {
    // The `<` triggers completion; if it came before the server was ready (a cold start is still
    // indexing), ask again with Ctrl+Space: still the server's textDocument/completion.
    let polls = 0;
    const labels = await waitFor('the suggest widget with distributionState', async () => {
      const rows = await s.page.locator('.suggest-widget .monaco-list-row').allInnerTexts();
      if (rows.some((r) => r.includes('distributionState'))) return rows;
      if (++polls % 8 === 0) await s.page.keyboard.press('Control+Space');
      return undefined;
    }, 45_000);
    assert.ok(labels.some((r) => r.includes('distributionState')));
  } catch (e) {
    await screenshot(s.page, 'failed-completion.png').catch(() => undefined);
    throw e;
  }
});
