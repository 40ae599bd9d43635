// Bundles every test/**/*.test.ts into .tsbuild/tests/ for node's test runner.
// Outputs of test files that no longer exist are removed; nothing else is wiped, so two builds
// running at once do not pull files from under each other.
import * as esbuild from 'esbuild';
import { readdirSync, statSync, rmSync, existsSync } from 'node:fs';
import { join, relative } from 'node:path';

const files = [];
const walk = (d) => {
  for (const n of readdirSync(d)) {
    const p = join(d, n);
    if (n === 'node_modules' || n === '.cache' || n === 'screenshots') continue;
    if (statSync(p).isDirectory()) walk(p);
    else if (n.endsWith('.test.ts')) files.push(p);
  }
};
walk('test');
const out = '.tsbuild/tests';
const stale = (d) => {
  if (!existsSync(d)) return;
  for (const n of readdirSync(d)) {
    const p = join(d, n);
    if (statSync(p).isDirectory()) stale(p);
    else if (n.endsWith('.test.js') && !existsSync(join('test', relative(out, p)).replace(/\.js$/, '.ts'))) rmSync(p);
  }
};
stale(out);
await esbuild.build({
  entryPoints: files,
  outdir: out,
  outbase: 'test',
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: 'inline',
  mainFields: ['module', 'main'],
  external: ['vscode', '@salesforce/*', 'playwright-core'],
  logLevel: 'warning',
});
