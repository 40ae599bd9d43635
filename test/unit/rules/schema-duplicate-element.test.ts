import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { header, oauthSettings } from '../../helpers/fixture';
import { assertAtMark, assertFixedTo, only, P, preferred, withFixture } from '../../helpers/eca';

const ID = 'schema-duplicate-element';

test(`${ID}: a non-list element twice: error at the second, related information at the first`, () => {
  withFixture({ [P.header]: header('    <distributionState>Local</distributionState>\n    <⟦distributionState⟧>Packaged</distributionState>\n') }, (fx) => {
    const f = only(fx.findings(P.header, ID));
    assert.equal(f.severity, 'error');
    assertAtMark(fx, P.header, f);
    assert.match(f.message, /which one the platform keeps is not defined \(the first says "Local", this one "Packaged"\)/);
    assert.equal(f.related?.length, 1);
    assert.equal(f.related![0]!.range.start.line, 2);
    const fix = f.fixes[0]!;
    assert.equal(fix.kind, 'suggestion');
    assert.ok(!fix.preferred, 'different values: which to keep is the user\'s call');
  });
});

test(`${ID}: the same value twice: removing the second is the preferred suggestion; CRLF and comments kept`, () => {
  const text = '<?xml version="1.0" encoding="UTF-8"?>\r\n<ExternalClientApplication xmlns="http://soap.sforce.com/2006/04/metadata">\r\n    <label>Billing</label> <!-- a -->\r\n    <label>Billing</label>\r\n</ExternalClientApplication>\r\n';
  withFixture({ [P.header]: text }, (fx) => {
    const f = only(fx.findings(P.header, ID));
    assertFixedTo(fx, P.header, ID, preferred(f), text.replace('    <label>Billing</label>\r\n', ''));
  });
});

test(`${ID}: silent for list elements (customAttributes) and unknown elements`, () => {
  const attr = '    <customAttributes>\n        <formula>1</formula>\n        <key>a</key>\n    </customAttributes>\n';
  withFixture({
    [P.oauth]: oauthSettings(`${attr}${attr}    <externalClientApplication>Billing</externalClientApplication>\n`),
    [P.header]: header('    <foo>1</foo>\n    <foo>2</foo>\n'),
  }, (fx) => {
    assert.equal(fx.findings(P.oauth, ID).length, 0);
    assert.equal(fx.findings(P.header, ID).length, 0);
  });
});

test(`${ID}: inside a list item: a key given twice`, () => {
  const body = '    <customAttributes>\n        <formula>1</formula>\n        <key>a</key>\n        <⟦key⟧>b</key>\n    </customAttributes>\n    <externalClientApplication>Billing</externalClientApplication>\n';
  withFixture({ [P.oauth]: oauthSettings(body) }, (fx) => {
    const f = only(fx.findings(P.oauth, ID));
    assertAtMark(fx, P.oauth, f);
    assert.match(f.message, /<key> is given more than once in <customAttributes>/);
  });
});

test(`${ID}: among many siblings (looked up in a map beyond 32): each repeat is reported, against the first of its name`, () => {
  // 40 unknown elements (no field: never reported here), then a label three times and a description twice.
  const filler = Array.from({ length: 40 }, (_, i) => `    <x${i}>v</x${i}>\n`).join('');
  const body = `    <label>A</label>\n${filler}    <description>d</description>\n    <label>B</label>\n    <description>d</description>\n    <label>C</label>\n`;
  withFixture({ [P.header]: header(body) }, (fx) => {
    const found = fx.findings(P.header, ID);
    assert.deepEqual(found.map((f) => [f.range.start.line, f.related![0]!.range.start.line]), [
      [44, 2], // the second label, against the first (line 2)
      [45, 43], // the second description
      [46, 2], // the third label, against the first too
    ]);
  });
});
