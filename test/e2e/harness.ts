/**
 * Real VS Code for the e2e suite: code-server 4.100.3 (= VS Code 1.100.3) driven through headless
 * Chromium by playwright-core (see /work/shared/real-clients.md for why and how).
 *
 * - Debian packages (chromium, ripgrep, libkrb5-dev) are installed when missing (as root, as CI runs).
 * - code-server is installed into test/e2e/.cache (git-ignored), never into the project's
 *   package.json: its install needs the ripgrep workaround below and Debian packages.
 * - Everything code-server writes (user data, extensions, HOME) lives in a temp folder.
 */
import { execFileSync, spawn, spawnSync, type ChildProcess } from 'node:child_process';
import * as fs from 'node:fs';
import * as net from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import { chromium, type Browser, type Locator, type Page } from 'playwright-core';

export const CODE_SERVER_VERSION = '4.100.3';

/** The repository root: the folder whose package.json is ECA Lens's. */
export function repoRoot(): string {
  let dir = __dirname;
  for (;;) {
    const p = path.join(dir, 'package.json');
    if (fs.existsSync(p) && JSON.parse(fs.readFileSync(p, 'utf8')).name === 'eca-lens') return dir;
    const up = path.dirname(dir);
    if (up === dir) throw new Error(`no eca-lens package.json above ${__dirname}`);
    dir = up;
  }
}

const ROOT = repoRoot();
export const CACHE = path.join(ROOT, 'test', 'e2e', '.cache');
export const SCREENSHOTS = path.join(ROOT, 'test', 'e2e', 'screenshots');
const CODE_SERVER_BIN = path.join(CACHE, 'node_modules', '.bin', 'code-server');

function log(msg: string): void {
  process.stderr.write(`[e2e] ${msg}\n`);
}

function have(cmd: string): boolean {
  return spawnSync('sh', ['-c', `command -v ${cmd}`], { stdio: 'ignore' }).status === 0;
}

export function ensureDebianPackages(): void {
  const missing: string[] = [];
  if (!have('chromium')) missing.push('chromium');
  if (!have('rg')) missing.push('ripgrep');
  if (!fs.existsSync('/usr/include/krb5.h') && !fs.existsSync('/usr/include/gssapi/gssapi.h')) missing.push('libkrb5-dev');
  if (!missing.length) return;
  if (process.getuid?.() !== 0) throw new Error(`missing Debian packages; as root: apt-get install -y ${missing.join(' ')}`);
  log(`apt-get install ${missing.join(' ')}`);
  execFileSync('sh', ['-c', `apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq ${missing.join(' ')}`], { stdio: 'inherit' });
}

function installedCodeServer(): string | undefined {
  const p = path.join(CACHE, 'node_modules', 'code-server', 'package.json');
  if (!fs.existsSync(p) || !fs.existsSync(CODE_SERVER_BIN)) return undefined;
  return (JSON.parse(fs.readFileSync(p, 'utf8')) as { version?: string }).version;
}

export function ensureCodeServer(): string {
  if (installedCodeServer() === CODE_SERVER_VERSION) return CODE_SERVER_BIN;
  log(`installing code-server@${CODE_SERVER_VERSION} into ${path.relative(ROOT, CACHE)} (about a minute, once)`);
  fs.mkdirSync(CACHE, { recursive: true });
  const pj = path.join(CACHE, 'package.json');
  if (!fs.existsSync(pj)) fs.writeFileSync(pj, '{ "name": "eca-lens-e2e-cache", "private": true }\n');
  // @vscode/ripgrep's postinstall downloads from GitHub: hand it Debian's rg as its cached download.
  const tmp = path.join(CACHE, 'tmp');
  const rgCache = path.join(tmp, 'vscode-ripgrep-cache-1.15.11');
  fs.mkdirSync(rgCache, { recursive: true });
  const rg = execFileSync('sh', ['-c', 'command -v rg']).toString().trim();
  execFileSync('tar', ['czf', path.join(rgCache, 'ripgrep-v13.0.0-10-x86_64-unknown-linux-musl.tar.gz'), '-C', path.dirname(rg), 'rg']);
  execFileSync('npm', ['install', '--no-save', '--no-audit', '--no-fund', '--foreground-scripts', `code-server@${CODE_SERVER_VERSION}`], {
    cwd: CACHE,
    stdio: ['ignore', 'inherit', 'inherit'],
    env: { ...process.env, TMPDIR: tmp, npm_config_yes: 'true', npm_config_unsafe_perm: 'true', npm_config_update_notifier: 'false' },
  });
  const v = installedCodeServer();
  if (v !== CODE_SERVER_VERSION) throw new Error(`code-server install failed (found ${v ?? 'nothing'})`);
  return CODE_SERVER_BIN;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.unref();
    s.on('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as net.AddressInfo).port;
      s.close(() => resolve(port));
    });
  });
}

