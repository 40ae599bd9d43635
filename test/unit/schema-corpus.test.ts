/**
 * Every element name that a real ECA-family or ConnectedApp file of the shared corpus uses
 * (../shared/corpus, reference §6) is known to the merged schema (generated ⊕ overlay): what the
 * generated table lacks is in schemaOverlay.ts with the corpus file as its source. A missing corpus
 * is a failure, not a skip (as in corpus.test.ts).
 */
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseXml, type XmlElement } from '../../server/src/metadata/parse';
import { fieldOf, schemaFor } from '../../server/src/metadata/schema';
import { TypeRegistry } from '../../server/src/metadata/types';
import { decodeBytes } from '../../server/src/util/text';

const CORPUS = path.resolve(process.cwd(), '../shared/corpus');

function walkFiles(dir: string, out: string[] = []): string[] {
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) walkFiles(p, out);
    else out.push(p);
  }
  return out;
}

/** `Type path/of/element file` for each element the schema does not know, and the number of files read. */
function scanCorpus(): { unknown: string[]; overlayOnly: string[]; badValues: string[]; files: number; elements: number } {
  const registry = new TypeRegistry();
  const unknown = new Set<string>();
  const overlayOnly = new Set<string>();
  const badValues = new Set<string>();
  let files = 0;
  let elements = 0;
  for (const p of walkFiles(CORPUS).sort()) {
    const info = registry.classifyFileName(path.basename(p));
    if (info?.kind !== 'recognized') continue;
    const decoded = decodeBytes(fs.readFileSync(p));
    assert.ok(decoded.ok, p);
    const { root } = parseXml(decoded.file);
    if (!root) continue;
    files++;
    const typeName = info.type.name;
    assert.ok(schemaFor(typeName), `no schema for ${typeName}`);
    const visit = (el: XmlElement, names: string[]) => {
      for (const c of el.children) {
        const at = [...names, c.name];
        elements++;
        const f = fieldOf(typeName, at);
        if (!f) unknown.add(`${typeName} ${at.join('/')} ${path.relative(CORPUS, p).split(path.sep).join('/')}`);
        else if (!f.since) overlayOnly.add(`${typeName} ${at.join('/')}`);
        if (f?.kind === 'complex') visit(c, at);
        else if (f?.values && !f.values.includes(c.text) && !(f.pattern && new RegExp(f.pattern).test(c.text))) badValues.add(`${typeName} ${at.join('/')}=${c.text}`);
      }
    };
    visit(root, []);
  }
  return { unknown: [...unknown].sort(), overlayOnly: [...overlayOnly].sort(), badValues: [...badValues].sort(), files, elements };
}

test('every element of the corpus ECA-family and ConnectedApp files is in the merged schema', () => {
  assert.ok(fs.existsSync(path.join(CORPUS, 'SOURCES.md')), `The shared corpus is missing: expected ${CORPUS}`);
  const { unknown, overlayOnly, badValues, files, elements } = scanCorpus();
  if (process.env.SCHEMA_SCAN_REPORT) console.log(JSON.stringify({ files, elements, unknown, overlayOnly, badValues }, null, 2));
  assert.ok(files >= 70, `read ${files} files`);
  assert.deepEqual(unknown, []);
  // The one element real files use that no version of @salesforce/types has (overlay, with its corpus source).
  assert.deepEqual(overlayOnly, ['ExtlClntAppOauthConfigurablePolicies isNamedUserJwtEnabled']);
  // Values of enums and of documented untyped strings: every real value is one of them.
  assert.deepEqual(badValues, []);
});
