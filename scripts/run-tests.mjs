// Runs node's test runner on the bundled tests of the given suites (node 20's --test takes no globs).
import { readdirSync, statSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';

const suites = process.argv.slice(2);
const files = [];
const walk = (d) => {
  if (!existsSync(d)) return;
  for (const n of readdirSync(d).sort()) {
    const p = join(d, n);
    if (statSync(p).isDirectory()) walk(p);
    else if (n.endsWith('.test.js')) files.push(p);
  }
};
for (const s of suites) walk(join('.tsbuild/tests', s));
if (!files.length) {
  console.error(`no test files in ${suites.join(', ')}`);
  process.exit(1);
}
const r = spawnSync(process.execPath, ['--test', '--test-reporter=spec', suites.includes('e2e') ? '--test-concurrency=1' : '--test-concurrency=2', ...files], { stdio: 'inherit' });
process.exit(r.status ?? 1);
