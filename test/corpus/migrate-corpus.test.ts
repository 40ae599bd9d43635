/**
 * The conversion on every real Connected App of the shared corpus (../shared/corpus, read at test
 * time, never copied): the output parses, every source element is mapped or unmapped, and no
 * consumerKey/consumerSecret (element or value) reaches the output.
 */
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { openProject } from '../../server/src/engine';
import { nodeFsHost } from '../../server/src/project/fsHost';
import { parseXml } from '../../server/src/metadata/parse';
import { connectedAppFullName, convertConnectedApp, planMigration } from '../../server/src/migrate';
import { TextFile } from '../../server/src/util/text';
import { uncovered } from '../helpers/migrate';

const CORPUS = path.resolve(process.cwd(), '../shared/corpus');
/** No Dev Hub from this machine's sf config. */
const OPTIONS = { devHubEnv: { env: {}, home: path.join(os.tmpdir(), 'eca-lens-no-home') } };

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

/** The governance rules whose verdict must survive the conversion (reference §7/§8). */
const GOVERNANCE = [
  'scope-full',
  'refresh-token-rotation-off',
  'pkce-not-required',
  'consumer-secret-optional',
  'refresh-secret-not-required',
  'introspect-all-tokens',
  'permitted-users-self-authorize',
  'ip-relaxation-relaxed',
  'refresh-token-long-lived',
  'session-level-blocks-headless',
  'execution-user-org-specific',
  'callback-url-insecure',
];
const SYNTHETIC_PROJECT = JSON.stringify({ packageDirectories: [{ path: 'force-app', default: true }], sourceApiVersion: '64.0' }, null, 2);

/** The nearest folder at or above `dir` (inside the corpus repository folder) with an sfdx-project.json. */
function projectRootOf(file: string): { repo: string; root: string | undefined } {
  const repo = path.join(CORPUS, path.relative(CORPUS, file).split(path.sep)[0]!);
  for (let d = path.dirname(file); d.startsWith(repo); d = path.dirname(d)) if (fs.existsSync(path.join(d, 'sfdx-project.json'))) return { repo, root: d };
  return { repo, root: undefined };
}

test('every corpus Connected App round trips through the engine: the new files are schema-clean and keep the governance verdicts', () => {
  const files = connectedApps(CORPUS);
  const diffs: string[] = [];
  let verdicts = 0;
  for (const f of files) {
    const rel = path.relative(CORPUS, f);
    const { repo, root } = projectRootOf(f);
    const base = root ?? repo;
    const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'eca-lens-roundtrip-'));
    try {
      // A copy of the project with only this Connected App (its other ECA files would be in the way).
      fs.writeFileSync(path.join(tmp, 'sfdx-project.json'), root ? fs.readFileSync(path.join(root, 'sfdx-project.json')) : SYNTHETIC_PROJECT);
      const dest = path.join(tmp, path.relative(base, f));
      fs.mkdirSync(path.dirname(dest), { recursive: true });
      fs.copyFileSync(f, dest);
      const before = openProject(tmp, nodeFsHost, OPTIONS);
      const caRules = new Set(before.check(dest).map((x) => x.ruleId).filter((id) => GOVERNANCE.includes(id)));
      const plan = planMigration([{ path: dest, file: new TextFile(fs.readFileSync(dest, 'utf8')) }], { config: before.config }, {
        exists: (p) => fs.existsSync(p),
        readText: (p) => (fs.existsSync(p) ? fs.readFileSync(p, 'utf8') : undefined),
      });
      const app = plan.apps[0]!;
      assert.equal(app.conversion.convertible, true, `${rel}: convertible`);
      assert.equal(app.writes.length, app.conversion.files.length, `${rel}: every file written`);
      for (const w of app.writes) {
        fs.mkdirSync(path.dirname(w.path), { recursive: true });
        fs.writeFileSync(w.path, w.text);
      }
      const after = openProject(tmp, nodeFsHost, OPTIONS);
      const ecaRules = new Set<string>();
      for (const w of app.writes) {
        const found = after.check(w.path);
        const schema = found.filter((x) => x.ruleId.startsWith('schema-') || x.ruleId === 'scope-unknown');
        assert.deepEqual(schema.map((x) => `${x.ruleId}: ${x.message}`), [], `${rel} → ${path.basename(w.path)}: no schema findings`);
        for (const x of found) if (GOVERNANCE.includes(x.ruleId)) ecaRules.add(x.ruleId);
      }
      verdicts += caRules.size;
      const lost = [...caRules].filter((id) => !ecaRules.has(id));
      const gained = [...ecaRules].filter((id) => !caRules.has(id));
      if (lost.length || gained.length) diffs.push(`${rel}: lost ${lost.join(',') || '-'}; gained ${gained.join(',') || '-'}`);
    } finally {
      fs.rmSync(tmp, { recursive: true, force: true });
    }
  }
  assert.ok(verdicts >= 20, `the Connected Apps carry governance findings to compare (${verdicts})`);
  assert.deepEqual(diffs, [], 'governance verdicts differ between the Connected App and its External Client App files');
});
