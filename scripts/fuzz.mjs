// `npm run fuzz`: bundles test/fuzz/run.ts (like the tests) and runs it with the given arguments.
import * as esbuild from 'esbuild';
import { spawnSync } from 'node:child_process';

const out = '.tsbuild/fuzz/run.js';
await esbuild.build({
  entryPoints: ['test/fuzz/run.ts'],
  outfile: out,
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: 'inline',
  mainFields: ['module', 'main'],
  logLevel: 'warning',
});
const r = spawnSync(process.execPath, ['--enable-source-maps', out, ...process.argv.slice(2)], { stdio: 'inherit' });
process.exit(r.status ?? 1);
