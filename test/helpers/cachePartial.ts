/**
 * The differential behind `check --cache`'s partial re-check (cli/cacheState.ts): edit a project's
 * ECA files in place, one way after another, and compare each cached run with a cold check.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseArgs, type CheckArgs } from '../../server/src/cli/args';
import { checkCommand } from '../../server/src/cli/check';
import { cacheStats } from '../../server/src/cli/cache';

export function check(dir: string, extra: string[] = []) {
  const args = parseArgs(['check', '.', '--format', 'json', ...extra], {}, false) as CheckArgs;
  const r = checkCommand(args, { cwd: dir, env: {}, isTTY: false, version: '1.0.0' });
  return { stdout: r.stdout, stderr: r.stderr, code: r.code };
}

let clock = Date.now() / 1000 - 100_000;
/** Write in place (the folder's listing stays as it was) with an mtime of its own. */
export function write(abs: string, data: string | Buffer): void {
  fs.writeFileSync(abs, data);
  clock += 10;
  fs.utimesSync(abs, clock, clock);
}

/** A cached run equals a cold one and re-checked only part of the project. */
export function partialEqualsCold(dir: string, what: string, extra: string[] = []): void {
  const partial = cacheStats.partial;
  const warm = check(dir, ['--cache', ...extra]);
  assert.equal(cacheStats.partial, partial + 1, `${what}: the partial path was taken`);
  // The same options without the cache's own.
  const cold = check(dir, extra.filter((x, i) => x !== '--cache-strategy' && extra[i - 1] !== '--cache-strategy'));
  assert.equal(warm.stdout, cold.stdout, what);
  assert.equal(warm.code, cold.code, what);
  assert.equal(warm.stderr, cold.stderr, what);
}

export const EDITS: [string, (t: string, apps: readonly string[]) => string | Buffer][] = [
  ['another app', (t, apps) => t.replace(/<externalClientApplication>([^<]*)</, (_, a: string) => `<externalClientApplication>${apps.find((x) => x !== a) ?? 'Other'}<`)],
  ['an app with no header', (t) => t.replace(/<externalClientApplication>[^<]*</, '<externalClientApplication>Nobody<')],
  ['a value flipped', (t) => (/>true</.test(t) ? t.replace('>true<', '>false<') : t.replace(/>false</, '>true<').replace('<label>', '<label>x'))],
  ['scopes widened', (t) => t.replace(/<commaSeparatedOauthScopes>[^<]*</, '<commaSeparatedOauthScopes>Full, RefreshToken<')],
  ['XML cut short', (t) => t.slice(0, Math.floor(t.length / 2))],
  ['not text', () => Buffer.from([0xff, 0xfe, 0x00, 0xd8, 0x00])],
  ['empty', () => ''],
];

/**
 * Edit every file of `ecaFiles` in each of `edits` ways and undo it, with a cached run after each
 * step that must equal a cold one (the cache must have been filled with `extra` before). Returns the edits made.
 */
export function editEach(dir: string, ecaFiles: readonly string[], apps: readonly string[], edits = EDITS, extra: string[] = []): number {
  let n = 0;
  for (const abs of ecaFiles) {
    const original = fs.readFileSync(abs);
    for (const [name, edit] of edits) {
      const next = edit(original.toString('utf8'), apps);
      if (Buffer.from(next).equals(original)) continue;
      const what = `${path.relative(dir, abs)}: ${name}`;
      write(abs, next);
      partialEqualsCold(dir, what, extra);
      write(abs, original);
      partialEqualsCold(dir, `${what}, undone`, extra);
      n++;
    }
  }
  return n;
}
