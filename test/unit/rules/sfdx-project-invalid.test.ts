import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { fixture, offsetsOf, PACKAGED_PROJECT, PLAIN_PROJECT, type Fixture } from '../../helpers/fixture';
import type { Finding } from '../../../server/src/engine';

const ID = 'sfdx-project-invalid';
const PJ = 'sfdx-project.json';

function with_(text: string, body: (fx: Fixture, findings: Finding[]) => void): void {
  const fx = fixture({ [PJ]: text, 'force-app/main/default/.gitkeep': '', 'other/.gitkeep': '' });
  try {
    body(fx, fx.findings(PJ, ID));
  } finally {
    fx.cleanup();
  }
}

/** Exactly one finding, at the marked range, with this severity and these words. */
function one(text: string, severity: 'error' | 'warning', words: RegExp): void {
  with_(text, (fx, findings) => {
    assert.equal(findings.length, 1, JSON.stringify(findings.map((f) => f.message)));
    const f = findings[0]!;
    assert.equal(f.severity, severity);
    assert.deepEqual(offsetsOf(f, fx.read(PJ)), fx.marks[PJ]);
    assert.match(f.message, words);
    assert.deepEqual(f.fixes, []);
  });
}

test(`${ID}: bad JSON (trailing comma) is reported at the parser's position`, () => {
  one('{"packageDirectories": [{"path": "force-app", "default": true,⟦}⟧]}', 'error', /not valid JSON/);
});

test(`${ID}: bad JSON (missing comma) covers the unexpected token`, () => {
  one('{\n  "packageDirectories": [\n    { "path": "force-app" ⟦"default"⟧: true }\n  ]\n}\n', 'error', /not valid JSON: expected a comma at 3:27;/);
});

test(`${ID}: comments are not JSON for the sf CLI`, () => {
  one('⟦// project⟧\n{"packageDirectories": [{"path": "force-app", "default": true}]}\n', 'error', /not valid JSON/);
});

test(`${ID}: no packageDirectories`, () => {
  one('⟦{⟧"sourceApiVersion": "64.0"}', 'error', /"packageDirectories" must be an array with at least one entry/);
});

test(`${ID}: packageDirectories is empty`, () => {
  one('{"packageDirectories": ⟦[]⟧, "sourceApiVersion": "64.0"}', 'error', /"packageDirectories" is empty/);
});

test(`${ID}: an absolute path`, () => {
  one('{"packageDirectories": [{"path": ⟦"/home/me/proj/force-app"⟧, "default": true}]}', 'error', /"\/home\/me\/proj\/force-app" is absolute.*relative to the project root/);
});

test(`${ID}: an absolute Windows path`, () => {
  one('{"packageDirectories": [{"path": ⟦"C:\\\\proj\\\\force-app"⟧, "default": true}]}', 'error', /is absolute/);
});

test(`${ID}: a package directory with no path`, () => {
  one('{"packageDirectories": [⟦{⟧"default": true}]}', 'error', /has no "path"/);
});

test(`${ID}: several defaults: every default after the first`, () => {
  one('{"packageDirectories": [{"path": "force-app", "default": true}, {"path": "other", "default": ⟦true⟧}]}', 'error', /more than one package directory is "default": true/);
});

test(`${ID}: several directories and none is the default`, () => {
  one('{"packageDirectories": ⟦[⟧{"path": "force-app"}, {"path": "other"}]}', 'error', /none is "default": true/);
});

test(`${ID}: the only directory says "default": false`, () => {
  one('{"packageDirectories": [{"path": "force-app", "default": ⟦false⟧}]}', 'error', /only package directory says "default": false/);
});

test(`${ID}: a package with no versionNumber is a warning`, () => {
  one('{"packageDirectories": [⟦{⟧"path": "force-app", "default": true, "package": "Billing"}]}', 'warning', /names package "Billing" but has no "versionNumber"/);
});

test(`${ID}: silent on valid projects`, () => {
  const valid = [
    PACKAGED_PROJECT,
    PLAIN_PROJECT,
    '{"packageDirectories": [{"path": "force-app"}]}',
    '\uFEFF{"packageDirectories": [{"path": "force-app", "default": true}]}\r\n',
    '{"packageDirectories": [{"path": "force-app", "default": true, "package": "A", "versionNumber": "1.0.0.NEXT"}, {"path": "other", "default": false}]}',
  ];
  for (const text of valid) {
    with_(text, (_fx, findings) => assert.deepEqual(findings, [], text));
  }
});

test('sfdx-project-invalid: registryCustomizations and sourceBehaviorOptions are reported as not applied (information, at the key)', () => {
  const project = '{\n  "packageDirectories": [{ "path": "force-app", "default": true }],\n  ⟦"sourceBehaviorOptions"⟧: ["decomposePermissionSetBeta"]\n}\n';
  const fx = fixture({ 'sfdx-project.json': project });
  try {
    const fs = fx.findings('sfdx-project.json', 'sfdx-project-invalid');
    assert.equal(fs.length, 1);
    assert.equal(fs[0]!.severity, 'information');
    assert.match(fs[0]!.message, /does not apply it/);
    assert.deepEqual(offsetsOf(fs[0]!, fx.read('sfdx-project.json')), fx.marks['sfdx-project.json']);
  } finally {
    fx.cleanup();
  }
});
