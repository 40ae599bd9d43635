// `npm run bench`: generates a large project and prints the speed figures (no assertions).
// CLI cold check vs the RAW floor (readdir + fast-xml-parser only) and the wrapper floor (the
// project's host and parse wrapper, no rules), SDR's ComponentSet.fromSource on the same tree,
// `check --cache` unchanged and after one edit (both strategies), the growth on a project BENCH_SCALE times larger (5 unless set; 0 skips it),
// then the language server's figures (bench/lsp.mjs): its first index alternating with cold checks,
// then one run for the rest.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import * as os from 'node:os';
import * as esbuild from 'esbuild';
import { generate } from './generate.mjs';

const load = () => os.loadavg().map((x) => x.toFixed(2)).join(' ');
console.log(`machine: ${os.cpus().length} cores (${os.cpus()[0]?.model ?? '?'}), node ${process.version}, load average ${load()} (1, 5, 15 min)`);
const dir = 'bench/.generated/big';
const apps = Number(process.env.BENCH_APPS ?? 2000);
const total = Number(process.env.BENCH_FILES ?? 25000);
const t = performance.now();
const g = generate(dir, { apps, total });
console.log(`generated ${g.files} files (${g.apps} apps × 5 ECA files + filler) in ${((performance.now() - t) / 1000).toFixed(1)} s`);

await esbuild.build({ entryPoints: ['bench/cold.ts'], outfile: '.tsbuild/bench/cold.js', bundle: true, platform: 'node', target: 'node20', format: 'cjs', mainFields: ['module', 'main'], logLevel: 'warning' });

