/**
 * The committed schema.generated.ts is what scripts/gen-schema.mjs makes from the installed
 * `@salesforce/types` aliases: run it into a temporary file and compare byte for byte.
 * Fix a failure with `npm run gen:schema` (and commit the result).
 */
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

const ROOT = process.cwd();
const COMMITTED = path.join(ROOT, 'server/src/metadata/schema.generated.ts');

test('schema.generated.ts is up to date with scripts/gen-schema.mjs (npm run gen:schema)', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'eca-lens-schema-'));
  try {
    const out = path.join(dir, 'schema.generated.ts');
    execFileSync(process.execPath, [path.join(ROOT, 'scripts/gen-schema.mjs'), '--out', out], { cwd: ROOT, stdio: ['ignore', 'ignore', 'pipe'] });
    const fresh = fs.readFileSync(out, 'utf8');
    const committed = fs.readFileSync(COMMITTED, 'utf8');
    assert.ok(fresh === committed, 'schema.generated.ts differs from the generator\'s output: run `npm run gen:schema`');
    assert.ok(committed.endsWith('};\n') && committed.includes('\n  "versions": [\n    "1.1.0",'), 'deterministic 2-space JSON, trailing newline');
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
