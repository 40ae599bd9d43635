import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { fixture, header, offsetsOf, PLAIN_PROJECT } from '../../helpers/fixture';
import { parseXml } from '../../../server/src/metadata/parse';
import { textFromString } from '../../../server/src/util/text';

const ID = 'distribution-state-not-packaged';
const H = 'force-app/main/default/externalClientApps/Billing.eca-meta.xml';

/** The single finding's preferred fix, applied: the file must become `expected`, parse, and re-check clean. */
function fixTo(body: string, expected: (before: string) => string): void {
  const fx = fixture({ [H]: body });
  try {
    const [f] = fx.findings(H, ID);
    assert.ok(f);
    const before = fx.read(H);
    fx.apply(f.fixes[0]!);
    const after = fx.read(H);
    assert.equal(after, expected(before));
    assert.equal(parseXml(textFromString(after)).error, undefined);
    assert.equal(fx.findings(H, ID).length, 0);
  } finally {
    fx.cleanup();
  }
}

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
  fixTo(body, () => body.replace('<contactEmail>a@b.co</contactEmail>\r\n', '<contactEmail>a@b.co</contactEmail>\r\n\t<distributionState>Packaged</distributionState>\r\n'));
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

test(`${ID}: message names the app, the package and the value`, () => {
  const fx = fixture({ [H]: header('    <distributionState>Local</distributionState>\n') });
  try {
    const [f] = fx.findings(H, ID);
    assert.ok(f);
    assert.match(f.message, /App "Billing" ships in package "Billing" but its distributionState is "Local"/);
    assert.match(f.message, /only a Packaged app can be packaged/);
    const fix = f.fixes[0]!;
    assert.equal(fix.title, 'Set distributionState to Packaged');
    assert.equal(fix.preferred, true);
  } finally {
    fx.cleanup();
  }
});

test(`${ID}: missing element: finding at the root element name, says Local by default`, () => {
  const text = '<?xml version="1.0" encoding="UTF-8"?>\n<⟦ExternalClientApplication⟧ xmlns="http://soap.sforce.com/2006/04/metadata">\n    <contactEmail>a@b.co</contactEmail>\n</ExternalClientApplication>\n';
  const fx = fixture({ [H]: text });
  try {
    const [f, ...rest] = fx.findings(H, ID);
    assert.ok(f);
    assert.equal(rest.length, 0);
    assert.deepEqual(offsetsOf(f, fx.read(H)), fx.marks[H]);
    assert.match(f.message, /has no distributionState \(Local by default\)/);
  } finally {
    fx.cleanup();
  }
});

test(`${ID}: self-closing <distributionState/>: finding at the tag name, fix writes a well-formed element`, () => {
  const text = '<?xml version="1.0" encoding="UTF-8"?>\n<ExternalClientApplication xmlns="http://soap.sforce.com/2006/04/metadata">\n  <contactEmail>a@b.co</contactEmail>\n  <⟦distributionState⟧/>\n  <label>Billing</label>\n</ExternalClientApplication>\n';
  const fx = fixture({ [H]: text });
  try {
    const [f] = fx.findings(H, ID);
    assert.ok(f);
    assert.deepEqual(offsetsOf(f, fx.read(H)), fx.marks[H]);
    assert.match(f.message, /distributionState is empty/);
    const before = fx.read(H);
    fx.apply(f.fixes[0]!);
    const after = fx.read(H);
    assert.equal(after, before.replace('<distributionState/>', '<distributionState>Packaged</distributionState>'));
    assert.equal(parseXml(textFromString(after)).error, undefined);
    assert.equal(fx.findings(H, ID).length, 0);
  } finally {
    fx.cleanup();
  }
});

test(`${ID}: tabs, and a comment trailing the element before it stays on that element's line`, () => {
  const body = '<?xml version="1.0" encoding="UTF-8"?>\n<ExternalClientApplication xmlns="http://soap.sforce.com/2006/04/metadata">\n\t<contactEmail>a@b.co</contactEmail> <!-- owner: billing team -->\n\t<label>Billing</label>\n</ExternalClientApplication>';
  fixTo(body, () => body.replace('<!-- owner: billing team -->\n', '<!-- owner: billing team -->\n\t<distributionState>Packaged</distributionState>\n'));
});

test(`${ID}: a header excluded by a nested .forceignore does not ship: silent`, () => {
  const fx = fixture({ [H]: header('    <distributionState>Local</distributionState>\n'), 'force-app/.forceignore': '**/externalClientApps/**\n' });
  try {
    assert.equal(fx.findings(H, ID).length, 0);
  } finally {
    fx.cleanup();
  }
});
