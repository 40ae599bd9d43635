// `npm run bench`: generates a large project and prints the speed figures (no assertions).
// CLI cold check vs the floor (same walk + XML parse, no rules), then the language server's
// figures (bench/lsp.mjs) when present.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import * as esbuild from 'esbuild';
import { generate } from './generate.mjs';

const dir = 'bench/.generated/big';
const apps = Number(process.env.BENCH_APPS ?? 2000);
const total = Number(process.env.BENCH_FILES ?? 25000);
let t = performance.now();
const g = generate(dir, { apps, total });
console.log(`generated ${g.files} files (${g.apps} apps × 5 ECA files + filler) in ${((performance.now() - t) / 1000).toFixed(1)} s`);

await esbuild.build({ entryPoints: ['bench/cold.ts'], outfile: '.tsbuild/bench/cold.js', bundle: true, platform: 'node', target: 'node20', format: 'cjs', mainFields: ['module', 'main'], logLevel: 'warning' });

const runs = Number(process.env.BENCH_RUNS ?? 7);
const once = (mode) => {
  const r = spawnSync(process.execPath, ['.tsbuild/bench/cold.js', mode, dir], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(r.stderr);
  return JSON.parse(r.stdout);
};
// Warm the OS file cache, then alternate the two modes so load on a shared machine hits both alike.
once('floor');
const all = { floor: [], check: [] };
for (let i = 0; i < runs; i++) {
  all.floor.push(once('floor'));
  all.check.push(once('check'));
}
const stats = (list) => {
  const s = [...list].sort((a, b) => a.ms - b.ms);
  return { min: s[0], median: s[Math.floor(s.length / 2)] };
};
const floor = stats(all.floor);
const check = stats(all.check);
t = performance.now();
const cli = spawnSync(process.execPath, ['server/out/cli.js', 'check', dir, '--format', 'json'], { encoding: 'utf8', maxBuffer: 1 << 30 });
const cliMs = performance.now() - t;
const ratioMin = check.min.ms / floor.min.ms;
const ratioMedian = check.median.ms / floor.median.ms;
const ms = (x) => x.toFixed(0).padStart(6);
console.log('');
console.log(`                                      fastest  median   (${runs} fresh processes each, alternating)`);
console.log(`floor (walk + XML parse, no rules)    ${ms(floor.min.ms)}  ${ms(floor.median.ms)} ms   ${floor.min.parsed} ECA files parsed`);
console.log(`cold check (index + all rules)        ${ms(check.min.ms)}  ${ms(check.median.ms)} ms   ${check.min.findings} findings, index ${check.min.indexMs.toFixed(0)} ms, RSS ${check.min.rssMb.toFixed(0)} MB`);
console.log(`ratio check / floor                   ${ratioMin.toFixed(2).padStart(6)}  ${ratioMedian.toFixed(2).padStart(6)} ×    target ≤ 1.50 × ${ratioMin <= 1.5 ? '(met by the fastest runs' + (ratioMedian <= 1.5 ? ' and the medians)' : '; not by the medians)') : '(NOT met)'}`);
console.log(`eca-lens check (whole CLI process)    ${ms(cliMs)}         ms   exit ${cli.status}`);

if (existsSync('bench/lsp.mjs')) {
  const { benchLsp } = await import('./lsp.mjs');
  console.log('');
  await benchLsp({ root: dir, cliColdMs: check.median.ms });
}
