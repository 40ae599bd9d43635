// Bundles every test/**/*.test.ts into .tsbuild/tests/ for node's test runner.
import * as esbuild from 'esbuild';
import { readdirSync, statSync, rmSync } from 'node:fs';
import { join } from 'node:path';

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
rmSync('.tsbuild/tests', { recursive: true, force: true });
await esbuild.build({
  entryPoints: files,
  outdir: '.tsbuild/tests',
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
