import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { header } from '../../helpers/fixture';
import { assertAtMark, assertParses, noDevHub, only, P, preferred, withFixture } from '../../helpers/eca';
import type { EngineOptions } from '../../../server/src/engine';

const ID = 'org-scoped-app-invalid';
const HUB: EngineOptions = { devHubOrgId: '00DAb0000012345' };
const packaged = (scoped: string) =>
  header(`    <contactEmail>a@b.co</contactEmail>\n    <distributionState>Packaged</distributionState>\n    <label>Billing</label>\n    <orgScopedExternalApp>${scoped}</orgScopedExternalApp>\n`);
const local = (scoped: string) =>
  header(`    <contactEmail>a@b.co</contactEmail>\n    <distributionState>Local</distributionState>\n    <label>Billing</label>\n    <orgScopedExternalApp>${scoped}</orgScopedExternalApp>\n`);

test(`${ID}: placeholder org id on a Packaged app: error at the value; preferred fix writes the Dev Hub id`, () => {
  withFixture({ [P.header]: packaged('⟦00D-XXXXXXXXXXXXXX:Billing⟧') }, (fx) => {
    const f = only(fx.findings(P.header, ID));
    assert.equal(f.severity, 'error');
    assertAtMark(fx, P.header, f);
    assert.match(f.message, /"00D-XXXXXXXXXXXXXX:Billing" holds a placeholder org id/);
    assert.match(f.message, /deploy fails validation/);
    assert.match(f.message, /the Dev Hub org id/);
    const fix = preferred(f);
    assert.match(fix.title, /Set orgScopedExternalApp to 00DAb0000012345:Billing/);
    fx.apply(fix);
    const after = fx.read(P.header);
    assert.equal(after, packaged('00DAb0000012345:Billing'));
    assertParses(after);
    assert.equal(fx.findings(P.header, ID).length, 0);
  }, HUB);
});

test(`${ID}: placeholder on a Packaged app with no Dev Hub known: snippet, not preferred, needs devHubOrgId`, () => {
  const nd = noDevHub();
  try {
    withFixture({ [P.header]: packaged('00D-XXXXXXXXXXXXXX:Billing') }, (fx) => {
      const f = only(fx.findings(P.header, ID));
      const fix = f.fixes[0]!;
      assert.equal(f.fixes.length, 1);
      assert.equal(fix.snippet, true);
      assert.ok(!fix.preferred);
      assert.equal(fix.needs, 'devHubOrgId');
      assert.equal(fix.edits[0]!.newText, '${1:00DXXXXXXXXXXXX}:Billing');
      const text = fx.read(P.header);
      assert.equal(text.slice(fix.edits[0]!.start, fix.edits[0]!.end), '00D-XXXXXXXXXXXXXX:Billing');
    }, nd.options);
  } finally {
    nd.cleanup();
  }
});

test(`${ID}: placeholder on a Local app: the owning org is unknown, so only a snippet without the Dev Hub id`, () => {
  withFixture({ [P.header]: local('00D-XXXXXXXXXXXXXX:Billing') }, (fx) => {
    const f = only(fx.findings(P.header, ID));
    assert.match(f.message, /the id of the org that owns the app/);
    assert.equal(f.fixes.length, 1);
    assert.equal(f.fixes[0]!.snippet, true);
    assert.equal(f.fixes[0]!.needs, undefined);
    assert.ok(!f.fixes[0]!.preferred);
  }, HUB);
});

test(`${ID}: not <org id>:<name> at all`, () => {
  for (const bad of ['Billing', '00D00000000001:Billing', '00D0000000000011:Billing', '001000000000001:Billing']) {
    withFixture({ [P.header]: packaged(`⟦${bad}⟧`) }, (fx) => {
      const f = only(fx.findings(P.header, ID));
      assertAtMark(fx, P.header, f);
      assert.match(f.message, /is not <org id>:<app name>; the org id must be 00D followed by 12 or 15 letters and digits/, bad);
    }, HUB);
  }
});