const runs = Number(process.env.BENCH_RUNS ?? 5);
// NODE_EXTRA_CA_CERTS (some machines set it, this one does): Node parses that certificate bundle
// at every start, before any of the script runs. It is a tax on every node process, not a cost of
// what is measured (ECA Lens makes no network call), so the measured processes run without it;
// what one start costs with and without it is printed.
const env = { ...process.env };
delete env.NODE_EXTRA_CA_CERTS;
const nodeStart = (e) => {
  const xs = [];
  for (let i = 0; i < 5; i++) {
    const t = performance.now();
    spawnSync(process.execPath, ['-e', '0'], { env: e });
    xs.push(performance.now() - t);
  }
  return xs.sort((a, b) => a - b)[2].toFixed(0);
};
console.log(`node's own start (\`node -e 0\`, median of 5): ${nodeStart(env)} ms as measured${process.env.NODE_EXTRA_CA_CERTS ? `; ${nodeStart(process.env)} ms with NODE_EXTRA_CA_CERTS as this environment sets it (the measured processes run without it)` : ''}`);
// `encoding`: how the parent takes the child's stdout. The CLI's runs keep it as bytes: decoding
// its 7.5 MB of JSON into a string is the parent's work, done after the child has exited, and it
// added about 30 ms to each `--cache` hit's wall time (before 2026-12-02 the figures included it).
const wall = (args, encoding = 'utf8') => {
  const t = performance.now();
  const r = spawnSync(process.execPath, args, { encoding, maxBuffer: 1 << 30, env });
  const wallMs = performance.now() - t;
  if (r.status !== 0 && r.status !== 1) throw new Error(String(r.stderr));
  return { r, wallMs };
};
const once = (mode, root = dir) => {
  const { r, wallMs } = mode === 'sdr' ? wall(['bench/sdr.mjs', root]) : wall(['.tsbuild/bench/cold.js', mode, root]);
  // The figures are the last line (mode `cli` writes its report before them).
  return { ...JSON.parse(r.stdout.slice(r.stdout.lastIndexOf('\n', r.stdout.length - 2) + 1)), wallMs };
};
const cacheFile = 'bench/.generated/eca-lens-cache';
const cli = (extra = [], root = dir) => wall(['server/out/cli.js', 'check', root, '--format', 'json', ...extra], 'buffer').wallMs;
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const stats = (list, key = 'ms') => {
  const s = [...list].sort((a, b) => a[key] - b[key]);
  return { min: s[0], median: s[Math.floor(s.length / 2)], m: s[Math.floor(s.length / 2)][key], fast: s[0][key] };
};
// Warm the OS file cache, then alternate the modes so load on a shared machine hits all alike.
once('raw');
const all = { raw: [], rawTuned: [], rawWall: [], floor: [], check: [], sdr: [], cliCold: [], cliWarm: [], cliOneChanged: [], contentWarm: [], contentOne: [] };
const flipLabel = () => {
  const t = readFileSync(touchPath, 'utf8');
  writeFileSync(touchPath, t.includes('<label>App00000</label>') ? t.replace('<label>App00000</label>', '<label>App00000x</label>') : t.replace('<label>App00000x</label>', '<label>App00000</label>'));
};
const contentCache = ['--cache', '--cache-strategy', 'content', '--cache-location', cacheFile + '-content'];
const touchPath = join(dir, 'pkg-core/main/default/externalClientApps/App00000.eca-meta.xml');
for (let i = 0; i < runs; i++) {
  const r = once('raw');
  all.raw.push(r);
  all.rawWall.push({ ms: r.wallMs });
  all.rawTuned.push(once('raw-tuned'));
  all.floor.push(once('floor'));
  all.check.push(once('check'));
  all.sdr.push(once('sdr'));
  all.cliCold.push({ ms: cli() });
  rmSync(cacheFile, { force: true });
  cli(['--cache', '--cache-location', cacheFile]); // fills the cache
  all.cliWarm.push({ ms: cli(['--cache', '--cache-location', cacheFile]) });
  flipLabel();
  all.cliOneChanged.push({ ms: cli(['--cache', '--cache-location', cacheFile]) });
  // --cache-strategy content (a CI cache restored into a fresh checkout): unchanged, then one edit.
  rmSync(cacheFile + '-content', { force: true });
  cli(contentCache);
  all.contentWarm.push({ ms: cli(contentCache) });
  flipLabel();
  all.contentOne.push({ ms: cli(contentCache) });
}
const raw = stats(all.raw);
const rawTuned = stats(all.rawTuned);
const floor = stats(all.floor);
const check = stats(all.check);
const sdrResolve = stats(all.sdr, 'resolveMs');
const sdrWall = stats(all.sdr, 'wallMs');
const checkWall = stats(all.check, 'wallMs');
const cliCold = stats(all.cliCold);
const cliWarm = stats(all.cliWarm);
const cliOne = stats(all.cliOneChanged);
const contentWarm = stats(all.contentWarm);
const contentOne = stats(all.contentOne);
const rawWall = stats(all.rawWall);
const ms = (x) => x.toFixed(0).padStart(6);
const ratio = (a, b) => (a / b).toFixed(2).padStart(6);
const verdict = (x, goal, le = true) => ((le ? x <= goal : x >= goal) ? '(met)' : '(NOT met)');
console.log('');
console.log(`                                      fastest  median   (${runs} fresh processes each, alternating)`);
console.log(`RAW floor (readdir + fast-xml-parser) ${ms(raw.fast)}  ${ms(raw.m)} ms   ${raw.min.parsed} ECA files parsed`);
console.log(`  with the CLI's heap setting          ${ms(rawTuned.fast)}  ${ms(rawTuned.m)} ms   check / this floor ${ratio(check.m, rawTuned.m)} × (median; the headline keeps V8's defaults for the floor)`);
console.log(`floor (project host + parse wrapper)  ${ms(floor.fast)}  ${ms(floor.m)} ms   ${ratio(floor.m, raw.m)} × raw (median)`);
console.log(`cold check (index + all rules)        ${ms(check.fast)}  ${ms(check.m)} ms   ${check.min.findings} findings, index ${check.median.indexMs.toFixed(0)} ms, RSS ${check.median.rssMb.toFixed(0)} MB`);
console.log(`ratio check / RAW floor (headline)    ${ratio(check.fast, raw.fast)}  ${ratio(check.m, raw.m)} ×    target ≤ 1.50 × ${verdict(check.m / raw.m, 1.5)} (median)`);
console.log(`ratio check / wrapper floor           ${ratio(check.fast, floor.fast)}  ${ratio(check.m, floor.m)} ×`);
console.log(`SDR ComponentSet.fromSource, resolve  ${ms(sdrResolve.fast)}  ${ms(sdrResolve.m)} ms   ${sdrResolve.min.components} components; require ${sdrResolve.median.requireMs.toFixed(0)} ms`);
console.log(`  resolve / cold check (in-process)   ${ratio(sdrResolve.fast, check.fast)}  ${ratio(sdrResolve.m, check.m)} ×    target ≥ 4 × ${verdict(sdrResolve.m / check.m, 4, false)} (median)`);
console.log(`  whole processes: SDR ${ms(sdrWall.m)} ms, check ${ms(checkWall.m)} ms: ${ratio(sdrWall.m, checkWall.m)} ×    target ≥ 4 × ${verdict(sdrWall.m / checkWall.m, 4, false)} (median)`);
console.log(`eca-lens check (whole CLI process)    ${ms(cliCold.fast)}  ${ms(cliCold.m)} ms`);
console.log(`RAW floor as a whole process            ${ms(rawWall.fast)}  ${ms(rawWall.m)} ms   (node's own start included)`);
console.log(`eca-lens check --cache, unchanged     ${ms(cliWarm.fast)}  ${ms(cliWarm.m)} ms   ${ratio(cliWarm.m, raw.m)} × raw, target ≤ 0.30 × ${verdict(cliWarm.m / raw.m, 0.3)} (whole process vs in-process floor; ${ratio(cliWarm.m, rawWall.m)} × the raw floor's whole process)`);
console.log(`eca-lens check --cache, 1 file edited ${ms(cliOne.fast)}  ${ms(cliOne.m)} ms   ${ratio(cliOne.m, raw.m)} × raw, target ≤ 0.35 × ${verdict(cliOne.m / raw.m, 0.35)} (${ratio(cliOne.m, rawWall.m)} × the raw floor's whole process)`);
console.log(`  --cache-strategy content, unchanged ${ms(contentWarm.fast)}  ${ms(contentWarm.m)} ms   ${ratio(contentWarm.m, raw.m)} × raw (no target: every input read and hashed)`);
console.log(`  --cache-strategy content, 1 edited  ${ms(contentOne.fast)}  ${ms(contentOne.m)} ms   ${ratio(contentOne.m, raw.m)} × raw`);
rmSync(cacheFile, { force: true });
rmSync(cacheFile + '-content', { force: true });

