// One SDR measurement in a fresh process: `ComponentSet.fromSource` over the package directories of
// the bench project (what `sf project deploy` resolves first). Prints JSON: the time to load SDR
// (require, ~0.5 s) and the time to resolve, separately; bench/run.mjs times the whole process.
import { readFileSync } from 'node:fs';
import { resolve, join } from 'node:path';

const root = resolve(process.argv[2]);
const t0 = performance.now();
const { ComponentSet } = await import('@salesforce/source-deploy-retrieve');
const requireMs = performance.now() - t0;
const proj = JSON.parse(readFileSync(join(root, 'sfdx-project.json'), 'utf8'));
const t1 = performance.now();
const cs = ComponentSet.fromSource({ fsPaths: proj.packageDirectories.map((d) => resolve(root, d.path)) });
const resolveMs = performance.now() - t1;
process.stdout.write(JSON.stringify({ mode: 'sdr', ms: performance.now() - t0, requireMs, resolveMs, components: cs.size, rssMb: process.memoryUsage().rss / 1048576 }) + '\n');
