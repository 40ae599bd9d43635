/**
 * One cold measurement in a fresh process: `floor` (the same walk and XML parse, no project
 * model, no rules) or `check` (what `eca-lens check` does: index + every rule). Prints JSON.
 */
import * as path from 'node:path';
import { nodeFsHost } from '../server/src/project/fsHost';
import { TypeRegistry } from '../server/src/metadata/types';
import { decodeBytes } from '../server/src/util/text';
import { parseXml } from '../server/src/metadata/parse';
import { openProject, inventoryJson } from '../server/src/engine';

const [mode, root] = process.argv.slice(2) as [string, string];
const t0 = performance.now();
let parsed = 0;
let findings = 0;
let indexMs = 0;
if (mode === 'floor') {
  const types = new TypeRegistry();
  const walk = (d: string) => {
    for (const e of nodeFsHost.readDir(d) ?? []) {
      const p = path.join(d, e.name);
      if (e.isDirectory) {
        if (e.name !== 'node_modules' && e.name !== '.git') walk(p);
      } else if (e.isFile && types.classifyFileName(e.name)) {
        const b = nodeFsHost.readFile(p);
        const dec = b ? decodeBytes(b) : undefined;
        if (dec?.ok) {
          parseXml(dec.file);
          parsed++;
        }
      }
    }
  };
  walk(root);
} else {
  const project = openProject(root, nodeFsHost);
  indexMs = performance.now() - t0;
  for (const list of project.checkAll().values()) findings += list.length;
  parsed = inventoryJson(project).length;
}
const ms = performance.now() - t0;
process.stdout.write(JSON.stringify({ mode, ms, indexMs, parsed, findings, rssMb: process.memoryUsage().rss / 1048576 }) + '\n');
