/**
 * The engine fuzzer (`npm run fuzz`): generated and mutated projects through openProject, the
 * rules and applyFixes, on an in-memory host. See props.ts for the properties.
 *
 *   npm run fuzz                          20,000 cases, the default seed
 *   npm run fuzz -- --cases 100000        more cases
 *   npm run fuzz -- --seed 123            another seed (`--seed random` picks one; it is printed)
 *   npm run fuzz -- --seed 123 --case 42  replay one case of a run
 *   npm run fuzz -- --replay FILE         replay a failing case written as JSON
 *
 * Each case is generated from (seed, index) alone, so a case replays without the ones before it.
 * The last line is always `fuzz: N cases, F failures, seed S`; the exit code is 1 on failures.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { Rng, caseSeed, genProject, type FuzzFiles } from './gen';
import { parseStats, runCase, type Failure } from './props';

const DEFAULT_SEED = 20260111;
const SHOW_FULL = 3;

interface Args {
  cases: number;
  seed: number;
  only?: number;
  replay?: string;
  out: string;
}

function parseArgs(argv: string[]): Args {
  const a: Args = { cases: 20_000, seed: DEFAULT_SEED, out: '.tsbuild/fuzz/failures' };
  for (let i = 0; i < argv.length; i++) {
    const k = argv[i];
    const v = argv[i + 1];
    const num = (name: string) => {
      const n = Number(v);
      if (!Number.isInteger(n) || n < 0) throw new Error(`${name} takes a whole number, not ${v}`);
      i++;
      return n;
    };
    if (k === '--cases') a.cases = num('--cases');
    else if (k === '--seed') {
      if (v === 'random') {
        a.seed = Math.floor(Math.random() * 2 ** 32);
        i++;
      } else a.seed = num('--seed') >>> 0;
    } else if (k === '--case') a.only = num('--case');
    else if (k === '--replay') {
      if (!v) throw new Error('--replay takes a file');
      a.replay = v;
      i++;
    } else if (k === '--out') {
      if (!v) throw new Error('--out takes a folder');
      a.out = v;
      i++;
    } else throw new Error(`unknown argument ${k}`);
  }
  return a;
}

function report(label: string, files: FuzzFiles, failures: Failure[], full: boolean, outDir: string, name: string): void {
  console.log(`FAIL ${label}: ${failures.map((f) => f.property).join(', ')}`);
  for (const f of failures) console.log(`  ${f.property}: ${f.detail.split('\n').slice(0, 8).join('\n    ')}`);
  const json = JSON.stringify({ case: label, failures, files }, null, 1);
  fs.mkdirSync(outDir, { recursive: true });
  const file = path.join(outDir, `${name}.json`);
  fs.writeFileSync(file, json);
  if (full) console.log(`  inputs: ${JSON.stringify(files)}`);
  console.log(`  replay: npm run fuzz -- --replay ${file}`);
}

function main(): number {
  const args = parseArgs(process.argv.slice(2));
  if (args.replay) {
    const data = JSON.parse(fs.readFileSync(args.replay, 'utf8')) as { files: FuzzFiles };
    const r = runCase(data.files);
    if (r.failures.length) report(args.replay, data.files, r.failures, true, args.out, 'replay');
    console.log(`fuzz: 1 cases, ${r.failures.length ? 1 : 0} failures, seed replay`);
    return r.failures.length ? 1 : 0;
  }
  const indices = args.only !== undefined ? [args.only] : Array.from({ length: args.cases }, (_, i) => i);
  console.log(`fuzz: seed ${args.seed}, ${indices.length} cases`);
  const t0 = performance.now();
  let failing = 0;
  let slowest = { ms: 0, index: -1 };
  let fixes = 0;
  let maxRounds = { rounds: 1, index: -1 };
  const byProperty = new Map<string, number>();
  for (const i of indices) {
    const files = genProject(new Rng(caseSeed(args.seed, i)));
    let r = runCase(files);
    // A busy machine can stall one pass: a case that is only slow is timed once more.
    if (r.failures.length && r.failures.every((f) => f.property === 'slow')) r = runCase(files);
    fixes += r.fixesTried;
    if (r.fixAllRounds > maxRounds.rounds) maxRounds = { rounds: r.fixAllRounds, index: i };
    if (r.ms > slowest.ms) slowest = { ms: r.ms, index: i };
    if (r.failures.length) {
      failing++;
      for (const f of r.failures) byProperty.set(f.property, (byProperty.get(f.property) ?? 0) + 1);
      if (failing <= 20 || args.only !== undefined) report(`seed ${args.seed} case ${i}`, files, r.failures, failing <= SHOW_FULL || args.only !== undefined, args.out, `${args.seed}-${i}`);
    }
  }
  const s = ((performance.now() - t0) / 1000).toFixed(1);
  const props = [...byProperty].map(([k, v]) => `${k} ${v}`).join(', ');
  console.log(`fuzz: ${s} s, slowest case ${slowest.index} ${slowest.ms.toFixed(0)} ms, ${fixes} safe fixes tested, fix-all needed up to ${maxRounds.rounds} runs (case ${maxRounds.index}), ${parseStats.fast} of ${parseStats.xml} XML files parsed by the fast path${props ? `; failing properties: ${props}` : ''}`);
  console.log(`fuzz: ${indices.length} cases, ${failing} failures, seed ${args.seed}`);
  return failing ? 1 : 0;
}

try {
  process.exitCode = main();
} catch (e) {
  console.error(e instanceof Error ? e.message : e);
  console.log('fuzz: 0 cases, 1 failures, seed none');
  process.exitCode = 2;
}