/** Poll a real condition until it holds (never a fixed sleep as an assertion). */
export async function waitFor<T>(what: string, probe: () => Promise<T | undefined | false>, timeoutMs = 60_000, everyMs = 250): Promise<T> {
  const end = Date.now() + timeoutMs;
  let last: unknown;
  for (;;) {
    try {
      const v = await probe();
      if (v !== undefined && v !== false) return v;
    } catch (e) {
      last = e;
    }
    if (Date.now() > end) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}${last ? ` (last error: ${String(last)})` : ''}`);
    await new Promise((r) => setTimeout(r, everyMs));
  }
}

export interface Session {
  page: Page;
  browser: Browser;
  workspace: string;
  home: string;
  userData: string;
  /** The "ECA Lens" output channel log, as VS Code wrote it (for failure reports). */
  logs(): string;
  stop(): Promise<void>;
}

export interface StartOptions {
  vsix: string;
  /** The folder to copy and open (default examples/acme-billing). */
  workspaceSource: string;
  /** Extra user settings. */
  settings?: Record<string, unknown>;
}

/** Install the .vsix into a fresh code-server, open a copy of the workspace in headless Chromium. */
export async function start(o: StartOptions): Promise<Session> {
  const bin = ensureCodeServer();
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'eca-lens-e2e-'));
  const workspace = path.join(tmp, path.basename(o.workspaceSource));
  fs.cpSync(o.workspaceSource, workspace, { recursive: true });
  const home = path.join(tmp, 'home');
  const userData = path.join(tmp, 'user-data');
  const extensions = path.join(tmp, 'extensions');
  fs.mkdirSync(path.join(userData, 'User'), { recursive: true });
  fs.mkdirSync(home, { recursive: true });
  fs.writeFileSync(
    path.join(userData, 'User', 'settings.json'),
    JSON.stringify(
      {
        'security.workspace.trust.enabled': false,
        'workbench.startupEditor': 'none',
        'workbench.tips.enabled': false,
        'workbench.enableExperiments': false,
        'extensions.ignoreRecommendations': true,
        'telemetry.telemetryLevel': 'off',
        'update.mode': 'none',
        'git.enabled': false,
        'files.autoSave': 'off',
        'editor.minimap.enabled': false,
        'window.commandCenter': false,
        'workbench.layoutControl.enabled': false,
        'chat.commandCenter.enabled': false,
        'workbench.colorTheme': 'Default Dark Modern',
        ...o.settings,
      },
      null,
      2,
    ),
  );
  // HOME, XDG folders and TMPDIR point into the temp folder: no sf CLI config of this machine leaks
  // in (the Dev Hub lookup reads ~/.sf), and nothing is left in the real home.
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    HOME: home,
    XDG_CONFIG_HOME: path.join(home, '.config'),
    XDG_DATA_HOME: path.join(home, '.local', 'share'),
    XDG_CACHE_HOME: path.join(home, '.cache'),
  };
  delete env.SF_TARGET_DEV_HUB;
  delete env.SFDX_DEFAULTDEVHUBUSERNAME;
  execFileSync(bin, ['--user-data-dir', userData, '--extensions-dir', extensions, '--install-extension', o.vsix], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  const installed = fs.readdirSync(extensions).filter((d) => d.startsWith('eca-lens.eca-lens-'));
  if (installed.length !== 1) throw new Error(`the .vsix did not install (extensions dir: ${fs.readdirSync(extensions).join(', ')})`);

  const port = await freePort();
  fs.mkdirSync(SCREENSHOTS, { recursive: true });
  const serverLog = fs.openSync(path.join(SCREENSHOTS, 'code-server.log'), 'w');
  const cs: ChildProcess = spawn(
    bin,
    ['--auth', 'none', '--bind-addr', `127.0.0.1:${port}`, '--disable-telemetry', '--disable-update-check', '--disable-workspace-trust', '--disable-getting-started-override',
      '--user-data-dir', userData, '--extensions-dir', extensions, workspace],
    { env, stdio: ['ignore', serverLog, serverLog], detached: true },
  );
  const base = `http://127.0.0.1:${port}`;
  let browser: Browser | undefined;
  const stop = async () => {
    await browser?.close().catch(() => undefined);
    if (cs.pid && cs.exitCode === null) {
      try {
        process.kill(-cs.pid, 'SIGTERM');
      } catch {
        /* already gone */
      }
      await new Promise<void>((r) => {
        const t = setTimeout(() => {
          try {
            process.kill(-cs.pid!, 'SIGKILL');
          } catch {
            /* gone */
          }
          r();
        }, 5000);
        cs.once('exit', () => {
          clearTimeout(t);
          r();
        });
      });
    }
    fs.closeSync(serverLog);
    if (!process.env.ECA_E2E_KEEP) fs.rmSync(tmp, { recursive: true, force: true });
  };
  try {
    await waitFor('code-server /healthz', async () => (await fetch(`${base}/healthz`)).ok, 30_000);
    browser = await chromium.launch({
      executablePath: '/usr/bin/chromium',
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic', '--disable-dev-shm-usage'],
    });
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, deviceScaleFactor: 1 });
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: base });
    const page = await context.newPage();
    await page.goto(`${base}/?folder=${encodeURIComponent(workspace)}`);
    await page.locator('.monaco-workbench').waitFor({ timeout: 60_000 });
    const logs = () => {
      const out: string[] = [];
      const walk = (d: string) => {
        if (!fs.existsSync(d)) return;
        for (const n of fs.readdirSync(d)) {
          const p = path.join(d, n);
          if (fs.statSync(p).isDirectory()) walk(p);
          else if (/ECA Lens|exthost\.log|remoteexthost\.log/.test(n)) out.push(`--- ${path.relative(userData, p)}\n${fs.readFileSync(p, 'utf8').slice(-6000)}`);
        }
      };
      walk(path.join(userData, 'logs'));
      return out.join('\n');
    };
    return { page, browser, workspace, home, userData, logs, stop };
  } catch (e) {
    await stop();
    throw e;
  }
}