const scale = Number(process.env.BENCH_SCALE ?? 5);
if (scale > 0) {
  // How cost grows: the same generator, BENCH_SCALE × apps and files; alternating cold checks.
  const k = scale;
  const bigger = 'bench/.generated/bigger';
  const g2 = generate(bigger, { apps: apps * k, total: total * k });
  once('check', bigger);
  const small = [];
  const large = [];
  for (let i = 0; i < Math.max(3, Math.ceil(runs / 2)); i++) {
    small.push(once('check'));
    large.push(once('check', bigger));
  }
  const a = median(small.map((x) => x.ms));
  const b = median(large.map((x) => x.ms));
  console.log(`scale ×${k} (${g2.files} files): cold check ${ms(b)} ms vs ${ms(a)} ms: ${ratio(b, a)} ×, goal ≤ ${(1.1 * k).toFixed(1)} × ${verdict(b / a, 1.1 * k)}`);
  rmSync(bigger, { recursive: true, force: true });
}

if (existsSync('bench/lsp.mjs')) {
  const { benchLsp } = await import('./lsp.mjs');
  console.log('');
  // The server's first index against the CLI's cold check, alternating processes as for the CLI's
  // targets: one server run after the CLI's runs would meet another load than they did.
  // Also against the check command with its report (`cli`): the server formats and delivers its
  // findings too, the cold check above does not print them.
  const pairs = { check: [], init: [], cli: [] };
  for (let i = 0; i < runs; i++) {
    pairs.check.push(once('check').ms);
    pairs.init.push((await benchLsp({ root: dir, quiet: true, initOnly: true })).initToLastDiagnosticMs);
    pairs.cli.push(once('cli').ms);
  }
  const c = median(pairs.check);
  const s = median(pairs.init);
  const withReport = median(pairs.cli);
  console.log(`initialize → last diagnostic, ${runs} server runs alternating with cold checks: median ${ms(s)} ms vs ${ms(c)} ms: ${ratio(s, c)} ×, target ≤ 1.2 × ${verdict(s / c, 1.2)}`);
  console.log(`  (server ${pairs.init.map((x) => x.toFixed(0)).join(', ')} ms; cold check ${pairs.check.map((x) => x.toFixed(0)).join(', ')} ms)`);
  console.log(`  against the check command with its JSON report written (in process, ${pairs.cli.map((x) => x.toFixed(0)).join(', ')} ms): ${ratio(s, withReport)} × (no target)`);
  await benchLsp({ root: dir, cliColdMs: c, initRatioNote: ' (this one run, against the median above)' });
}
console.log(`load average at the end ${load()}`);
