/**
 * ECA Lens in real VS Code (code-server 4.100.3 in headless Chromium): installs the built .vsix,
 * opens a copy of examples/acme-billing (or ECA_E2E_WORKSPACE) and checks what a user sees:
 * the Problems panel, the External Client Apps tree, a quick fix from the editor, "Fix All" and
 * the checklist. Screenshots go to test/e2e/screenshots/ (git-ignored).
 *
 * Run: npm run test:e2e (builds the .vsix first). Keep the temp folder: ECA_E2E_KEEP=1.
 */
import { after, before, describe, test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Locator } from 'playwright-core';
import {
  editorText,
  ensureDebianPackages,
  openFile,
  pane,
  problems,
  repoRoot,
  runCommand,
  screenshot,
  start,
  treeRows,
  waitFor,
  widenSidebar,
  type Session,
  type TreeRow,
} from './harness';

const ROOT = repoRoot();
const VERSION = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')).version as string;
const VSIX = path.join(ROOT, `eca-lens-${VERSION}.vsix`);
const WORKSPACE = path.resolve(process.env.ECA_E2E_WORKSPACE ?? path.join(ROOT, 'examples', 'acme-billing'));
const DEV_HUB = '00D5g000004XyZa';
const REPORTS_HEADER = 'force-app/main/default/externalClientApps/AcmeReports.eca-meta.xml';

/** The example's hazards (examples/acme-billing/README.md): rule → how many. */
const EXPECTED: Record<string, number> = {
  'forceignore-unknown-directory': 1,
  'distribution-state-not-packaged': 1,
  'non-packageable-in-package': 2,
  'secret-in-source': 1,
  'global-settings-in-source': 1,
  'org-scoped-app-missing': 1,
};

let s: Session;
let failed = false;

/** A step of the one user session: a failure stops the steps after it (they would only time out). */
function step(name: string, fn: () => Promise<void>): void {
  test(name, async () => {
    if (failed) throw new Error('an earlier step failed');
    try {
      await fn();
    } catch (e) {
      failed = true;
      await screenshot(s.page, `failed-${name.replace(/[^a-z0-9]+/gi, '-').slice(0, 40)}.png`).catch(() => undefined);
      throw e;
    }
  });
}

/** Rule id → count of the Problems panel's marker rows (the code shows as "eca-lens(<rule>)" or "(<rule>)"). */
async function problemCounts(): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  for (const r of await problems(s.page)) {
    for (const id of Object.keys(EXPECTED)) if (r.text.includes(id)) out[id] = (out[id] ?? 0) + 1;
  }
  return out;
}

async function showProblems(): Promise<void> {
  if (!(await s.page.locator('.markers-panel').isVisible())) await s.page.keyboard.press('Control+Shift+M');
  await s.page.locator('.markers-panel').waitFor({ state: 'visible', timeout: 20_000 });
}

async function showEcaLens(): Promise<void> {
  if (!(await pane(s.page, 'External Client Apps').isVisible())) await runCommand(s.page, 'View: Show ECA Lens');
  await pane(s.page, 'External Client Apps').waitFor({ state: 'visible', timeout: 30_000 });
  await widenSidebar(s.page, 560);
}

/** Move the focus of an open list (quick fix menu) down to a row, then press Enter. */
async function chooseWithKeyboard(row: Locator): Promise<void> {
  for (let i = 0; i < 12 && !/\bfocused\b/.test((await row.getAttribute('class')) ?? ''); i++) await s.page.keyboard.press('ArrowDown');
  assert.match((await row.getAttribute('class')) ?? '', /\bfocused\b/, 'the quick fix could not be reached with the keyboard');
  await s.page.keyboard.press('Enter');
}

function describeRows(rows: TreeRow[]): string {
  return rows.map((r) => `${'  '.repeat(Math.max(0, r.level - 1))}${r.label} — ${r.description} [${r.icon}]`).join('\n');
}