// ---- driving the workbench with the keyboard, reading it as a user sees it ----

/** Run a command from the palette by its full title ("ECA Lens: Fix All Hazards in the Project"). */
export async function runCommand(page: Page, title: string): Promise<void> {
  await closeWidgets(page);
  await page.keyboard.press('Control+Shift+P');
  const input = page.locator('.quick-input-widget .quick-input-box input');
  await input.waitFor({ state: 'visible', timeout: 20_000 });
  await input.fill(`>${title}`);
  const row = page.locator('.quick-input-widget .monaco-list-row', { hasText: title }).first();
  await row.waitFor({ state: 'visible', timeout: 20_000 });
  await row.click();
}

/** Open a file of the workspace with Ctrl+P. */
export async function openFile(page: Page, name: string): Promise<void> {
  await closeWidgets(page);
  await page.keyboard.press('Control+P');
  const input = page.locator('.quick-input-widget .quick-input-box input');
  await input.waitFor({ state: 'visible', timeout: 20_000 });
  await input.fill(name);
  const row = page.locator('.quick-input-widget .monaco-list-row', { hasText: name }).first();
  await row.waitFor({ state: 'visible', timeout: 30_000 });
  await page.keyboard.press('Enter');
  await page.locator('.tabs-container .tab.active', { hasText: name }).waitFor({ timeout: 20_000 });
  await page.locator('.editor-instance .monaco-editor .view-lines').first().waitFor({ timeout: 20_000 });
}