test(`${ID}: empty element: finding at the tag name`, () => {
  const text = header('    <distributionState>Packaged</distributionState>\n    <⟦orgScopedExternalApp⟧></orgScopedExternalApp>\n');
  withFixture({ [P.header]: text }, (fx) => {
    const f = only(fx.findings(P.header, ID));
    assertAtMark(fx, P.header, f);
    assert.match(f.message, /orgScopedExternalApp is empty; it must be <org id>:Billing/);
    fx.apply(preferred(f));
    assert.equal(fx.read(P.header), header('    <distributionState>Packaged</distributionState>\n    <orgScopedExternalApp>00DAb0000012345:Billing</orgScopedExternalApp>\n'));
  }, HUB);
});

test(`${ID}: the name part is another app: fix changes only the name part`, () => {
  withFixture({ [P.header]: packaged('⟦00D000000000001:Payments⟧') }, (fx) => {
    const f = only(fx.findings(P.header, ID));
    assertAtMark(fx, P.header, f);
    assert.match(f.message, /names app "Payments", but this header is "Billing"/);
    const fix = preferred(f);
    assert.equal(fix.title, 'Change the name part to "Billing"');
    fx.apply(fix);
    assert.equal(fx.read(P.header), packaged('00D000000000001:Billing'));
    assert.equal(fx.findings(P.header, ID).length, 0);
  }, HUB);
});

test(`${ID}: no name after the colon: the fix adds it; surrounding whitespace, CRLF and a comment are kept`, () => {
  const text = '<?xml version="1.0" encoding="UTF-8"?>\r\n<ExternalClientApplication xmlns="http://soap.sforce.com/2006/04/metadata">\r\n\t<distributionState>Packaged</distributionState>\r\n\t<orgScopedExternalApp> 00D000000000001: </orgScopedExternalApp> <!-- from the Dev Hub -->\r\n</ExternalClientApplication>\r\n';
  withFixture({ [P.header]: text }, (fx) => {
    const f = only(fx.findings(P.header, ID));
    assert.match(f.message, /has no app name after the colon; it must be "00D000000000001:Billing"/);
    fx.apply(preferred(f));
    const after = fx.read(P.header);
    assert.equal(after, text.replace('00D000000000001: <', '00D000000000001:Billing <'));
    assertParses(after);
    assert.equal(fx.findings(P.header, ID).length, 0);
  }, HUB);
});

test(`${ID}: silent for valid values with 15- and 18-character org ids, and when the element is absent`, () => {
  for (const ok of ['00DAb0000012345:Billing', '00DAb0000012345XYZ:Billing', '00Dg5000009zXWb:Billing']) {
    withFixture({ [P.header]: packaged(ok) }, (fx) => assert.equal(fx.findings(P.header, ID).length, 0, ok), HUB);
  }
  withFixture({ [P.header]: header('    <distributionState>Local</distributionState>\n') }, (fx) => assert.equal(fx.findings(P.header, ID).length, 0), HUB);
});

test('org-scoped-app-invalid: the snippet placeholder 00DXXXXXXXXXXXX left in place is flagged although it has an org id\'s shape', () => {
  withFixture({ [P.header]: header(`    <distributionState>Packaged</distributionState>\n    <orgScopedExternalApp>⟦00DXXXXXXXXXXXX:Billing⟧</orgScopedExternalApp>\n`) }, (fx) => {
    const f = only(fx.findings(P.header, 'org-scoped-app-invalid'));
    assertAtMark(fx, P.header, f);
    assert.match(f.message, /placeholder org id/);
  });
});

test('org-scoped-app-invalid: a real 15-character org id with the right name is not flagged', () => {
  withFixture({ [P.header]: header(`    <distributionState>Packaged</distributionState>\n    <orgScopedExternalApp>00D5g000004XyZa:Billing</orgScopedExternalApp>\n`) }, (fx) => {
    assert.equal(fx.findings(P.header, 'org-scoped-app-invalid').length, 0);
  });
});