describe('ECA Lens in VS Code (code-server)', { timeout: 300_000 }, () => {
  before(async () => {
    assert.ok(fs.existsSync(VSIX), `${VSIX} is missing: run \`npm run package\` (npm run test:e2e does)`);
    assert.ok(fs.existsSync(path.join(WORKSPACE, 'sfdx-project.json')), `${WORKSPACE} is not an sfdx project`);
    ensureDebianPackages();
    s = await start({ vsix: VSIX, workspaceSource: WORKSPACE });
  });

  after(async () => {
    if (!s) return;
    await screenshot(s.page, 'last.png').catch(() => undefined);
    if (failed || process.env.ECA_E2E_LOGS) process.stderr.write(s.logs());
    await s.stop();
  });

  step('the Problems panel lists the example\'s hazards', async () => {
    await showProblems();
    const counts = await waitFor(
      'every expected hazard in the Problems panel',
      async () => {
        const c = await problemCounts();
        return Object.entries(EXPECTED).every(([id, n]) => c[id] === n) ? c : undefined;
      },
      90_000,
    ).catch(async (e) => {
      await screenshot(s.page, 'problems-failed.png');
      throw new Error(`${(e as Error).message}\nProblems panel:\n${(await problems(s.page)).map((r) => r.text).join('\n')}\n${s.logs()}`);
    });
    assert.deepEqual(counts, EXPECTED);
    // The status bar item counts the same hazards.
    const status = s.page.locator('.statusbar-item', { hasText: /ECAs?\b/ });
    await status.first().waitFor({ timeout: 30_000 });
    assert.match(await status.first().innerText(), /2 ECAs · 7 hazards/);
    await screenshot(s.page, 'problems.png', s.page.locator('.part.panel'));
  });

  step('the tree shows each app with the right states', async () => {
    await showEcaLens();
    const view = pane(s.page, 'External Client Apps');
    const rows = await waitFor('the apps in the tree', async () => {
      const r = await treeRows(view);
      return r.some((x) => x.label === 'AcmeBilling') && r.some((x) => x.label === 'AcmeReports') ? r : undefined;
    }, 60_000);
    const text = describeRows(rows);
    const row = (label: string, after?: string) => {
      const from = after ? rows.findIndex((r) => r.label === after) : 0;
      const r = rows.slice(from).find((x) => x.label === label);
      assert.ok(r, `no row "${label}"${after ? ` under ${after}` : ''} in\n${text}`);
      return r;
    };
    assert.equal(row('force-app').description, 'package AcmeBilling');
    const billing = row('AcmeBilling');
    assert.match(billing.description, /^Local · \d+ errors?/, text);
    assert.equal(billing.icon, 'error');
    const reports = row('AcmeReports');
    assert.match(reports.description, /^Packaged · \d+ errors?/, text);
    // AcmeBilling's files, by plain type name, with their build state.
    assert.match(row('Header', 'AcmeBilling').description, /^ships/);
    assert.match(row('OAuth settings', 'AcmeBilling').description, /^ships/);
    assert.match(row('Global OAuth settings', 'AcmeBilling').description, /^not packageable but in the build/);
    assert.match(row('OAuth policies', 'AcmeBilling').description, /^excluded by \.forceignore:9 \(\*\*\/extlClntAppOauthPolicies\/\*\*\)/);
    // AcmeReports' plugin policies are in the build.
    assert.match(row('Plugin policies', 'AcmeReports').description, /^not packageable but in the build/);
    assert.match(row('Header', 'AcmeReports').description, /^ships · 1 error/);
    // The app row shows its hazards.
    assert.ok(rows.some((r) => r.description === 'secret-in-source'), text);
    await screenshot(s.page, 'tree.png', s.page.locator('.part.sidebar'));
    await screenshot(s.page, 'overview.png');
  });

  step('each app has a Security posture group: one row per setting, its state and its finding', async () => {
    const { page } = s;
    const view = pane(page, 'External Client Apps');
    const group = view.locator('.monaco-list-row', { has: page.locator('.label-name', { hasText: /^Security posture$/ }) }).first();
    await group.waitFor({ state: 'visible', timeout: 30_000 });
    // AcmeBilling comes first: its group is the first one. Collapsed until clicked.
    await group.click();
    const rows = await waitFor('the posture rows of AcmeBilling', async () => {
      const r = await treeRows(view);
      return r.some((x) => x.label === 'IP relaxation') && r.some((x) => x.label === 'Distribution state') ? r : undefined;
    }, 30_000);
    // The list reuses row elements, so DOM order is not display order: find rows by label (the
    // setting labels are unique while only AcmeBilling's group is open).
    const text = describeRows(rows);
    const row = (label: string) => rows.find((r) => r.label === label);
    assert.deepEqual([row('IP relaxation')?.description, row('IP relaxation')?.icon], ['Enforce', 'pass'], text);
    assert.deepEqual([row('Distribution state')?.description, row('Distribution state')?.icon], ['Local · distribution-state-not-packaged', 'error'], text);
    assert.equal(row('Refresh token policy')?.description, 'SpecificInactivity 30 Days', text);
    assert.match(row('Client secret')?.description ?? '', /secret-in-source/, text);
    await screenshot(page, 'tree-posture.png', page.locator('.part.sidebar'));
    // Clicking a row with a finding opens the file at it.
    await view.locator('.monaco-list-row', { has: page.locator('.label-name', { hasText: /^Distribution state$/ }) }).first().click();
    await page.locator('.tabs-container .tab.active', { hasText: 'AcmeBilling.eca-meta.xml' }).waitFor({ timeout: 20_000 });
    // Collapse it again: the later steps read the rows below.
    await group.click();
    await waitFor('the posture rows collapsed', async () => !(await treeRows(view)).some((x) => x.label === 'IP relaxation'), 20_000);
  });

  step('"Open Integration Report" shows the report in the Markdown preview', async () => {
    const { page } = s;
    await runCommand(page, 'ECA Lens: Open Integration Report');
    await page.locator('.tabs-container .tab.active', { hasText: 'Preview ECA Lens integration report' }).waitFor({ timeout: 30_000 });
    const frame = await waitFor(
      'the rendered report',
      async () => {
        for (const f of page.frames()) {
          const h = f.locator('h2', { hasText: 'ECA Lens integration report' });
          if ((await h.count().catch(() => 0)) > 0) return f;
        }
        return undefined;
      },
      30_000,
    );
    const body = await frame.locator('body').innerText();
    assert.match(body, /AcmeBilling/);
    assert.match(body, /AcmeReports/);
    assert.ok((await frame.locator('table th', { hasText: 'IP relaxation' }).count()) > 0, body.slice(0, 2000));
    assert.match(body, /distribution-state-not-packaged/);
    await screenshot(page, 'report-preview.png', page.locator('.part.editor'));
    await runCommand(page, 'View: Close All Editors');
  });

  step('the checklist shows what fails before packaging', async () => {
    const view = pane(s.page, 'Pre-packaging Checklist');
    await view.waitFor({ state: 'visible', timeout: 30_000 });
    const rows = await waitFor('the checklist', async () => {
      const r = await treeRows(view);
      return r.some((x) => x.label === 'AcmeReports') ? r : undefined;
    });
    const apps = rows.filter((r) => r.label === 'AcmeBilling' || r.label === 'AcmeReports');
    assert.equal(apps.length, 2, describeRows(rows));
    for (const a of apps) assert.match(a.description, /failing/, describeRows(rows));
    assert.ok(rows.some((r) => r.icon === 'error' && r.level === 2), describeRows(rows));
    await screenshot(s.page, 'checklist-before.png', s.page.locator('.part.sidebar'));
  });

  step('a quick fix from the editor changes the file and its hazard disappears', async () => {
    const { page } = s;
    await openFile(page, 'AcmeReports.eca-meta.xml');
    // F8 goes to the problem in the file, Ctrl+. opens its quick fixes.
    await page.locator('.editor-instance .monaco-editor').first().click();
    await page.keyboard.press('Control+Home');
    await page.keyboard.press('F8');
    await page.locator('.zone-widget', { hasText: /\d+ of \d+ problems?/ }).waitFor({ timeout: 20_000 });
    await page.keyboard.press('Escape');
    await page.keyboard.press('Control+.');
    const fix = page.locator('.action-widget .monaco-list-row', { hasText: 'Insert orgScopedExternalApp' }).first();
    await fix.waitFor({ state: 'visible', timeout: 30_000 });
    await screenshot(page, 'quickfix.png', page.locator('.part.editor'));
    await chooseWithKeyboard(fix);
    // No Dev Hub is configured offline: the client asks for the org id.
    const input = page.locator('.quick-input-widget .quick-input-box input');
    await input.waitFor({ state: 'visible', timeout: 20_000 });
    assert.match(await page.locator('.quick-input-widget').innerText(), /Dev Hub org id/);
    await input.fill('00Dnot-an-id');
    await page.locator('.quick-input-widget .quick-input-message', { hasText: /org id/i }).waitFor({ timeout: 10_000 });
    await input.fill(`${DEV_HUB}EAK`);
    await page.keyboard.press('Enter');
    // The edit lands in the editor...
    await waitFor('orgScopedExternalApp in the editor', async () => (await editorText(page)).includes(`<orgScopedExternalApp>${DEV_HUB}:AcmeReports</orgScopedExternalApp>`), 20_000);
    // ...and the client offers to keep the id for the other fixes: accept.
    const keep = page.locator('.notifications-toasts .monaco-button', { hasText: 'Save in Workspace Settings' });
    await keep.waitFor({ state: 'visible', timeout: 20_000 });
    await keep.click();
    await page.keyboard.press('Control+S');
    const onDisk = path.join(s.workspace, REPORTS_HEADER);
    await waitFor('the fix saved to disk', async () => fs.readFileSync(onDisk, 'utf8').includes(`<orgScopedExternalApp>${DEV_HUB}:AcmeReports</orgScopedExternalApp>`), 20_000);
    await showProblems();
    await waitFor('org-scoped-app-missing gone from Problems', async () => !(await problemCounts())['org-scoped-app-missing'], 30_000);
    // The views follow: AcmeReports is down to its plugin policies.
    await waitFor('the tree updated', async () => (await treeRows(pane(page, 'External Client Apps'))).some((r) => r.label === 'AcmeReports' && /^Packaged · 1 error$/.test(r.description)), 30_000);
    const settings = path.join(s.workspace, '.vscode', 'settings.json');
    await waitFor('ecaLens.devHubOrgId saved', async () => fs.existsSync(settings) && fs.readFileSync(settings, 'utf8').includes(DEV_HUB), 20_000);
    await screenshot(page, 'quickfix-applied.png');
  });

  step('the views reveal a failing check and apply fixes from their inline actions', async () => {
    const { page } = s;
    await showEcaLens();
    // A failing checklist item opens its file at the problem and shows it.
    const checklist = pane(page, 'Pre-packaging Checklist');
    const billingItem = checklist.locator('.monaco-list-row', { hasText: 'distributionState is Packaged' }).first();
    await billingItem.click();
    await page.locator('.tabs-container .tab.active', { hasText: 'AcmeBilling.eca-meta.xml' }).waitFor({ timeout: 20_000 });
    await page.locator('.monaco-hover', { hasText: 'distributionState is "Local"' }).first().waitFor({ state: 'visible', timeout: 20_000 });
    await screenshot(page, 'checklist-reveal.png');
    // Its inline action applies the fix (and saves it).
    await billingItem.hover();
    await billingItem.locator('.action-label[aria-label="Apply Fix"]').click();
    const billingHeader = path.join(s.workspace, 'force-app/main/default/externalClientApps/AcmeBilling.eca-meta.xml');
    await waitFor('distributionState Packaged on disk', async () => fs.readFileSync(billingHeader, 'utf8').includes('<distributionState>Packaged</distributionState>'), 20_000);
    // The app row's inline action fixes the app's hazards: AcmeReports' plugin policies leave the build.
    const apps = pane(page, 'External Client Apps');
    const reports = apps.locator('.monaco-list-row', { has: page.locator('.label-name', { hasText: /^AcmeReports$/ }) }).first();
    await reports.hover();
    await reports.locator(`.action-label[aria-label="Fix the App's Hazards"]`).click();
    await waitFor('AcmeReports without hazards', async () => (await treeRows(apps)).some((r) => r.label === 'AcmeReports' && r.description === 'Packaged · no hazards'), 30_000);
    assert.match(fs.readFileSync(path.join(s.workspace, '.forceignore'), 'utf8'), /^\*\*\/extlClntAppPolicies\/\*\*$/m);
    const rows = await treeRows(apps);
    const i = rows.findIndex((r) => r.label === 'AcmeReports');
    assert.match(rows.slice(i).find((r) => r.label === 'Plugin policies')!.description, /^excluded by \.forceignore:\d+ \(\*\*\/extlClntAppPolicies\/\*\*\)/, describeRows(rows));
  });

  step('"Fix All Hazards in the Project" turns the checklist green', async () => {
    const { page } = s;
    await runCommand(page, 'ECA Lens: Fix All Hazards in the Project');
    await showEcaLens();
    const view = pane(page, 'Pre-packaging Checklist');
    const rows = await waitFor(
      'every app ready in the checklist',
      async () => {
        const r = await treeRows(view);
        const apps = r.filter((x) => x.level === 1);
        return apps.length === 2 && apps.every((a) => /^ready/.test(a.description)) && !r.some((x) => x.icon === 'error') ? r : undefined;
      },
      60_000,
    ).catch(async (e) => {
      await screenshot(page, 'checklist-failed.png');
      throw new Error(`${(e as Error).message}\n${describeRows(await treeRows(view))}`);
    });
    assert.ok(rows.filter((r) => r.level === 2).every((r) => r.icon === 'pass' || r.icon === 'circle-slash'), describeRows(rows));
    await screenshot(page, 'checklist.png', page.locator('.part.sidebar'));
    // The fixes are on disk and the project is clean.
    // Fix All saves the files it changed; the save can land just after the views turn green.
    const fi = await waitFor('the fixed .forceignore on disk', async () => {
      const t = fs.readFileSync(path.join(s.workspace, '.forceignore'), 'utf8');
      return /extlClntAppGlobalOauthSets/.test(t) ? t : undefined;
    }, 30_000);
    assert.match(fi, /extlClntAppGlobalOauthSets/);
    await showProblems();
    await waitFor('no hazard left in Problems', async () => Object.keys(await problemCounts()).length === 0, 30_000);
    await screenshot(page, 'problems-after.png', page.locator('.part.panel'));
    await screenshot(page, 'tree-after.png', page.locator('.part.sidebar'));
  });

  step('"New External Client App" writes the header and OAuth settings and shows the app', async () => {
    const { page } = s;
    await runCommand(page, 'ECA Lens: New External Client App');
    const answer = async (prompt: RegExp, value: string) => {
      const widget = page.locator('.quick-input-widget');
      await widget.locator('.quick-input-message, .quick-input-description, .quick-input-title', { hasText: prompt }).first().waitFor({ timeout: 20_000 });
      await widget.locator('.quick-input-box input').fill(value);
      await page.keyboard.press('Enter');
    };
    await answer(/API name/, 'Acme_Sync');
    await answer(/Label/, 'Acme Sync');
    await answer(/Contact email/, 'ops@acme.example');
    const header = path.join(s.workspace, 'force-app/main/default/externalClientApps/Acme_Sync.eca-meta.xml');
    const oauth = path.join(s.workspace, 'force-app/main/default/extlClntAppOauthSettings/Acme_Sync_oauth.ecaOauth-meta.xml');
    await waitFor('the new files', async () => fs.existsSync(header) && fs.existsSync(oauth), 20_000);
    assert.match(fs.readFileSync(header, 'utf8'), new RegExp(`<distributionState>Packaged</distributionState>[\\s\\S]*<orgScopedExternalApp>${DEV_HUB}:Acme_Sync</orgScopedExternalApp>`));
    await page.locator('.tabs-container .tab.active', { hasText: 'Acme_Sync.eca-meta.xml' }).waitFor({ timeout: 20_000 });
    // Both files land one after the other: wait for the tree to show them both.
    const view = pane(page, 'External Client Apps');
    const appRows = async () => {
      const r = await treeRows(view);
      const i = r.findIndex((x) => x.label === 'Acme_Sync');
      return i < 0 ? undefined : { app: r[i]!, files: r.slice(i + 1, i + 3).map((x) => [x.label, x.description]), all: r };
    };
    const seen = await waitFor('Acme_Sync with its header and OAuth settings in the tree', async () => {
      const a = await appRows();
      return a && a.files[1]?.[1] !== 'missing' ? a : undefined;
    }, 30_000).catch(async (e) => {
      throw new Error(`${(e as Error).message}\n${describeRows((await appRows())?.all ?? [])}`);
    });
    assert.match(seen.app.description, /^Packaged · /);
    assert.deepEqual(seen.files, [['Header', 'ships'], ['OAuth settings', 'ships · 1 info']], describeRows(seen.all));
  });

  step('"Copy Retrieve Command" gives the sf line with lower-case type names', async () => {
    const { page } = s;
    await runCommand(page, 'ECA Lens: Copy Retrieve Command');
    const pick = page.locator('.quick-input-widget .monaco-list-row', { hasText: 'AcmeReports' }).first();
    await pick.waitFor({ state: 'visible', timeout: 20_000 });
    await pick.click();
    const toast = page.locator('.notifications-toasts .notification-toast', { hasText: 'sf project retrieve start' });
    await toast.waitFor({ state: 'visible', timeout: 20_000 });
    assert.match(
      await toast.innerText(),
      /sf project retrieve start --metadata externalclientapplication:AcmeReports --metadata extlclntappoauthsettings:AcmeReports_oauth --metadata extlclntappconfigurablepolicies:AcmeReports_plcy/,
    );
  });

  step('.forceignore keeps the ignore language and gets the ECA highlighting', async () => {
    const { page } = s;
    await openFile(page, '.forceignore');
    const mode = page.locator('.statusbar-item[id="status.editor.mode"]');
    await waitFor('the Ignore language mode', async () => /Ignore/.test(await mode.innerText()), 20_000);
    // The ECA folder name and a plain folder name get different token colours; the comment a third.
    const classOf = async (text: string) => {
      const span = page.locator('.editor-instance .view-line span span', { hasText: new RegExp(`^${text.replace(/[.*]/g, '\\$&')}$`) }).first();
      await span.waitFor({ timeout: 20_000 });
      return span.getAttribute('class');
    };
    const eca = await classOf('extlClntAppGlobalOauthSets');
    const plain = await classOf('package.xml');
    const glob = await classOf('**');
    assert.notEqual(eca, plain);
    assert.notEqual(glob, plain);
    await screenshot(page, 'forceignore.png', page.locator('.part.editor'));
  });

  step('"Show Rule Documentation" opens the page shipped in the extension in the Markdown preview', async () => {
    const { page } = s;
    await runCommand(page, 'ECA Lens: Show Rule Documentation');
    // The rule picker (a long list: filter it as a user would).
    const input = page.locator('.quick-input-widget .quick-input-box input');
    await page.locator('.quick-input-widget .quick-input-title', { hasText: 'ECA Lens rule documentation' }).waitFor({ state: 'visible', timeout: 20_000 });
    await input.fill('secret-in-source');
    const pick = page.locator('.quick-input-widget .monaco-list-row', { hasText: 'secret-in-source' }).first();
    await pick.waitFor({ state: 'visible', timeout: 20_000 });
    await pick.click();
    // The preview's tab, active: "Preview secret-in-source.md".
    await page.locator('.tabs-container .tab.active', { hasText: 'Preview secret-in-source.md' }).waitFor({ timeout: 30_000 });
    // Its content (the webview's frames): the page's title and first line, rendered.
    const heading = await waitFor(
      'the rendered rule page',
      async () => {
        for (const f of page.frames()) {
          const h = f.locator('h1', { hasText: 'secret-in-source' });
          if ((await h.count().catch(() => 0)) > 0) return f;
        }
        return undefined;
      },
      30_000,
    );
    assert.match(await heading.locator('body').innerText(), /A consumer secret, a private key, or a consumer key is in a source file\./);
    await screenshot(page, 'rule-docs-preview.png', page.locator('.part.editor'));
  });
});
