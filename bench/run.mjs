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

const runs = Number(process.env.BENCH_RUNS ?? 5);
const measure = (mode) => {
  const out = [];
  for (let i = 0; i < runs; i++) {
    const r = spawnSync(process.execPath, ['.tsbuild/bench/cold.js', mode, dir], { encoding: 'utf8' });
    if (r.status !== 0) throw new Error(r.stderr);
    out.push(JSON.parse(r.stdout));
  }
  out.sort((a, b) => a.ms - b.ms);
  return out[Math.floor(out.length / 2)];
};
// Warm the OS file cache once so both modes read from memory.
measure('floor');
const floor = measure('floor');
const check = measure('check');
t = performance.now();
const cli = spawnSync(process.execPath, ['server/out/cli.js', 'check', dir, '--format', 'json'], { encoding: 'utf8', maxBuffer: 1 << 30 });
const cliMs = performance.now() - t;
const ratio = check.ms / floor.ms;
console.log('');
console.log(`floor (walk + XML parse, no rules)   ${floor.ms.toFixed(0).padStart(6)} ms   ${floor.parsed} ECA files parsed`);
console.log(`cold check (index + all rules)       ${check.ms.toFixed(0).padStart(6)} ms   ${check.findings} findings, RSS ${check.rssMb.toFixed(0)} MB`);
console.log(`ratio check / floor                  ${ratio.toFixed(2).padStart(6)} ×    target ≤ 1.50 × ${ratio <= 1.5 ? '(met)' : '(NOT met)'}`);
console.log(`eca-lens check (whole CLI process)   ${cliMs.toFixed(0).padStart(6)} ms   exit ${cli.status}`);
console.log(`(median of ${runs} fresh processes each)`);

if (existsSync('bench/lsp.mjs')) {
  const { benchLsp } = await import('./lsp.mjs');
  console.log('');
  await benchLsp({ root: dir, cliColdMs: check.ms });
}
