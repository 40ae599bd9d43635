/**
 * One cold measurement in a fresh process: `raw` (the headline floor: walk the package directories
 * and parse every ECA-family file with fast-xml-parser, `captureMetaData` as the project sets it,
 * and nothing else), `floor` (the same walk through the project's host, decoder and parse wrapper:
 * validation + offsets; no model, no rules) or `check` (what `eca-lens check` does: index + every
 * rule; with the CLI's heap setting), `cli` (the check command with its JSON report, written to
 * stdout first) or `raw-tuned` (the raw floor with that setting too). Prints JSON (the last line).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { XMLParser } from 'fast-xml-parser';
import { ECA_TYPES } from '../server/src/shared/ecaTypes';
import { nodeFsHost } from '../server/src/project/fsHost';
import { TypeRegistry } from '../server/src/metadata/types';
import { decodeBytes } from '../server/src/util/text';
import { parseXml } from '../server/src/metadata/parse';
import { openProject, inventoryJson } from '../server/src/engine';
import { tuneHeap } from '../server/src/util/heapTuning';
import { checkCommand } from '../server/src/cli/check';
import { parseArgs, type CheckArgs } from '../server/src/cli/args';

const [mode, root] = process.argv.slice(2) as [string, string];
const t0 = performance.now();
let parsed = 0;
let findings = 0;
let indexMs = 0;
// `raw-tuned`: the raw floor with the heap setting `eca-lens check` makes (util/heapTuning.ts), so
// the bench can show the ratio both ways.
if (mode === 'raw-tuned') tuneHeap('batch');
if (mode === 'raw' || mode === 'raw-tuned') {
  const parser = new XMLParser({ captureMetaData: true, ignoreAttributes: true, alwaysCreateTextNode: true, isArray: () => true, parseTagValue: false, trimValues: true, processEntities: true, htmlEntities: false, ignoreDeclaration: true, ignorePiTags: true, commentPropName: false });
  const suffixes = new Set(ECA_TYPES.map((t) => t.suffix));
  const walk = (d: string) => {
    for (const e of fs.readdirSync(d, { withFileTypes: true })) {
      const p = path.join(d, e.name);
      if (e.isDirectory()) {
        if (e.name !== 'node_modules' && e.name !== '.git') walk(p);
      } else if (e.isFile()) {
        const m = /\.([^.]+)-meta\.xml$/.exec(e.name);
        if (m && suffixes.has(m[1]!)) {
          parser.parse(fs.readFileSync(p, 'utf8'));
          parsed++;
        }
      }
    }
  };
  const proj = JSON.parse(fs.readFileSync(path.join(root, 'sfdx-project.json'), 'utf8')) as { packageDirectories: { path: string }[] };
  for (const d of proj.packageDirectories) walk(path.resolve(root, d.path));
} else if (mode === 'floor') {
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
} else if (mode === 'cli') {
  // The command as run (`eca-lens check ROOT --format json`), its report written to stdout before
  // this line: what the server's first index also does (findings formatted and delivered).
  tuneHeap('batch');
  const r = checkCommand(parseArgs(['check', root, '--format', 'json'], {}, false) as CheckArgs, { cwd: process.cwd(), env: {}, isTTY: false, version: '0.0.0' });
  fs.writeSync(1, r.stdoutBytes ?? Buffer.from(r.stdout, 'utf8'));
} else {
  // What `eca-lens check` does first (server/src/cli.ts). The floors run on V8's defaults.
  tuneHeap('batch');
  const project = openProject(root, nodeFsHost);
  indexMs = performance.now() - t0;
  for (const list of project.checkAll().values()) findings += list.length;
  parsed = inventoryJson(project).length;
}
const ms = performance.now() - t0;
process.stdout.write(JSON.stringify({ mode, ms, indexMs, parsed, findings, rssMb: process.memoryUsage().rss / 1048576 }) + '\n');
