/**
 * The CLI as a user installs it: `npm pack` (prepack builds the production bundles), then
 * `npm install -g --prefix TMP <tarball>` offline (the package has no runtime dependencies: the
 * bundles inline them), then `TMP/bin/eca-lens check` on the example. Also measures what was
 * installed: under 3 MB, source maps aside. Its own suite: `npm run test:install`.
 */
import { test, after } from 'node:test';
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

const ROOT = process.cwd();
const TMP = fs.mkdtempSync(path.join(os.tmpdir(), 'eca-lens-install-'));
after(() => fs.rmSync(TMP, { recursive: true, force: true }));

const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';

function sizeOf(dir: string, skip: (p: string) => boolean): { bytes: number; files: string[] } {
  let bytes = 0;
  const files: string[] = [];
  const walk = (d: string) => {
    for (const e of fs.readdirSync(d, { withFileTypes: true })) {
      const p = path.join(d, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.isFile() && !skip(p)) {
        bytes += fs.statSync(p).size;
        files.push(path.relative(dir, p));
      }
    }
  };
  walk(dir);
  return { bytes, files: files.sort() };
}

test('install: npm pack → npm install -g --offline → eca-lens check works, under 3 MB', () => {
  const pack = spawnSync(npm, ['pack', '--json', '--pack-destination', TMP], { cwd: ROOT, encoding: 'utf8' });
  assert.equal(pack.status, 0, pack.stderr);
  const info = JSON.parse(pack.stdout.slice(pack.stdout.indexOf('['))) as { filename: string; files: { path: string }[] }[];
  const shipped = info[0]!.files.map((f) => f.path).sort();
  assert.ok(shipped.includes('server/out/cli.js'), shipped.join('\n'));
  assert.ok(shipped.includes('server/out/cliEngine.js'), shipped.join('\n'));
  assert.ok(shipped.includes('server/out/server.js'));
  assert.ok(shipped.includes('docs/rules/secret-in-source.md'));
  for (const p of shipped) assert.doesNotMatch(p, /^(client\/|server\/src\/|test\/|scripts\/|examples\/|node_modules\/)|\.map$|\.ts$/, `${p} does not belong in the tarball`);

  const prefix = path.join(TMP, 'prefix');
  const tarball = path.join(TMP, path.basename(info[0]!.filename));
  const inst = spawnSync(npm, ['install', '-g', '--offline', '--no-audit', '--no-fund', '--prefix', prefix, tarball], { encoding: 'utf8', env: { ...process.env, npm_config_cache: path.join(TMP, 'cache') } });
  assert.equal(inst.status, 0, inst.stderr);

  const bin = path.join(prefix, 'bin', 'eca-lens');
  const home = path.join(TMP, 'home');
  fs.mkdirSync(home);
  const r = spawnSync(bin, ['check', '--no-color'], { cwd: path.join(ROOT, 'examples/acme-billing'), encoding: 'utf8', env: { ...process.env, HOME: home, NO_COLOR: '1', SF_TARGET_DEV_HUB: '' } });
  assert.equal(r.status, 1, r.stderr);
  assert.match(r.stdout, /^force-app\/main\/default\/externalClientApps\/AcmeBilling\.eca-meta\.xml:5:24 error distribution-state-not-packaged /m);
  assert.match(r.stdout, /^4 error\(s\), 3 warning\(s\), 0 info\(s\), \d+ of them fixable with --fix — 7 ECA-family file\(s\), 2 app\(s\)/m);
  const v = spawnSync(bin, ['--version'], { encoding: 'utf8' });
  assert.equal(v.stdout.trim(), JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')).version);

  const installed = path.join(prefix, 'lib', 'node_modules', 'eca-lens');
  assert.ok(!fs.existsSync(path.join(installed, 'node_modules')), 'no runtime dependencies installed');
  const size = sizeOf(installed, (p) => p.endsWith('.map'));
  console.log(`installed: ${(size.bytes / 1024).toFixed(0)} KiB in ${size.files.length} files (source maps aside)\n  ${size.files.join('\n  ')}`);
  assert.ok(size.bytes < 3 * 1024 * 1024, `installed size ${size.bytes} bytes`);
});