export async function closeWidgets(page: Page): Promise<void> {
  if (await page.locator('.quick-input-widget').isVisible()) await page.keyboard.press('Escape');
}

export interface ProblemRow {
  text: string;
  /** aria-label: "<message>, <severity> at line N column M ..." for markers, the file for groups. */
  aria: string;
}

/** The Problems panel's rows (Ctrl+Shift+M), every group expanded. */
export async function problems(page: Page): Promise<ProblemRow[]> {
  // One snapshot of the rendered rows: reading them one by one races the list's re-rendering (a
  // row counted can be gone when it is read, and the read then waits for it).
  const rows = await page.locator('.markers-panel .monaco-list-row').evaluateAll((els) => els.map((e) => ({ text: (e as unknown as { innerText: string }).innerText, aria: e.getAttribute('aria-label') ?? '' })));
  return rows.map((r) => ({ text: r.text.replace(/\s+/g, ' ').trim(), aria: r.aria }));
}

export interface TreeRow {
  label: string;
  description: string;
  level: number;
  icon: string;
  /** The row's inline action titles. */
  actions: string[];
}

/** The pane of a view by its title, e.g. "External Client Apps". */
export function pane(page: Page, title: string): Locator {
  return page.locator('.pane', { has: page.locator('.pane-header', { has: page.locator('h3.title', { hasText: new RegExp(`^${title}$`, 'i') }) }) });
}

/** The rendered rows of a tree view (label, description, depth, codicon). */
export async function treeRows(view: Locator): Promise<TreeRow[]> {
  return view.locator('.monaco-list-row').evaluateAll((els) =>
    els.map((el) => {
      const icon = el.querySelector('.custom-view-tree-node-item-icon');
      const codicon = icon ? [...icon.classList].find((c) => c.startsWith('codicon-') && c !== 'codicon') ?? '' : '';
      return {
        label: (el.querySelector('.label-name')?.textContent ?? '').trim(),
        description: (el.querySelector('.label-description')?.textContent ?? '').trim(),
        level: Number(el.getAttribute('aria-level') ?? '0'),
        icon: codicon.replace(/^codicon-/, ''),
        actions: [...el.querySelectorAll('.actions .action-label')].map((a) => a.getAttribute('aria-label') ?? a.getAttribute('title') ?? ''),
      };
    }),
  );
}

export async function editorText(page: Page): Promise<string> {
  // The model's text through the DOM (every line is rendered for these short files).
  const lines = await page.locator('.editor-instance .monaco-editor .view-lines .view-line').evaluateAll((els) =>
    els
      .map((e) => ({ top: parseFloat(/top:\s*([\d.]+)px/.exec(e.getAttribute('style') ?? '')?.[1] ?? '0'), text: (e.textContent ?? '').replace(/\u00a0/g, ' ') }))
      .sort((a, b) => a.top - b.top)
      .map((l) => l.text),
  );
  return lines.join('\n');
}

export async function screenshot(page: Page, name: string, target?: Locator): Promise<string> {
  fs.mkdirSync(SCREENSHOTS, { recursive: true });
  const file = path.join(SCREENSHOTS, name);
  if (target) await target.screenshot({ path: file });
  else await page.screenshot({ path: file });
  return file;
}

/** Drag the sash right of the side bar so tree rows read in full (and screenshots show them). */
export async function widenSidebar(page: Page, width: number): Promise<void> {
  const bar = page.locator('.part.sidebar');
  await bar.waitFor({ state: 'visible', timeout: 20_000 });
  const box = await bar.boundingBox();
  if (!box || box.width >= width) return;
  const x = box.x + box.width;
  const y = box.y + box.height / 2;
  await page.mouse.move(x - 1, y);
  await page.mouse.down();
  await page.mouse.move(x + (width - box.width) / 2, y, { steps: 4 });
  await page.mouse.move(box.x + width, y, { steps: 4 });
  await page.mouse.up();
}
