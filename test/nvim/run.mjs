// `npm run test:nvim`: Neovim (Debian's 0.7.2) as a second, independent LSP client. Copies the
// example project to a temp dir, opens its Local header in headless Neovim with the bundled server
// over stdio (test/nvim/run.lua), and asserts the diagnostics Neovim received (codes and lines, for
// every file, opened or not), the quick fix offered, and the diagnostics after an edit.
// Builds nothing: run `npm run build` first. Exits 1 on any mismatch or a timeout.
import { spawn } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import assert from 'node:assert/strict';

const repo = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const server = join(repo, 'server/out/server.js');
const example = join(repo, 'examples/acme-billing');
const TIMEOUT_MS = 60000;

if (!existsSync(server)) {
  console.error(`test:nvim: ${relative(repo, server)} is missing; run "npm run build" first`);
  process.exit(1);
}

const work = mkdtempSync(join(tmpdir(), 'eca-lens-nvim-'));
const root = join(work, 'acme-billing');
cpSync(example, root, { recursive: true });
const home = join(work, 'home'); // no sf CLI config: the Dev Hub org id is not found offline
const out = join(work, 'result.json');
const D = 'force-app/main/default';
const P = {
  forceignore: '.forceignore',
  billing: `${D}/externalClientApps/AcmeBilling.eca-meta.xml`,
  reports: `${D}/externalClientApps/AcmeReports.eca-meta.xml`,
  global: `${D}/extlClntAppGlobalOauthSets/AcmeBilling_glbloauth.ecaGlblOauth-meta.xml`,
  plugin: `${D}/extlClntAppPolicies/AcmeReports_plcy.ecaPlcy-meta.xml`,
};
/** 0-based line of the first line containing `needle` in a project file. */
const lineOf = (rel, needle) => {
  const i = readFileSync(join(root, rel), 'utf8').split('\n').findIndex((l) => l.includes(needle));
  assert.ok(i >= 0, `"${needle}" not in ${rel}`);
  return i;
};

function runNvim() {
  return new Promise((resolvePromise, reject) => {
    const args = ['--headless', '-u', 'NONE', '-i', 'NONE', '-n', '-c', `luafile ${join(repo, 'test/nvim/run.lua')}`, join(root, P.billing)];
    const p = spawn('nvim', args, {
      cwd: root,
      env: { ...process.env, HOME: home, XDG_CONFIG_HOME: join(work, 'xdg-config'), XDG_DATA_HOME: join(work, 'xdg-data'), XDG_STATE_HOME: join(work, 'xdg-state'), ECA_LENS_SERVER: server, ECA_LENS_ROOT: root, ECA_LENS_OUT: out, ECA_LENS_TIMEOUT_MS: '20000' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stderr = '';
    p.stderr.on('data', (d) => (stderr += d));
    p.stdout.resume();
    const t = setTimeout(() => {
      p.kill('SIGKILL');
      reject(new Error(`nvim did not finish within ${TIMEOUT_MS} ms\n${stderr}`));
    }, TIMEOUT_MS);
    p.on('error', (e) => {
      clearTimeout(t);
      reject(new Error(`can't run nvim (${e.message}); install it: apt-get install -y neovim`));
    });
    p.on('exit', (code) => {
      clearTimeout(t);
      if (code !== 0) reject(new Error(`nvim exited ${code}\n${stderr}`));
      else resolvePromise();
    });
  });
}

let failed = false;
try {
  const t0 = performance.now();
  await runNvim();
  const r = JSON.parse(readFileSync(out, 'utf8'));
  const got = r.initial
    .map((d) => `${relative(root, d.file)}:${d.line} ${d.code}`)
    .sort();
  const expected = [
    `${P.forceignore}:${lineOf(P.forceignore, 'extlClntAppGlobalOauthSettings')} forceignore-unknown-directory`,
    `${P.billing}:${lineOf(P.billing, '<distributionState>')} distribution-state-not-packaged`,
    `${P.global}:${lineOf(P.global, '<ExtlClntAppGlobalOauthSettings')} non-packageable-in-package`,
    `${P.global}:${lineOf(P.global, '<ExtlClntAppGlobalOauthSettings')} global-settings-in-source`,
    `${P.global}:${lineOf(P.global, '<consumerKey>')} secret-in-source`,
    `${P.reports}:${lineOf(P.reports, '<ExternalClientApplication')} org-scoped-app-missing`,
    `${P.plugin}:${lineOf(P.plugin, '<ExtlClntAppConfigurablePolicies')} non-packageable-in-package`,
  ].sort();
  assert.deepEqual(got, expected);
  assert.ok(r.initial.every((d) => d.source === 'ECA Lens'), 'every diagnostic has source "ECA Lens"');
  // Severities as Neovim maps them (1 error, 2 warning): the consumer key, the global settings in
  // source control and the .forceignore typo are warnings.
  assert.deepEqual(r.initial.filter((d) => d.severity === 2).map((d) => d.code).sort(), ['forceignore-unknown-directory', 'global-settings-in-source', 'secret-in-source']);
  assert.ok(r.actions.includes('Set distributionState to Packaged'), `code actions: ${JSON.stringify(r.actions)}`);
  assert.ok(r.actions.includes('Show documentation for distribution-state-not-packaged'), `code actions: ${JSON.stringify(r.actions)}`);
  // After the edit in the buffer (Local → Packaged, unsaved): a Packaged app needs orgScopedExternalApp.
  assert.deepEqual(r.afterEdit, [{ line: lineOf(P.billing, '<ExternalClientApplication'), code: 'org-scoped-app-missing' }]);
  console.log(`test:nvim: Neovim received the expected ${got.length} diagnostics in ${new Set(r.initial.map((d) => d.file)).size} files, ${r.actions.length} code actions, and the update after an edit (${((performance.now() - t0) / 1000).toFixed(1)} s)`);
  for (const g of got) console.log(`  ${g}`);
} catch (e) {
  failed = true;
  console.error(`test:nvim: FAILED: ${e instanceof Error ? e.message : String(e)}`);
} finally {
  rmSync(work, { recursive: true, force: true });
}
process.exit(failed ? 1 : 0);
