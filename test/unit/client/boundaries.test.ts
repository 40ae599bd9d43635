/** The client imports nothing of the server but server/src/shared/, and shared/ imports nothing. */
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';

const root = path.resolve(__dirname, '../../../..');

function sources(dir: string): string[] {
  const out: string[] = [];
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) out.push(...sources(p));
    else if (e.name.endsWith('.ts')) out.push(p);
  }
  return out;
}

function imports(file: string): string[] {
  const text = fs.readFileSync(file, 'utf8');
  return [...text.matchAll(/(?:^|\n)\s*(?:import|export)\b[^'";]*?from\s+['"]([^'"]+)['"]/g)].map((m) => m[1]!);
}

test('boundaries: client/src imports from the server only through server/src/shared/', () => {
  const shared = path.join(root, 'server', 'src', 'shared') + path.sep;
  const client = path.join(root, 'client', 'src') + path.sep;
  const bad: string[] = [];
  for (const f of sources(path.join(root, 'client', 'src'))) {
    for (const spec of imports(f)) {
      if (!spec.startsWith('.')) continue;
      const target = path.resolve(path.dirname(f), spec);
      if (!target.startsWith(client) && !target.startsWith(shared)) bad.push(`${path.relative(root, f)} → ${spec}`);
    }
  }
  assert.deepEqual(bad, []);
});

test('boundaries: server/src/shared/ imports nothing outside itself', () => {
  const dir = path.join(root, 'server', 'src', 'shared');
  const bad: string[] = [];
  for (const f of sources(dir)) {
    for (const spec of imports(f)) if (!spec.startsWith('./')) bad.push(`${path.relative(root, f)} → ${spec}`);
  }
  assert.deepEqual(bad, []);
});
