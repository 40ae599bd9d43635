import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { fixture, header, offsetsOf, PLAIN_PROJECT } from '../../helpers/fixture';

const ID = 'distribution-state-not-packaged';
const H = 'force-app/main/default/externalClientApps/Billing.eca-meta.xml';

test(`${ID}: Local header in a packaged directory is flagged at the value, fix sets Packaged`, () => {
  const fx = fixture({ [H]: header('    <contactEmail>a@b.co</contactEmail>\n    <distributionState>⟦Local⟧</distributionState>\n    <label>Billing</label>\n') });
  try {
    const [f, ...rest] = fx.findings(H, ID);
    assert.ok(f);
    assert.equal(rest.length, 0);
    assert.equal(f.severity, 'error');
    assert.deepEqual(offsetsOf(f, fx.read(H)), fx.marks[H]);
    const before = fx.read(H);
    fx.apply(f.fixes.find((x) => x.preferred)!);
    assert.equal(fx.read(H), before.replace('>Local<', '>Packaged<'));
    assert.equal(fx.findings(H, ID).length, 0);
  } finally {
    fx.cleanup();
  }
});

test(`${ID}: missing element is inserted in alphabetical order, CRLF and BOM kept`, () => {
  const body = '\uFEFF<?xml version="1.0" encoding="UTF-8"?>\r\n<ExternalClientApplication xmlns="http://soap.sforce.com/2006/04/metadata">\r\n\t<contactEmail>a@b.co</contactEmail>\r\n\t<!-- keep me -->\r\n\t<label>Billing</label>\r\n</ExternalClientApplication>\r\n';
  const fx = fixture({ [H]: body });
  try {
    const [f] = fx.findings(H, ID);
    assert.ok(f);
    fx.apply(f.fixes[0]!);
    const after = fx.read(H);
    assert.equal(after, body.replace('<contactEmail>a@b.co</contactEmail>\r\n', '<contactEmail>a@b.co</contactEmail>\r\n\t<distributionState>Packaged</distributionState>\r\n'));
    assert.equal(fx.findings(H, ID).length, 0);
  } finally {
    fx.cleanup();
  }
});

test(`${ID}: not flagged outside a packaged directory, nor when Packaged, nor when excluded`, () => {
  const local = header('    <distributionState>Local</distributionState>\n');
  const cases: Record<string, string>[] = [
    { 'sfdx-project.json': PLAIN_PROJECT, [H]: local },
    { [H]: header('    <distributionState>Packaged</distributionState>\n    <orgScopedExternalApp>00D000000000001:Billing</orgScopedExternalApp>\n') },
    { [H]: local, '.forceignore': '**/externalClientApps/**\n' },
  ];
  for (const files of cases) {
    const fx = fixture(files);
    try {
      assert.equal(fx.findings(H, ID).length, 0);
    } finally {
      fx.cleanup();
    }
  }
});
