/**
 * The conversion on every real Connected App of the shared corpus (../shared/corpus, read at test
 * time, never copied): the output parses, every source element is mapped or unmapped, and no
 * consumerKey/consumerSecret (element or value) reaches the output.
 */
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseXml } from '../../server/src/metadata/parse';
import { connectedAppFullName, convertConnectedApp } from '../../server/src/migrate';
import { TextFile } from '../../server/src/util/text';
import { uncovered } from '../helpers/migrate';

const CORPUS = path.resolve(process.cwd(), '../shared/corpus');

function connectedApps(dir: string, out: string[] = []): string[] {
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) connectedApps(p, out);
    else if (e.name.endsWith('.connectedApp-meta.xml')) out.push(p);
  }
  return out.sort();
}

test('every corpus Connected App converts: parses, nothing dropped, no secrets', () => {
  assert.ok(fs.existsSync(path.join(CORPUS, 'SOURCES.md')), `the shared corpus is missing at ${CORPUS}`);
  const files = connectedApps(CORPUS);
  assert.ok(files.length >= 10, `found ${files.length} Connected Apps`);
  for (const f of files) {
    const text = fs.readFileSync(f, 'utf8');
    const name = connectedAppFullName(path.basename(f))!;
    const c = convertConnectedApp(new TextFile(text), name);
    const rel = path.relative(CORPUS, f);
    assert.equal(c.problem, undefined, rel);
    assert.ok(c.files.length >= 4, `${rel}: header and three OAuth files`);
    assert.deepEqual(uncovered(text, c), [], `${rel}: every element mapped or unmapped`);
    const secrets = [...text.matchAll(/<(consumerKey|consumerSecret)>([^<]*)</g)].map((m) => m[2]!.trim()).filter(Boolean);
    for (const out of c.files) {
      const parsed = parseXml(new TextFile(out.text));
      assert.ok(parsed.root && !parsed.error, `${rel} → ${out.fileName} parses`);
      assert.doesNotMatch(out.text, /consumerKey|consumerSecret/, `${rel} → ${out.fileName}`);
      for (const s of secrets) assert.ok(!out.text.includes(s), `${rel} → ${out.fileName}: no secret value`);
      if (out.kind !== 'header') assert.match(out.text, new RegExp(`<externalClientApplication>${name}</externalClientApplication>`));
    }
    for (const s of secrets) assert.ok(!JSON.stringify({ ...c, files: [] }).includes(s), `${rel}: no secret value in the report`);
  }
});
