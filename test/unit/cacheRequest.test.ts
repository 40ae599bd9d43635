/**
 * The CLI's entry answers an unchanged `check --cache` before it loads the engine
 * (server/src/cli/cacheRequest.ts): the bundled entry alone in a folder, without
 * server/out/cliEngine.js beside it, prints a hit byte for byte and fails on anything else; a miss
 * hands its lookup on, so the cache file is read once; a usage problem is still the engine's to
 * report, and writes no cache.
 */
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { answerFromCache } from '../../server/src/cli/cacheRequest';
import { cacheStats } from '../../server/src/cli/cache';
import { run } from '../../server/src/cli/main';
import { VERSION } from '../../server/src/cli/version';

const CLI = path.resolve('server/out/cli.js');
const EXAMPLE = path.resolve('examples/acme-billing');
const APP = 'force-app/main/default/externalClientApps/AcmeBilling.eca-meta.xml';

function tmp(prefix: string): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

const cli = (bundle: string, args: string[], cwd: string) => {
  const r = spawnSync(process.execPath, [bundle, ...args], { cwd, env: { ...process.env, NO_COLOR: '1' } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr.toString('utf8') };
};

test('cli entry: a hit is printed by server/out/cli.js alone, without the engine bundle beside it', () => {
  const dir = tmp('eca-lens-entry-');
  const lone = tmp('eca-lens-lone-');
  try {
    fs.cpSync(EXAMPLE, dir, { recursive: true });
    fs.copyFileSync(CLI, path.join(lone, 'cli.js'));
    assert.ok(!fs.existsSync(path.join(lone, 'cliEngine.js')));
    const args = ['check', '.', '--format', 'json', '--cache'];
    const cold = cli(CLI, args, dir); // fills the cache
    assert.equal(cold.code, 1, cold.stderr);
    const hit = cli(path.join(lone, 'cli.js'), args, dir);
    assert.equal(hit.code, 1, hit.stderr);
    assert.equal(hit.stderr, '');
    assert.ok(hit.stdout.equals(cold.stdout), 'the same bytes as the run that wrote the cache');
    // The same project, the cache's inputs changed: the lone entry must load the engine, and cannot.
    fs.appendFileSync(path.join(dir, APP), '\n');
    const miss = cli(path.join(lone, 'cli.js'), args, dir);
    assert.equal(miss.code, 2);
    assert.match(miss.stderr, /internal error: Cannot find module '\.\/cliEngine\.js'/);
    // And the full CLI answers it, as a cold check does.
    const again = cli(CLI, args, dir);
    assert.ok(again.stdout.equals(cli(CLI, ['check', '.', '--format', 'json'], dir).stdout));
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
    fs.rmSync(lone, { recursive: true, force: true });
  }
});

test('cli entry: the bundle holds the lookup, not the engine', () => {
  // The engine's bundle is about 660 KB; the entry about 20 KB. An import that pulled the engine in
  // would make the entry as large as the engine.
  const size = fs.statSync(CLI).size;
  assert.ok(size < 100_000, `server/out/cli.js is ${size} bytes`);
  assert.ok(fs.statSync(path.resolve('server/out/cliEngine.js')).size > 300_000);
});

test('cli entry: a miss hands its lookup to the engine, which does not read the cache file again', () => {
  const dir = tmp('eca-lens-entry-');
  try {
    fs.cpSync(EXAMPLE, dir, { recursive: true });
    const e = { cwd: dir, env: {}, isTTY: false, version: VERSION }; // run()'s own version: the key covers it
    const argv = ['check', '.', '--format', 'json', '--cache'];
    const first = answerFromCache(argv, e);
    assert.ok(first && 'request' in first && first.request.found === undefined, 'no cache file yet');
    const reads = () => cacheStats.hits + cacheStats.misses;
    let n = reads();
    const cold = run(argv, dir, {}, false, first.request);
    assert.equal(reads(), n, 'the engine used the lookup it was given');
    assert.equal(cold.code, 1);
    const second = answerFromCache(argv, e);
    assert.ok(second && 'result' in second, 'the engine wrote the cache the entry then answers from');
    assert.equal(second.result.stdout, cold.stdout);
    assert.equal(second.result.code, cold.code);
    // A lookup made for other arguments is not taken for these: the engine looks again.
    const other = answerFromCache([...argv, '--verbose'], e);
    assert.ok(other && 'request' in other);
    n = reads();
    const r = run(argv, dir, {}, false, other.request);
    assert.equal(reads(), n + 1);
    assert.equal(r.stdout, cold.stdout);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

test('cli entry: what the cache never answers is left to the engine', () => {
  const dir = tmp('eca-lens-entry-');
  try {
    fs.cpSync(EXAMPLE, dir, { recursive: true });
    const e = { cwd: dir, env: {}, isTTY: false, version: '1.2.3' };
    for (const argv of [['check', '.'], ['check', '.', '--cache', '--fix'], ['check', '.', '--cache', '--since', 'HEAD'], ['check', '.', '--cache', '--fix-dry-run'], ['rules'], ['migrate', 'x'], ['check', '--bogus', '--cache'], ['check', 'nowhere', '--cache']]) {
      assert.equal(answerFromCache(argv, e), undefined, argv.join(' '));
    }
    // The entry does not know the rules; an unknown id is the engine's usage error, and no cache is written.
    const r = cli(CLI, ['check', '.', '--cache', '--rule', 'nope=error'], dir);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /no rule "nope"/);
    assert.ok(!fs.existsSync(path.join(dir, '.eca-lens-cache')));
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
